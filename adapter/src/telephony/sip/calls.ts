import * as JsSIP from 'jssip';
import type { ReferEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import type { Logger } from '../../logging/logger';
import type { DialRequest, EndCause, ProviderEvent } from '../provider';
import { newCall, terminateQuietly, wireSession, type SessionHooks, type SipCall } from './call-session';
import type { SipMedia } from './media';
import type { SipUserAgent } from './registration';
import type { DtmfTransport } from './sip-config';
import { referTo } from './transfer';

/** Read-only view of a call for diagnostics and tests (media stats, hold/mute as the network sees it). */
export interface SipCallInfo {
  direction: 'inbound' | 'outbound';
  peerConnection: RTCPeerConnection | undefined;
  localHold: boolean;
  remoteHold: boolean;
  muted: boolean;
}

export interface CallsDeps {
  logger: Logger;
  media: SipMedia;
  emit: (event: ProviderEvent) => void;
  /** The registered UA, if any: calls are placed through it. */
  userAgent: () => SipUserAgent | undefined;
  dtmfTransport?: DtmfTransport | undefined;
}

/** The calls the line carries, by callId: placing, answering and steering each one. */
export class SipCalls {
  private readonly calls = new Map<string, SipCall>();
  /** Set around ua.call()/refer accept: JsSIP emits newRTCSession synchronously inside them. */
  private claim: { callId: string } | undefined;
  private inboundCounter = 0;
  private dtmfListener: (callId: string, tone: string) => void = () => undefined;
  private readonly hooks: SessionHooks;

  constructor(private readonly deps: CallsDeps) {
    this.hooks = {
      emit: deps.emit,
      dtmfReceived: (callId, tone) => this.dtmfListener(callId, tone),
      referred: (call, event) => this.followRefer(call, event),
      finished: (call) => this.calls.delete(call.id)
    };
  }

  onDtmfReceived(listener: (callId: string, tone: string) => void): void {
    this.dtmfListener = listener;
  }

  dial({ callId, number }: DialRequest): void {
    const ua = this.deps.userAgent();
    if (!ua) {
      this.endLater(callId, 'connection-lost', 'SIP provider is not started');
      return;
    }
    try {
      this.claimNextSession(callId, () => ua.call(number, this.deps.media.outboundCallOptions()));
    } catch (error) {
      // JsSIP throws a TypeError for targets it cannot turn into a SIP URI.
      this.calls.delete(callId);
      this.endLater(callId, 'invalid-number', error instanceof Error ? error.message : 'invalid target');
      return;
    }
    // The INVITE goes without waiting for the microphone (media.ts says why).
    const call = this.calls.get(callId);
    if (!call) return;
    const session = call.session;
    this.deps.media.openMicrophoneAlongside(session, (detail) => {
      call.overrideCause = { cause: 'bad-media', detail };
      terminateQuietly(session, this.deps.logger);
    });
  }

  answer(callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.direction !== 'inbound' || call.ended || call.answered) return;
    call.answered = true;
    this.armIceTimeout(call, call.session);
    call.session.answer(this.deps.media.callOptions());
  }

  decline(callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.ended || call.connected) return;
    terminateQuietly(call.session, this.deps.logger, { status_code: 486, reason_phrase: 'Busy Here' });
  }

  hangup(callId: string): void {
    const call = this.calls.get(callId);
    if (call && !call.ended) terminateQuietly(call.session, this.deps.logger);
  }

  /** Ends every call (the line is stopping). */
  hangupAll(): void {
    for (const call of this.calls.values()) terminateQuietly(call.session, this.deps.logger);
  }

  setHold(callId: string, held: boolean): void {
    const call = this.calls.get(callId);
    if (!call || call.ended) return;
    const session = call.session;
    // JsSIP fires its own 'hold' event before the re-INVITE is answered; we report `held` only once the far end accepted it.
    const confirmed = () => {
      if (call.session === session && !call.ended) this.deps.emit({ type: 'held', callId, held });
    };
    const sent = held ? session.hold({}, confirmed) : session.unhold({}, confirmed);
    if (!sent)
      this.deps.logger.warn(
        'SIP hold change not sent (call not ready for a re-INVITE or already in that state)',
        { held }
      );
  }

  setMute(callId: string, muted: boolean): void {
    const call = this.calls.get(callId);
    if (!call || call.ended) return;
    // JsSIP disables the outbound audio track (track.enabled = false): silence is sent, no re-INVITE.
    if (muted) call.session.mute({ audio: true });
    else call.session.unmute({ audio: true });
  }

  sendDtmf(callId: string, tones: string): void {
    const call = this.calls.get(callId);
    if (!call || call.ended || !call.connected) return;
    const clean = tones.replace(/[^0-9A-Da-d#*,]/g, '');
    if (!clean) return;
    const transportType =
      this.deps.dtmfTransport === 'info' ? JsSIP.C.DTMF_TRANSPORT.INFO : JsSIP.C.DTMF_TRANSPORT.RFC2833;
    call.session.sendDTMF(clean, { transportType, duration: 100, interToneGap: 70 });
  }

  transfer(callId: string, target: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.ended || !call.connected)
      return Promise.reject(new Error('No connected call to transfer'));
    const session = call.session;
    return referTo(session, target, () => {
      call.transferredAway = true;
      terminateQuietly(session, this.deps.logger);
    });
  }

  info(callId: string): SipCallInfo | undefined {
    const call = this.calls.get(callId);
    if (!call) return undefined;
    return {
      direction: call.direction,
      peerConnection: call.session.connection ?? undefined,
      localHold: call.session.isOnHold().local,
      remoteHold: call.remoteHold,
      muted: call.session.isMuted().audio === true
    };
  }

  /** Peer connections of the calls that are up, for a microphone swap. */
  *liveConnections(): Iterable<RTCPeerConnection> {
    for (const call of this.calls.values()) {
      const pc = call.session.connection;
      if (!call.ended && pc) yield pc;
    }
  }

  /** UA `newRTCSession`: a session we started (dial, accepted REFER) or one the network offers. */
  onNewSession(event: RTCSessionEvent): void {
    const session = event.session;
    // The INVITE's Call-ID is what the PBX records: the one JsSIP generated for ours, the header of theirs.
    // Untrusted text from the network: the machine checks it (call/sip-call-id.ts) before it reaches a Task.
    const sipCallId =
      event.originator === 'local' ? event.request.call_id : event.request.getHeader('Call-ID');
    if (event.originator === 'local') {
      this.adoptLocalSession(session, sipCallId);
      return;
    }
    this.inboundCounter += 1;
    const callId = `sip-in-${Date.now().toString(36)}-${this.inboundCounter}`;
    this.track(callId, 'inbound', session);
    const identity = session.remote_identity;
    const from = identity.uri.user ?? identity.uri.toString();
    const displayName = identity.display_name;
    this.deps.emit({
      type: 'incoming',
      callId,
      from,
      ...(displayName ? { displayName } : {}),
      ...(sipCallId ? { sipCallId } : {})
    });
  }

  private adoptLocalSession(session: RTCSession, sipCallId: string | undefined): void {
    const claim = this.claim;
    if (!claim) {
      this.deps.logger.warn('SIP session started outside the provider; hanging it up');
      terminateQuietly(session, this.deps.logger);
      return;
    }
    const existing = this.calls.get(claim.callId);
    if (existing) {
      // A transfer we accepted: the agent's call continues, now with the transfer target.
      existing.session = session;
      this.deps.media.prepare(session);
      wireSession(existing, session, this.hooks);
      this.armIceTimeout(existing, session);
      return;
    }
    const call = this.track(claim.callId, 'outbound', session);
    this.armIceTimeout(call, session);
    // After dial() returns, like every other event (a transfer's new dialog above keeps the first Call-ID).
    if (sipCallId) queueMicrotask(() => this.deps.emit({ type: 'identified', callId: call.id, sipCallId }));
  }

  /** We accept a REFER by calling the target; the agent's call keeps its callId. */
  private followRefer(call: SipCall, event: ReferEvent): void {
    this.claimNextSession(call.id, () => event.accept(undefined, this.deps.media.callOptions()));
  }

  private claimNextSession(callId: string, start: () => void): void {
    this.claim = { callId };
    try {
      start();
    } finally {
      this.claim = undefined;
    }
  }

  private track(callId: string, direction: SipCall['direction'], session: RTCSession): SipCall {
    const call = newCall(callId, direction, session);
    this.calls.set(callId, call);
    this.deps.media.prepare(session);
    wireSession(call, session, this.hooks);
    return call;
  }

  private armIceTimeout(call: SipCall, session: RTCSession): void {
    this.deps.media.armIceTimeout(session, (detail) => {
      call.overrideCause = { cause: 'connection-lost', detail };
      terminateQuietly(session, this.deps.logger);
    });
  }

  private endLater(callId: string, cause: EndCause, detail: string): void {
    // Listeners expect events after dial() returns, as with every network outcome.
    queueMicrotask(() => this.deps.emit({ type: 'ended', callId, cause, detail }));
  }
}
