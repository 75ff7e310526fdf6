import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardsLeaving, LeaveGuard, type LeaveGuardSituation } from '../../../adapter/src/app/leave-guard';
import type { Call, Phase } from '../../../adapter/src/call/types';

const parkedCall = { id: 'parked' } as Call;
const sip = (phase: Phase, extra: Partial<LeaveGuardSituation> = {}): LeaveGuardSituation => ({
  state: { phase, parked: null },
  line: 'sip',
  leads: true,
  ...extra
});

test('a SIP call this tab carries asks before leaving: dialling out, connected, held, or one parked on hold', () => {
  const asks = (['idle', 'dialing', 'ringing', 'connected', 'held', 'wrapUp'] as Phase[]).filter((phase) =>
    guardsLeaving(sip(phase))
  );
  assert.deepEqual(asks, ['dialing', 'connected', 'held']);
  assert.equal(guardsLeaving(sip('wrapUp', { state: { phase: 'wrapUp', parked: parkedCall } })), true);
  assert.equal(guardsLeaving(sip('ringing', { state: { phase: 'ringing', parked: parkedCall } })), true);
});

test('never on the demo line, nor in a tab that only mirrors the call', () => {
  for (const phase of ['dialing', 'connected', 'held'] as Phase[]) {
    assert.equal(guardsLeaving(sip(phase, { line: 'demo' })), false, `demo ${phase}`);
    assert.equal(guardsLeaving(sip(phase, { leads: false })), false, `follower ${phase}`);
  }
});

/** A window stand-in: Node's Event has a read-only returnValue, a browser's BeforeUnloadEvent does not. */
function fakeWindow() {
  const listeners = new Set<(event: Event) => void>();
  return {
    listeners,
    addEventListener: (type: string, fn: EventListenerOrEventListenerObject) => {
      assert.equal(type, 'beforeunload');
      listeners.add(fn as (event: Event) => void);
    },
    removeEventListener: (type: string, fn: EventListenerOrEventListenerObject) => {
      assert.equal(type, 'beforeunload');
      listeners.delete(fn as (event: Event) => void);
    },
    /** What the browser decides: prompt when any listener cancelled the event or set a returnValue. */
    unload(): boolean {
      const event = { defaultPrevented: false, returnValue: '' as unknown, preventDefault() {} };
      event.preventDefault = () => void (event.defaultPrevented = true);
      for (const fn of listeners) fn(event as unknown as Event);
      return event.defaultPrevented && event.returnValue !== '';
    }
  };
}

test('the listener is there only while a call is live, and is removed when it ends', () => {
  const win = fakeWindow();
  const guard = new LeaveGuard(win);
  guard.follow(sip('idle'));
  assert.equal(win.listeners.size, 0, 'an idle tab has no listener at all');
  assert.equal(win.unload(), false);
  guard.follow(sip('dialing'));
  guard.follow(sip('connected'));
  assert.equal(win.listeners.size, 1, 'added once, however many states follow');
  assert.equal(win.unload(), true, 'prompts (preventDefault and a non-empty returnValue)');
  assert.equal(guard.isArmed, true);
  guard.follow(sip('wrapUp'));
  assert.equal(win.listeners.size, 0);
  assert.equal(win.unload(), false, 'wrap-up leaves without asking');
  guard.follow(sip('connected', { leads: false }));
  assert.equal(win.listeners.size, 0, 'a follower never asks');
});
