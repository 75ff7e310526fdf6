import type { EventInput } from '../call/types';
import type { DemoControls, DemoOutcome } from '../telephony/demo/demo-provider';
import type { AudioDevices, ProviderKind } from '../telephony/provider';
import type { SipCredentials } from '../telephony/sip/sip-config';


/** What the views may do: dispatch events, and in demo mode drive the simulated far end. */
export interface ViewActions {
  dispatch(event: EventInput): void;
  newCallId(): string;
  demo: (Pick<DemoControls, 'simulateInbound' | 'simulateRemoteHangup'> & { setNextOutcome(o: DemoOutcome): void; nextOutcome(): DemoOutcome }) | null;
}

/** The phone line as the view sees it: which kind, whether it is connected, and login for SIP. */
export interface LineView {
  kind: ProviderKind;
  /** `elsewhere`: another Salesforce tab owns the phone; this one mirrors it. */
  status: 'loggedOut' | 'connecting' | 'connected' | 'elsewhere';
  error: string | null;
  /** False when the call center forbids keeping SIP passwords in this browser (`switchboard/allowRememberPassword`). */
  allowRemember?: boolean;
  login(credentials: SipCredentials, remember: boolean): void;
  logout(): void;
  /** Ask the tab that owns the phone to hand it over (it does when idle). */
  takeOver(): void;
  /** Microphones and speakers the browser reports (labels appear once the microphone is allowed). */
  devices: { inputs: DeviceOption[]; outputs: DeviceOption[]; selected: AudioDevices } | null;
  chooseDevices(devices: AudioDevices): void;
}

export interface DeviceOption {
  id: string;
  label: string;
}
