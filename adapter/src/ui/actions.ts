import type { EventInput, ProviderKind } from '../call/types';
import type { AudioDevices, DeviceOption } from '../devices/audio-devices';
import type { DoctorView } from '../doctor/types';

/** How the simulated far end answers the next outbound call (demo line only). */
export type FarEndOutcome = 'answer' | 'busy' | 'no-answer';

/** The demo line's far end, as the app layer hands it to the view (the view never sees the provider). */
export interface FarEndControls {
  simulateInbound(from: string, displayName?: string): void;
  simulateRemoteHangup(): void;
  setNextOutcome(outcome: FarEndOutcome): void;
  nextOutcome(): FarEndOutcome;
}

/** What the SIP login form collects; the app layer turns it into the line's SIP configuration. */
export interface LoginCredentials {
  user: string;
  password: string;
  authorizationUser?: string;
  displayName?: string;
}

/** What the views may do: dispatch events, and in demo mode drive the simulated far end. */
export interface ViewActions {
  dispatch(event: EventInput): void;
  newCallId(): string;
  demo: FarEndControls | null;
  /** "Check setup" (doctor/setup-doctor.ts); absent where the page has none. */
  doctor?: DoctorView | null;
}

/** The phone line as the view sees it: which kind, whether it is connected, and login for SIP. */
export interface LineView {
  kind: ProviderKind;
  /** `elsewhere`: another Salesforce tab owns the phone; this one mirrors it. */
  status: 'loggedOut' | 'connecting' | 'connected' | 'elsewhere';
  error: string | null;
  /** False when the call center forbids keeping SIP passwords in this browser (`switchboard/allowRememberPassword`). */
  allowRemember?: boolean;
  login(credentials: LoginCredentials, remember: boolean): void;
  logout(): void;
  /** Ask the tab that owns the phone to hand it over (it does when idle). */
  takeOver(): void;
  /** Microphones and speakers the browser reports (labels appear once the microphone is allowed). */
  devices: { inputs: DeviceOption[]; outputs: DeviceOption[]; selected: AudioDevices } | null;
  chooseDevices(devices: AudioDevices): void;
}
