import { itemStatus } from '../call/projections';
import type { MachineState } from '../call/types';
import { loadRingtoneDevice, saveRingtoneDevice } from '../devices/ringtone-device';
import { describeError, fireAndLog } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import type { HostPort } from '../opencti/port';
import type { KeyValueStore } from '../persistence/safe-storage';
import type { DeviceOption } from '../devices/audio-devices';
import type { RingerView, RingStatus } from '../ui/ringer-view';
import type { DesktopNotice } from './desktop-notice';
import { ItemFlash, type ItemFlashOptions, type ItemLook } from './item-flash';
import { callerOf, callToRing } from './ring-plan';
import type { RingtoneOutput } from './ringtone';

/** The words the ringer shows outside the panel (labels, resolved by the caller). */
export interface RingerText {
  flash: () => ItemLook;
  notificationTitle: () => string;
  notificationBody: (caller: string) => string;
}

export interface RingerDeps {
  /** Null where the browser has no Web Audio: every ring is then seen, not heard. */
  output: RingtoneOutput | null;
  host: Pick<HostPort, 'setSoftphonePanelVisibility' | 'setSoftphoneItemLabel' | 'setSoftphoneItemIcon'>;
  notice: DesktopNotice;
  logger: Logger;
  store: KeyValueStore;
  text: RingerText;
  /** Lists output devices for the ringtone choice. */
  listOutputs: () => Promise<DeviceOption[]>;
  /** The ringer's view changed (prompt shown or gone, device list). */
  onChange: () => void;
  now?: () => number;
  /**
   * Runs work in a later task. The first AudioContext costs ~220 ms in headless Chromium (measured by the setup
   * doctor), so the ring starts after the task that renders the call and posts its host messages, never inside it.
   */
  defer?: () => Promise<void>;
  /** Test seams for the flash's timer. */
  flashTimers?: Pick<ItemFlashOptions, 'setInterval' | 'clearInterval' | 'intervalMs' | 'maxToggles'>;
}

/**
 * Rings for an inbound call, driven by the call state (`update` after every change, in every tab): the
 * ringtone when the browser lets sound play; when it does not (autoplay policy, no Web Audio), the
 * "enable ringing" prompt, the panel opened, the utility item flashing and a desktop notification.
 * Everything stops the moment the state stops ringing — answered, declined, cancelled by the caller,
 * answered in another tab (the leader's state says so) or this tab no longer leading.
 */
export class Ringer {
  readonly view: RingerView;
  private ringing: string | null = null;
  private state: MachineState | null = null;
  private readonly flash: ItemFlash;
  private unlocked = false;

  constructor(private readonly deps: RingerDeps) {
    const now = deps.now ?? (() => Date.now());
    this.flash = new ItemFlash({
      host: deps.host,
      logger: deps.logger,
      normal: () => (this.state ? itemStatus(this.state, now()) : { label: '', icon: 'call' }),
      alert: deps.text.flash,
      ...deps.flashTimers
    });
    const selected = loadRingtoneDevice(deps.store);
    this.view = {
      status: 'silent',
      enable: () => this.enable(),
      device: deps.output?.canChooseDevice
        ? { options: [], selected, choose: (id) => this.chooseDevice(id), refresh: () => this.refresh() }
        : null
    };
    if (selected && deps.output?.canChooseDevice)
      fireAndLog(deps.logger, 'Choosing the ringtone device', deps.output.setDevice(selected));
  }

  /** The state changed, or this tab's role did. Cheap when nothing about ringing changed. */
  update(state: MachineState, leads: boolean): void {
    this.state = state;
    const callId = callToRing(state, leads);
    const was = this.ringing;
    if (callId === was) return;
    // Recorded before anything else runs: a redraw from inside `silence` sees the new call, not the old one.
    this.ringing = callId;
    if (was !== null) this.silence();
    if (callId !== null) void this.ring(callId);
  }

  /** The agent touched the softphone (pointerdown/keydown): sound may play from now on. */
  gesture(): void {
    const output = this.deps.output;
    if (this.unlocked || !output) return;
    // Sticky activation outlives the event, so unlocking a task later is still allowed and keeps the click quick.
    void this.defer()
      .then(() => output.unlock())
      .then((ok) => {
        this.unlocked = ok;
        // The agent is at the panel: the item need not flash any more. The ring itself starts from the prompt,
        // not here, or a click on Answer would start the tone for the moment before the call is answered.
        if (ok && this.view.status === 'blocked') this.flash.stop();
      });
  }

  /** Stops everything (the page is going away). */
  stop(): void {
    this.ringing = null;
    this.silence();
  }

  private async ring(callId: string): Promise<void> {
    const output = this.deps.output;
    await this.defer();
    if (this.ringing !== callId) return;
    const result = output ? await this.startTone(output) : 'blocked';
    if (this.ringing !== callId) {
      // The call stopped ringing while the browser was deciding; a newer ring keeps the tone it shares.
      if (this.ringing === null) output?.stop();
      return;
    }
    if (result === 'playing') return this.setStatus('playing');
    this.setStatus('blocked');
    this.alert(callId);
  }

  /** Seen instead of heard: panel open, item flashing, a desktop notification where allowed. */
  private alert(callId: string): void {
    const { host, logger, notice, text } = this.deps;
    fireAndLog(logger, 'Opening the phone panel', host.setSoftphonePanelVisibility(true));
    this.flash.start();
    const caller = this.state ? callerOf(this.state) : '';
    notice.show(callId, text.notificationTitle(), text.notificationBody(caller));
  }

  private silence(): void {
    this.deps.output?.stop();
    this.flash.stop();
    this.deps.notice.close();
    this.setStatus('silent');
  }

  /** The prompt's button: the click is the gesture that lets sound play, and a moment to ask about notifications. */
  private enable(): void {
    this.deps.notice.requestPermission();
    const output = this.deps.output;
    if (!output) return;
    void output.unlock().then(async (ok) => {
      this.unlocked = ok;
      const callId = this.ringing;
      if (!ok || callId === null) return;
      this.flash.stop();
      this.deps.notice.close();
      const result = await this.startTone(output);
      if (this.ringing === callId) this.setStatus(result === 'playing' ? 'playing' : 'blocked');
      else if (this.ringing === null) output.stop();
    });
  }

  private chooseDevice(deviceId: string): void {
    const { output, store, logger, notice } = this.deps;
    const device = this.view.device;
    if (!output || !device) return;
    try {
      saveRingtoneDevice(store, deviceId);
    } catch (error) {
      return logger.warn('Ringtone device not kept', describeError(error));
    }
    this.view.device = { ...device, selected: deviceId };
    fireAndLog(logger, 'Choosing the ringtone device', output.setDevice(deviceId));
    // Setting up how calls reach them is when an agent expects to be asked about notifications.
    notice.requestPermission();
    this.deps.onChange();
  }

  private async refresh(): Promise<void> {
    const options = await this.deps.listOutputs();
    const device = this.view.device;
    if (!device) return;
    this.view.device = { ...device, options };
    this.deps.onChange();
  }

  /** A ringtone that fails to start (no output device, a broken audio stack) is a ring to be seen instead. */
  private startTone(output: RingtoneOutput): Promise<'playing' | 'blocked'> {
    return output.start().catch((error: unknown) => {
      this.deps.logger.warn('Ringtone failed to start', describeError(error));
      return 'blocked' as const;
    });
  }

  private defer(): Promise<void> {
    return this.deps.defer ? this.deps.defer() : new Promise((resolve) => setTimeout(resolve, 0));
  }

  private setStatus(status: RingStatus): void {
    if (this.view.status === status) return;
    this.view.status = status;
    this.deps.onChange();
  }
}
