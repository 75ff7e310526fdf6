import type { causes } from 'jssip/lib/Constants';
import type { EndCause } from '../provider';

/**
 * JsSIP's `ended` / `failed` causes, translated to our EndCause union. Pure (type-only
 * import of JsSIP) so the table is unit tested against every string in `JsSIP.C.causes`.
 *
 * Choices worth knowing:
 * - `Unavailable` covers 480/410/430 *and* 408. A 408 on an INVITE is the proxy's ring
 *   timer running out, i.e. nobody picked up, so 408 → `no-answer`; the rest → `unavailable`.
 * - `Request Timeout` (JsSIP's own transaction timer: no final response at all) → `unavailable`:
 *   the far end could not be reached, which is not the agent's connection failing.
 * - `No Answer` (our own no-answer timer on an inbound call) and `Expires` (the caller's
 *   INVITE Expires ran out before anyone answered) → `no-answer`.
 * - `Terminated` (a BYE) → `local-hangup` / `remote-hangup` by who sent it.
 * - `Dialog Error`, `No ACK`, `RTP Timeout`, `Connection Error` → `connection-lost`: the call
 *   was up (or being set up) and the signalling or media path went away.
 * - `SIP Failure Code` (a 4xx–6xx JsSIP has no name for) and `Internal Error` → `error`.
 */
export type JsSipCause = `${causes}`;

export type Originator = 'local' | 'remote' | 'system';

export interface JsSipEnd {
  cause: string;
  originator: Originator;
  /** Final response status that ended the call, when a response did. */
  statusCode?: number;
}

type CauseRule = EndCause | ((end: JsSipEnd) => EndCause);

const RULES: Record<JsSipCause, CauseRule> = {
  'Connection Error': 'connection-lost',
  'Request Timeout': 'unavailable',
  'SIP Failure Code': 'error',
  'Internal Error': 'error',
  Busy: 'busy',
  Rejected: 'rejected',
  // We do not follow 3xx redirects, so the party cannot be reached from here.
  Redirected: 'unavailable',
  Unavailable: (end) => (end.statusCode === 408 ? 'no-answer' : 'unavailable'),
  'Not Found': 'not-found',
  'Address Incomplete': 'invalid-number',
  'Incompatible SDP': 'bad-media',
  'Missing SDP': 'bad-media',
  'Authentication Error': 'auth-failed',
  Terminated: (end) => (end.originator === 'remote' ? 'remote-hangup' : 'local-hangup'),
  'WebRTC Error': 'bad-media',
  Canceled: 'canceled',
  'No Answer': 'no-answer',
  Expires: 'no-answer',
  'No ACK': 'connection-lost',
  'Dialog Error': 'connection-lost',
  'User Denied Media Access': 'bad-media',
  'Bad Media Description': 'bad-media',
  'RTP Timeout': 'connection-lost'
};

/** Whether the table has a rule for `cause` (anything else falls back to `error`). */
export function isKnownJsSipCause(cause: string): cause is JsSipCause {
  return Object.prototype.hasOwnProperty.call(RULES, cause);
}

export function endCauseFromJsSip(end: JsSipEnd): EndCause {
  if (!isKnownJsSipCause(end.cause)) return 'error';
  const rule = RULES[end.cause];
  return typeof rule === 'function' ? rule(end) : rule;
}
