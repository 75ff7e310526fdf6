import { CALL_CHANNEL, parseComponentMessage } from '../channel/contract';
import { initialState, transition } from '../call/machine';
import type { Effect, EventInput, MachineEvent, MachineState, ProviderKind } from '../call/types';
import { describeError as describe, fireAndLog, logFailure } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import { LogDelivery, monotonicClock } from '../logging/log-delivery';
import { Outbox } from '../logging/outbox';
import type { HostPort } from '../opencti/port';
import type { ClickToDialPayload } from '../opencti/types';
import type { CallDrafts } from '../persistence/call-drafts';
import type { SwitchboardSettings } from '../settings/settings';
import type { TelephonyProvider } from '../telephony/provider';
import { joinSentences } from '../i18n/sentences';
import { dialContextFrom } from './click-to-dial';
import { runEffect } from './effect-runner';
import { HostSync } from './host-sync';
import { machineEventFrom } from './provider-events';

export type SoftphoneRole = 'leader' | 'follower';

/** Who leads, held in one place: the tab election. `pending` (not decided yet) runs as a leader would. */
export interface Leadership {
  readonly role: SoftphoneRole | 'pending';
}

export interface SoftphoneDeps {
  host: HostPort;
  /** Which kind of line this softphone uses; the provider itself arrives with `connect` (SIP needs a login first). */
  providerKind: ProviderKind;
  settings: SwitchboardSettings;
  logger: Logger;
  now?: () => number;
  newId?: () => string;
  /** Called after every state change; the UI renders from it. */
  onChange?: (state: MachineState) => void;
  /** Durable call logs (browser storage). Without it logs live in memory only. */
  outbox?: Outbox;
  /** The call in progress, kept for a reload. Without it a reload loses the call. */
  drafts?: CallDrafts;
  /** Monotonic epoch ms for log leases and retry times; performance.timeOrigin + now() by default. */
  monotonic?: () => number;
  /** In a follower tab, agent actions go to the leader tab instead of the local machine. */
  forward?: (event: EventInput) => void;
  /** The tab election. Without one this tab leads, unless a test says otherwise with `setRole`. */
  leadership?: Leadership;
  /** Start-up turned click-to-dial on ahead of the line (start-up.ts); kept on while idle as long as this says so. */
  clickToDialAhead?: () => boolean;
}

/**
 * The runner: owns the machine state, feeds it events from the provider, the host and the agent,
 * has the effects it returns carried out (effect-runner.ts, log delivery for saveLog), and keeps the
 * host's view (utility item, click-to-dial, message channel) in line with the state (host-sync.ts).
 */
export class Softphone {
  private current: MachineState = initialState();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly hostSync: HostSync;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private provider: TelephonyProvider | null = null;
  private readonly leadership: Leadership;
  /** Set only when no election is given (tests): then `setRole` is where the role lives. */
  private readonly ownRole: { role: SoftphoneRole } | null;
  /** Showing another tab's state: a tab that starts to lead from here starts clean. */
  private mirroring = false;
  private readonly delivery: LogDelivery;
  /** Until this tab has restored what the last page left, writing a draft would erase it. */
  private restored = false;

  constructor(private readonly deps: SoftphoneDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.hostSync = new HostSync(deps.host, deps.logger, deps.providerKind, deps.clickToDialAhead);
    this.ownRole = deps.leadership ? null : { role: 'leader' };
    this.leadership = deps.leadership ?? (this.ownRole as Leadership);
    this.delivery = new LogDelivery({
      host: deps.host,
      outbox: deps.outbox ?? new Outbox({ owner: 'this-tab' }),
      logger: deps.logger,
      clock: deps.monotonic ?? monotonicClock,
      // A tab that handed the phone over still finishes its sends; their outcome reaches the new leader through the outbox.
      report: (event) => {
        if (this.leads) this.dispatch(event);
      }
    });
    this.delivery.setActive(this.leads);
  }

  /** Read from the election every time, never copied: a follower forwards, a leader runs the machine. */
  private get leads(): boolean {
    return this.leadership.role !== 'follower';
  }

  get state(): MachineState {
    return this.current;
  }

  get connected(): boolean {
    return this.provider !== null;
  }

  /**
   * The softphone's own start-up, once settings are known: the click listener, the settings request
   * and notifyInitializationComplete went out before (start-up.ts). Then the machine is initialised
   * (the host hears its first state before anything renders) and the message channel subscribed.
   */
  async start(): Promise<void> {
    const { host, settings, logger } = this.deps;
    this.dispatch({
      type: 'INITIALIZED',
      defaultCountry: settings.defaultCountry,
      dispositions: settings.dispositions
    });
    for (const problem of settings.problems) logger.warn(problem);
    if (settings.problems.length > 0)
      this.dispatch({ type: 'NOTICE', notice: { kind: 'warning', text: joinSentences(settings.problems) } });
    await host
      .subscribe(CALL_CHANNEL, (message) => this.onChannelMessage(message))
      .catch((error: unknown) => {
        logger.warn('Message channel unavailable; record pages will not show call status.', describe(error));
      });
    this.sync();
  }

  /** Puts a line behind the softphone and registers it. Rejects (with the state showing why) when it cannot. */
  async connect(provider: TelephonyProvider): Promise<void> {
    if (this.provider) await this.disconnect();
    this.provider = provider;
    provider.onEvent((event) => {
      if (this.provider === provider) this.dispatch(machineEventFrom(event));
    });
    this.dispatch({ type: 'REGISTRATION', state: 'registering' });
    try {
      await provider.start();
    } catch (error) {
      // Keep the provider's own reason (e.g. auth-failed) when it already reported one.
      if (this.current.registration !== 'failed')
        this.dispatch({ type: 'REGISTRATION', state: 'failed', reason: describe(error) });
      throw error;
    }
  }

  /** Logs the line out; a call still up is ended first so it is logged like any other. */
  async disconnect(): Promise<void> {
    const provider = this.provider;
    if (!provider) return;
    if (this.current.call && this.current.phase !== 'wrapUp') this.dispatch({ type: 'HANGUP' });
    this.provider = null;
    await provider.stop().catch(logFailure(this.deps.logger, 'provider stop'));
    this.dispatch({ type: 'REGISTRATION', state: 'unregistered' });
  }

  clickToDial(payload: ClickToDialPayload): void {
    this.dispatch({
      type: 'DIAL_REQUESTED',
      callId: this.newId(),
      input: payload.number,
      context: dialContextFrom(payload)
    });
  }

  /** Without an election (tests), sets this tab's role; then does what `roleChanged` does. */
  setRole(role: SoftphoneRole): void {
    if (this.ownRole) this.ownRole.role = role;
    this.roleChanged();
  }

  /**
   * The election changed this tab's role. Followers show the leader's state and send it their agent's
   * actions; the leader owns the line and the logs.
   */
  roleChanged(): void {
    if (!this.leads) this.mirroring = true;
    else if (this.mirroring) {
      // A follower's state is the old leader's, mirrored: a new leader starts clean and restores from storage.
      const { settings } = this.deps;
      this.current = {
        ...initialState(),
        initialized: true,
        defaultCountry: settings.defaultCountry,
        dispositions: settings.dispositions
      };
      this.hostSync.forgetStatuses();
      this.mirroring = false;
    }
    this.delivery.setActive(this.leads);
  }

  /** A follower takes the leader's state as its own, so its utility item, click-to-dial and channel match. */
  mirror(state: MachineState): void {
    if (this.leads) return;
    // A call ringing in: every tab opens its phone, so the agent sees it wherever they are looking.
    const newlyRinging =
      (state.phase === 'ringing' && this.current.phase !== 'ringing') ||
      (state.waiting !== null && this.current.waiting === null);
    if (newlyRinging)
      fireAndLog(
        this.deps.logger,
        'Opening the phone panel',
        this.deps.host.setSoftphonePanelVisibility(true)
      );
    this.current = state;
    this.deps.onChange?.(state);
    this.sync();
    this.updateTicker();
  }

  /**
   * A new leader (after a reload, or when the leading tab closed) picks up where the last one left
   * off: the call that was up and every log not yet confirmed, from browser storage.
   */
  restore(): void {
    if (!this.leads) return;
    const draft = this.deps.drafts?.load() ?? null;
    this.restored = true;
    const logs = this.delivery.restoredLogs();
    this.dispatch({
      type: 'RESTORE',
      draft: draft && {
        phase: draft.phase,
        call: draft.call,
        waiting: draft.waiting,
        parked: draft.parked,
        savedAt: draft.savedAt
      },
      logs
    });
    this.delivery.drain();
  }

  /** Another tab may have settled a log (storage event): look again now rather than at the next wake-up. */
  recheckLogs(): void {
    if (this.leads && this.restored) this.delivery.drain();
  }

  dispatch(input: EventInput): void {
    if (!this.leads) {
      this.deps.forward?.(input);
      return;
    }
    const event = { ...input, at: this.now() } as MachineEvent;
    const [next, effects] = transition(this.current, event);
    if (next === this.current && effects.length === 0) return;
    this.current = next;
    // Written before the effects run, so a reload at any point after this finds the call.
    if (this.restored) this.deps.drafts?.save(next, event.at);
    for (const effect of effects) this.run(effect);
    // The host hears first (item label, click-to-dial, channel); the view renders after.
    this.sync();
    this.deps.onChange?.(next);
    this.updateTicker();
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.delivery.stop();
    await this.provider?.stop();
    this.provider = null;
  }

  private onChannelMessage(raw: unknown): void {
    const message = parseComponentMessage(raw);
    if (!message) return;
    if (message.type === 'stateRequest') this.hostSync.publishAll(this.current);
    else this.dispatch({ type: 'RETRY_LOG', callId: message.callId });
  }

  private run(effect: Effect): void {
    runEffect(effect, {
      host: this.deps.host,
      logger: this.deps.logger,
      provider: this.provider,
      dispatch: (event) => this.dispatch(event),
      saveLog: (callId, value) =>
        this.delivery.submit(callId, value, this.current.logs.find((l) => l.callId === callId)?.call ?? null)
    });
  }

  /** The host hears first (item label, click-to-dial, channel); the view renders after. */
  private sync(): void {
    this.hostSync.sync(this.current, this.now());
  }

  /** The item label shows call duration, so it ticks while a call is up, and only then. */
  private updateTicker(): void {
    const live = this.current.phase === 'connected' || this.current.phase === 'held';
    if (live && !this.ticker) {
      this.ticker = setInterval(() => {
        // Keeps the stored call's time current, so a reload can log the duration the call really had.
        if (this.leads && this.restored) this.deps.drafts?.save(this.current, this.now());
        this.sync();
        this.deps.onChange?.(this.current);
      }, 1000);
    } else if (!live && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }
}
