import type { Call, RecordRef, TaskLogValue } from '../call/types';
import { t } from '../i18n/labels';
import { qualityFields, qualityLine } from './quality-fields';

/**
 * The Task written for a call. saveLog sets no defaults (Task.Status would be "Not Started"),
 * so every field that makes it a closed call activity is sent explicitly. TaskSubtype is
 * create-only, which is fine: a log is created once and only ever updated by its Id.
 */
export const TASK_LIMITS = { subject: 255, callObject: 255, disposition: 255, description: 32_000 } as const;

const WHO_TYPES = new Set(['Contact', 'Lead']);

export function isWhoType(objectType: string | null): boolean {
  return objectType !== null && WHO_TYPES.has(objectType);
}

/** Splits records into the Task's WhoId / WhatId; a Lead can't be combined with a WhatId. */
export function relate(who: RecordRef | null, what: RecordRef | null): { WhoId?: string; WhatId?: string } {
  const out: { WhoId?: string; WhatId?: string } = {};
  if (who) out.WhoId = who.id;
  if (what && !(who && who.objectType === 'Lead')) out.WhatId = what.id;
  return out;
}

/**
 * Task.CallObject: the SIP Call-ID when the line gave one, so the PBX's CDRs and recordings join to the
 * Task (docs/telephony.md, "Joining PBX records to Tasks"); our own id on the demo line. Stable for the
 * call's life, so every send of its log, and the findCallLog lookup, use one value.
 */
export function callObjectOf(call: Pick<Call, 'id' | 'sipCallId'>): string {
  return call.sipCallId ?? call.id;
}

/** The CallObject a built log carries, for looking its Task up; null when it has none. */
export function writtenCallObject(value: Readonly<Record<string, unknown>>): string | null {
  const written = value['CallObject'];
  return typeof written === 'string' && written !== '' ? written : null;
}

export function buildTaskLog(call: Call, at: number): TaskLogValue {
  const inbound = call.direction === 'inbound';
  const party = call.who?.name ?? call.what?.name ?? call.display;
  const subject = t('Switchboard_Task_Subject', { direction: call.direction, party });
  const seconds =
    call.connectedAt !== null ? Math.max(0, Math.round(((call.endedAt ?? at) - call.connectedAt) / 1000)) : 0;
  const value: TaskLogValue = {
    entityApiName: 'Task',
    Subject: clip(subject, TASK_LIMITS.subject),
    Status: 'Completed',
    ActivityDate: localDate(call.startedAt),
    TaskSubtype: 'Call',
    CallType: inbound ? 'Inbound' : 'Outbound',
    CallDurationInSeconds: seconds,
    CallObject: clip(callObjectOf(call), TASK_LIMITS.callObject),
    CallDisposition: clip(call.disposition, TASK_LIMITS.disposition),
    Description: clip(describe(call), TASK_LIMITS.description),
    ...relate(call.who, call.what),
    ...qualityFields(call.quality)
  };
  return value;
}

function describe(call: Call): string {
  const lines = [call.notes.trim()];
  const facts = [t('Switchboard_Task_Party', { direction: call.direction, number: call.display })];
  if (call.callerName) facts.push(t('Switchboard_Task_CallerIdName', { name: call.callerName }));
  if (call.transferTo) facts.push(t('Switchboard_Task_TransferredTo', { number: call.transferTo }));
  if (call.connectedAt === null && call.endCause)
    facts.push(t('Switchboard_Task_NotConnected', { cause: call.endCause }));
  lines.push(facts.join(' · '));
  lines.push(qualityLine(call.quality) ?? '');
  return lines.filter((l) => l.length > 0).join('\n\n');
}

/** YYYY-MM-DD in the agent's time zone: ActivityDate is a date, not a timestamp. */
export function localDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
