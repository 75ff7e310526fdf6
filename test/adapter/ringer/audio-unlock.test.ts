import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listenForGestures } from '../../../adapter/src/ringer/audio-unlock';

test('pointerdown and keydown reach the unlock in the capture phase, other events do not, and it can be removed', () => {
  const target = new EventTarget();
  const seen: string[] = [];
  const options: unknown[] = [];
  const add = target.addEventListener.bind(target);
  target.addEventListener = (type, listener, opts) => {
    options.push(opts);
    add(type, listener, opts);
  };
  const remove = listenForGestures(target, () => seen.push('gesture'));
  for (const type of ['pointerdown', 'keydown', 'mousemove', 'focus']) target.dispatchEvent(new Event(type));
  assert.deepEqual(seen, ['gesture', 'gesture']);
  assert.ok(options.every((o) => (o as AddEventListenerOptions).capture === true));
  remove();
  target.dispatchEvent(new Event('pointerdown'));
  assert.equal(seen.length, 2);
});
