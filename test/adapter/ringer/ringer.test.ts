import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { itemStatus } from '../../../adapter/src/call/projections';
import type { EventInput, MachineState } from '../../../adapter/src/call/types';
import type { SafeStorage } from '../../../adapter/src/persistence/safe-storage';
import { DesktopNotice } from '../../../adapter/src/ringer/desktop-notice';
import { Ringer } from '../../../adapter/src/ringer/ringer';
import { run } from '../helpers';
import { FakeOutput, fakeHost, fakeNotifications, fakeTimers, flush, memoryStore } from './fakes';

const INCOMING: EventInput = { type: 'INCOMING', callId: 'in-1', from: '+14155550101', displayName: 'Ada' };
const FLASH = { label: 'Incoming call: open Phone', icon: 'alert' };

function setUp(
  options: { allowed?: boolean; permission?: string; output?: boolean; store?: SafeStorage } = {}
) {
  const output = new FakeOutput();
  output.allowed = options.allowed ?? false;
  const { host, calls } = fakeHost();
  const notifications = fakeNotifications(options.permission ?? 'granted');
  const clock = fakeTimers();
  let changes = 0;
  const ringer = new Ringer({
    output: options.output === false ? null : output,
    host,
    notice: new DesktopNotice(notifications.api),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    store: options.store ?? memoryStore(),
    text: {
      flash: () => FLASH,
      notificationTitle: () => 'Incoming call',
      notificationBody: (caller) => `${caller} is calling.`
    },
    listOutputs: () => Promise.resolve([{ id: 'speaker-2', label: 'Desk speaker' }]),
    onChange: () => void (changes += 1),
    now: () => 0,
    defer: () => Promise.resolve(),
    flashTimers: { ...clock.seams, maxToggles: 6 }
  });
  return { ringer, output, calls, notifications: notifications.record, clock, changes: () => changes };
}

const ringing = (): MachineState => run([INCOMING]).state;
/** What the item shows for the ringing call when it is not flashing: the softphone's own projection. */
const NORMAL = [`label:${itemStatus(ringing(), 0).label}`, `icon:${itemStatus(ringing(), 0).icon}`];

describe('ringer: sound allowed', () => {
  test('a ringing inbound call plays the ringtone and nothing else', async () => {
    const { ringer, output, calls, notifications } = setUp({ allowed: true });
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'playing');
    assert.equal(output.playing, true);
    assert.deepEqual(calls, []);
    assert.equal(notifications.shown.length, 0);
  });

  test('a redraw with the same ringing call does not start the ringtone again', async () => {
    const { ringer, output } = setUp({ allowed: true });
    const state = ringing();
    ringer.update(state, true);
    ringer.update(state, true);
    await flush();
    ringer.update(state, true);
    assert.equal(output.starts, 1);
  });

  test('the ring starts after the task that rendered the call, never inside it (an AudioContext is slow to make)', async () => {
    const { ringer, output } = setUp({ allowed: true });
    ringer.update(ringing(), true);
    assert.equal(output.starts, 0);
    await flush();
    assert.equal(output.starts, 1);
  });

  test('a follower tab never rings: the leading tab owns the line and the ring', async () => {
    const { ringer, output, calls } = setUp({ allowed: true });
    ringer.update(ringing(), false);
    await flush();
    assert.equal(output.starts, 0);
    assert.equal(ringer.view.status, 'silent');
    assert.deepEqual(calls, []);
  });

  test('an outbound call ringing out is not rung here', async () => {
    const { ringer, output } = setUp({ allowed: true });
    const { state } = run([
      { type: 'DIAL_REQUESTED', callId: 'out-1', input: '+14155550101', context: null }
    ]);
    ringer.update(state, true);
    await flush();
    assert.equal(output.starts, 0);
  });
});

describe('ringer: sound blocked by the autoplay policy', () => {
  test('shows the prompt, opens the panel, flashes the item and raises a notification', async () => {
    const { ringer, calls, notifications, clock } = setUp({ allowed: false, permission: 'granted' });
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'blocked');
    assert.deepEqual(calls.slice(0, 3), ['panel:true', `label:${FLASH.label}`, `icon:${FLASH.icon}`]);
    clock.tick();
    assert.deepEqual(calls.slice(3), NORMAL);
    assert.deepEqual(notifications.shown, [
      { title: 'Incoming call', body: 'Ada is calling.', closed: false }
    ]);
    assert.equal(notifications.requests, 0, 'permission is never asked without the agent’s click');
  });

  test('without notification permission the rest still happens, and nothing is asked', async () => {
    const { ringer, calls, notifications } = setUp({ allowed: false, permission: 'default' });
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'blocked');
    assert.ok(calls.includes('panel:true'));
    assert.equal(notifications.shown.length, 0);
    assert.equal(notifications.requests, 0);
  });

  test('without Web Audio at all the ring is seen: prompt, panel and flash', async () => {
    const { ringer, calls } = setUp({ output: false });
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'blocked');
    assert.ok(calls.includes('panel:true') && calls.includes(`label:${FLASH.label}`));
  });

  test('the flash is bounded and puts the item back as the softphone shows it', async () => {
    const { ringer, calls, clock } = setUp({ allowed: false });
    ringer.update(ringing(), true);
    await flush();
    for (let i = 0; i < 20; i += 1) clock.tick();
    assert.equal(clock.timers.fn, null, 'the flash stopped by itself');
    assert.deepEqual(calls.slice(-2), NORMAL);
    assert.equal(calls.filter((c) => c.startsWith('label:')).length, 6);
  });

  test('"enable ringing" asks for notifications, unlocks sound, stops the flash and plays', async () => {
    const { ringer, output, calls, notifications } = setUp({ allowed: false, permission: 'default' });
    ringer.update(ringing(), true);
    await flush();
    ringer.view.enable();
    await flush();
    assert.equal(notifications.requests, 1);
    assert.equal(output.unlocks, 1);
    assert.equal(ringer.view.status, 'playing');
    assert.equal(output.playing, true);
    assert.deepEqual(calls.slice(-2), NORMAL);
  });

  test('a gesture in the panel unlocks sound and stops the flash, but does not start the tone', async () => {
    const { ringer, output, clock } = setUp({ allowed: false });
    ringer.update(ringing(), true);
    await flush();
    ringer.gesture();
    await flush();
    assert.equal(output.unlocks, 1);
    assert.equal(clock.timers.fn, null);
    assert.equal(output.playing, false);
    ringer.gesture();
    await flush();
    assert.equal(output.unlocks, 1, 'once unlocked, later gestures cost nothing');
  });

  test('after a gesture the next call rings out loud', async () => {
    const { ringer, output } = setUp({ allowed: false });
    ringer.gesture();
    await flush();
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'playing');
    assert.equal(output.playing, true);
  });
});

describe('ringer: stops on every way out of ringing', () => {
  const exits: Array<[string, (s: MachineState) => MachineState, boolean]> = [
    [
      'answered',
      () => run([INCOMING, { type: 'ANSWER' }, { type: 'CONNECTED', callId: 'in-1' }]).state,
      true
    ],
    ['declined', () => run([INCOMING, { type: 'DECLINE' }]).state, true],
    [
      'cancelled by the caller',
      () => run([INCOMING, { type: 'ENDED', callId: 'in-1', cause: 'remote-hangup' }]).state,
      true
    ],
    ['answered in another tab (this tab now follows)', (s) => s, false]
  ];
  for (const allowed of [true, false])
    for (const [how, next, leads] of exits)
      test(`${how}, sound ${allowed ? 'allowed' : 'blocked'}`, async () => {
        const { ringer, output, calls, notifications, clock } = setUp({ allowed });
        const state = ringing();
        ringer.update(state, true);
        await flush();
        ringer.update(next(state), leads);
        assert.equal(ringer.view.status, 'silent');
        assert.equal(output.playing, false);
        assert.ok(output.stops >= 1);
        assert.equal(clock.timers.fn, null, 'no flash left running');
        assert.ok(notifications.shown.every((n) => n.closed));
        if (!allowed) assert.notEqual(calls.at(-2), `label:${FLASH.label}`);
      });

  test('a call that stops ringing before its ring starts never starts one', async () => {
    const { ringer, output } = setUp({ allowed: true });
    ringer.update(ringing(), true);
    ringer.update(run([INCOMING, { type: 'DECLINE' }]).state, true);
    await flush();
    assert.equal(output.starts, 0);
    assert.equal(ringer.view.status, 'silent');
  });

  test('a call that stops ringing while the browser decides leaves no tone behind', async () => {
    const { ringer, output } = setUp({ allowed: true });
    output.hold = [];
    const state = ringing();
    ringer.update(state, true);
    await flush();
    assert.equal(output.hold.length, 1, 'the browser is still deciding');
    ringer.update(run([INCOMING, { type: 'DECLINE' }]).state, true);
    for (const release of output.hold) release();
    await flush();
    assert.equal(output.playing, false);
    assert.equal(ringer.view.status, 'silent');
  });
});

describe('ringer: the ringtone device', () => {
  test('the choice is saved, applied to the output, remembered for the next page, and asks about notifications', async () => {
    const store = memoryStore();
    const first = setUp({ permission: 'default', store });
    first.ringer.view.device?.choose('speaker-2');
    assert.deepEqual(first.output.devices, ['speaker-2']);
    assert.equal(first.ringer.view.device?.selected, 'speaker-2');
    assert.equal(first.notifications.requests, 1);
    await first.ringer.view.device?.refresh();
    assert.deepEqual(first.ringer.view.device?.options, [{ id: 'speaker-2', label: 'Desk speaker' }]);
    const next = setUp({ store });
    assert.equal(next.ringer.view.device?.selected, 'speaker-2');
    assert.deepEqual(next.output.devices, ['speaker-2'], 'applied before the first ring');
  });
});

describe('ringer: a broken output', () => {
  test('a ringtone that throws on start is treated as blocked: the ring is seen, nothing is unhandled', async () => {
    const { ringer, output, calls } = setUp({ allowed: true });
    output.start = () => Promise.reject(new Error('no audio device'));
    ringer.update(ringing(), true);
    await flush();
    assert.equal(ringer.view.status, 'blocked');
    assert.ok(calls.includes('panel:true'));
  });

  test('a device id that is not one is refused without throwing into the view, and the old choice stays', () => {
    const { ringer, output } = setUp();
    ringer.view.device?.choose('not a device id');
    assert.equal(ringer.view.device?.selected, '');
    assert.deepEqual(output.devices, []);
  });
});
