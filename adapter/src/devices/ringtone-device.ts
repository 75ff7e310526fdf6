import type { KeyValueStore } from '../persistence/safe-storage';

/**
 * Which output the ringtone plays on, apart from the call's speaker: a headset for the call and the
 * desk speaker for the ring is the usual wish. Kept in the user's store (persistence/storage-scope.ts).
 */
const KEY = 'ringtone-device:v1';

/** Browsers give device ids as opaque tokens (Chromium: 64 hex digits); anything else read back is not ours. */
const DEVICE_ID = /^[\w+/=-]{1,256}$/;

/** The remembered ringtone output; '' (the browser default) when none was chosen or what is stored is not an id. */
export function loadRingtoneDevice(store: Pick<KeyValueStore, 'get'>): string {
  const raw = store.get(KEY);
  if (raw === null) return '';
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'string' && (parsed === '' || DEVICE_ID.test(parsed)) ? parsed : '';
  } catch {
    return '';
  }
}

export function saveRingtoneDevice(store: Pick<KeyValueStore, 'set'>, deviceId: string): void {
  if (deviceId !== '' && !DEVICE_ID.test(deviceId))
    throw new Error('A ringtone device id must be an opaque token from the browser’s device list.');
  store.set(KEY, JSON.stringify(deviceId));
}
