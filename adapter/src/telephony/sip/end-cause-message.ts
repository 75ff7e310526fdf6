import type { EndCause } from '../provider';

/**
 * What the agent reads when a call ends or never connects. Plain sentences, no SIP jargon:
 * the agent has to know whether to redial, check the number, or call their admin.
 * Also used for registration failures (the provider reports those reasons as EndCause values).
 */
const MESSAGES: Record<EndCause, string> = {
  'local-hangup': 'You ended the call.',
  'remote-hangup': 'The other party hung up.',
  busy: 'The number is busy.',
  'no-answer': 'Nobody answered the call.',
  rejected: 'The call was declined.',
  canceled: 'The call was canceled before it was answered.',
  'not-found': 'That number or extension does not exist on the phone system.',
  unavailable: 'The person you called cannot be reached right now.',
  'auth-failed': 'The phone system rejected your SIP user name or password.',
  'bad-media': 'The call audio could not be set up. Check that the browser may use your microphone.',
  'connection-lost': 'The connection to the phone system was lost.',
  'invalid-number': 'The number is incomplete or not valid.',
  error: 'The phone system could not complete the call.'
};

export function endCauseMessage(cause: EndCause): string {
  return MESSAGES[cause];
}

export const ALL_END_CAUSES = Object.keys(MESSAGES) as EndCause[];
