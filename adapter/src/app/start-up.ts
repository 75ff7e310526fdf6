import { isReady } from '../call/projections';
import type { MachineState, ProviderKind } from '../call/types';
import { fireAndLog, logFailure } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import type { HostPort } from '../opencti/port';
import type { CallCenterSettings, ClickToDialPayload } from '../opencti/types';

/** Longest a click waits for the demo line; past it the softphone gets it anyway and says why it did not dial. */
export const HELD_CLICK_LIMIT_MS = 10_000;

/**
 * Resolves in a later task. Chromium delivers a postMessage to a frame in another process (Lightning's
 * page, for our cross-origin Visualforce frame) only once the sender's current task has ended
 * (measured in Chromium 156: a message posted before 150 ms of work arrives after it), so host calls
 * are made, then this is awaited, then the softphone builds and renders.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface StartUpTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The host's side of start-up, at the floor: what Lightning waits for leaves before anything the
 * softphone itself needs (settings parsing, storage, the election, the first render).
 *
 *  - at once, before any await: the click listener, then the settings request and
 *    notifyInitializationComplete (true as soon as the adapter runs: it only keeps Lightning from
 *    switching to the standby URL, and a SIP agent may take minutes to log in);
 *  - as soon as the settings name the line: a demo line dials whenever asked, so click-to-dial goes on
 *    then; a SIP line only when registered, which HostSync says from the machine's state;
 *  - a click that arrives before the line can take it (the demo line connects once this tab knows it
 *    leads) is held and handed over the moment it can, never dropped, and never held past a bound.
 */
export class HostStartUp {
  private target: ((payload: ClickToDialPayload) => void) | null = null;
  private readonly held: ClickToDialPayload[] = [];
  private ahead = false;
  private holdTimer: unknown = null;
  private readonly timers: StartUpTimers;

  constructor(
    private readonly host: HostPort,
    private readonly logger: Logger,
    timers?: StartUpTimers
  ) {
    this.timers = timers ?? {
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
    };
  }

  /** The calls that need nothing but the host, in one go. Resolves with the call center's settings ({} when unreadable). */
  begin(): Promise<CallCenterSettings> {
    const { host, logger } = this;
    // No documented order between the listener and enable; registering first means no click is ever missed.
    host.onClickToDial((payload) => this.click(payload));
    const settings = host.getCallCenterSettings().catch((error: unknown) => {
      logFailure(logger, 'getCallCenterSettings')(error);
      return {};
    });
    fireAndLog(logger, 'notifyInitializationComplete', host.notifyInitializationComplete(), 'error');
    return settings;
  }

  /** The settings named the line. Only a demo line can dial before it has registered anywhere. */
  lineKnown(kind: ProviderKind): void {
    if (kind !== 'demo' || this.ahead) return;
    this.ahead = true;
    fireAndLog(this.logger, 'enableClickToDial', this.host.enableClickToDial());
  }

  /** True while click-to-dial is on ahead of the line: HostSync keeps it on while the phone is idle. */
  get clickToDialAhead(): boolean {
    return this.ahead;
  }

  /** The softphone exists: clicks go to it, held ones once the line can take them (`settled`). */
  deliverTo(clickToDial: (payload: ClickToDialPayload) => void): void {
    this.target = clickToDial;
    if (!this.ahead) this.release();
    else if (this.held.length > 0) this.armLimit();
  }

  /**
   * Called on each change the softphone shows. Once this tab's line is registered, or another tab owns
   * the line (a follower forwards clicks to it), a held click goes through and nothing is held again.
   */
  settled(state: MachineState, follows: boolean): void {
    if (this.ahead && this.target && (follows || isReady(state))) this.release();
  }

  private click(payload: ClickToDialPayload): void {
    if (this.target && !this.ahead) return this.target(payload);
    this.held.push(payload);
    if (this.target) this.armLimit();
  }

  /** Held clicks go to the softphone in order; from here on clicks pass straight through. */
  private release(): void {
    this.ahead = false;
    if (this.holdTimer !== null) this.timers.clearTimeout(this.holdTimer);
    this.holdTimer = null;
    const target = this.target;
    if (!target) return;
    for (const payload of this.held.splice(0)) target(payload);
  }

  private armLimit(): void {
    if (this.holdTimer !== null) return;
    this.holdTimer = this.timers.setTimeout(() => {
      this.holdTimer = null;
      this.logger.warn(`The line was not up ${HELD_CLICK_LIMIT_MS} ms after a click-to-dial; passing it on.`);
      this.release();
    }, HELD_CLICK_LIMIT_MS);
  }
}
