import type { EndCause } from './types';
import { t, type PlainLabelName } from '../i18n/labels';

/**
 * What the agent reads when a call ends or never connects. Plain sentences, no SIP jargon:
 * the agent has to know whether to redial, check the number, or call their admin.
 * Also used for registration failures (the provider reports those reasons as EndCause values).
 * The one table for every provider, the call machine's notices and the status bar.
 */
const MESSAGES: Record<EndCause, PlainLabelName> = {
  'local-hangup': 'Switchboard_EndCause_LocalHangup',
  'remote-hangup': 'Switchboard_EndCause_RemoteHangup',
  busy: 'Switchboard_EndCause_Busy',
  'no-answer': 'Switchboard_EndCause_NoAnswer',
  rejected: 'Switchboard_EndCause_Rejected',
  canceled: 'Switchboard_EndCause_Canceled',
  'not-found': 'Switchboard_EndCause_NotFound',
  unavailable: 'Switchboard_EndCause_Unavailable',
  'auth-failed': 'Switchboard_EndCause_AuthFailed',
  'bad-media': 'Switchboard_EndCause_BadMedia',
  'connection-lost': 'Switchboard_EndCause_ConnectionLost',
  'invalid-number': 'Switchboard_EndCause_InvalidNumber',
  error: 'Switchboard_EndCause_Error'
};

export function endCauseMessage(cause: EndCause): string {
  return t(MESSAGES[cause]);
}

export const ALL_END_CAUSES = Object.keys(MESSAGES) as EndCause[];

export function isEndCause(value: string): value is EndCause {
  return Object.prototype.hasOwnProperty.call(MESSAGES, value);
}
