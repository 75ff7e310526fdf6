import type { HostPort } from './port';
import { isTaskId } from './salesforce-id';

/** The Apex the softphone asks, through runApex, whether a call's Task already exists. */
export const FIND_CALL_LOG = { apexClass: 'SwitchboardSoftphoneService', methodName: 'findCallLog' } as const;

/**
 * What the lookup established. Only `found` may stop a create: `absent` and `failed` both lead to a
 * send (a rare duplicate beats a lost call); `failed` says why, so it can be logged.
 */
export type CallLogLookup =
  { kind: 'found'; taskId: string } | { kind: 'absent' } | { kind: 'failed'; error: string };

/**
 * Reads SwitchboardSoftphoneService.findCallLog's answer (force-app/main/default/classes):
 * `{"ok":true,"taskId":"00T…"|null}` or `{"ok":false,"error":CODE,"message":…}`. The bare Id or
 * empty string that the first version of the class returned is still understood, so an org whose
 * Apex is older than its static resource keeps working.
 */
export function parseCallLogLookup(raw: string): CallLogLookup {
  const text = raw.trim();
  // Taken before isTaskId, whose type guard would narrow a non-Id string to never.
  const preview = text.slice(0, 80);
  if (text === '') return { kind: 'absent' };
  if (isTaskId(text)) return { kind: 'found', taskId: text };
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { kind: 'failed', error: `findCallLog answered something that is not JSON (${preview})` };
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return { kind: 'failed', error: 'findCallLog answered JSON that is not an object' };
  }
  const { ok, taskId, error, message } = answer as Record<string, unknown>;
  if (ok === true) {
    if (taskId === null || taskId === undefined) return { kind: 'absent' };
    if (isTaskId(taskId)) return { kind: 'found', taskId };
    return { kind: 'failed', error: 'findCallLog answered a taskId that is not a Task Id' };
  }
  if (ok === false) {
    const code = typeof error === 'string' && error !== '' ? error : 'UNKNOWN';
    return {
      kind: 'failed',
      error: typeof message === 'string' && message !== '' ? `${code}: ${message}` : code
    };
  }
  return { kind: 'failed', error: 'findCallLog answered without an ok flag' };
}

/** Asks whether the call's Task exists. Never rejects: a failed runApex is a `failed` lookup. */
export async function findCallLog(
  host: Pick<HostPort, 'runApex'>,
  callObject: string
): Promise<CallLogLookup> {
  try {
    const raw = await host.runApex(
      FIND_CALL_LOG.apexClass,
      FIND_CALL_LOG.methodName,
      `callObject=${encodeURIComponent(callObject)}`
    );
    return parseCallLogLookup(raw);
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
