import { t } from '../i18n/labels';

/**
 * A `Storage`-shaped store that never throws. Browser storage fails in ordinary ways: quota
 * exceeded, storage disabled by policy, a sandboxed or partitioned frame where merely reading
 * `window.localStorage` throws a SecurityError. A softphone must keep working through all of
 * them, so on the first failure this store copies what it can into memory, removes the durable
 * copies it can no longer keep current, reports the problem once, and carries on in memory: the
 * data then lives as long as the page, not longer.
 *
 * Names passed to get/set/remove are relative to the store's prefix (in the adapter, the prefix
 * binds every item to one org and one Salesforce user: persistence/storage-scope.ts).
 */

/** The part of `Storage` we use; `window.localStorage` satisfies it, tests pass a Map-backed fake. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What other modules need from a store: read, write and delete by name. */
export interface KeyValueStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  remove(name: string): void;
}

export interface StorageProblem {
  kind: 'storage-unavailable' | 'corrupt-entry';
  /** Admin/agent readable; never contains entry contents (they hold caller data). */
  message: string;
  key?: string;
}

/** `window.localStorage`, or null where touching it throws or it does not exist. */
export function browserLocalStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** A plain in-memory StorageLike (tests, and the fallback when the browser gives us none). */
export class MemoryStorage implements StorageLike {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** Also how start-up recognises this problem, which its site-data notice already covers. */
export function noStorageMessage(): string {
  return t('Switchboard_Storage_NoStorage');
}

export class SafeStorage implements KeyValueStore {
  private backing: StorageLike;
  private durable: boolean;
  private readonly listeners: Array<(problem: StorageProblem) => void> = [];

  /**
   * @param storage the durable store, or null when there is none (then memory from the start)
   * @param prefix every item lives under it; other keys (other apps, other users) are never touched here
   */
  constructor(
    storage: StorageLike | null,
    readonly prefix: string,
    onProblem?: (problem: StorageProblem) => void
  ) {
    if (onProblem) this.listeners.push(onProblem);
    this.backing = storage ?? new MemoryStorage();
    this.durable = storage !== null;
    if (!storage) this.report({ kind: 'storage-unavailable', message: noStorageMessage() });
  }

  /** False once we have fallen back to memory: the caller may want to tell the agent. */
  get isDurable(): boolean {
    return this.durable;
  }

  /** Problems from now on also go to `listener` (the adapter wires the softphone's notice in late). */
  onProblem(listener: (problem: StorageProblem) => void): void {
    this.listeners.push(listener);
  }

  get(name: string): string | null {
    return this.guard(() => this.backing.getItem(this.prefix + name));
  }

  set(name: string, value: string): void {
    this.guard(() => this.backing.setItem(this.prefix + name, value));
  }

  remove(name: string): void {
    this.guard(() => this.backing.removeItem(this.prefix + name));
  }

  /** Every name under our prefix (snapshot: safe to modify the store while iterating the result). */
  names(): string[] {
    return this.guard(() =>
      collectKeys(this.backing, this.prefix).map((key) => key.slice(this.prefix.length))
    );
  }

  /** Reports a problem found by a reader of this store (e.g. a corrupt entry), to the same listeners. */
  report(problem: StorageProblem): void {
    for (const listener of this.listeners) {
      try {
        listener(problem);
      } catch {
        // A failing reporter must not break storage.
      }
    }
  }

  /** Runs `op`; on a throw, falls back to memory once and runs it again there. */
  private guard<T>(op: () => T): T {
    try {
      return op();
    } catch (error) {
      if (!this.durable) throw error; // MemoryStorage does not throw; if it does, that is a bug worth seeing
      this.fallBack(error);
      return op();
    }
  }

  private fallBack(error: unknown): void {
    const failed = this.backing;
    const memory = new MemoryStorage();
    let keys: string[] = [];
    // Quota errors still allow reads: keep what is already stored so nothing pending is lost.
    try {
      keys = collectKeys(failed, this.prefix);
      for (const key of keys) {
        const value = failed.getItem(key);
        if (value !== null) memory.setItem(key, value);
      }
    } catch {
      // Reads fail too (storage disabled mid-session): memory starts empty.
    }
    // From here on the durable copies would go stale: a reload would find a call still "ringing" that was
    // answered and logged since, and log it again. Removing frees space too, so removal normally works.
    let leftBehind = 0;
    for (const key of keys) {
      try {
        failed.removeItem(key);
      } catch {
        leftBehind += 1;
      }
    }
    this.backing = memory;
    this.durable = false;
    const name = error instanceof Error ? error.name : 'Error';
    this.report({
      kind: 'storage-unavailable',
      message: t('Switchboard_Storage_Failed', { error: name, leftBehind: leftBehind > 0 ? 'yes' : 'no' })
    });
  }
}

function collectKeys(storage: StorageLike, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(prefix)) out.push(key);
  }
  return out;
}
