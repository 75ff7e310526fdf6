/**
 * A `Storage`-shaped store that never throws. Browser storage fails in ordinary ways: quota
 * exceeded, storage disabled by policy, a sandboxed or partitioned frame where merely reading
 * `window.localStorage` throws a SecurityError. A softphone must keep working through all of
 * them, so on the first failure this store copies what it can into memory, reports the problem
 * once, and carries on in memory: the data then lives as long as the page, not longer.
 */

/** The part of `Storage` we use; `window.localStorage` satisfies it, tests pass a Map-backed fake. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
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

export class SafeStorage {
  private backing: StorageLike;
  private durable: boolean;

  /**
   * @param storage the durable store, or null when there is none (then memory from the start)
   * @param prefix only keys under it are copied to memory on failure: other apps' data is not ours
   */
  constructor(
    storage: StorageLike | null,
    private readonly prefix: string,
    private readonly onProblem: (problem: StorageProblem) => void = () => undefined
  ) {
    this.backing = storage ?? new MemoryStorage();
    this.durable = storage !== null;
    if (!storage)
      this.report(
        'No browser storage is available; call logs are kept in memory only until this page closes.'
      );
  }

  /** False once we have fallen back to memory: the caller may want to tell the agent. */
  get isDurable(): boolean {
    return this.durable;
  }

  get(key: string): string | null {
    return this.guard(
      () => this.backing.getItem(key),
      () => this.backing.getItem(key)
    );
  }

  set(key: string, value: string): void {
    this.guard(
      () => this.backing.setItem(key, value),
      () => this.backing.setItem(key, value)
    );
  }

  remove(key: string): void {
    this.guard(
      () => this.backing.removeItem(key),
      () => this.backing.removeItem(key)
    );
  }

  /** Every key under our prefix (snapshot: safe to modify the store while iterating the result). */
  keys(): string[] {
    return this.guard(
      () => this.collectKeys(this.backing),
      () => this.collectKeys(this.backing)
    );
  }

  private collectKeys(storage: StorageLike): string[] {
    const out: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(this.prefix)) out.push(key);
    }
    return out;
  }

  /** Runs `op`; on a throw, falls back to memory once and runs `retry` there. */
  private guard<T>(op: () => T, retry: () => T): T {
    try {
      return op();
    } catch (error) {
      if (!this.durable) throw error; // MemoryStorage does not throw; if it does, that is a bug worth seeing
      this.fallBack(error);
      return retry();
    }
  }

  private fallBack(error: unknown): void {
    const failed = this.backing;
    const memory = new MemoryStorage();
    // Quota errors still allow reads: keep what is already stored so nothing pending is lost.
    try {
      for (const key of this.collectKeys(failed)) {
        const value = failed.getItem(key);
        if (value !== null) memory.setItem(key, value);
      }
    } catch {
      // Reads fail too (storage disabled mid-session): memory starts empty.
    }
    this.backing = memory;
    this.durable = false;
    const name = error instanceof Error ? error.name : 'Error';
    this.report(
      `Browser storage failed (${name}); call logs are kept in memory only until this page closes.`
    );
  }

  private report(message: string): void {
    try {
      this.onProblem({ kind: 'storage-unavailable', message });
    } catch {
      // A failing reporter must not break storage.
    }
  }
}
