import { CALL_CHANNEL, parseComponentMessage } from '../channel/contract';
import { initialState, transition } from '../call/machine';
import { channelStatuses, clickToDialEnabled, itemStatus, readinessMessage } from '../call/projections';
import type { Effect, MachineEvent, MachineState } from '../call/types';
import type { Logger } from '../logging/logger';
import { OpenCtiError } from '../opencti/open-cti-error';
import type { HostPort } from '../opencti/port';
import { matchesFrom } from '../screenpop/matches';
import type { SwitchboardSettings } from '../settings/settings';
import type { ProviderEvent, ProviderKind, TelephonyProvider } from '../telephony/provider';
import { dialContextFrom } from './click-to-dial';

type EventInput = MachineEvent extends infer E ? (E extends MachineEvent ? Omit<E, 'at'> : never) : never;

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
}

/**
 * The effect runner: owns the machine state, feeds it events from the provider, the host and
 * the agent, carries out the effects it returns, and keeps the host's view (utility item,
 * click-to-dial, message channel) in line with the state.
 */
export class Softphone {
  private current: MachineState = initialState();
  private readonly now: () => number;
  private readonly newId: () => string;
  // Click-to-dial starts disabled in Lightning until an adapter enables it.
  private readonly sent = { item: '', clickToDial: false as boolean | null, ready: '', statuses: new Map<string, string>() };
  private ticker: ReturnType<typeof setInterval> | null = null;
  private syncing: Promise<void> = Promise.resolve();
  private provider: TelephonyProvider | null = null;

  constructor(private readonly deps: SoftphoneDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  get state(): MachineState {
    return this.current;
  }

  get connected(): boolean {
    return this.provider !== null;
  }

  /**
   * Start-up with the host. Listeners first (there is no ordering rule, and a click must never be
   * lost), then settings, the channel and notifyInitializationComplete — which must come even before
   * a SIP agent logs in, or Lightning switches to the standby URL.
   */
  async start(): Promise<void> {
    const { host, settings, logger } = this.deps;
    host.onClickToDial((payload) => {
      this.dispatch({ type: 'DIAL_REQUESTED', callId: this.newId(), input: payload.number, context: dialContextFrom(payload) });
    });
    this.dispatch({ type: 'INITIALIZED', defaultCountry: settings.defaultCountry, dispositions: settings.dispositions });
    for (const problem of settings.problems) logger.warn(problem);
    if (settings.problems.length > 0) this.dispatch({ type: 'NOTICE', notice: { kind: 'warning', text: settings.problems.join(' ') } });
    await host.subscribe(CALL_CHANNEL, (message) => this.onChannelMessage(message)).catch((error: unknown) => {
      logger.warn('Message channel unavailable; record pages will not show call status.', describe(error));
    });
    await host.notifyInitializationComplete().catch((error: unknown) => logger.error('notifyInitializationComplete failed', describe(error)));
    this.sync();
  }

  /** Puts a line behind the softphone and registers it. Rejects (with the state showing why) when it cannot. */
  async connect(provider: TelephonyProvider): Promise<void> {
    if (this.provider) await this.disconnect();
    this.provider = provider;
    provider.onEvent((event) => {
      if (this.provider === provider) this.onProviderEvent(event);
    });
    this.dispatch({ type: 'REGISTRATION', state: 'registering' });
    try {
      await provider.start();
    } catch (error) {
      // Keep the provider's own reason (e.g. auth-failed) when it already reported one.
      if (this.current.registration !== 'failed') this.dispatch({ type: 'REGISTRATION', state: 'failed', reason: describe(error) });
      throw error;
    }
  }

  /** Logs the line out; a call still up is ended first so it is logged like any other. */
  async disconnect(): Promise<void> {
    const provider = this.provider;
    if (!provider) return;
    if (this.current.call && this.current.phase !== 'wrapUp') this.dispatch({ type: 'HANGUP' });
    this.provider = null;
    await provider.stop().catch((error: unknown) => this.deps.logger.warn('provider stop failed', describe(error)));
    this.dispatch({ type: 'REGISTRATION', state: 'unregistered' });
  }

  dispatch(input: EventInput): void {
    const event = { ...input, at: this.now() } as MachineEvent;
    const [next, effects] = transition(this.current, event);
    if (next === this.current && effects.length === 0) return;
    this.current = next;
    for (const effect of effects) this.run(effect);
    this.deps.onChange?.(next);
    this.sync();
    this.updateTicker();
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    await this.provider?.stop();
    this.provider = null;
  }

  private onProviderEvent(event: ProviderEvent): void {
    switch (event.type) {
      case 'registration':
        return this.dispatch(event.reason ? { type: 'REGISTRATION', state: event.state, reason: event.reason } : { type: 'REGISTRATION', state: event.state });
      case 'incoming':
        return this.dispatch(
          event.displayName
            ? { type: 'INCOMING', callId: event.callId, from: event.from, displayName: event.displayName }
            : { type: 'INCOMING', callId: event.callId, from: event.from }
        );
      case 'progress':
        return this.dispatch({ type: 'PROGRESS', callId: event.callId });
      case 'connected':
        return this.dispatch({ type: 'CONNECTED', callId: event.callId });
      case 'held':
        return this.dispatch({ type: 'HELD', callId: event.callId, held: event.held });
      case 'ended':
        return this.dispatch(
          event.detail ? { type: 'ENDED', callId: event.callId, cause: event.cause, detail: event.detail } : { type: 'ENDED', callId: event.callId, cause: event.cause }
        );
    }
  }

  private onChannelMessage(raw: unknown): void {
    const message = parseComponentMessage(raw);
    if (!message) return;
    if (message.type === 'stateRequest') this.publishAll();
    else this.dispatch({ type: 'RETRY_LOG', callId: message.callId });
  }

  private run(effect: Effect): void {
    const { host, logger } = this.deps;
    const provider = this.provider ?? DISCONNECTED;
    const fail = (what: string) => (error: unknown) => {
      logger.error(`${what} failed`, describe(error));
      this.dispatch({ type: 'NOTICE', notice: { kind: 'error', text: `${what} failed: ${agentText(error)}` } });
    };
    try {
      switch (effect.type) {
        case 'dial':
          return provider.dial({ callId: effect.callId, number: effect.number });
        case 'answer':
          return provider.answer(effect.callId);
        case 'decline':
          return provider.decline(effect.callId);
        case 'hangup':
          return provider.hangup(effect.callId);
        case 'hold':
          return provider.setHold(effect.callId, effect.held);
        case 'mute':
          return provider.setMute(effect.callId, effect.muted);
        case 'dtmf':
          return provider.sendDtmf(effect.callId, effect.tones);
        case 'transfer':
          void provider.transfer(effect.callId, effect.number).catch((error: unknown) => {
            logger.warn('transfer failed', describe(error));
            this.dispatch({ type: 'TRANSFER_FAILED', callId: effect.callId, reason: describe(error) });
          });
          return;
        case 'showPanel':
          void host.setSoftphonePanelVisibility(true).catch(fail('Opening the phone panel'));
          return;
        case 'searchCaller':
          void host
            .searchAndScreenPop({ searchParams: effect.number, callType: effect.direction, deferred: true })
            .then((result) => this.dispatch({ type: 'SCREEN_POP_RESULT', callId: effect.callId, matches: matchesFrom(result) }))
            .catch((error: unknown) => {
              logger.warn('Caller search failed', describe(error));
              this.dispatch({ type: 'SCREEN_POP_FAILED', callId: effect.callId, error: agentText(error) });
            });
          return;
        case 'screenPop':
          void host.screenPop(effect.pop).catch(fail('Opening the record'));
          return;
        case 'saveLog':
          void host
            .saveLog(effect.value)
            .then((taskId) => this.dispatch({ type: 'LOG_SAVED', callId: effect.callId, taskId }))
            .catch((error: unknown) => {
              logger.error('saveLog failed', describe(error));
              this.dispatch({ type: 'LOG_FAILED', callId: effect.callId, error: agentText(error) });
            });
          return;
        case 'refreshView':
          void host.refreshView().catch((error: unknown) => logger.warn('refreshView failed', describe(error)));
          return;
      }
    } catch (error) {
      // A provider that throws must not take the softphone down with it.
      fail(`The ${effect.type} command`)(error);
    }
  }

  /** Brings the host in line with the state; serialised so enable/disable can't race. */
  private sync(): void {
    const state = this.current;
    const { host, logger, providerKind } = this.deps;
    const item = itemStatus(state, this.now());
    const itemKey = `${item.label}|${item.icon}`;
    if (itemKey !== this.sent.item) {
      const previous = this.sent.item.split('|');
      this.sent.item = itemKey;
      if (previous[0] !== item.label) void host.setSoftphoneItemLabel(item.label).catch((e: unknown) => logger.warn('setSoftphoneItemLabel failed', describe(e)));
      if (previous[1] !== item.icon) void host.setSoftphoneItemIcon(item.icon).catch((e: unknown) => logger.warn('setSoftphoneItemIcon failed', describe(e)));
    }
    const enabled = clickToDialEnabled(state);
    if (enabled !== this.sent.clickToDial) {
      this.sent.clickToDial = enabled;
      this.syncing = this.syncing
        .then(() => (enabled ? host.enableClickToDial() : host.disableClickToDial()))
        .catch((e: unknown) => {
          this.sent.clickToDial = null;
          logger.warn(`${enabled ? 'enable' : 'disable'}ClickToDial failed`, describe(e));
        });
    }
    const ready = readinessMessage(state, providerKind);
    const readyKey = JSON.stringify(ready);
    if (readyKey !== this.sent.ready) {
      this.sent.ready = readyKey;
      this.publish(ready);
    }
    const live = new Set<string>();
    for (const status of channelStatuses(state)) {
      live.add(status.callId);
      const key = JSON.stringify(status);
      if (this.sent.statuses.get(status.callId) !== key) {
        this.sent.statuses.set(status.callId, key);
        this.publish(status);
      }
    }
    for (const id of [...this.sent.statuses.keys()]) if (!live.has(id)) this.sent.statuses.delete(id);
  }

  private publishAll(): void {
    this.publish(readinessMessage(this.current, this.deps.providerKind));
    for (const status of channelStatuses(this.current)) this.publish(status);
  }

  private publish(message: object): void {
    void this.deps.host.publish(CALL_CHANNEL, message).catch((e: unknown) => this.deps.logger.warn('publish failed', describe(e)));
  }

  /** The item label shows call duration, so it ticks while a call is up, and only then. */
  private updateTicker(): void {
    const live = this.current.phase === 'connected' || this.current.phase === 'held';
    if (live && !this.ticker) {
      this.ticker = setInterval(() => {
        this.sync();
        this.deps.onChange?.(this.current);
      }, 1000);
    } else if (!live && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }
}

/** Stands in while no line is connected: every command fails loudly instead of vanishing. */
const DISCONNECTED: TelephonyProvider = new Proxy({} as TelephonyProvider, {
  get: () => () => {
    throw new Error('the phone line is not connected');
  }
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function agentText(error: unknown): string {
  if (error instanceof OpenCtiError) return error.toAgentMessage();
  return describe(error);
}
