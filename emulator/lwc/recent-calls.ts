/**
 * SwitchboardCallLogController.getRecentCalls run against the emulator's Tasks, with the class's rules
 * (force-app/main/default/classes/SwitchboardCallLogController.cls): call Tasks (TaskSubtype = 'Call')
 * whose WhoId or WhatId is the record, newest first (CreatedDate DESC, Id DESC), limit clamped to 1..50
 * with null meaning 5, and no rows for a null recordId. Fields the Task lacks are left out of its row, as
 * Apex leaves null fields out of the JSON it returns.
 */
import type { Json, JsonObject } from '../shared/protocol';
import type { SRecord } from '../host/data';
import type { ApexError, Outcome } from './platform';

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
const ROW_FIELDS = [
  'Subject',
  'CallType',
  'CallDurationInSeconds',
  'CallDisposition',
  'CreatedDate'
] as const;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function apexError(message: string, exceptionType: string): { error: ApexError } {
  return { error: { status: 500, statusText: 'Server Error', body: { message, exceptionType } } };
}

function clampLimit(limitSize: Json | undefined): number | null {
  if (limitSize === null || limitSize === undefined) return DEFAULT_LIMIT;
  if (typeof limitSize !== 'number' || !Number.isInteger(limitSize)) return null;
  return Math.min(Math.max(limitSize, 1), MAX_LIMIT);
}

const same15 = (a: unknown, b: string): boolean => typeof a === 'string' && a.slice(0, 15) === b.slice(0, 15);

function createdAt(task: SRecord): string {
  return typeof task.fields.CreatedDate === 'string' ? task.fields.CreatedDate : '';
}

export function getRecentCalls(params: JsonObject, records: readonly SRecord[]): Outcome<Json, ApexError> {
  const { recordId, limitSize } = params;
  const limit = clampLimit(limitSize);
  if (limit === null)
    return apexError(
      `Value provided is invalid for action parameter 'limitSize' of type 'Integer'`,
      'System.TypeException'
    );
  if (recordId === null || recordId === undefined) return { data: [] };
  if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId))
    return apexError(`Invalid id: ${String(recordId)}`, 'System.StringException');
  const rows = records
    .filter(
      (r) =>
        r.objectType === 'Task' &&
        r.fields.TaskSubtype === 'Call' &&
        (same15(r.fields.WhoId, recordId) || same15(r.fields.WhatId, recordId))
    )
    .sort((a, b) => createdAt(b).localeCompare(createdAt(a)) || b.Id.localeCompare(a.Id))
    .slice(0, limit)
    .map((task) => {
      const row: JsonObject = { Id: task.Id };
      for (const field of ROW_FIELDS) {
        const value = task.fields[field];
        if (value !== null && value !== undefined) row[field] = value;
      }
      return row;
    });
  return { data: rows };
}
