/**
 * A stand-in for Lightning Message Service: the adapter's subscriptions (via Open CTI) and
 * host-page subscribers share channels by name, e.g. `Switchboard_Call__c`. Like LMS, a
 * publisher that is also subscribed receives its own message.
 */
import type { Json } from '../shared/protocol';
import type { Store } from './store';

export type HostSubscriber = (message: Json, channel: string) => void;

export class MessageBus {
  private readonly hostSubscribers = new Map<string, Set<HostSubscriber>>();

  constructor(
    private readonly store: Store,
    private readonly deliverToAdapter: (channel: string, message: Json) => void
  ) {}

  subscribeHost(channel: string, fn: HostSubscriber): () => void {
    const set = this.hostSubscribers.get(channel) ?? new Set<HostSubscriber>();
    set.add(fn);
    this.hostSubscribers.set(channel, set);
    return () => set.delete(fn);
  }

  adapterSubscribed(channel: string): void {
    this.store.update((s) => {
      if (!s.adapterChannels.includes(channel)) s.adapterChannels.push(channel);
    });
  }

  adapterUnsubscribed(channel: string): void {
    this.store.update((s) => {
      s.adapterChannels = s.adapterChannels.filter((c) => c !== channel);
    });
  }

  publishFromAdapter(channel: string, message: Json): void {
    this.dispatch('adapter→host', channel, message);
  }

  publishFromHost(channel: string, message: Json): void {
    this.dispatch('host→adapter', channel, message);
  }

  private dispatch(direction: 'adapter→host' | 'host→adapter', channel: string, message: Json): void {
    const toAdapter = this.store.state.adapterChannels.includes(channel);
    this.store.update((s) =>
      s.channelLog.push({ at: Date.now(), direction, channel, message, deliveredToAdapter: toAdapter })
    );
    if (toAdapter) this.deliverToAdapter(channel, message);
    for (const fn of [...(this.hostSubscribers.get(channel) ?? [])]) {
      try {
        fn(message, channel);
      } catch (err) {
        console.error(`Host subscriber of ${channel} threw`, err);
      }
    }
  }
}
