import type { Logger } from '../../logging/logger';
import type { AudioDevices, DialRequest, ProviderEvent, TelephonyProvider } from '../provider';
import { SipCalls, type SipCallInfo } from './calls';
import { SipMedia } from './media';
import { QualitySampler } from './quality-sampler';
import { SipRegistration, type CreateUserAgent } from './registration';
import type { SipConfig } from './sip-config';

export type { SipCallInfo } from './calls';
export type { SipUserAgent } from './registration';

/** Seams for tests and the E2E harness; production passes none of them. */
export interface SipProviderDeps {
  logger?: Logger;
  /** Where outbound calls' microphone comes from; `navigator.mediaDevices` by default. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  /** Element the far end plays through; default: a hidden <audio autoplay> in document.body. */
  createAudioElement?: () => HTMLAudioElement;
  /** Rewrites our SDP just before it is sent, e.g. keepLoopbackCandidates in the E2E suite. */
  filterLocalSdp?: (sdp: string) => string;
  /** Rewrites the far end's SDP before the browser applies it (the E2E suite's media relay). */
  filterRemoteSdp?: (sdp: string) => string;
  /** How often a connected call's media statistics are sampled (default QUALITY_INTERVAL_MS). */
  qualityIntervalMs?: number;
  /** Builds the JsSIP UA (unit tests pass a fake). */
  createUserAgent?: CreateUserAgent;
}

const NOOP_LOGGER: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The SIP line as a TelephonyProvider: registration (the UA), calls (sessions, transfer) and
 * media (devices, remote audio, ICE timing) each live in their own module; this only joins them.
 */
export class SipProvider implements TelephonyProvider {
  readonly kind = 'sip' as const;
  private listener: (event: ProviderEvent) => void = () => undefined;
  private readonly media: SipMedia;
  private readonly calls: SipCalls;
  private readonly registration: SipRegistration;
  private readonly quality: QualitySampler;

  constructor(config: SipConfig, deps: SipProviderDeps = {}) {
    const logger = deps.logger ?? NOOP_LOGGER;
    const emit = (event: ProviderEvent) => {
      this.quality.follow(event);
      this.listener(event);
    };
    this.quality = new QualitySampler({
      emit,
      connection: (callId) => this.calls.info(callId)?.peerConnection,
      logger,
      intervalMs: deps.qualityIntervalMs
    });
    this.media = new SipMedia(config, {
      logger,
      createAudioElement: deps.createAudioElement,
      filterLocalSdp: deps.filterLocalSdp,
      filterRemoteSdp: deps.filterRemoteSdp,
      mediaDevices: deps.mediaDevices
    });
    this.calls = new SipCalls({
      logger,
      media: this.media,
      emit,
      userAgent: () => this.registration.userAgent,
      dtmfTransport: config.dtmfTransport
    });
    this.registration = new SipRegistration(config, {
      logger,
      emit,
      onSession: (event) => this.calls.onNewSession(event),
      endCalls: () => this.calls.hangupAll(),
      createUserAgent: deps.createUserAgent
    });
  }

  onEvent(listener: (event: ProviderEvent) => void): void {
    this.listener = listener;
  }

  /** DTMF the far end sent us as SIP INFO (RFC 4733 tones stay inside the media and are not surfaced). */
  onDtmfReceived(listener: (callId: string, tone: string) => void): void {
    this.calls.onDtmfReceived(listener);
  }

  start(): Promise<void> {
    return this.registration.start();
  }

  stop(): Promise<void> {
    this.quality.stopAll();
    return this.registration.stop();
  }

  dial(request: DialRequest): void {
    this.calls.dial(request);
  }

  answer(callId: string): void {
    this.calls.answer(callId);
  }

  decline(callId: string): void {
    this.calls.decline(callId);
  }

  hangup(callId: string): void {
    this.calls.hangup(callId);
  }

  setHold(callId: string, held: boolean): void {
    this.calls.setHold(callId, held);
  }

  setMute(callId: string, muted: boolean): void {
    this.calls.setMute(callId, muted);
  }

  sendDtmf(callId: string, tones: string): void {
    this.calls.sendDtmf(callId, tones);
  }

  /**
   * Blind transfer (REFER). Resolves once the transfer target answered (the far end's NOTIFY
   * reported 2xx); our leg is then hung up and reported as `local-hangup` with detail
   * "transferred". Rejects, leaving the call as it was, when the far end refuses or the target fails.
   */
  transfer(callId: string, target: string): Promise<void> {
    return this.calls.transfer(callId, target);
  }

  /**
   * New calls use the chosen microphone; a call that is up swaps its outgoing track in place
   * (no re-INVITE), and every playing element moves to the chosen speaker where setSinkId exists.
   */
  setAudioDevices(devices: AudioDevices): Promise<void> {
    return this.media.setAudioDevices(devices, this.calls.liveConnections());
  }

  callInfo(callId: string): SipCallInfo | undefined {
    return this.calls.info(callId);
  }
}

export function createSipProvider(config: SipConfig, deps?: SipProviderDeps): SipProvider {
  return new SipProvider(config, deps);
}
