import { agentText } from '../opencti/open-cti-error';
import type { HostPort } from '../opencti/port';
import { isRecord } from '../shared/is-record';

/** The Apex the doctor asks, through runApex, what the agent may do with Tasks (force-app/…/classes). */
export const CHECK_ACCESS = { apexClass: 'SwitchboardSoftphoneService', methodName: 'checkAccess' } as const;

/**
 * What SwitchboardSoftphoneService.checkAccess told, or why it could not be asked. Salesforce
 * answers a class that is not there (or, as far as the adapter can tell, one the user may not
 * run) with the server error "Could not load Apex class: …" (opencti-api.md §2.13).
 */
export type ApexAccess =
  | { kind: 'answered'; taskCreateable: boolean; fieldsNotCreateable: string[] }
  | { kind: 'missing' }
  | { kind: 'failed'; error: string };

export function parseAccessAnswer(raw: string): ApexAccess {
  let answer: unknown;
  try {
    answer = JSON.parse(raw);
  } catch {
    return { kind: 'failed', error: `checkAccess answered something that is not JSON (${raw.slice(0, 80)})` };
  }
  if (!isRecord(answer)) return { kind: 'failed', error: 'checkAccess answered JSON that is not an object' };
  if (answer.ok !== true) {
    const code = typeof answer.error === 'string' ? answer.error : 'UNKNOWN';
    const message = typeof answer.message === 'string' ? `: ${answer.message}` : '';
    return { kind: 'failed', error: `${code}${message}` };
  }
  const fields = Array.isArray(answer.fieldsNotCreateable)
    ? answer.fieldsNotCreateable.filter((f): f is string => typeof f === 'string')
    : [];
  return { kind: 'answered', taskCreateable: answer.taskCreateable === true, fieldsNotCreateable: fields };
}

/** Asks checkAccess once. Never rejects. */
export async function askApexAccess(host: Pick<HostPort, 'runApex'>): Promise<ApexAccess> {
  try {
    const raw = await host.runApex(CHECK_ACCESS.apexClass, CHECK_ACCESS.methodName, '');
    return parseAccessAnswer(raw);
  } catch (error) {
    const text = agentText(error);
    if (/could not load apex class/i.test(text)) return { kind: 'missing' };
    return { kind: 'failed', error: text };
  }
}
