import type { NotificationApi } from '../../../adapter/src/ringer/desktop-notice';
import type { RingtoneOutput } from '../../../adapter/src/ringer/ringtone';
import { MemoryStorage, SafeStorage } from '../../../adapter/src/persistence/safe-storage';

/** A sound output whose autoplay answer the test sets; counts what the ringer asked of it. */
export class FakeOutput implements RingtoneOutput {
  allowed = false;
  playing = false;
  starts = 0;
  stops = 0;
  unlocks = 0;
  devices: string[] = [];
  readonly canChooseDevice = true;
  /** When set, start() waits for the test to call it. */
  hold: Array<() => void> | null = null;

  async start(): Promise<'playing' | 'blocked'> {
    this.starts += 1;
    if (this.hold) await new Promise<void>((resolve) => this.hold?.push(resolve));
    if (!this.allowed) return 'blocked';
    this.playing = true;
    return 'playing';
  }
  stop(): void {
    this.stops += 1;
    this.playing = false;
  }
  async unlock(): Promise<boolean> {
    this.unlocks += 1;
    this.allowed = true;
    return true;
  }
  async setDevice(id: string): Promise<void> {
    this.devices.push(id);
  }
}

/** The host calls the ringer makes, in order, as `method:argument`. */
export function fakeHost() {
  const calls: string[] = [];
  const record = (method: string) => (arg: unknown) => {
    calls.push(`${method}:${String(arg)}`);
    return Promise.resolve();
  };
  return {
    calls,
    host: {
      setSoftphonePanelVisibility: record('panel'),
      setSoftphoneItemLabel: record('label'),
      setSoftphoneItemIcon: record('icon')
    }
  };
}

/** A Notification constructor with a settable permission, recording what was shown, closed and asked. */
export function fakeNotifications(permission: string) {
  const record = {
    permission,
    requests: 0,
    shown: [] as Array<{ title: string; body: string | undefined; closed: boolean }>
  };
  class FakeNotification {
    onclick: unknown = null;
    private readonly entry: { title: string; body: string | undefined; closed: boolean };
    static get permission(): string {
      return record.permission;
    }
    static requestPermission(): Promise<string> {
      record.requests += 1;
      return Promise.resolve(record.permission);
    }
    constructor(title: string, options?: NotificationOptions) {
      this.entry = { title, body: options?.body, closed: false };
      record.shown.push(this.entry);
    }
    close(): void {
      this.entry.closed = true;
    }
  }
  return { record, api: FakeNotification as unknown as NotificationApi };
}

/** setInterval under the test's hand: `tick()` runs the flash's step once. */
export function fakeTimers() {
  const timers = { fn: null as (() => void) | null, cleared: 0 };
  return {
    timers,
    seams: {
      setInterval: (fn: () => void) => {
        timers.fn = fn;
        return 1;
      },
      clearInterval: () => {
        timers.fn = null;
        timers.cleared += 1;
      }
    },
    tick: () => timers.fn?.()
  };
}

export function memoryStore(): SafeStorage {
  return new SafeStorage(new MemoryStorage(), 'test:');
}

/** Lets promise callbacks (the ringer's awaited start and unlock) run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
