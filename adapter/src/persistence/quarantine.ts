import type { SafeStorage } from './safe-storage';

/**
 * Stored items that no longer parse (another version, an extension, a torn write) are set aside here
 * rather than deleted: they may hold a call log nobody sent yet, and an admin can still read it in the
 * browser's storage. Bounded: the newest few are kept, each cut to a size that cannot fill the quota.
 */

export const QUARANTINE_PREFIX = 'quarantine:v1:';
export const QUARANTINE_LIMIT = 5;
export const QUARANTINE_MAX_CHARS = 16_384;

export function quarantine(
  store: SafeStorage,
  name: string,
  raw: string,
  now: number,
  message: string
): void {
  store.remove(name);
  const truncated = raw.length > QUARANTINE_MAX_CHARS;
  // Time first (fixed-width base 36 for years to come) so names sort oldest first.
  const slot = `${QUARANTINE_PREFIX}${Math.max(0, Math.floor(now)).toString(36).padStart(9, '0')}:${name}`;
  store.set(
    slot,
    JSON.stringify({
      from: name,
      at: now,
      truncated,
      raw: truncated ? raw.slice(0, QUARANTINE_MAX_CHARS) : raw
    })
  );
  const held = store
    .names()
    .filter((n) => n.startsWith(QUARANTINE_PREFIX))
    .sort();
  for (const old of held.slice(0, Math.max(0, held.length - QUARANTINE_LIMIT))) store.remove(old);
  store.report({ kind: 'corrupt-entry', key: name, message });
}

/** How many items are set aside (for tests and support). */
export function quarantined(store: SafeStorage): string[] {
  return store.names().filter((n) => n.startsWith(QUARANTINE_PREFIX));
}
