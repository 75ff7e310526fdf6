/** The searchAndScreenPop search over the in-memory org: phone numbers by digits, names by substring. */
import type { JsonObject } from '../shared/protocol';
import { PHONE_FIELDS, recordName, type SRecord } from './data';

/** The objects in the emulator's softphone layout (getSoftphoneLayout) — what a search looks at. */
export const SEARCHABLE_OBJECTS = ['Contact', 'Lead', 'Account'];

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Formatting and country prefixes differ between records; the last 10 digits identify the line. */
export function phoneKey(value: string): string {
  return digitsOf(value).slice(-10);
}

export function searchRecords(records: readonly SRecord[], query: string): SRecord[] {
  const trimmed = query.trim();
  const candidates = records.filter((r) => SEARCHABLE_OBJECTS.includes(r.objectType));
  if (/[a-z]/i.test(trimmed)) {
    if (trimmed.length < 2) return [];
    const needle = trimmed.toLowerCase();
    return candidates.filter((r) => recordName(r).toLowerCase().includes(needle));
  }
  const key = phoneKey(trimmed);
  if (key.length < 3) return [];
  return candidates.filter((r) =>
    PHONE_FIELDS.some((field) => {
      const value = r.fields[field];
      return typeof value === 'string' && phoneKey(value) === key;
    })
  );
}

/** One entry of the returnValue map: Id, Name, RecordType (the object's API name) and the phone fields. */
export function searchMatch(record: SRecord): JsonObject {
  const match: JsonObject = { Id: record.Id, Name: recordName(record), RecordType: record.objectType };
  for (const field of PHONE_FIELDS) {
    const value = record.fields[field];
    if (value !== undefined) match[field] = value;
  }
  return match;
}
