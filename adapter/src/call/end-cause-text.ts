import type { EndCause } from './types';

/**
 * What the agent reads when a call ends or never connects. Plain sentences, no SIP jargon:
 * the agent has to know whether to redial, check the number, or call their admin.
 * Also used for registration failures (the provider reports those reasons as EndCause values).
 * The one table for every provider, the call machine's notices and the status bar.
 */
const MESSAGES: Record<EndCause, string> = {
  'local-hangup': 'Call ended.',
  'remote-hangup': 'The other party hung up.',
  busy: 'The number is busy.',
  'no-answer': 'No answer.',
  rejected: 'The call was rejected.',
  canceled: 'The call was cancelled.',
  'not-found': 'That number or user does not exist on the phone system.',
  unavailable: 'The number is unavailable right now.',
  'auth-failed': 'The phone system rejected your SIP user name or password.',
  'bad-media': 'The call could not set up audio (microphone or codec problem).',
  'connection-lost': 'The connection to the phone system was lost.',
  'invalid-number': 'That number cannot be dialled.',
  error: 'The call failed.'
};

export function endCauseMessage(cause: EndCause): string {
  return MESSAGES[cause];
}

export const ALL_END_CAUSES = Object.keys(MESSAGES) as EndCause[];

export function isEndCause(value: string): value is EndCause {
  return Object.prototype.hasOwnProperty.call(MESSAGES, value);
}
