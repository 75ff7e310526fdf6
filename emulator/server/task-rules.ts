/**
 * What the org checks when saveLog writes a record: Task restricted picklists, the create-only
 * TaskSubtype, CallObject's length and WhoId/WhatId integrity. Fields are stored exactly as sent;
 * the only addition is the Task object default Status ("Not Started"), because that is what the
 * org does — no call-logging defaults are invented.
 */
import type { Json, OpenCtiResponse } from '../shared/protocol';
import type { FieldValue, SRecord } from '../host/data';
import { fail, genericError, SAVELOG_DESCRIPTION } from '../host/responses';

const TASK_PICKLISTS: Record<string, readonly string[]> = {
  CallType: ['Inbound', 'Outbound', 'Internal'],
  TaskSubtype: ['Task', 'Email', 'LinkedIn', 'List Email', 'Cadence', 'Call']
};

export interface FieldProblem {
  statusCode: string;
  message: string;
  fields: string[];
}

export function saveError(problems: FieldProblem[], description = SAVELOG_DESCRIPTION): OpenCtiResponse {
  return fail(genericError(description, problems as unknown as Json));
}

export function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function taskProblems(
  fields: Record<string, FieldValue>,
  isUpdate: boolean,
  findRecord: (id: string) => SRecord | undefined
): FieldProblem[] {
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
    problems.push({
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: 'Unable to create/update fields: TaskSubtype.',
      fields: ['TaskSubtype']
    });
  }
  const callObject = fields.CallObject;
  if (typeof callObject === 'string' && callObject.length > 255) {
    problems.push({
      statusCode: 'STRING_TOO_LONG',
      message: `Call Object Identifier: data value too large (max length=255)`,
      fields: ['CallObject']
    });
  }
  for (const field of ['WhoId', 'WhatId']) {
    const id = fields[field];
    if (typeof id !== 'string' || id === '') continue;
    const target = findRecord(id);
    const wrongType = field === 'WhoId' && target && !['Contact', 'Lead'].includes(target.objectType);
    if (!target || wrongType) {
      problems.push({
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `${field}: id value of incorrect type: ${id}`,
        fields: [field]
      });
    }
  }
  return problems;
}
