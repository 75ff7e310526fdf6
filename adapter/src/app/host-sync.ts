import { CALL_CHANNEL } from '../channel/contract';
import { channelStatuses, clickToDialEnabled, itemStatus, readinessMessage } from '../call/projections';
import type { MachineState, ProviderKind } from '../call/types';
import { describeError, fireAndLog } from '../logging/fire-and-log';
import type { Logger } from '../logging/logger';
import type { HostPort } from '../opencti/port';

/**
 * Keeps the host's view of the softphone (utility item, click-to-dial, message channel) in line with
 * the machine's state: each projection is diffed against what was last sent, so the host hears only
 * changes, and enable/disable of click-to-dial is serialised so the two can never race.
 */
export class HostSync {
  private readonly sent: {
    item: string;
    clickToDial: boolean | null;
    ready: string;
    statuses: Map<string, string>;
  };
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: Pick<
      HostPort,
      | 'setSoftphoneItemLabel'
      | 'setSoftphoneItemIcon'
      | 'enableClickToDial'
      | 'disableClickToDial'
      | 'publish'
    >,
    private readonly logger: Logger,
    private readonly providerKind: ProviderKind,
    /** Click-to-dial was turned on ahead of the line (start-up.ts): it stays on while the phone is idle. */
    private readonly clickToDialAhead: () => boolean = () => false
  ) {
    // Click-to-dial starts disabled in Lightning until an adapter enables it (start-up may have already).
    this.sent = { item: '', clickToDial: clickToDialAhead(), ready: '', statuses: new Map() };
  }

  /** Brings the host in line with `state` at `now` (the item label shows the call's duration). */
  sync(state: MachineState, now: number): void {
    const { host, logger } = this;
    const item = itemStatus(state, now);
    const itemKey = `${item.label}|${item.icon}`;
    if (itemKey !== this.sent.item) {
      const previous = this.sent.item.split('|');
      this.sent.item = itemKey;
      if (previous[0] !== item.label)
        fireAndLog(logger, 'setSoftphoneItemLabel', host.setSoftphoneItemLabel(item.label));
      if (previous[1] !== item.icon)
        fireAndLog(logger, 'setSoftphoneItemIcon', host.setSoftphoneItemIcon(item.icon));
    }
    const enabled = clickToDialEnabled(state) || (state.phase === 'idle' && this.clickToDialAhead());
    if (enabled !== this.sent.clickToDial) {
      this.sent.clickToDial = enabled;
      this.syncing = this.syncing
        .then(() => (enabled ? host.enableClickToDial() : host.disableClickToDial()))
        .catch((e: unknown) => {
          // Unknown now: the next sync sends it again whatever it is.
          this.sent.clickToDial = null;
          logger.warn(`${enabled ? 'enable' : 'disable'}ClickToDial failed`, describeError(e));
        });
    }
    const ready = readinessMessage(state, this.providerKind);
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

  /** A component asked (stateRequest): Lightning keeps no history, so it gets readiness and every known call. */
  publishAll(state: MachineState): void {
    this.publish(readinessMessage(state, this.providerKind));
    for (const status of channelStatuses(state)) this.publish(status);
  }

  /** A new leader's calls are its own: statuses the old state had are sent again when they come back. */
  forgetStatuses(): void {
    this.sent.statuses.clear();
  }

  private publish(message: object): void {
    fireAndLog(this.logger, 'publish', this.host.publish(CALL_CHANNEL, message));
  }
}
