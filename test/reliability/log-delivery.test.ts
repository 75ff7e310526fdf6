// Log delivery under adversity: slow saves, a tab that dies mid-send, a handover during a save, late
// answers from an older attempt, a clock set back. One Task per call, and the log never stays "saving".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LogDelivery, type LogEvent, type Timers } from '../../adapter/src/logging/log-delivery';
import { Outbox, OUTBOX_ENTRY_PREFIX, type OutboxEntry } from '../../adapter/src/logging/outbox';
import type { Logger } from '../../adapter/src/logging/logger';
import { OpenCtiError } from '../../adapter/src/opencti/open-cti-error';
import type { SaveLogValue } from '../../adapter/src/opencti/types';
import { MemoryStorage, SafeStorage, type StorageLike } from '../../adapter/src/persistence/safe-storage';

const T0 = 1_700_000_000_000;
const LEASE = 8000;
const PREFIX = 'switchboard:u:00D000000000001:005000000000001:';
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** One virtual clock and timer queue shared by every tab of a test: deterministic, no real waiting. */
class VirtualTime implements Timers {
  now = T0;
  private seq = 0;
  private readonly queue = new Map<number, { at: number; run: () => void }>();
  setTimeout(run: () => void, ms: number): number {
    this.seq += 1;
    this.queue.set(this.seq, { at: this.now + Math.max(0, ms), run });
    return this.seq;
  }
  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }
  /** Runs every timer due within `ms`, in order, letting promise callbacks settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (let guard = 0; guard < 10_000; guard += 1) {
      let next: [number, { at: number; run: () => void }] | null = null;
      for (const item of this.queue)
        if (item[1].at <= end && (next === null || item[1].at < next[1].at)) next = item;
      if (!next) break;
      this.queue.delete(next[0]);
      this.now = next[1].at;
      next[1].run();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** An org: saveLog commits the Task `saveMs` after the request, when it answers; findCallLog looks it up. */
function org(time: VirtualTime, saveMs: number) {
  const tasks: Array<{ id: string; value: SaveLogValue }> = [];
  const requests: SaveLogValue[] = [];
  const lookups: string[] = [];
  let seq = 0;
  const host = {
    saveLog: (value: SaveLogValue) =>
      new Promise<string>((resolve) => {
        requests.push(value);
        time.setTimeout(() => {
          if (typeof value.Id === 'string') return resolve(value.Id);
          seq += 1;
          const id = `00T${String(seq).padStart(15, '0')}`;
          tasks.push({ id, value });
          resolve(id);
        }, saveMs);
      }),
    runApex: async (_cls: string, _method: string, params: string) => {
      const callObject = decodeURIComponent(params.replace(/^callObject=/, ''));
      lookups.push(callObject);
      return tasks.find((t) => t.value.CallObject === callObject)?.id ?? '';
    }
  };
  return { host, tasks, requests, lookups };
}

function tab(storage: StorageLike, owner: string, time: VirtualTime, host: ReturnType<typeof org>['host']) {
  const events: LogEvent[] = [];
  const outbox = new Outbox({
    store: new SafeStorage(storage, PREFIX),
    owner,
    leaseMs: LEASE,
    random: () => 0.5
  });
  const delivery = new LogDelivery({
    host,
    outbox,
    logger: quiet,
    clock: () => time.now,
    timers: time,
    report: (e) => events.push(e)
  });
  return { outbox, delivery, events };
}

const value = (callId: string): SaveLogValue => ({
  entityApiName: 'Task',
  TaskSubtype: 'Call',
  Subject: 'Outbound call',
  CallObject: callId
});
const summary = (callId: string) => ({
  id: callId,
  direction: 'outbound' as const,
  display: '(415) 555-0101',
  startedAt: T0,
  connectedAt: null,
  endedAt: T0,
  recordId: null
});

describe('log delivery: a send in flight', () => {
  for (const saveMs of [10_000, 20_000, 40_000, 60_000]) {
    test(`a save that takes ${saveMs / 1000} s is sent once, its lease renewed all along, and ends saved`, async () => {
      const time = new VirtualTime();
      const sf = org(time, saveMs);
      const storage = new MemoryStorage();
      const a = tab(storage, 'tab-a', time, sf.host);
      const b = tab(storage, 'tab-b', time, sf.host);
      a.delivery.setActive(true);
      a.delivery.submit('call-1', value('call-1'), summary('call-1'));
      for (let t = 0; t < saveMs - 1000; t += 1000) {
        await time.advance(1000);
        const entry = a.outbox.get('call-1');
        assert.equal(entry?.status, 'saving');
        assert.ok(entry.claimedUntil > time.now, `lease alive at ${t + 1000} ms`);
        assert.equal(
          b.outbox.claim('call-1', time.now),
          null,
          'no other tab may take it over while it is in flight'
        );
      }
      await time.advance(30_000);
      assert.equal(sf.requests.length, 1);
      assert.equal(sf.tasks.length, 1);
      assert.equal(a.outbox.get('call-1')?.status, 'saved');
      assert.deepEqual(
        a.events.map((e) => e.type),
        ['LOG_SENDING', 'LOG_SAVED']
      );
    });
  }

  test('wrap-up edited while the create is in flight: the edit goes out afterwards, as an update of that Task', async () => {
    const time = new VirtualTime();
    const sf = org(time, 5000);
    const a = tab(new MemoryStorage(), 'tab-a', time, sf.host);
    a.delivery.setActive(true);
    a.delivery.submit('call-1', value('call-1'), summary('call-1'));
    await time.advance(1000);
    a.delivery.submit('call-1', { ...value('call-1'), CallDisposition: 'Left voicemail' }, summary('call-1'));
    await time.advance(1000);
    assert.equal(sf.requests.length, 1, 'not sent again while the first send is in flight');
    await time.advance(20_000);
    assert.equal(sf.tasks.length, 1);
    assert.equal(sf.requests.length, 2);
    assert.equal(sf.requests[1]?.Id, sf.tasks[0]?.id);
    assert.equal(sf.requests[1]?.CallDisposition, 'Left voicemail');
    assert.equal(a.outbox.get('call-1')?.status, 'saved');
  });
});

describe('log delivery: order of the send and what the machine hears', () => {
  test('saveLog leaves before the machine hears LOG_SENDING (its re-render never delays the request)', async () => {
    const time = new VirtualTime();
    const sf = org(time, 100);
    const seen: string[] = [];
    const host = {
      ...sf.host,
      saveLog: (v: SaveLogValue) => {
        seen.push('saveLog');
        return sf.host.saveLog(v);
      }
    };
    const a = tab(new MemoryStorage(), 'tab-a', time, host);
    const delivery = new LogDelivery({
      host,
      outbox: a.outbox,
      logger: quiet,
      clock: () => time.now,
      timers: time,
      report: (e) => seen.push(e.type)
    });
    delivery.setActive(true);
    delivery.submit('call-1', value('call-1'), summary('call-1'));
    assert.deepEqual(seen, ['saveLog', 'LOG_SENDING']);
    await time.advance(200);
    assert.deepEqual(seen, ['saveLog', 'LOG_SENDING', 'LOG_SAVED']);
  });

  test('a saveLog that throws synchronously is still reported after LOG_SENDING, as a failure', async () => {
    const time = new VirtualTime();
    const seen: LogEvent[] = [];
    const host = {
      saveLog: (): Promise<string> => {
        throw new OpenCtiError('saveLog', [{ code: 'CLIENT_VALIDATION', description: 'bad value' }]);
      },
      runApex: async () => ''
    };
    const a = tab(new MemoryStorage(), 'tab-a', time, host);
    const delivery = new LogDelivery({
      host,
      outbox: a.outbox,
      logger: quiet,
      clock: () => time.now,
      timers: time,
      report: (e) => seen.push(e)
    });
    delivery.setActive(true);
    delivery.submit('call-1', value('call-1'), summary('call-1'));
    await settle();
    assert.deepEqual(
      seen.map((e) => e.type),
      ['LOG_SENDING', 'LOG_FAILED']
    );
    assert.equal(a.outbox.get('call-1')?.status, 'failed');
  });
});

describe('log delivery: tabs that die or hand over', () => {
  test('the sending tab dies mid-save: the next leader waits one lease, finds the Task with runApex, does not create it again', async () => {
    const time = new VirtualTime();
    const sf = org(time, 3000);
    const storage = new MemoryStorage();
    // The page is gone: its request still reaches Salesforce and commits, but the answer has nowhere to go.
    const deadPage = {
      ...sf.host,
      saveLog: (v: SaveLogValue) => (void sf.host.saveLog(v), new Promise<string>(() => undefined))
    };
    const a = tab(storage, 'tab-a', time, deadPage);
    a.delivery.setActive(true);
    a.delivery.submit('call-1', value('call-1'), summary('call-1'));
    a.delivery.stop(); // and no more renewals
    const b = tab(storage, 'tab-b', time, sf.host);
    b.delivery.setActive(true);
    assert.deepEqual(
      b.delivery.restoredLogs().map((l) => l.status),
      ['saving']
    );
    b.delivery.drain();
    await time.advance(LEASE - 100);
    assert.deepEqual(sf.lookups, [], 'not before the lease ends');
    await time.advance(5000);
    assert.deepEqual(sf.lookups, ['call-1']);
    assert.equal(sf.tasks.length, 1);
    assert.equal(sf.requests.length, 1, 'found: nothing created again');
    assert.equal(b.outbox.get('call-1')?.status, 'saved');
    assert.ok(b.events.some((e) => e.type === 'LOG_SAVED'));
  });

  test('a SIP call (CallObject = its Call-ID, not the outbox key): the next leader looks up the Call-ID and creates nothing again', async () => {
    const time = new VirtualTime();
    const sf = org(time, 3000);
    const storage = new MemoryStorage();
    const deadPage = {
      ...sf.host,
      saveLog: (v: SaveLogValue) => (void sf.host.saveLog(v), new Promise<string>(() => undefined))
    };
    const sipCallId = 'a84b4c76e66710@pc33.atlanta.com';
    const a = tab(storage, 'tab-a', time, deadPage);
    a.delivery.setActive(true);
    a.delivery.submit('call-1', { ...value('call-1'), CallObject: sipCallId }, summary('call-1'));
    a.delivery.stop();
    const b = tab(storage, 'tab-b', time, sf.host);
    b.delivery.setActive(true);
    b.delivery.drain();
    await time.advance(LEASE + 5000);
    assert.deepEqual(sf.lookups, [sipCallId], 'the value that was written, not the outbox key');
    assert.equal(sf.tasks.length, 1);
    assert.equal(b.outbox.get('call-1')?.status, 'saved');
  });

  test('the sending tab dies before Salesforce committed anything: the lookup finds nothing and the log is created once', async () => {
    const time = new VirtualTime();
    const storage = new MemoryStorage();
    const lost = org(time, 3000);
    const a = tab(storage, 'tab-a', time, {
      ...lost.host,
      saveLog: () => new Promise<string>(() => undefined)
    });
    a.delivery.setActive(true);
    a.delivery.submit('call-1', value('call-1'), summary('call-1'));
    a.delivery.stop();
    const b = tab(storage, 'tab-b', time, lost.host);
    b.delivery.setActive(true);
    b.delivery.drain();
    await time.advance(LEASE + 10_000);
    assert.deepEqual(lost.lookups, ['call-1']);
    assert.equal(lost.tasks.length, 1);
    assert.equal(b.outbox.get('call-1')?.status, 'saved');
  });

  test("handover during a save: the new leader shows the log saved when the old leader's send returns, and never sends it", async () => {
    const time = new VirtualTime();
    const sf = org(time, 20_000);
    const storage = new MemoryStorage();
    const a = tab(storage, 'tab-a', time, sf.host);
    a.delivery.setActive(true);
    a.delivery.submit('call-1', value('call-1'), summary('call-1'));
    await time.advance(1000);
    a.delivery.setActive(false); // A hands the phone over (idle) but its send is still in flight
    const b = tab(storage, 'tab-b', time, sf.host);
    b.delivery.setActive(true);
    assert.equal(b.delivery.restoredLogs()[0]?.status, 'saving');
    b.delivery.drain();
    await time.advance(60_000);
    assert.equal(sf.requests.length, 1, 'only the old leader ever sent it');
    assert.equal(sf.tasks.length, 1);
    assert.deepEqual(sf.lookups, []);
    assert.deepEqual(
      b.events.filter((e) => e.type === 'LOG_SAVED').map((e) => e.callId),
      ['call-1'],
      'the new leader hears the outcome (no "saving" forever)'
    );
  });

  test("handover and the old leader's send fails for good: the new leader shows the failure, and the agent's retry saves it once", async () => {
    const time = new VirtualTime();
    const storage = new MemoryStorage();
    const sf = org(time, 1000);
    const rejecting = {
      ...sf.host,
      saveLog: () =>
        new Promise<string>((_resolve, reject) =>
          time.setTimeout(
            () => reject(new OpenCtiError('saveLog', [{ code: 'INVALID_PARAM', description: 'Bad field' }])),
            5000
          )
        )
    };
    const a = tab(storage, 'tab-a', time, rejecting);
    a.delivery.setActive(true);
    a.delivery.submit('call-1', value('call-1'), summary('call-1'));
    a.delivery.setActive(false);
    const b = tab(storage, 'tab-b', time, sf.host);
    b.delivery.setActive(true);
    b.delivery.drain();
    await time.advance(60_000);
    assert.deepEqual(
      b.events.map((e) => e.type),
      ['LOG_FAILED'],
      'the failure reached the new leader, once'
    );
    assert.equal(sf.requests.length, 0, 'a validation failure waits for the agent');
    b.delivery.submit('call-1', value('call-1'), summary('call-1')); // Retry
    await time.advance(5000);
    assert.equal(sf.tasks.length, 1);
    assert.equal(b.outbox.get('call-1')?.status, 'saved');
  });
});

describe('outbox: claim tokens', () => {
  test('a late markFailed / markSaved from an older attempt never overwrites a newer claim', () => {
    const storage = new MemoryStorage();
    const a = new Outbox({ store: new SafeStorage(storage, PREFIX), owner: 'tab-a', leaseMs: LEASE });
    const b = new Outbox({ store: new SafeStorage(storage, PREFIX), owner: 'tab-b', leaseMs: LEASE });
    a.put({ callId: 'call-1', value: value('call-1') }, T0);
    const first = a.claim('call-1', T0);
    assert.equal(first?.attempt, 1);
    const second = b.claim('call-1', T0 + LEASE); // a's lease ran out without renewal
    assert.equal(second?.attempt, 2);
    assert.equal(second?.uncertain, true, 'no answer came for the first create: look it up first');
    assert.equal(a.markFailed('call-1', 'late failure', T0 + LEASE + 1, 'auto', 1), null);
    assert.equal(b.get('call-1')?.status, 'saving');
    assert.equal(b.get('call-1')?.claimedBy, 'tab-b');
    assert.equal(a.markSaved('call-1', '00T000000000001AAA', T0 + LEASE + 2, 1), null);
    const after = b.get('call-1');
    assert.equal(after?.status, 'saving', "b's claim stands");
    assert.equal(after?.claimedBy, 'tab-b');
    assert.equal(
      after?.taskId,
      '00T000000000001AAA',
      'but the Task it made is known, so nothing creates another'
    );
    assert.equal(b.markSaved('call-1', '00T000000000001AAA', T0 + LEASE + 3, 2)?.status, 'saved');
    assert.equal(a.renew('call-1', 1, T0 + LEASE + 4), false, 'an old claim cannot be renewed either');
  });
});

describe('outbox: a clock set back', () => {
  const stored = (patch: Partial<OutboxEntry>): StorageLike => {
    const storage = new MemoryStorage();
    const entry: OutboxEntry = {
      schema: 2,
      callId: 'call-1',
      value: value('call-1'),
      revision: 1,
      sentRevision: 1,
      taskId: null,
      status: 'saving',
      attempts: 1,
      error: null,
      nextAttemptAt: T0,
      createdAt: T0,
      savedAt: null,
      claimedBy: 'a-dead-tab',
      claimedUntil: T0 + LEASE,
      summary: null,
      ...patch
    };
    storage.setItem(`${PREFIX}${OUTBOX_ENTRY_PREFIX}call-1`, JSON.stringify(entry));
    return storage;
  };
  const HOUR = 3600_000;

  test('a lease written an hour "ahead" (the clock went back since) does not strand the send', () => {
    const box = new Outbox({
      store: new SafeStorage(stored({ claimedUntil: T0 + HOUR }), PREFIX),
      owner: 'tab-b',
      leaseMs: LEASE
    });
    assert.deepEqual(
      box.pending(T0).map((e) => e.callId),
      ['call-1']
    );
  });

  test('a live lease within one lease from now is respected', () => {
    const box = new Outbox({
      store: new SafeStorage(stored({ claimedUntil: T0 + LEASE - 1 }), PREFIX),
      owner: 'tab-b',
      leaseMs: LEASE
    });
    assert.deepEqual(box.pending(T0), []);
    assert.equal(box.nextDueAt(T0), T0 + LEASE - 1);
  });

  test('a retry time further ahead than any backoff is due now', () => {
    const box = new Outbox({
      store: new SafeStorage(
        stored({ status: 'failed', claimedBy: null, claimedUntil: 0, nextAttemptAt: T0 + HOUR }),
        PREFIX
      ),
      owner: 'tab-b',
      leaseMs: LEASE
    });
    assert.deepEqual(
      box.pending(T0).map((e) => e.callId),
      ['call-1']
    );
  });

  test('the delivery uses the clock it is given, not Date.now()', async () => {
    const time = new VirtualTime();
    const sf = org(time, 100);
    const a = tab(new MemoryStorage(), 'tab-a', time, sf.host);
    const realNow = Date.now;
    Date.now = () => 0; // the wall clock jumps back to 1970
    try {
      a.delivery.setActive(true);
      a.delivery.submit('call-1', value('call-1'), summary('call-1'));
      await time.advance(5000);
    } finally {
      Date.now = realNow;
    }
    assert.equal(a.outbox.get('call-1')?.status, 'saved');
    assert.equal(a.outbox.get('call-1')?.savedAt, T0 + 100);
  });
});
