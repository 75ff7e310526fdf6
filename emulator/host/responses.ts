/** The documented response envelope and error shapes (opencti-api.md §2.0, §3.1). */
import type { Json, OpenCtiError, OpenCtiResponse } from '../shared/protocol';

export function ok(returnValue: Json | null = null): OpenCtiResponse {
  return { success: true, returnValue, errors: null };
}

export function fail(...errors: OpenCtiError[]): OpenCtiResponse {
  return { success: false, returnValue: null, errors };
}

/** How a bad value is printed in INVALID_PARAM descriptions ("…but UNDEFINED was found instead."). */
function describeFound(value: unknown): string {
  if (value === undefined) return 'UNDEFINED';
  if (value === null) return 'NULL';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

export function invalidParam(param: string, expected: string, found: unknown): OpenCtiError {
  return {
    code: 'INVALID_PARAM',
    description: `An invalid value was passed to the parameter ${param}. ${expected} was expected, but ${describeFound(found)} was found instead.`
  };
}

export const GENERIC_DESCRIPTION = 'An error occurred while calling the API method.';
/** The saveLog failure description of the documented sample (error-messages page, Lightning methods). */
export const SAVELOG_DESCRIPTION =
  'An error occurred while calling the saveLog() API method. Review the Details field in the error section.';

export function genericError(description = GENERIC_DESCRIPTION, details?: Json): OpenCtiError {
  return details === undefined
    ? { code: 'GENERIC_ERROR', description }
    : { code: 'GENERIC_ERROR', description, details };
}

/** Checks used by several handlers; each returns an error or null. */
export function expectString(param: string, value: unknown, minLength = 1): OpenCtiError | null {
  if (typeof value === 'string' && value.length >= minLength) return null;
  const expected = minLength > 1 ? `A string of at least ${minLength} characters` : 'A non-empty string';
  return invalidParam(param, expected, value);
}

export function expectBoolean(param: string, value: unknown): OpenCtiError | null {
  return typeof value === 'boolean' ? null : invalidParam(param, 'A boolean value', value);
}

export function expectRange(param: string, value: unknown, min: number, max: number): OpenCtiError | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return invalidParam(param, 'A numeric value', value);
  if (value < min || value > max) return invalidParam(param, `A value between ${min} and ${max}`, value);
  return null;
}
