/**
 * The UI API's answers for getRecord and getObjectInfo, built from the emulator's records: the record
 * shape LDS hands a wire (`{apiName, id, fields: {F: {value, displayValue}}}`), required fields that the
 * object lacks as an INVALID_FIELD error, optional ones simply left out, and 404 for an unknown id.
 */
import type { Json, JsonObject } from '../shared/protocol';
import type { SRecord } from '../host/data';
import { OBJECT_FIELDS } from './object-info';
import type { Outcome, UiApiError, UiRecordFields } from './platform';

function uiError(
  status: number,
  statusText: string,
  errorCode: string,
  message: string
): { error: UiApiError } {
  return { error: { status, statusText, body: [{ errorCode, message }] } };
}

function objectHasField(record: SRecord, field: string): boolean {
  return field in record.fields || field in (OBJECT_FIELDS[record.objectType] ?? {});
}

/** `Contact.Phone` → `Phone` for this record's object; null for another object's field or a malformed name. */
function fieldOf(record: SRecord, qualified: string): string | null {
  const [objectApiName, field, ...rest] = qualified.split('.');
  if (objectApiName !== record.objectType || !field || rest.length > 0) return null;
  return field;
}

export function uiRecord(
  record: SRecord | undefined,
  request: UiRecordFields
): Outcome<JsonObject, UiApiError> {
  if (!record) return uiError(404, 'Not Found', 'NOT_FOUND', 'The requested resource does not exist');
  const fields: JsonObject = {};
  for (const qualified of request.fields ?? []) {
    const field = fieldOf(record, qualified);
    if (field === null || !objectHasField(record, field)) {
      return uiError(
        400,
        'Bad Request',
        'INVALID_FIELD',
        `No such column '${qualified.split('.').pop() ?? qualified}' on entity '${record.objectType}'.`
      );
    }
    fields[field] = { value: record.fields[field] ?? null, displayValue: null };
  }
  for (const qualified of request.optionalFields ?? []) {
    const field = fieldOf(record, qualified);
    if (field !== null && objectHasField(record, field))
      fields[field] = { value: record.fields[field] ?? null, displayValue: null };
  }
  return {
    data: { apiName: record.objectType, id: record.Id, fields, childRelationships: {}, recordTypeId: null }
  };
}

export function uiObjectInfo(
  objectApiName: string,
  records: readonly SRecord[]
): Outcome<JsonObject, UiApiError> {
  const known = OBJECT_FIELDS[objectApiName];
  const carried = records.filter((r) => r.objectType === objectApiName).flatMap((r) => Object.keys(r.fields));
  if (!known && carried.length === 0)
    return uiError(400, 'Bad Request', 'INVALID_TYPE', `${objectApiName} is not supported in UI API`);
  const fields: Record<string, Json> = {};
  for (const name of new Set([...Object.keys(known ?? {}), ...carried])) {
    fields[name] = { apiName: name, label: known?.[name] ?? name };
  }
  return { data: { apiName: objectApiName, label: objectApiName, fields } };
}
