import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LeaderElection,
  type ChannelFactory,
  type ChannelLike,
  type LockManagerLike,
  type TabMessage
} from '../../adapter/src/app/leader';
import { TabMessageParser } from '../../adapter/src/app/tab-messages';
import type { MachineState } from '../../adapter/src/call/types';
import { CONTACT, run } from '../adapter/helpers';

/** The call center's settings as the tab checks see them. */
const RULES = { defaultCountry: 'US', dispositions: () => ['Completed', 'No answer', 'Busy'] };

/**
 * An in-process stand-in for navigator.locks with the semantics we rely on: exclusive, FIFO
 * queue, `ifAvailable` calls back at once with null when taken, and the lock is held until
 * the callback's promise settles. `crash(owner)` models a closed page (the browser releases).
 */
class FakeLocks {
  private holder: { owner: string; release: () => void } | null = null;
  private readonly queue: Array<{ owner: string; grant: () => void }> = [];

  forOwner(owner: string): LockManagerLike {
    return {
      request: (_name, options, callback) =>
        new Promise<unknown>((resolve, reject) => {
          const run = () => {
            let released = false;
            const release = () => {
              if (released) return;
              released = true;
              if (this.holder?.owner === owner) this.holder = null;
              this.grantNext();
            };
            this.holder = { owner, release };
            callback({ name: 'lock' }).then(
              (v) => (release(), resolve(v)),
              (e: unknown) => (release(), reject(e))
            );
          };
          queueMicrotask(() => {
            if (!this.holder && this.queue.length === 0) return run();
            if (options.ifAvailable) return void callback(null).then(resolve, reject);
            this.queue.push({ owner, grant: run });
          });
        })
    };
  }

  /** The page closed: its lock goes, its queued requests go. */
  crash(owner: string): void {
    for (let i = this.queue.length - 1; i >= 0; i -= 1)
      if (this.queue[i]!.owner === owner) this.queue.splice(i, 1);
    if (this.holder?.owner === owner) this.holder.release();
  }

  get heldBy(): string | null {
    return this.holder?.owner ?? null;
  }

  private grantNext(): void {
    const next = this.queue.shift();
    if (next) queueMicrotask(next.grant);
  }
}

const channels: ChannelLike[] = [];
/** Node's own BroadcastChannel: real structured-clone delivery between instances in this process. */
const nodeChannel: ChannelFactory = (name) => {
  const channel = new BroadcastChannel(name) as unknown as ChannelLike;
  channels.push(channel);
  return channel;
};

afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

function tab(locks: FakeLocks, id: string, channelName = 'test-tabs', got: Array<[TabMessage, string]> = []) {
  const roles: string[] = [];
  const rejected: string[] = [];
  const election = new LeaderElection({
    tabId: id,
    rules: RULES,
    locks: locks.forOwner(id),
    channel: nodeChannel,
    channelName,
    onRoleChange: (r) => roles.push(r),
    onMessage: (m, from) => got.push([m, from]),
    onRejected: (reason) => rejected.push(reason)
  });
  return { election, roles, got, rejected };
}

describe('leader election (Web Locks)', () => {
  test('first tab wins, second waits as follower', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    assert.equal(await a.election.start(), 'leader');
    assert.equal(await b.election.start(), 'follower');
    assert.equal(locks.heldBy, 'A');
    assert.deepEqual([a.roles, b.roles], [['leader'], ['follower']]);
    a.election.stop();
    b.election.stop();
  });

  test('leadership moves to the waiting tab when the leader page closes, in arrival order', async () => {
    const locks = new FakeLocks();
    const [a, b, c] = [tab(locks, 'A'), tab(locks, 'B'), tab(locks, 'C')];
    await a.election.start();
    await b.election.start();
    await c.election.start();
    const bLeads = b.election.whenLeader();
    locks.crash('A');
    await bLeads;
    assert.equal(b.election.role, 'leader');
    assert.equal(c.election.role, 'follower');
    b.election.stop(); // a clean close releases too
    await c.election.whenLeader();
    assert.equal(locks.heldBy, 'C');
    c.election.stop();
  });

  test('resign hands leadership to the next tab and queues behind it', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    await a.election.start();
    await b.election.start();
    await a.election.resign();
    await b.election.whenLeader();
    assert.equal(a.election.role, 'follower');
    b.election.stop();
    await a.election.whenLeader();
    assert.deepEqual(a.roles, ['leader', 'follower', 'leader']);
    a.election.stop();
  });

  test('a stopped tab never becomes leader later', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A');
    const b = tab(locks, 'B');
    await a.election.start();
    await b.election.start();
    b.election.stop();
    locks.crash('A');
    await settle();
    assert.equal(b.election.role, 'follower');
    assert.equal(locks.heldBy, null);
  });

  test('without Web Locks every tab assumes it leads, and says so', async () => {
    const election = new LeaderElection({ tabId: 'solo', rules: RULES, locks: null, channel: null });
    assert.equal(await election.start(), 'leader');
    assert.equal(election.mode, 'no-locks');
    election.send({ type: 'hello' }); // no channel: a no-op, not a throw
    election.stop();
  });

  test('a lock manager that rejects for another reason leaves the tab a follower instead of crashing', async () => {
    const broken: LockManagerLike = {
      request: () => Promise.reject(new DOMException('discarded', 'InvalidStateError'))
    };
    const election = new LeaderElection({ tabId: 'x', rules: RULES, locks: broken, channel: null });
    assert.equal(await election.start(), 'follower');
    assert.equal(election.mode, 'locks');
    election.stop();
  });
});

/** A channel that records what it is asked to send, or refuses to exist like a page with site data blocked. */
function recordingChannel(sent: unknown[]): ChannelFactory {
  return () => ({
    postMessage: (m: unknown) => void sent.push(m),
    addEventListener: () => undefined,
    close: () => undefined
  });
}
const securityError = () =>
  new DOMException('Access to the Locks API is denied in this context.', 'SecurityError');

describe('site data blocked (storage, Web Locks, BroadcastChannel refused)', () => {
  test('Web Locks rejecting with SecurityError: the tab leads alone, says so, and stops talking on the channel', async () => {
    const sent: unknown[] = [];
    const roles: string[] = [];
    const locks: LockManagerLike = { request: () => Promise.reject(securityError()) };
    const election = new LeaderElection({
      tabId: 'solo',
      rules: RULES,
      locks,
      channel: recordingChannel(sent),
      onRoleChange: (r) => roles.push(r)
    });
    assert.equal(await election.start(), 'leader');
    assert.equal(election.mode, 'blocked');
    assert.equal(election.leaderTabId, 'solo');
    assert.deepEqual(
      roles,
      ['leader'],
      'never a follower first: the agent never sees "active in another tab"'
    );
    const before = sent.length;
    election.send({ type: 'takeOver' });
    assert.equal(sent.length, before, 'nothing to coordinate with');
    assert.ok(await Promise.race([election.whenLeader().then(() => true), settle().then(() => false)]));
    election.stop();
  });

  test('Web Locks throwing synchronously is the same', async () => {
    const locks: LockManagerLike = {
      request: () => {
        throw securityError();
      }
    };
    const election = new LeaderElection({ tabId: 'solo', rules: RULES, locks, channel: null });
    assert.equal(await election.start(), 'leader');
    assert.equal(election.mode, 'blocked');
    election.stop();
  });

  test('BroadcastChannel refused: the tab leads alone without even asking for the lock', async () => {
    let requests = 0;
    const locks: LockManagerLike = {
      request: (_n, _o, callback) => {
        requests += 1;
        return callback({});
      }
    };
    const refused: ChannelFactory = () => {
      throw securityError();
    };
    const election = new LeaderElection({ tabId: 'solo', rules: RULES, locks, channel: refused });
    assert.equal(await election.start(), 'leader');
    assert.equal(election.mode, 'blocked');
    assert.equal(requests, 0, 'a lock no other tab can talk to us about would only look like coordination');
    election.stop();
  });

  test('a follower whose queued request is refused later leads alone instead of waiting forever', async () => {
    let calls = 0;
    const locks: LockManagerLike = {
      request: (_n, options, callback) => {
        calls += 1;
        if (options.ifAvailable) return callback(null); // someone else holds it right now
        return Promise.reject(securityError());
      }
    };
    const election = new LeaderElection({ tabId: 'late', rules: RULES, locks, channel: null });
    assert.equal(await election.start(), 'follower');
    await settle();
    assert.equal(election.role, 'leader');
    assert.equal(election.mode, 'blocked');
    assert.equal(calls, 2);
    election.stop();
  });
});

/** A realistic leader state: a missed call being logged, and an answered call in wrap-up on a Contact. */
function leaderState(): MachineState {
  return run([
    { type: 'INCOMING', callId: 'c0', from: '+14155550100' },
    { type: 'ENDED', callId: 'c0', cause: 'canceled' },
    { type: 'INCOMING', callId: 'c1', from: '+14155550101', displayName: 'Ada' },
    { type: 'SCREEN_POP_RESULT', callId: 'c1', matches: [CONTACT] },
    { type: 'ANSWER' },
    { type: 'CONNECTED', callId: 'c1' },
    { type: 'ENDED', callId: 'c1', cause: 'remote-hangup' },
    { type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 'Called back about <b>invoice</b>' }
  ]).state;
}

const envelope = (message: unknown, from = 'A') => ({ source: 'switchboard-tab', version: 1, from, message });

const forgedEvent = (e: unknown) => envelope({ type: 'event', event: e }, 'X');
/** What issue 13 found could be posted, plus plain junk. */
const JUNK: unknown[] = [
  null,
  42,
  'leader',
  [],
  { source: 'switchboard-tab' },
  { source: 'switchboard-tab', version: 2, from: 'X', message: { type: 'hello' } },
  { source: 'switchboard-tab', version: 1, from: '', message: { type: 'hello' } },
  envelope({ type: 'hello' }, 'x'.repeat(101)),
  envelope({ type: 'explode' }, 'X'),
  // Types nothing sends any more.
  envelope({ type: 'state', state: { phase: 'idle', label: 'x', registered: true } }, 'X'),
  envelope({ type: 'dial', dial: { number: '4155550101' } }, 'X'),
  // The forgeries of issue 13.
  forgedEvent({
    type: 'DIAL_REQUESTED',
    callId: 'f1',
    input: '+14155550101',
    context: { who: { id: 'not-an-id;DROP', name: null, objectType: 'Contact' }, what: null, params: null }
  }),
  forgedEvent({ type: 'DIAL_REQUESTED', callId: 'f2', input: 'javascript:alert(1)', context: null }),
  forgedEvent({ type: 'DIAL_REQUESTED', callId: 'f3', input: '1'.repeat(500), context: null }),
  forgedEvent({ type: 'TRANSFER', target: 'sip:evil@example.com' }),
  forgedEvent({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 42 }),
  forgedEvent({ type: 'WRAP_UP_EDITED', disposition: 'Hacked', notes: 'SECRET-NOTE' }),
  forgedEvent({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 'n'.repeat(32_001) }),
  forgedEvent({ type: 'SELECT_RECORD', recordId: "001' OR 1=1" }),
  forgedEvent({ type: 'DTMF', tones: '1; rm -rf' }),
  forgedEvent({ type: 'POP_NEW_RECORD', entityName: 'User' }),
  forgedEvent({ type: 'NOTICE', notice: { kind: 'error', text: 'not forwardable' } }),
  forgedEvent({ type: 'LOG_SAVED', callId: 'c1', taskId: '00T000000000001AAA' }),
  JSON.parse('{"source":"switchboard-tab","version":1,"from":"X","message":{"__proto__":{"type":"hello"}}}')
];

describe('tab messages (BroadcastChannel)', () => {
  test("a newcomer learns who leads, gets the state only from that tab, and forwards its agent's actions", async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-1');
    const b = tab(locks, 'B', 'msg-1');
    await a.election.start();
    await b.election.start();
    await settle();
    assert.equal(b.election.leaderTabId, 'A', "the leader answers a newcomer's hello with `leader`");
    const state = leaderState();
    a.election.send({ type: 'mirror', state });
    const dial = {
      type: 'DIAL_REQUESTED',
      callId: 'k1',
      input: '(415) 555-0102',
      context: { who: CONTACT, what: null, params: null }
    } as const;
    const checked = b.election.checkForwardable(dial);
    assert.ok(checked.ok);
    b.election.send({ type: 'event', event: checked.value });
    await settle();
    const mirrored = b.got.find(([m]) => m.type === 'mirror');
    assert.deepEqual(mirrored, [{ type: 'mirror', state }, 'A']);
    assert.deepEqual(
      a.got.find(([m]) => m.type === 'event'),
      [{ type: 'event', event: dial }, 'B']
    );
    assert.ok(!a.got.some(([, from]) => from === 'A'), 'a tab never hears itself');
    assert.ok(!a.got.some(([m]) => m.type === 'mirror'), 'a leader takes no state from anyone');
    assert.deepEqual([a.rejected, b.rejected], [[], []]);
    a.election.stop();
    b.election.stop();
  });

  test('a mirror from a tab that does not lead is dropped with a reason; events are only for the leader', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-3');
    const b = tab(locks, 'B', 'msg-3');
    const c = tab(locks, 'C', 'msg-3');
    await a.election.start();
    await b.election.start();
    await c.election.start();
    await settle();
    const raw = new BroadcastChannel('msg-3');
    raw.postMessage(envelope({ type: 'mirror', state: leaderState() }, 'intruder'));
    c.election.send({ type: 'event', event: { type: 'HANGUP' } });
    await settle();
    raw.close();
    assert.ok(!b.got.some(([m]) => m.type === 'mirror'));
    assert.ok(
      b.rejected.some((r) => r.includes('intruder') && r.includes('does not lead')),
      b.rejected.join('\n')
    );
    assert.ok(
      !b.got.some(([m]) => m.type === 'event'),
      "a follower is not the one to act on another follower's click"
    );
    assert.deepEqual(
      a.got.filter(([m]) => m.type === 'event'),
      [[{ type: 'event', event: { type: 'HANGUP' } }, 'C']]
    );
    for (const t of [a, b, c]) t.election.stop();
  });

  test('after a handover followers take state from the new leader only, not from the old one', async () => {
    const locks = new FakeLocks();
    const [a, b, c] = [tab(locks, 'A', 'msg-5'), tab(locks, 'B', 'msg-5'), tab(locks, 'C', 'msg-5')];
    await a.election.start();
    await b.election.start();
    await c.election.start();
    await settle();
    assert.equal(c.election.leaderTabId, 'A');
    locks.crash('A'); // A's page is gone as far as the lock goes, but say its script still posts
    await b.election.whenLeader();
    await settle();
    assert.equal(c.election.leaderTabId, 'B', 'the new leader announced itself');
    const state = leaderState();
    a.election.send({ type: 'mirror', state: { ...state, phase: 'idle', call: null } });
    b.election.send({ type: 'mirror', state });
    await settle();
    assert.deepEqual(
      c.got.filter(([m]) => m.type === 'mirror').map(([, from]) => from),
      ['B']
    );
    assert.ok(
      c.rejected.some((r) => r.includes('tab A, which does not lead')),
      c.rejected.join('\n')
    );
    for (const t of [a, b, c]) t.election.stop();
  });

  test('junk and forgeries on the channel are dropped, each with a console line', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-2');
    await a.election.start();
    const raw = new BroadcastChannel('msg-2');
    for (const j of JUNK) raw.postMessage(j);
    raw.postMessage(envelope({ type: 'takeOver' }, 'X'));
    await settle();
    raw.close();
    assert.deepEqual(a.got, [[{ type: 'takeOver' }, 'X']]);
    assert.equal(a.rejected.length, 20, 'one line each, up to the cap');
    assert.ok(a.rejected.every((r) => r.startsWith('Dropped a tab message that failed its checks (')));
    a.election.stop();
  });

  test('every rejection reason says where the message failed and never quotes its data', () => {
    const parser = new TabMessageParser(RULES);
    for (const [i, j] of JUNK.entries()) {
      const result = parser.envelope(j);
      assert.equal(result.ok, false, `junk #${i} was accepted`);
      if (result.ok) continue;
      for (const secret of [
        'SECRET-NOTE',
        'Hacked',
        'DROP',
        '4155550101',
        'evil',
        'rm -rf',
        'OR 1=1',
        'not forwardable'
      ])
        assert.ok(
          !result.reason.includes(secret),
          `junk #${i}: the reason quoted "${secret}": ${result.reason}`
        );
    }
    const notes = parser.envelope(
      forgedEvent({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 42 })
    );
    assert.deepEqual(notes, { ok: false, reason: 'message.event.notes: expected string' });
  });

  test('console lines for dropped messages stop after 20', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-4');
    await a.election.start();
    const raw = new BroadcastChannel('msg-4');
    for (let i = 0; i < 50; i += 1) raw.postMessage({ junk: i });
    await settle();
    raw.close();
    assert.equal(a.rejected.length, 20);
    assert.match(a.rejected[19]!, /not logged/);
    a.election.stop();
  });
});

describe('the browser lookups', () => {
  test('a navigator.locks getter that throws SecurityError means blocked (run alone), not missing', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      get: () => ({
        get locks(): never {
          throw securityError();
        }
      })
    });
    try {
      const election = new LeaderElection({ tabId: 'solo', rules: RULES, channel: null });
      assert.equal(await election.start(), 'leader');
      assert.equal(election.mode, 'blocked');
      election.stop();
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    }
  });

  test('a BroadcastChannel constructor that throws means blocked too', async () => {
    const saved = globalThis.BroadcastChannel;
    globalThis.BroadcastChannel = class {
      constructor() {
        throw securityError();
      }
    } as unknown as typeof BroadcastChannel;
    try {
      const election = new LeaderElection({
        tabId: 'solo',
        rules: RULES,
        locks: new FakeLocks().forOwner('solo')
      });
      assert.equal(await election.start(), 'leader');
      assert.equal(election.mode, 'blocked');
      election.stop();
    } finally {
      globalThis.BroadcastChannel = saved;
    }
  });
});
