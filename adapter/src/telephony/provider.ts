/**
 * The seam between the softphone and whatever carries the audio. The demo provider and the
 * JsSIP provider implement it; nothing above this file knows which one is running.
 *
 * Providers never decide call state: they report what the network did as `ProviderEvent`s,
 * and the call state machine decides what that means.
 */

import type { EndCause, ProviderKind, RegistrationState } from '../call/types';
import type { AudioDevices } from '../devices/audio-devices';

// The call machine owns this vocabulary; providers speak it (JsSIP's causes are mapped in sip/end-cause.ts).
export type { AudioDevices, EndCause, ProviderKind, RegistrationState };

export type ProviderEvent =
  | { type: 'registration'; state: RegistrationState; reason?: string }
  /** An inbound call is being offered to the agent; `sipCallId` is the INVITE's Call-ID header. */
  | { type: 'incoming'; callId: string; from: string; displayName?: string; sipCallId?: string }
  /** An outbound call's network id is known (SIP: the Call-ID of the INVITE we sent), before any answer. */
  | { type: 'identified'; callId: string; sipCallId: string }
  /** The far end is alerting (180/183) for an outbound call. */
  | { type: 'progress'; callId: string }
  /** Media is up: the far end answered an outbound call, or our answer was confirmed. */
  | { type: 'connected'; callId: string }
  | { type: 'held'; callId: string; held: boolean }
  | { type: 'ended'; callId: string; cause: EndCause; detail?: string }
  /** Media statistics of a connected call over the last interval (SIP: from getStats). */
  | ({ type: 'quality'; callId: string } & MediaSample);

/** What the network did to the audio we receive, over one sampling interval. */
export interface MediaSample {
  rttMs: number;
  jitterMs: number;
  /** Share of this interval's packets that never arrived, 0–100. */
  lossPercent: number;
  /** The receiving codec as "mimeSubtype/clockRate" (e.g. "opus/48000"); null when not reported. */
  codec: string | null;
}

export interface DialRequest {
  callId: string;
  /** Normalised E.164 (or extension) number to call. */
  number: string;
}

export interface TelephonyProvider {
  readonly kind: ProviderKind;
  /** Connects and registers; resolves once the provider can place and take calls. */
  start(): Promise<void>;
  stop(): Promise<void>;
  dial(request: DialRequest): void;
  answer(callId: string): void;
  /** Rejects an offered inbound call (SIP: 486 Busy Here). */
  decline(callId: string): void;
  hangup(callId: string): void;
  setHold(callId: string, held: boolean): void;
  setMute(callId: string, muted: boolean): void;
  sendDtmf(callId: string, tones: string): void;
  /**
   * Blind transfer to another number. Resolves once the target took the call (our leg then ends as
   * `local-hangup` with detail "transferred"); rejects, leaving the call as it was, when it fails.
   */
  transfer(callId: string, target: string): Promise<void>;
  /** Switches microphone / speaker, for the next calls and for the call that is up (when the browser allows). */
  setAudioDevices?(devices: AudioDevices): Promise<void>;
  /** Registers the one listener the composition root wires to the state machine. */
  onEvent(listener: (event: ProviderEvent) => void): void;
}
