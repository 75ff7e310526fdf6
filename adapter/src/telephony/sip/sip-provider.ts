import * as JsSIP from 'jssip';
import type { EndEvent, IncomingDTMFEvent, OutgoingDTMFEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { CallOptions, RTCSessionEvent, UA, UAConfiguration, UnRegisteredEvent } from 'jssip/lib/UA';
import type { Logger } from '../../logging/logger';
import type { AudioDevices, DialRequest, EndCause, ProviderEvent, RegistrationState, TelephonyProvider } from '../provider';
import { endCauseFromJsSip, type Originator } from './end-cause';
import { startIceGatheringTimeout, type IceGatheringTimeout } from './ice-gathering-timeout';
import { applySpeaker, attachRemoteAudio, createHiddenAudioElement, type RemoteAudio } from './remote-audio';
import {
  DEFAULT_ICE_GATHERING_TIMEOUT_MS,
  DEFAULT_RECONNECT,
  DEFAULT_START_TIMEOUT_MS,
  type SipConfig
} from './sip-config';

/** Seams for tests and the E2E harness; production passes none of them. */
export interface SipProviderDeps {
  logger?: Logger;
  /** Element the far end plays through; default: a hidden <audio autoplay> in document.body. */
  createAudioElement?: () => HTMLAudioElement;
  /** Rewrites our SDP just before it is sent, e.g. keepLoopbackCandidates in the E2E suite. */
  filterLocalSdp?: (sdp: string) => string;
  /** Builds the JsSIP UA (unit tests pass a fake). */
  createUserAgent?: (configuration: UAConfiguration) => UA;
}

/** Read-only view of a call for diagnostics and tests (media stats, hold/mute as the network sees it). */
export interface SipCallInfo {
  direction: 'inbound' | 'outbound';
  peerConnection: RTCPeerConnection | undefined;
  localHold: boolean;
  remoteHold: boolean;
  muted: boolean;
}

interface SipCall {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  /** Current JsSIP session; a blind transfer we accept swaps in the session to the new party. */
  session: RTCSession;
  progressed: boolean;
  connected: boolean;
  ended: boolean;
  remoteHold: boolean;
  /** Ended because we handed the call to someone else (REFER accepted), not because the agent hung up. */
  transferredAway: boolean;
  /** Cause to report instead of JsSIP's, when we ended the session ourselves for a reason JsSIP cannot know. */
  overrideCause?: { cause: EndCause; detail: string };
}

/** How long to let the rest of the host candidates (other interfaces, TCP) arrive after the first one. */
const HOST_CANDIDATES_SETTLE_MS = 30;

const NOOP_LOGGER: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class SipProvider implements TelephonyProvider {
  readonly kind = 'sip' as const;
  private listener: (event: ProviderEvent) => void = () => undefined;
  private dtmfListener: (callId: string, tone: string) => void = () => undefined;
  private readonly calls = new Map<string, SipCall>();
  private readonly logger: Logger;
  private ua: UA | undefined;
  private stopping = false;
  private registration: { state: RegistrationState; reason: string | undefined } = { state: 'unregistered', reason: undefined };
  /** Set around ua.call()/refer accept: JsSIP emits newRTCSession synchronously inside them. */
  private claim: { callId: string } | undefined;
  private inboundCounter = 0;
  private pendingStart: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private devices: AudioDevices = { inputId: '', outputId: '' };
  private readonly audioElements = new Set<HTMLAudioElement>();
  private starting: Promise<void> | undefined;

  constructor(
    private readonly config: SipConfig,
    private readonly deps: SipProviderDeps = {}
  ) {
    this.logger = deps.logger ?? NOOP_LOGGER;
  }

  onEvent(listener: (event: ProviderEvent) => void): void {
    this.listener = listener;
  }

  /** DTMF the far end sent us as SIP INFO (RFC 4733 tones stay inside the media and are not surfaced). */
  onDtmfReceived(listener: (callId: string, tone: string) => void): void {
    this.dtmfListener = listener;
  }

  start(): Promise<void> {
    if (this.registration.state === 'registered') return Promise.resolve();
    // A second start() while the first is pending shares its outcome.
    if (this.starting) return this.starting;
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingStart = undefined;
        reject(new Error(`SIP registration did not complete within ${this.startTimeoutMs} ms (still retrying)`));
      }, this.startTimeoutMs);
      this.pendingStart = {
        resolve: () => {
          clearTimeout(timer);
          this.pendingStart = undefined;
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          this.pendingStart = undefined;
          reject(error);
        }
      };
    });
    if (!this.ua) {
      this.stopping = false;
      this.ua = this.createUserAgent();
      this.wireUserAgent(this.ua);
      this.setRegistration('registering');
      this.ua.start();
    }
    this.starting = started;
    const clear = () => {
      if (this.starting === started) this.starting = undefined;
    };
    started.then(clear, clear);
    return started;
  }

  async stop(): Promise<void> {
    const ua = this.ua;
    if (!ua) return;
    this.stopping = true;
    for (const call of this.calls.values()) this.terminateQuietly(call.session);
    const closed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      ua.once('disconnected', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    ua.stop();
    await closed;
    this.ua = undefined;
    this.pendingStart?.reject(new Error('SIP provider stopped'));
    this.setRegistration('unregistered');
  }

  dial({ callId, number }: DialRequest): void {
    const ua = this.ua;
    if (!ua) {
      this.endLater(callId, 'connection-lost', 'SIP provider is not started');
      return;
    }
    this.claim = { callId };
    try {
      ua.call(number, this.callOptions());
    } catch (error) {
      // JsSIP throws a TypeError for targets it cannot turn into a SIP URI.
      this.calls.delete(callId);
      this.endLater(callId, 'invalid-number', error instanceof Error ? error.message : 'invalid target');
    } finally {
      this.claim = undefined;
    }
  }

  answer(callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.direction !== 'inbound' || call.ended || call.connected) return;
    this.armIceTimeout(call, call.session);
    call.session.answer(this.callOptions());
  }

  decline(callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.ended || call.connected) return;
    this.terminateQuietly(call.session, { status_code: 486, reason_phrase: 'Busy Here' });
  }

  hangup(callId: string): void {
    const call = this.calls.get(callId);
    if (call && !call.ended) this.terminateQuietly(call.session);
  }

  setHold(callId: string, held: boolean): void {
    const call = this.calls.get(callId);
    if (!call || call.ended) return;
    const session = call.session;
    // JsSIP fires its own 'hold' event before the re-INVITE is answered; we report `held` only once the far end accepted it.
    const confirmed = () => {
      if (call.session === session && !call.ended) this.emit({ type: 'held', callId, held });
    };
    const sent = held ? session.hold({}, confirmed) : session.unhold({}, confirmed);
    if (!sent) this.logger.warn('SIP hold change not sent (call not ready for a re-INVITE or already in that state)', { held });
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
    const transportType = this.config.dtmfTransport === 'info' ? JsSIP.C.DTMF_TRANSPORT.INFO : JsSIP.C.DTMF_TRANSPORT.RFC2833;
    call.session.sendDTMF(clean, { transportType, duration: 100, interToneGap: 70 });
  }

  /**
   * Blind transfer (REFER). Resolves once the transfer target answered (the far end's NOTIFY
   * reported 2xx); our leg is then hung up and reported as `local-hangup` with detail
   * "transferred". Rejects, leaving the call as it was, when the far end refuses or the target fails.
   */
  transfer(callId: string, target: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.ended || !call.connected) return Promise.reject(new Error('No connected call to transfer'));
    const session = call.session;
    return new Promise<void>((resolve, reject) => {
      const failed = (why: string) => () => reject(new Error(`Transfer failed: ${why}`));
      try {
        session.refer(target, {
          eventHandlers: {
            requestFailed: failed('the other party refused the transfer request'),
            failed: failed('the transfer target did not answer'),
            accepted: () => {
              call.transferredAway = true;
              this.terminateQuietly(session);
              resolve();
            }
          }
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error('invalid transfer target'));
      }
    });
  }

  callInfo(callId: string): SipCallInfo | undefined {
    const call = this.calls.get(callId);
    if (!call) return undefined;
    const hold = call.session.isOnHold();
    return {
      direction: call.direction,
      peerConnection: call.session.connection ?? undefined,
      localHold: hold.local,
      remoteHold: call.remoteHold,
      muted: call.session.isMuted().audio === true
    };
  }

  private get startTimeoutMs(): number {
    return this.config.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  }

  private createUserAgent(): UA {
    const reconnect = this.config.reconnect ?? DEFAULT_RECONNECT;
    const configuration: UAConfiguration = {
      sockets: [new JsSIP.WebSocketInterface(this.config.webSocketUrl)],
      uri: this.config.sipUri,
      register: true,
      register_expires: this.config.registerExpires,
      // The registrars we target do not need RFC 4028 timers and SIPp fixtures do not speak them.
      session_timers: false,
      connection_recovery_min_interval: reconnect.minIntervalSeconds,
      connection_recovery_max_interval: reconnect.maxIntervalSeconds,
      user_agent: 'Switchboard'
    };
    if (this.config.authorizationUser) configuration.authorization_user = this.config.authorizationUser;
    if (this.config.password) configuration.password = this.config.password;
    if (this.config.displayName) configuration.display_name = this.config.displayName;
    return this.deps.createUserAgent ? this.deps.createUserAgent(configuration) : new JsSIP.UA(configuration);
  }

  private wireUserAgent(ua: UA): void {
    ua.on('registered', () => {
      this.setRegistration('registered');
      this.pendingStart?.resolve();
    });
    ua.on('unregistered', (event: UnRegisteredEvent) => {
      // JsSIP also reports 'unregistered' when the socket drops; that case was already reported as 'registering'.
      if (!this.stopping && !ua.isConnected()) return;
      this.setRegistration('unregistered', event.cause ? this.registrationReason(event) : undefined);
    });
    ua.on('registrationFailed', (event: UnRegisteredEvent) => {
      const reason = this.registrationReason(event);
      this.setRegistration('failed', reason);
      this.pendingStart?.reject(new Error(`SIP registration failed: ${reason}`));
    });
    ua.on('disconnected', () => {
      // JsSIP reconnects by itself with the configured backoff and re-registers once connected.
      if (!this.stopping) this.setRegistration('registering', 'connection-lost');
    });
    ua.on('newRTCSession', (event: RTCSessionEvent) => this.onNewSession(event));
  }

  private registrationReason(event: UnRegisteredEvent): EndCause {
    const statusCode = event.response ? event.response.status_code : undefined;
    const end = { cause: event.cause ?? '', originator: 'remote' as const };
    return endCauseFromJsSip(statusCode === undefined ? end : { ...end, statusCode });
  }

  private onNewSession(event: RTCSessionEvent): void {
    const session = event.session;
    if (event.originator === 'local') {
      const claim = this.claim;
      if (!claim) {
        this.logger.warn('SIP session started outside the provider; hanging it up');
        this.terminateQuietly(session);
        return;
      }
      const existing = this.calls.get(claim.callId);
      if (existing) {
        // A transfer we accepted: the agent's call continues, now with the transfer target.
        existing.session = session;
        this.wireSession(existing, session);
        this.armIceTimeout(existing, session);
        return;
      }
      const call = this.track(claim.callId, 'outbound', session);
      this.wireSession(call, session);
      this.armIceTimeout(call, session);
      return;
    }
    this.inboundCounter += 1;
    const callId = `sip-in-${Date.now().toString(36)}-${this.inboundCounter}`;
    const call = this.track(callId, 'inbound', session);
    this.wireSession(call, session);
    const identity = session.remote_identity;
    const from = identity.uri.user ?? identity.uri.toString();
    const displayName = identity.display_name;
    this.emit(displayName ? { type: 'incoming', callId, from, displayName } : { type: 'incoming', callId, from });
  }

  private track(callId: string, direction: SipCall['direction'], session: RTCSession): SipCall {
    const call: SipCall = { id: callId, direction, session, progressed: false, connected: false, ended: false, remoteHold: false, transferredAway: false };
    this.calls.set(callId, call);
    return call;
  }

  private wireSession(call: SipCall, session: RTCSession): void {
    const isCurrent = () => call.session === session && !call.ended;
    let audio: RemoteAudio | undefined;
    const attachAudio = (connection: RTCPeerConnection) => {
      if (audio) return;
      const element = this.deps.createAudioElement ? this.deps.createAudioElement() : createHiddenAudioElement();
      audio = attachRemoteAudio(connection, element);
      this.audioElements.add(element);
      void applySpeaker(element, this.devices.outputId, this.logger);
      const forget = () => this.audioElements.delete(element);
      session.on('ended', forget);
      session.on('failed', forget);
    };
    // Outbound sessions already have their peer connection; inbound ones get it on answer().
    if (session.connection) attachAudio(session.connection);
    session.on('peerconnection', ({ peerconnection }) => attachAudio(peerconnection));

    session.on('sdp', (event) => {
      if (event.originator === 'local' && this.deps.filterLocalSdp) event.sdp = this.deps.filterLocalSdp(event.sdp);
    });
    session.on('progress', () => {
      if (!isCurrent() || call.direction !== 'outbound' || call.progressed || call.connected) return;
      call.progressed = true;
      this.emit({ type: 'progress', callId: call.id });
    });
    const connected = () => {
      if (!isCurrent() || call.connected) return;
      call.connected = true;
      this.emit({ type: 'connected', callId: call.id });
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
      if (event.originator === 'remote' && isCurrent()) this.dtmfListener(call.id, event.dtmf.tone);
    });
    session.on('refer', (event) => {
      if (!isCurrent() || !call.connected) {
        event.reject();
        return;
      }
      this.claim = { callId: call.id };
      try {
        event.accept(undefined, this.callOptions());
      } finally {
        this.claim = undefined;
      }
    });
    const finished = (event: EndEvent) => {
      audio?.detach();
      if (!isCurrent()) return; // a session replaced by a transfer, or a call already reported
      this.finish(call, event);
    };
    session.on('ended', finished);
    session.on('failed', finished);
  }

  private finish(call: SipCall, event: EndEvent): void {
    call.ended = true;
    this.calls.delete(call.id);
    const message = event.message;
    const statusCode = message && 'status_code' in message ? message.status_code : undefined;
    const originator = event.originator as Originator;
    const detail = statusCode === undefined ? event.cause : `${event.cause} (${statusCode})`;
    if (call.overrideCause) {
      this.emit({ type: 'ended', callId: call.id, cause: call.overrideCause.cause, detail: call.overrideCause.detail });
    } else if (call.transferredAway) {
      this.emit({ type: 'ended', callId: call.id, cause: 'local-hangup', detail: 'transferred' });
    } else {
      const end = statusCode === undefined ? { cause: event.cause, originator } : { cause: event.cause, originator, statusCode };
      this.emit({ type: 'ended', callId: call.id, cause: endCauseFromJsSip(end), detail });
    }
  }

  private armIceTimeout(call: SipCall, session: RTCSession): void {
    const timeoutMs = this.config.iceGatheringTimeoutMs ?? DEFAULT_ICE_GATHERING_TIMEOUT_MS;
    const timeout: IceGatheringTimeout = startIceGatheringTimeout(timeoutMs, () => {
      call.overrideCause = { cause: 'connection-lost', detail: `no ICE candidates within ${timeoutMs} ms (no usable network)` };
      this.terminateQuietly(session);
    });
    // With no STUN/TURN server configured, host candidates are all there will be: they arrive within a
    // few ms, while the browser's "gathering complete" can take 100 ms+ — and JsSIP waits for it.
    const hostOnly = this.config.iceServers.length === 0;
    let early: ReturnType<typeof setTimeout> | undefined;
    const stopEarly = () => clearTimeout(early);
    session.on('icecandidate', ({ ready }) => {
      timeout.candidate(ready);
      if (hostOnly && early === undefined) early = setTimeout(ready, HOST_CANDIDATES_SETTLE_MS);
    });
    session.on('sdp', ({ originator }) => {
      if (originator !== 'local') return;
      timeout.done();
      stopEarly();
    });
    session.on('ended', () => {
      timeout.cancel();
      stopEarly();
    });
    session.on('failed', () => {
      timeout.cancel();
      stopEarly();
    });
  }

  /**
   * New calls use the chosen microphone; a call that is up swaps its outgoing track in place
   * (no re-INVITE), and every playing element moves to the chosen speaker where setSinkId exists.
   */
  async setAudioDevices(devices: AudioDevices): Promise<void> {
    const micChanged = devices.inputId !== this.devices.inputId;
    this.devices = { ...devices };
    for (const element of this.audioElements) await applySpeaker(element, devices.outputId, this.logger);
    if (!micChanged) return;
    for (const call of this.calls.values()) {
      const pc = call.session.connection;
      if (call.ended || !pc || !navigator.mediaDevices) continue;
      const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
      if (!sender) continue;
      const stream = await navigator.mediaDevices.getUserMedia({ audio: this.audioConstraint(), video: false });
      const [track] = stream.getAudioTracks();
      if (!track) continue;
      track.enabled = sender.track?.enabled ?? true;
      const old = sender.track;
      await sender.replaceTrack(track);
      old?.stop();
    }
  }

  private audioConstraint(): boolean | MediaTrackConstraints {
    return this.devices.inputId ? { deviceId: { exact: this.devices.inputId } } : true;
  }

  private callOptions(): CallOptions {
    return {
      mediaConstraints: { audio: this.audioConstraint(), video: false },
      pcConfig: { iceServers: this.config.iceServers }
    };
  }

  /** JsSIP throws when a session is already terminated; that race is harmless here. */
  private terminateQuietly(session: RTCSession, options?: { status_code: number; reason_phrase: string }): void {
    try {
      if (!session.isEnded()) session.terminate(options);
    } catch (error) {
      this.logger.warn('SIP terminate ignored', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private endLater(callId: string, cause: EndCause, detail: string): void {
    // Listeners expect events after dial() returns, as with every network outcome.
    queueMicrotask(() => this.emit({ type: 'ended', callId, cause, detail }));
  }

  private setRegistration(state: RegistrationState, reason?: string): void {
    if (this.registration.state === state && this.registration.reason === reason) return;
    this.registration = { state, reason };
    this.logger.info('SIP registration', { state, reason });
    this.emit(reason === undefined ? { type: 'registration', state } : { type: 'registration', state, reason });
  }

  private emit(event: ProviderEvent): void {
    this.listener(event);
  }
}

export function createSipProvider(config: SipConfig, deps?: SipProviderDeps): SipProvider {
  return new SipProvider(config, deps);
}
