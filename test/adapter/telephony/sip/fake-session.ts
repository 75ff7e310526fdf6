/**
 * A stand-in for JsSIP 3.13's UA and RTCSession, driven by the test as "the network". It emits
 * the events JsSIP emits, with the argument shapes JsSIP passes (checked against
 * node_modules/jssip/lib/UA.js, Registrator.js, RTCSession.js and RTCSession/ReferSubscriber.js),
 * including the `null`s JsSIP's typings leave out. Methods the provider calls follow JsSIP's
 * rules where the provider depends on them: terminate() picks CANCEL / reject / BYE by state,
 * hold() returns false when a re-INVITE cannot be sent, refer() returns false before the dialog
 * is confirmed, sendDTMF() throws outside a call, and call()/REFER accept emit
 * `newRTCSession` synchronously.
 */
import { EventEmitter } from 'node:events';
import * as JsSIP from 'jssip';

type SessionStatus =
  'calling' | 'ringing' | 'offered' | 'answering' | 'confirmed' | 'canceled' | 'terminated';

export const response = (status_code: number, reason_phrase = '') => ({
  status_code,
  reason_phrase,
  method: 'INVITE'
});
export const request = (method: string) => ({ method });

export class FakeReferSubscriber extends EventEmitter {
  constructor(
    readonly target: string,
    readonly options: Record<string, unknown>
  ) {
    super();
  }

  /** The far end answered the REFER with 202 and later NOTIFYs the target's final answer. */
  notify(statusCode: number): void {
    const event = { request: request('NOTIFY'), status_line: { status_code: statusCode, reason_phrase: '' } };
    if (statusCode === 100) this.emit('trying', event);
    else if (statusCode < 200) this.emit('progress', event);
    else this.emit(statusCode < 300 ? 'accepted' : 'failed', event);
  }

  refuse(statusCode = 603): void {
    this.emit('requestFailed', { response: response(statusCode), cause: JsSIP.C.causes.REJECTED });
  }
}

export class FakeSession extends EventEmitter {
  status: SessionStatus;
  /** The peer connection; undefined keeps the provider from attaching remote audio. */
  connection: unknown;
  readonly remote_identity: {
    uri: { user: string | null; toString(): string };
    display_name: string | undefined;
  };
  readonly terminated: Array<Record<string, unknown> | undefined> = [];
  readonly answered: Array<Record<string, unknown>> = [];
  readonly dtmfSent: Array<{ tones: string; options: Record<string, unknown> }> = [];
  readonly refers: FakeReferSubscriber[] = [];
  private localHold = false;
  private remoteHold = false;
  private muted = false;
  private pendingReInvite: (() => void) | undefined;

  constructor(
    /** How JsSIP starts the new call when we accept a REFER (UA.call without the claim checks). */
    private readonly startOutgoing: (target: string, options: Record<string, unknown>) => FakeSession,
    readonly direction: 'outgoing' | 'incoming',
    readonly target: string,
    readonly options: Record<string, unknown>,
    identity: { user: string | null; displayName?: string } = { user: target }
  ) {
    super();
    this.status = direction === 'outgoing' ? 'calling' : 'offered';
    this.remote_identity = {
      uri: { user: identity.user, toString: () => `sip:${identity.user ?? 'anonymous'}@pbx.test` },
      display_name: identity.displayName
    };
  }

  // --- what the provider calls (JsSIP's API) ---

  isEnded(): boolean {
    return this.status === 'canceled' || this.status === 'terminated';
  }

  answer(options: Record<string, unknown>): void {
    if (this.status !== 'offered') throw new Error('INVALID_STATE_ERROR');
    this.answered.push(options);
    this.status = 'answering';
  }

  terminate(options?: Record<string, unknown>): void {
    if (this.isEnded()) throw new Error('INVALID_STATE_ERROR');
    this.terminated.push(options);
    if (this.status === 'calling' || this.status === 'ringing') {
      this.status = 'canceled';
      this.emit('failed', { originator: 'local', message: null, cause: JsSIP.C.causes.CANCELED });
    } else if (this.status === 'offered' || this.status === 'answering') {
      this.status = 'terminated';
      this.emit('failed', { originator: 'local', message: null, cause: JsSIP.C.causes.REJECTED });
    } else {
      this.status = 'terminated';
      this.emit('ended', { originator: 'local', message: null, cause: JsSIP.C.causes.BYE });
    }
  }

  hold(_options: unknown, done?: () => void): boolean {
    if (this.status !== 'confirmed' || this.localHold || this.pendingReInvite) return false;
    this.localHold = true;
    this.emit('hold', { originator: 'local' });
    this.pendingReInvite = done;
    return true;
  }

  unhold(_options: unknown, done?: () => void): boolean {
    if (this.status !== 'confirmed' || !this.localHold || this.pendingReInvite) return false;
    this.localHold = false;
    this.emit('unhold', { originator: 'local' });
    this.pendingReInvite = done;
    return true;
  }

  isOnHold(): { local: boolean; remote: boolean } {
    return { local: this.localHold, remote: this.remoteHold };
  }

  mute(options: { audio?: boolean }): void {
    if (options.audio && !this.muted) {
      this.muted = true;
      this.emit('muted', { audio: true, video: false });
    }
  }

  unmute(options: { audio?: boolean }): void {
    if (options.audio && this.muted) {
      this.muted = false;
      this.emit('unmuted', { audio: true, video: false });
    }
  }

  isMuted(): { audio: boolean; video: boolean } {
    return { audio: this.muted, video: false };
  }

  sendDTMF(tones: string, options: Record<string, unknown>): void {
    if (this.status !== 'confirmed') throw new Error('INVALID_STATE_ERROR');
    this.dtmfSent.push({ tones, options });
  }

  refer(
    target: string,
    options: { eventHandlers?: Record<string, (...args: unknown[]) => void> }
  ): FakeReferSubscriber | false {
    if (this.status !== 'confirmed') return false;
    if (!isDialable(target)) throw new TypeError(`Invalid target: ${target}`);
    const subscriber = new FakeReferSubscriber(target, options);
    for (const [event, handler] of Object.entries(options.eventHandlers ?? {})) subscriber.on(event, handler);
    this.refers.push(subscriber);
    return subscriber;
  }

  // --- what the network does ---

  /** 180 Ringing. */
  ring(): void {
    this.status = 'ringing';
    this.emit('progress', { originator: 'remote', response: response(180, 'Ringing') });
  }

  /** 200 OK to our INVITE, then our ACK. */
  farEndAnswers(): void {
    this.emit('accepted', { originator: 'remote', response: response(200, 'OK') });
    this.status = 'confirmed';
    this.emit('confirmed', { originator: 'local', ack: null });
  }

  /** Our 200 OK went out (after answer()), then the caller's ACK came in. */
  answerConfirmed(): void {
    if (this.status !== 'answering') throw new Error('answer() was not called');
    this.emit('accepted', { originator: 'local', response: null });
    this.status = 'confirmed';
    this.emit('confirmed', { originator: 'remote', ack: request('ACK') });
  }

  /** A final failure response to our INVITE, with JsSIP's cause for it. */
  farEndRejects(statusCode: number, cause: string): void {
    this.status = 'terminated';
    this.emit('failed', { originator: 'remote', message: response(statusCode), cause });
  }

  /** 200 OK whose SDP the browser cannot use: JsSIP ACKs, BYEs and fails the session. */
  farEndAnswersWithBadSdp(): void {
    this.status = 'terminated';
    this.emit('failed', {
      originator: 'remote',
      message: response(200, 'OK'),
      cause: JsSIP.C.causes.BAD_MEDIA_DESCRIPTION
    });
  }

  farEndHangsUp(): void {
    this.status = 'terminated';
    this.emit('ended', { originator: 'remote', message: request('BYE'), cause: JsSIP.C.causes.BYE });
  }

  /** The caller gave up while we were ringing. */
  callerCancels(): void {
    this.status = 'canceled';
    this.emit('failed', { originator: 'remote', message: request('CANCEL'), cause: JsSIP.C.causes.CANCELED });
  }

  /** The far end answers our re-INVITE (hold/unhold) with 200 OK. */
  reInviteAnswered(): void {
    const done = this.pendingReInvite;
    this.pendingReInvite = undefined;
    done?.();
  }

  farEndHolds(held: boolean): void {
    this.remoteHold = held;
    this.emit(held ? 'hold' : 'unhold', { originator: 'remote' });
  }

  /** SIP INFO DTMF from the far end. */
  farEndSendsDtmf(tone: string): void {
    this.emit('newDTMF', { originator: 'remote', dtmf: { tone, duration: 100 }, request: request('INFO') });
  }

  /** An in-dialog REFER; JsSIP has already answered it 202. Returns what we did with it. */
  farEndRefers(target: string): {
    accepted: boolean;
    rejected: boolean;
    newSession: FakeSession | undefined;
  } {
    const outcome: { accepted: boolean; rejected: boolean; newSession: FakeSession | undefined } = {
      accepted: false,
      rejected: false,
      newSession: undefined
    };
    this.emit('refer', {
      request: request('REFER'),
      accept: (_init: unknown, options: Record<string, unknown> = {}) => {
        if (this.status !== 'confirmed') return false;
        outcome.accepted = true;
        outcome.newSession = this.startOutgoing(target, options);
        return true;
      },
      reject: () => {
        outcome.rejected = true;
      }
    });
    return outcome;
  }

  /** JsSIP's icecandidate event; ready() sends what was gathered (the local `sdp` event), once. */
  iceCandidate(): { readyCalls: () => number } {
    let calls = 0;
    const ready = () => {
      calls += 1;
      if (calls === 1) this.emit('sdp', { originator: 'local', type: 'offer', sdp: 'v=0\r\n' });
    };
    this.emit('icecandidate', {
      candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host' },
      ready
    });
    return { readyCalls: () => calls };
  }
}

/**
 * JsSIP's normalizeTarget (Utils.js) refuses an empty target and a domain that does not parse;
 * a user part is escaped, so "1 2" is still dialable. Enough of that for tests.
 */
export function isDialable(target: string): boolean {
  if (target === '') return false;
  const at = target.lastIndexOf('@');
  const domain = at < 0 ? 'pbx.test' : target.slice(at + 1);
  return /^[A-Za-z0-9.-]+(:\d+)?$/.test(domain);
}
