import { endCauseMessage } from '../call/end-cause-text';
import {
  listAudioDevices,
  loadDeviceChoice,
  saveDeviceChoice,
  type AudioDevices
} from '../devices/audio-devices';
import { fireAndLog } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../persistence/safe-storage';
import type { SwitchboardSettings } from '../settings/settings';
import { DemoProvider } from '../telephony/demo/demo-provider';
import { checkMicrophone } from '../telephony/microphone';
import type { TelephonyProvider } from '../telephony/provider';
import { localCredentialStore, type CredentialStore } from '../telephony/sip-credentials-store';
import { loadSipModule } from '../telephony/sip-loader';
import type { FarEndControls, LineView, LoginCredentials } from '../ui/actions';
import type { Softphone } from './softphone';
import { t } from '../i18n/labels';

export interface LineDeps {
  softphone: Softphone;
  settings: SwitchboardSettings;
  logger: Logger;
  /** The user's store (persistence/storage-scope.ts): remembered SIP login and device choice. */
  store: KeyValueStore;
  /** Where the main script came from; the SIP script sits beside it. */
  scriptUrl: string;
  /** Asks the leading tab for the phone (the view's "Use the phone in this tab"). */
  takeOver: () => void;
  /** Something the view shows changed. */
  redraw: () => void;
  media?: MediaDevices;
}

/**
 * The phone line of this tab: the demo line, or a SIP account with its login, logout, remembered
 * password and audio devices. The softphone gets the provider once it is connected; the view gets
 * `view` (status, login form, devices) and, for the demo line, the far end's controls.
 */
export class Line {
  readonly view: LineView;
  /** The simulated far end of the demo line, for the view's demo panel; null on a SIP line. */
  readonly farEnd: FarEndControls | null;
  private readonly demo: DemoProvider | null;
  private readonly credentials: CredentialStore;
  private readonly devices: {
    getItem(name: string): string | null;
    setItem(name: string, value: string): void;
  };
  private sip: TelephonyProvider | null = null;

  constructor(private readonly deps: LineDeps) {
    const { settings, store } = deps;
    this.demo = settings.provider === 'demo' ? new DemoProvider() : null;
    this.farEnd = this.demo && farEndOf(this.demo);
    this.credentials = localCredentialStore(store);
    // Admins may forbid keeping SIP passwords in the browser: then none is kept, including one kept before.
    if (!settings.allowRememberPassword) this.credentials.forget();
    this.devices = { getItem: (name) => store.get(name), setItem: (name, value) => store.set(name, value) };
    this.view = {
      kind: settings.provider,
      status: 'loggedOut',
      error: null,
      allowRemember: settings.allowRememberPassword,
      login: (creds, remember) => void this.login(creds, remember && settings.allowRememberPassword),
      logout: () => void this.logout(),
      takeOver: () => deps.takeOver(),
      devices: null,
      chooseDevices: (devices) => this.chooseDevices(devices)
    };
  }

  /** This tab now leads: the demo line connects at once; a SIP line logs in again with a remembered password. */
  async connectAsLeader(): Promise<void> {
    this.view.status = 'loggedOut';
    if (this.demo) {
      await this.deps.softphone.connect(this.demo);
      this.view.status = 'connected';
    } else {
      const remembered = this.credentials.load();
      if (remembered) await this.login(remembered, true);
    }
  }

  private async login(creds: LoginCredentials, remember: boolean): Promise<void> {
    const { softphone, settings, logger } = this.deps;
    this.view.status = 'connecting';
    this.view.error = null;
    this.deps.redraw();
    const mic = await checkMicrophone(this.deps.media ?? navigator.mediaDevices);
    if (!mic.ok) return this.loginFailed(mic.reason);
    try {
      const sip = await loadSipModule(this.deps.scriptUrl);
      const provider = sip.createSipProvider(sip.sipConfigFromSettings(settings, creds), { logger });
      await provider.setAudioDevices(loadDeviceChoice(this.devices));
      await softphone.connect(provider);
      this.sip = provider;
      void this.refreshDevices();
      if (remember) this.credentials.save(creds);
      else this.credentials.forget();
      this.view.status = 'connected';
      this.deps.redraw();
    } catch (error) {
      const reason = softphone.state.registrationReason;
      await softphone.disconnect();
      this.loginFailed(
        reason === 'auth-failed'
          ? endCauseMessage('auth-failed')
          : t('Switchboard_Sip_ConnectFailed', {
              error: error instanceof Error ? error.message : String(error)
            })
      );
    }
  }

  private loginFailed(reason: string): void {
    this.credentials.forget();
    this.view.status = 'loggedOut';
    this.view.error = reason;
    this.deps.redraw();
  }

  private async logout(): Promise<void> {
    this.credentials.forget();
    this.sip = null;
    await this.deps.softphone.disconnect();
    this.view.status = 'loggedOut';
    this.deps.redraw();
  }

  private async refreshDevices(): Promise<void> {
    const listed = await listAudioDevices(this.deps.media ?? navigator.mediaDevices);
    this.view.devices = { ...listed, selected: loadDeviceChoice(this.devices) };
    this.deps.redraw();
  }

  private chooseDevices(devices: AudioDevices): void {
    saveDeviceChoice(this.devices, devices);
    if (this.view.devices) this.view.devices = { ...this.view.devices, selected: devices };
    const switching = this.sip?.setAudioDevices?.(devices);
    if (switching) fireAndLog(this.deps.logger, 'Switching audio devices', switching);
    this.deps.redraw();
  }
}

/** The view drives the demo line's far end through these, never through the provider itself. */
function farEndOf(demo: DemoProvider): FarEndControls {
  return {
    simulateInbound: (from, name) => void demo.simulateInbound(from, name),
    simulateRemoteHangup: () => demo.simulateRemoteHangup(),
    setNextOutcome: (outcome) => demo.setNextOutcome(outcome),
    nextOutcome: () => demo.nextOutcome
  };
}
