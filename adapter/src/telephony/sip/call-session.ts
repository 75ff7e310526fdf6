import type {
  EndEvent,
  IncomingDTMFEvent,
  OutgoingDTMFEvent,
  ReferEvent,
  RTCSession
} from 'jssip/lib/RTCSession';
import type { Logger } from '../../logging/logger';
import type { EndCause, ProviderEvent } from '../provider';
import { endCauseFromJsSip, type Originator } from './end-cause';

export interface SipCall {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  /** Current JsSIP session; a blind transfer we accept swaps in the session to the new party. */
  session: RTCSession;
  progressed: boolean;
  /** answer() sent our 200 OK; JsSIP throws on a second answer(). */
  answered: boolean;
  connected: boolean;
  ended: boolean;
  remoteHold: boolean;
  /** Ended because we handed the call to someone else (REFER accepted), not because the agent hung up. */
  transferredAway: boolean;
  /** Cause to report instead of JsSIP's, when we ended the session ourselves for a reason JsSIP cannot know. */
  overrideCause?: { cause: EndCause; detail: string };
}

export function newCall(id: string, direction: SipCall['direction'], session: RTCSession): SipCall {
  return {
    id,
    direction,
    session,
    progressed: false,
    answered: false,
    connected: false,
    ended: false,
    remoteHold: false,
    transferredAway: false
  };
}

export interface SessionHooks {
  emit: (event: ProviderEvent) => void;
  dtmfReceived: (callId: string, tone: string) => void;
  /** The far end asked us (REFER) to call someone else in place of this call. */
  referred: (call: SipCall, event: ReferEvent) => void;
  /** The call is over; forget it. */
  finished: (call: SipCall) => void;
}

/**
 * Turns one JsSIP session's events into ProviderEvents for `call`. Events from a session the
 * call no longer uses (replaced by an accepted transfer) are ignored, as is anything after the end.
 */
export function wireSession(call: SipCall, session: RTCSession, hooks: SessionHooks): void {
  const isCurrent = () => call.session === session && !call.ended;
  session.on('progress', () => {
    if (!isCurrent() || call.direction !== 'outbound' || call.progressed || call.connected) return;
    call.progressed = true;
    hooks.emit({ type: 'progress', callId: call.id });
  });
  // Whichever comes first: an outbound call is up on 200 OK ('accepted'), ours once the ACK arrives.
  const connected = () => {
    if (!isCurrent() || call.connected) return;
    call.connected = true;
    hooks.emit({ type: 'connected', callId: call.id });
  };
  session.on('accepted', connected);
  session.on('confirmed', connected);
  session.on('hold', ({ originator }) => {
    if (originator === 'remote' && isCurrent()) call.remoteHold = true;
  });
  session.on('unhold', ({ originator }) => {
    if (originator === 'remote' && isCurrent()) call.remoteHold = false;
  });
  session.on('newDTMF', (event: IncomingDTMFEvent | OutgoingDTMFEvent) => {
    if (event.originator === 'remote' && isCurrent()) hooks.dtmfReceived(call.id, event.dtmf.tone);
  });
  session.on('refer', (event) => {
    if (!isCurrent() || !call.connected) event.reject();
    else hooks.referred(call, event);
  });
  const finished = (event: EndEvent) => {
    if (!isCurrent()) return;
    call.ended = true;
    hooks.finished(call);
    hooks.emit(endedEvent(call, event));
  };
  session.on('ended', finished);
  session.on('failed', finished);
}

function endedEvent(call: SipCall, event: EndEvent): ProviderEvent {
  // JsSIP passes `message: null` when no SIP message ended the call (our CANCEL, a local BYE), despite its typings.
  const message: EndEvent['message'] | null = event.message;
  const statusCode = message && 'status_code' in message ? message.status_code : undefined;
  if (call.overrideCause) return { type: 'ended', callId: call.id, ...call.overrideCause };
  if (call.transferredAway)
    return { type: 'ended', callId: call.id, cause: 'local-hangup', detail: 'transferred' };
  const originator = event.originator as Originator;
  const end =
    statusCode === undefined
      ? { cause: event.cause, originator }
      : { cause: event.cause, originator, statusCode };
  const detail = statusCode === undefined ? event.cause : `${event.cause} (${statusCode})`;
  return { type: 'ended', callId: call.id, cause: endCauseFromJsSip(end), detail };
}

/** JsSIP throws when a session is already terminated; that race is harmless here. */
export function terminateQuietly(
  session: RTCSession,
  logger: Logger,
  options?: { status_code: number; reason_phrase: string }
): void {
  try {
    if (!session.isEnded()) session.terminate(options);
  } catch (error) {
    logger.warn('SIP terminate ignored', { error: error instanceof Error ? error.message : String(error) });
  }
}
