import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  renderRingPeriod,
  WebAudioRingtone,
  type RingtoneContext
} from '../../../adapter/src/ringer/ringtone';
import { DesktopNotice, type NotificationApi } from '../../../adapter/src/ringer/desktop-notice';

test('one ring period is the double ring: 0.4 s on, 0.2 s off, 0.4 s on, 2 s off, within range', () => {
  const rate = 8000;
  const samples = renderRingPeriod(rate);
  assert.equal(samples.length, 3 * rate);
  const loud = (from: number, to: number) =>
    Math.max(...samples.slice(Math.round(from * rate), Math.round(to * rate)).map(Math.abs));
  assert.ok(loud(0.05, 0.35) > 0.2);
  assert.equal(loud(0.41, 0.59), 0);
  assert.ok(loud(0.65, 0.95) > 0.2);
  assert.equal(loud(1.01, 3), 0);
  assert.ok(Math.max(...samples.map(Math.abs)) <= 0.36, 'never clips');
});

/** An AudioContext stand-in whose autoplay state the test sets. */
function fakeContext(initial: 'running' | 'suspended', resumable: boolean) {
  const log: string[] = [];
  const context = {
    state: initial as string,
    sampleRate: 8000,
    destination: {} as AudioNode,
    resume: () => {
      if (resumable) context.state = 'running';
      // Without the gesture Chromium leaves resume() pending rather than rejecting it.
      return resumable ? Promise.resolve() : new Promise<void>(() => undefined);
    },
    createBuffer: (_c: number, length: number) =>
      ({ length, copyToChannel: () => log.push('copy') }) as unknown as AudioBuffer,
    createBufferSource: () =>
      ({
        connect: () => log.push('connect'),
        disconnect: () => log.push('disconnect'),
        start: () => log.push('start'),
        stop: () => log.push('stop')
      }) as unknown as AudioBufferSourceNode,
    setSinkId: (id: string) => {
      log.push(`sink:${id}`);
      return Promise.resolve();
    }
  };
  return { context: context as RingtoneContext, log };
}

test('a suspended context that will not resume is reported as blocked, and nothing plays', async () => {
  const { context, log } = fakeContext('suspended', false);
  const ringtone = new WebAudioRingtone(() => context, true);
  assert.equal(await ringtone.start(), 'blocked');
  assert.ok(!log.includes('start'));
});

test('a running context plays one looping source; stop stops it once', async () => {
  const { context, log } = fakeContext('running', true);
  const ringtone = new WebAudioRingtone(() => context, true);
  assert.equal(await ringtone.start(), 'playing');
  assert.equal(await ringtone.start(), 'playing');
  assert.equal(log.filter((l) => l === 'start').length, 1);
  ringtone.stop();
  ringtone.stop();
  assert.equal(log.filter((l) => l === 'stop').length, 1);
});

test('unlock resumes the context and plays a silent sample; the chosen device applies to the context', async () => {
  const { context, log } = fakeContext('suspended', true);
  const ringtone = new WebAudioRingtone(() => context, true);
  await ringtone.setDevice('dev1');
  assert.equal(await ringtone.unlock(), true);
  assert.ok(log.includes('sink:dev1') && log.includes('start'));
  await ringtone.setDevice('dev2');
  assert.ok(log.includes('sink:dev2'));
});

test('a notification that cannot be shown (Android throws, permission denied) is quietly nothing', () => {
  class Throwing {
    static permission = 'granted';
    static requestPermission = () => Promise.resolve('granted');
    onclick: unknown = null;
    constructor() {
      throw new TypeError('Illegal constructor. Use ServiceWorkerRegistration.showNotification() instead.');
    }
    close(): void {}
  }
  assert.equal(new DesktopNotice(Throwing as unknown as NotificationApi).show('c', 't', 'b'), false);
  const denied = { ...Throwing, permission: 'denied' } as unknown as NotificationApi;
  assert.equal(new DesktopNotice(denied).show('c', 't', 'b'), false);
  const none = new DesktopNotice(null);
  none.requestPermission();
  assert.equal(none.show('c', 't', 'b'), false);
});
