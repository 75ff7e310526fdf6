import type { ProviderEvent } from '../../../adapter/src/telephony/provider';
import type { SipConfig } from '../../../adapter/src/telephony/sip/sip-config';

/** What the test page exposes as `window.sipHarness`; one page (browser context) per phone. */
export interface SipHarnessApi {
  /** Creates the provider and starts it; resolves with the start() error text, or null when registered. */
  start(config: SipConfig): Promise<string | null>;
  stop(): Promise<void>;
  dial(callId: string, number: string): void;
  answer(callId: string): void;
  decline(callId: string): void;
  hangup(callId: string): void;
  setHold(callId: string, held: boolean): void;
  setMute(callId: string, muted: boolean): void;
  sendDtmf(callId: string, tones: string): void;
  /** Resolves with null on success, or the error text. */
  transfer(callId: string, target: string): Promise<string | null>;
  media(callId: string): Promise<CallMedia | null>;
  readonly events: TimedEvent[];
  readonly dtmfReceived: Array<{ callId: string; tone: string }>;
  /** RFC 4733 tones our RTCDTMFSender actually played out (ontonechange), per call. */
  readonly dtmfSent: string[];
}

export type TimedEvent = ProviderEvent & { at: number };

export interface CallMedia {
  connectionState: string;
  bytesReceived: number;
  bytesSent: number;
  /** Every outbound audio track is enabled (false while muted). */
  outboundAudioEnabled: boolean;
  localHold: boolean;
  remoteHold: boolean;
  /** Remote audio is attached to an <audio autoplay> element in the page. */
  remoteAudioAttached: boolean;
}
