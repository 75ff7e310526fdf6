/**
 * saveLog against the in-memory org: create with `entityApiName`, update with a known `Id`.
 * Fields are stored exactly as sent; the only addition is the Task object default Status
 * ("Not Started"), because that is what the org does — no call-logging defaults are invented.
 */
import { isRecord, type Json, type OpenCtiResponse } from '../shared/protocol';
import type { FieldValue } from './data';
import { fail, genericError, ok, SAVELOG_DESCRIPTION } from './responses';
import type { Store } from './store';

const TASK_PICKLISTS: Record<string, readonly string[]> = {
  CallType: ['Inbound', 'Outbound', 'Internal'],
  TaskSubtype: ['Task', 'Email', 'LinkedIn', 'List Email', 'Cadence', 'Call']
};

interface FieldProblem {
  statusCode: string;
  message: string;
  fields: string[];
}

function saveError(problems: FieldProblem[], description = SAVELOG_DESCRIPTION): OpenCtiResponse {
  return fail(genericError(description, problems as unknown as Json));
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function taskProblems(fields: Record<string, FieldValue>, isUpdate: boolean, store: Store): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, allowed] of Object.entries(TASK_PICKLISTS)) {
    const value = fields[field];
    if (value !== undefined && value !== null && !allowed.includes(String(value))) {
      problems.push({
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: `${field}: bad value for restricted picklist field: ${String(value)}`,
        fields: [field]
      });
    }
  }
  if (isUpdate && 'TaskSubtype' in fields) {
    problems.push({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'Unable to create/update fields: TaskSubtype.', fields: ['TaskSubtype'] });
  }
  const callObject = fields.CallObject;
  if (typeof callObject === 'string' && callObject.length > 255) {
    problems.push({ statusCode: 'STRING_TOO_LONG', message: `Call Object Identifier: data value too large (max length=255)`, fields: ['CallObject'] });
  }
  for (const field of ['WhoId', 'WhatId']) {
    const id = fields[field];
    if (typeof id !== 'string' || id === '') continue;
    const target = store.findRecord(id);
    const wrongType = field === 'WhoId' && target && !['Contact', 'Lead'].includes(target.objectType);
    if (!target || wrongType) {
      problems.push({ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `${field}: id value of incorrect type: ${id}`, fields: [field] });
    }
  }
  return problems;
}

export class SaveLogService {
  private failuresLeft = 0;
  private failureDescription = SAVELOG_DESCRIPTION;

  constructor(private readonly store: Store) {}

  failNext(count: number, description?: string): void {
    this.failuresLeft = Math.max(0, Math.floor(count));
    this.failureDescription = description ?? SAVELOG_DESCRIPTION;
  }

  reset(): void {
    this.failNext(0);
  }

  save(object: unknown): OpenCtiResponse {
    if (!isRecord(object)) return saveError([{ statusCode: 'INVALID_INPUT', message: 'value must be an object', fields: [] }]);
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      return saveError([{ statusCode: 'EMULATOR_INJECTED_FAILURE', message: 'Failure injected by window.emulator.failNextSaveLogs()', fields: [] }], this.failureDescription);
    }
    const { Id: id, entityApiName, ...rest } = object;
    const fields: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (!isFieldValue(value)) {
        return saveError([{ statusCode: 'INVALID_TYPE', message: `${key}: unsupported value type`, fields: [key] }]);
      }
      fields[key] = value;
    }
    if (id !== undefined && id !== null && id !== '') return this.update(id, fields);
    if (typeof entityApiName === 'string' && entityApiName !== '') return this.create(entityApiName, fields);
    return saveError([{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Pass entityApiName to create a record or Id to update one.', fields: ['entityApiName', 'Id'] }]);
  }

  private create(objectType: string, fields: Record<string, FieldValue>): OpenCtiResponse {
    if (objectType === 'Task') {
      const problems = taskProblems(fields, false, this.store);
      if (problems.length > 0) return saveError(problems);
      if (fields.Status === undefined) fields.Status = 'Not Started';
    }
    const recordId = this.store.newId(objectType);
    this.store.update((s) => s.records.push({ Id: recordId, objectType, fields }));
    return ok({ recordId });
  }

  private update(id: unknown, fields: Record<string, FieldValue>): OpenCtiResponse {
    const record = this.store.findRecord(id);
    if (!record) {
      return saveError([{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${String(id)}`, fields: ['Id'] }]);
    }
    if (record.objectType === 'Task') {
      const problems = taskProblems(fields, true, this.store);
      if (problems.length > 0) return saveError(problems);
    }
    this.store.update(() => Object.assign(record.fields, fields));
    return ok({ recordId: record.Id });
  }
}
