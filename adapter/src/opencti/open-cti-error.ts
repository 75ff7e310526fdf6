import type { OpenCtiErrorItem } from './types';
import { t } from '../i18n/labels';

/**
 * A failed Open CTI call. `code` is the platform's (INVALID_PARAM, GENERIC_ERROR, SERVER_ERROR,
 * SOFTPHONE_CONTAINER_ERROR) or ours: CLIENT_VALIDATION when the library threw before posting,
 * TIMEOUT when the host never answered (the library itself never times out), UNAVAILABLE when
 * the library is not loaded at all.
 */
export class OpenCtiError extends Error {
  readonly method: string;
  readonly code: string;
  readonly description: string;
  readonly details: unknown;
  readonly errors: OpenCtiErrorItem[];

  constructor(method: string, errors: OpenCtiErrorItem[]) {
    const first = errors[0] ?? {
      code: 'GENERIC_ERROR',
      description: t('Switchboard_OpenCti_NoDescription')
    };
    super(`${method}: ${first.code}: ${first.description}`);
    this.name = 'OpenCtiError';
    this.method = method;
    this.code = first.code;
    this.description = first.description;
    this.details = first.details;
    this.errors = errors;
  }

  /** A one-line, agent-readable explanation including saveLog's `details` when present. */
  toAgentMessage(): string {
    const details = describeDetails(this.details);
    return details ? `${this.description} (${details})` : this.description;
  }
}

function describeDetails(details: unknown): string {
  if (details === undefined || details === null) return '';
  if (typeof details === 'string') return details;
  if (Array.isArray(details)) {
    return details
      .map((d) =>
        typeof d === 'string'
          ? d
          : typeof d === 'object' && d !== null && 'message' in d
            ? String(d.message)
            : JSON.stringify(d)
      )
      .join('; ');
  }
  return JSON.stringify(details);
}

/** What the agent reads about a failure: the platform's own words for an Open CTI error, else the message. */
export function agentText(error: unknown): string {
  if (error instanceof OpenCtiError) return error.toAgentMessage();
  return error instanceof Error ? error.message : String(error);
}
