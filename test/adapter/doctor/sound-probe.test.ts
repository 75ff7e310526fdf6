import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeSoundWhenIdle, soundAtStart } from '../../../adapter/src/doctor/browser-doctor';

/** A window with an AudioContext whose state is `state`, counting contexts made, and the page's activation. */
function fakeWindow(state: string, clicked: boolean, idle: boolean) {
  const made: string[] = [];
  const queued: (() => void)[] = [];
  class FakeContext {
    readonly state = state;
    constructor() {
      made.push(state);
    }
    close(): Promise<void> {
      return Promise.resolve();
    }
  }
  const win = {
    AudioContext: FakeContext,
    navigator: { userActivation: { hasBeenActive: clicked } },
    requestIdleCallback: idle ? (fn: () => void) => void queued.push(fn) : undefined,
    setTimeout: (fn: () => void) => void queued.push(fn)
  } as unknown as Window & typeof globalThis;
  return { win, made, queued };
}

test('the probe waits for idle: nothing is created at start-up, one context once idle', () => {
  for (const idle of [true, false]) {
    const { win, made, queued } = fakeWindow('suspended', false, idle);
    const found: string[] = [];
    probeSoundWhenIdle(win, (s) => found.push(s));
    assert.deepEqual(made, [], 'no AudioContext on the start-up path');
    assert.equal(queued.length, 1);
    queued[0]!();
    assert.deepEqual(found, ['suspended']);
    assert.equal(made.length, 1);
  }
});

test('a page clicked before the probe cannot pass it: running then says unknown; suspended still says blocked', () => {
  assert.equal(soundAtStart(fakeWindow('running', true, true).win), 'unknown');
  assert.equal(soundAtStart(fakeWindow('running', false, true).win), 'running');
  assert.equal(soundAtStart(fakeWindow('suspended', true, true).win), 'suspended');
});
