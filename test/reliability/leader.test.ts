import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LeaderElection,
  parseTabEnvelope,
  type ChannelFactory,
  type ChannelLike,
  type LockManagerLike,
  type TabMessage
} from '../../adapter/src/app/leader';

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
  const election = new LeaderElection({
    tabId: id,
    locks: locks.forOwner(id),
    channel: nodeChannel,
    channelName,
    onRoleChange: (r) => roles.push(r),
    onMessage: (m, from) => got.push([m, from])
  });
  return { election, roles, got };
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
    const election = new LeaderElection({ tabId: 'solo', locks: null, channel: null });
    assert.equal(await election.start(), 'leader');
    assert.equal(election.mode, 'no-locks');
    election.send({ type: 'hello' }); // no channel: a no-op, not a throw
    election.stop();
  });

  test('a lock manager that rejects leaves the tab a follower instead of crashing', async () => {
    const broken: LockManagerLike = { request: () => Promise.reject(new Error('InvalidStateError')) };
    const election = new LeaderElection({ tabId: 'x', locks: broken, channel: null });
    assert.equal(await election.start(), 'follower');
    election.stop();
  });
});

describe('tab messages (BroadcastChannel)', () => {
  test('leader mirrors state, follower hands over a click-to-dial', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-1');
    const b = tab(locks, 'B', 'msg-1');
    await a.election.start();
    await b.election.start();
    a.election.send({
      type: 'state',
      state: { phase: 'connected', label: 'On call 00:12', registered: true }
    });
    b.election.send({
      type: 'dial',
      dial: {
        number: '+1 415 555 0101',
        recordId: '003000000000001AAA',
        recordName: 'Ada',
        objectType: 'Contact',
        params: null
      }
    });
    await settle();
    assert.deepEqual(
      b.got.find(([m]) => m.type === 'state'),
      [{ type: 'state', state: { phase: 'connected', label: 'On call 00:12', registered: true } }, 'A']
    );
    assert.deepEqual(a.got.find(([m]) => m.type === 'dial')?.[0], {
      type: 'dial',
      dial: {
        number: '+1 415 555 0101',
        recordId: '003000000000001AAA',
        recordName: 'Ada',
        objectType: 'Contact',
        params: null
      }
    });
    assert.ok(!a.got.some(([, from]) => from === 'A'), 'a tab never hears itself');
    a.election.stop();
    b.election.stop();
  });

  test('junk on the channel is ignored', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, 'A', 'msg-2');
    await a.election.start();
    const raw = new BroadcastChannel('msg-2');
    const junk: unknown[] = [
      null,
      42,
      'leader',
      [],
      { source: 'switchboard-tab' },
      { source: 'switchboard-tab', version: 2, from: 'X', message: { type: 'hello' } },
      { source: 'switchboard-tab', version: 1, from: '', message: { type: 'hello' } },
      { source: 'switchboard-tab', version: 1, from: 'X', message: { type: 'explode' } },
      {
        source: 'switchboard-tab',
        version: 1,
        from: 'X',
        message: { type: 'state', state: { phase: 'party', label: 'x', registered: true } }
      },
      {
        source: 'switchboard-tab',
        version: 1,
        from: 'X',
        message: { type: 'dial', dial: { number: 4155550101 } }
      },
      {
        source: 'switchboard-tab',
        version: 1,
        from: 'X',
        message: { type: 'dial', dial: { number: '1'.repeat(500) } }
      },
      JSON.parse(
        '{"source":"switchboard-tab","version":1,"from":"X","message":{"__proto__":{"type":"hello"}}}'
      )
    ];
    for (const j of junk) raw.postMessage(j);
    raw.postMessage({ source: 'switchboard-tab', version: 1, from: 'X', message: { type: 'takeOver' } });
    await settle();
    raw.close();
    assert.deepEqual(a.got, [[{ type: 'takeOver' }, 'X']]);
    a.election.stop();
  });

  test('parseTabEnvelope drops unknown dial fields and bounds text', () => {
    const e = parseTabEnvelope({
      source: 'switchboard-tab',
      version: 1,
      from: 'X',
      message: { type: 'dial', dial: { number: '1001', recordId: 'x'.repeat(40), extra: '<script>' } }
    });
    assert.deepEqual(e?.message, {
      type: 'dial',
      dial: { number: '1001', recordId: null, recordName: null, objectType: null, params: null }
    });
  });
});
