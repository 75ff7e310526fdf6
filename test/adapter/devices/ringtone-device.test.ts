import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRingtoneDevice, saveRingtoneDevice } from '../../../adapter/src/devices/ringtone-device';
import { MemoryStorage, SafeStorage } from '../../../adapter/src/persistence/safe-storage';

const CHROMIUM_ID = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdef0123';

test('the ringtone device is remembered in the user store and read back', () => {
  const store = new SafeStorage(new MemoryStorage(), 'u:');
  assert.equal(loadRingtoneDevice(store), '');
  saveRingtoneDevice(store, CHROMIUM_ID);
  assert.equal(loadRingtoneDevice(store), CHROMIUM_ID);
  saveRingtoneDevice(store, '');
  assert.equal(loadRingtoneDevice(store), '');
});

test('what is read back is checked: anything but a device id means the browser default', () => {
  const store = new SafeStorage(new MemoryStorage(), 'u:');
  for (const stored of ['{not json', '42', '{"id":"x"}', '"<img src=x>"', JSON.stringify('a'.repeat(300))]) {
    store.set('ringtone-device:v1', stored);
    assert.equal(loadRingtoneDevice(store), '', stored);
  }
});

test('saving something that is not a device id is refused with a clear error, keeping the old choice', () => {
  const store = new SafeStorage(new MemoryStorage(), 'u:');
  saveRingtoneDevice(store, CHROMIUM_ID);
  assert.throws(() => saveRingtoneDevice(store, 'speaker one'), /opaque token/);
  assert.equal(loadRingtoneDevice(store), CHROMIUM_ID);
});
