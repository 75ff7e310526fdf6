import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Call } from '../../adapter/src/call/types';
import { buildTaskLog } from '../../adapter/src/logging/task-log';
import { backoffDelay, DEFAULT_BACKOFF } from '../../adapter/src/logging/backoff';
import {
  Outbox,
  OUTBOX_ENTRY_PREFIX,
  saveLogRequest,
  type OutboxOptions
} from '../../adapter/src/logging/outbox';
import { quarantined, QUARANTINE_LIMIT } from '../../adapter/src/persistence/quarantine';
import {
  MemoryStorage,
  SafeStorage,
  type StorageLike,
  type StorageProblem
} from '../../adapter/src/persistence/safe-storage';
import { useEnglishLabels } from '../adapter/helpers';

useEnglishLabels();

/** Where a test's store lives in the fake localStorage. */
const PREFIX = 'switchboard:u:00D000000000001:005000000000001:';
const ENTRY_KEY = (callId: string) => `${PREFIX}${OUTBOX_ENTRY_PREFIX}${callId}`;

const T0 = 1_700_000_000_000;

function call(id = 'call-1', patch: Partial<Call> = {}): Call {
  return {
    id,
    sipCallId: null,
    direction: 'outbound',
    dial: '+14155550101',
    display: '(415) 555-0101',
    callerName: null,
    startedAt: T0,
    connectedAt: T0 + 2000,
    endedAt: T0 + 62_000,
    endCause: 'local-hangup',
    muted: false,
    held: false,
    who: { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact' },
    what: null,
    params: null,
    screenPop: { status: 'none' },
    transferTo: null,
    disposition: 'Completed',
    notes: 'Called back about the invoice.',
    quality: null,
    ...patch
  };
}

function entryFor(id = 'call-1') {
  const c = call(id);
  return {
    callId: id,
    value: buildTaskLog(c, T0 + 62_000),
    summary: {
      id,
      direction: c.direction,
      display: c.display,
      startedAt: c.startedAt,
      connectedAt: c.connectedAt,
      endedAt: c.endedAt,
      recordId: c.who?.id ?? null
    }
  };
}

function outbox(storage: StorageLike | null = new MemoryStorage(), extra: Partial<OutboxOptions> = {}) {
  const problems: StorageProblem[] = [];
  const store = new SafeStorage(storage, PREFIX, (p) => problems.push(p));
  const box = new Outbox({ store, owner: 'tab-a', random: () => 0.5, ...extra });
  return { box, problems, storage, store };
}

/** A second tab on the same browser storage. */
function tab(storage: StorageLike, owner: string, extra: Partial<OutboxOptions> = {}) {
  return new Outbox({ store: new SafeStorage(storage, PREFIX), owner, random: () => 0.5, ...extra });
}

/** Storage that works until `breakAt` writes, then throws like a full or disabled localStorage. */
class FlakyStorage extends MemoryStorage {
  writes = 0;
  constructor(
    private readonly mode: 'quota' | 'disabled',
    private readonly breakAt = 0
  ) {
    super();
  }
  override setItem(key: string, value: string): void {
    this.writes += 1;
    if (this.writes > this.breakAt) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    super.setItem(key, value);
  }
  override getItem(key: string): string | null {
    if (this.mode === 'disabled' && this.writes > this.breakAt)
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    return super.getItem(key);
  }
}

describe('outbox: the idempotency rule', () => {
  test('a new entry sends a create with TaskSubtype and entityApiName', () => {
    const { box } = outbox();
    box.put(entryFor(), T0);
    const value = box.markSaving('call-1', T0);
    assert.ok(value);
    assert.equal(value.entityApiName, 'Task');
    assert.equal(value.TaskSubtype, 'Call');
    assert.equal(value.CallObject, 'call-1');
    assert.equal('Id' in value, false);
  });

  test('once a Task Id is known every send is an update by Id, without create-only fields', () => {
    const { box } = outbox();
    box.put(entryFor(), T0);
    box.markSaving('call-1', T0);
    box.markSaved('call-1', '00T000000000001AAA', T0 + 100);
    // The agent edits the wrap-up afterwards: the same call id is put again.
    const again = box.put(
      { ...entryFor(), value: { ...entryFor().value, CallDisposition: 'Left voicemail' } },
      T0 + 5000
    );
    assert.equal(again.taskId, '00T000000000001AAA', 'the Task Id survives a put');
    const value = box.markSaving('call-1', T0 + 5000);
    assert.ok(value);
    assert.equal(value.Id, '00T000000000001AAA');
    assert.equal(value.CallDisposition, 'Left voicemail');
    assert.equal('entityApiName' in value, false);
    assert.equal('TaskSubtype' in value, false);
  });

  test('a failed update stays an update on retry', () => {
    const { box } = outbox();
    box.put({ ...entryFor(), taskId: '00T000000000001AAA' }, T0);
    box.markSaving('call-1', T0);
    box.markFailed('call-1', 'UNABLE_TO_LOCK_ROW', T0 + 10);
    const retry = box.markSaving('call-1', T0 + 60_000);
    assert.equal(retry?.Id, '00T000000000001AAA');
    assert.equal(retry && 'TaskSubtype' in retry, false);
  });

  test('saveLogRequest never lets a stored Id override the known Task Id', () => {
    const v = saveLogRequest({ value: { entityApiName: 'Task', Id: 'stale', Subject: 's' }, taskId: '00T1' });
    assert.deepEqual(v, { Subject: 's', Id: '00T1' });
  });

  test('a saved entry is never sent again', () => {
    const { box } = outbox();
    box.put(entryFor(), T0);
    box.markSaving('call-1', T0);
    box.markSaved('call-1', '00T000000000001AAA', T0 + 1);
    assert.equal(box.markSaving('call-1', T0 + 10 * 60_000), null);
    assert.deepEqual(box.pending(T0 + 10 * 60_000), []);
  });
});

describe('outbox: retry schedule', () => {
  test('exponential backoff 2 s → 60 s cap, with bounded jitter', () => {
    const exact = (n: number) => backoffDelay(n, DEFAULT_BACKOFF, () => 0.5);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 20, 1000].map(exact),
      [2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]
    );
    for (const r of [0, 0.25, 0.999_999]) {
      const d = backoffDelay(3, DEFAULT_BACKOFF, () => r);
      assert.ok(d >= 8000 * 0.8 && d <= 8000 * 1.2, `${d}`);
      assert.ok(backoffDelay(50, DEFAULT_BACKOFF, () => r) <= 60_000, 'jitter never exceeds the cap');
    }
    assert.equal(
      backoffDelay(1, DEFAULT_BACKOFF, () => Number.NaN),
      2000,
      'a broken random source does not make the delay NaN'
    );
  });

  test('saveLog fails N times then succeeds: due times follow the schedule, one Task results', () => {
    const { box } = outbox();
    box.put(entryFor(), T0);
    const sends: Array<{ at: number; value: Record<string, unknown> }> = [];
    let now = T0;
    for (let failure = 1; failure <= 4; failure += 1) {
      const value = box.markSaving('call-1', now);
      assert.ok(value, `attempt ${failure} due at ${now - T0}`);
      sends.push({ at: now, value });
      const failed = box.markFailed('call-1', 'Server unavailable', now);
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.nextAttemptAt, now + 2000 * 2 ** (failure - 1));
      assert.equal(box.markSaving('call-1', now + 1), null, 'not before it is due');
      now = failed!.nextAttemptAt!;
    }
    const last = box.markSaving('call-1', now);
    assert.ok(last);
    box.markSaved('call-1', '00T000000000001AAA', now);
    assert.equal(sends.length, 4);
    assert.ok(
      sends.every((s) => s.value.entityApiName === 'Task'),
      'no Task Id came back, so each retry is the create'
    );
    assert.equal(box.get('call-1')?.attempts, 5);
    assert.equal(box.get('call-1')?.status, 'saved');
  });

  test('a manual-only failure waits for the agent; retryNow makes it due', () => {
    const { box } = outbox();
    box.put(entryFor(), T0);
    box.markSaving('call-1', T0);
    box.markFailed('call-1', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', T0, 'manual');
    assert.deepEqual(box.pending(T0 + 24 * 3600_000), []);
    box.retryNow('call-1', T0 + 5);
    assert.deepEqual(
      box.pending(T0 + 5).map((e) => e.callId),
      ['call-1']
    );
  });

  test('an entry stuck in "saving" (the tab died mid-send) becomes due when its lease ends', () => {
    const storage = new MemoryStorage();
    const { box } = outbox(storage, { leaseMs: 30_000 });
    box.put(entryFor(), T0);
    box.markSaving('call-1', T0);
    const { box: reloaded } = outbox(storage, { owner: 'tab-a-after-reload', leaseMs: 30_000 });
    assert.deepEqual(reloaded.pending(T0 + 29_999), []);
    assert.deepEqual(
      reloaded.pending(T0 + 30_000).map((e) => e.callId),
      ['call-1']
    );
  });
});

describe('outbox: two tabs on one storage', () => {
  test('only one tab claims an entry; the other skips it while the lease lives', () => {
    const storage = new MemoryStorage();
    const a = tab(storage, 'tab-a');
    const b = tab(storage, 'tab-b');
    a.put(entryFor(), T0);
    assert.deepEqual(
      b.pending(T0).map((e) => e.callId),
      ['call-1'],
      'b sees it before anyone claims it'
    );
    assert.ok(a.markSaving('call-1', T0));
    assert.equal(b.markSaving('call-1', T0 + 1), null, 'b may not send what a is sending');
    assert.deepEqual(b.pending(T0 + 1), []);
    a.markSaved('call-1', '00T000000000001AAA', T0 + 500);
    assert.equal(b.get('call-1')?.taskId, '00T000000000001AAA', 'b sees the result');
    assert.equal(b.markSaving('call-1', T0 + 60_000), null);
  });

  test('a claim that was overwritten by a racing tab backs off', () => {
    const storage = new MemoryStorage();
    const a = tab(storage, 'tab-a');
    a.put(entryFor(), T0);
    // Tab b writes its claim between a's write and a's read-back.
    const racing: StorageLike = {
      get length() {
        return storage.length;
      },
      key: (i) => storage.key(i),
      getItem: (k) => storage.getItem(k),
      removeItem: (k) => storage.removeItem(k),
      setItem: (k, v) => {
        storage.setItem(k, v);
        const parsed = JSON.parse(v) as { status: string; claimedBy: string };
        if (parsed.status === 'saving' && parsed.claimedBy === 'tab-a')
          storage.setItem(k, JSON.stringify({ ...parsed, claimedBy: 'tab-b' }));
      }
    };
    const aRacing = tab(racing, 'tab-a');
    assert.equal(aRacing.markSaving('call-1', T0), null);
  });

  test('ten tabs draining the same outbox send each entry once', () => {
    const storage = new MemoryStorage();
    const tabs = Array.from({ length: 10 }, (_, i) => tab(storage, `tab-${i}`));
    for (let i = 0; i < 25; i += 1) tabs[0]!.put(entryFor(`call-${i}`), T0 + i);
    const sent: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const tab of tabs) {
        for (const e of tab.pending(T0 + 100)) if (tab.markSaving(e.callId, T0 + 100)) sent.push(e.callId);
      }
    }
    assert.equal(sent.length, 25);
    assert.equal(new Set(sent).size, 25);
  });
});

describe('outbox: storage that fails', () => {
  test('no storage at all: works in memory and says so once', () => {
    const { box, problems } = outbox(null);
    assert.equal(box.isDurable, false);
    box.put(entryFor(), T0);
    assert.ok(box.markSaving('call-1', T0));
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['storage-unavailable']
    );
  });

  test('quota exceeded on write: keeps what was stored in memory, removes the stale durable copies, reports it once', () => {
    const storage = new FlakyStorage('quota', 2);
    storage.setItem('unrelated:key', 'not ours');
    storage.writes = 0;
    const { box, problems } = outbox(storage);
    box.put(entryFor('call-1'), T0); // write 1
    box.put(entryFor('call-2'), T0); // write 2
    box.put(entryFor('call-3'), T0); // write 3 throws → memory
    assert.equal(box.isDurable, false);
    assert.deepEqual(
      box.all().map((e) => e.callId),
      ['call-1', 'call-2', 'call-3']
    );
    // From now on the stored copies would go stale: a reload must not find them and send them again.
    assert.equal(storage.getItem(ENTRY_KEY('call-1')), null);
    assert.equal(storage.getItem(ENTRY_KEY('call-2')), null);
    assert.equal(storage.getItem('unrelated:key'), 'not ours', "other apps' data is not ours to remove");
    assert.ok(box.markSaving('call-3', T0));
    box.markSaved('call-3', '00T3', T0);
    assert.equal(box.get('call-3')?.status, 'saved');
    assert.equal(problems.filter((p) => p.kind === 'storage-unavailable').length, 1);
    assert.match(problems[0]!.message, /QuotaExceededError/);
    assert.ok(!problems.some((p) => p.message.includes('415')), 'problems carry no caller data');
  });

  test('storage disabled mid-session (reads and writes throw): no throw escapes', () => {
    const storage = new FlakyStorage('disabled', 1);
    const { box, problems } = outbox(storage);
    box.put(entryFor('call-1'), T0);
    assert.doesNotThrow(() => {
      box.put(entryFor('call-2'), T0);
      box.all();
      box.pending(T0);
      box.prune(T0);
    });
    assert.equal(box.isDurable, false);
    assert.ok(box.get('call-2'), 'what was written after the failure is in memory');
    assert.equal(problems.length, 1);
  });

  test('the getter of window.localStorage throwing is handled by browserLocalStorage()', async () => {
    const { browserLocalStorage } = await import('../../adapter/src/persistence/safe-storage');
    const g = globalThis as { localStorage?: unknown };
    const had = Object.getOwnPropertyDescriptor(g, 'localStorage');
    Object.defineProperty(g, 'localStorage', {
      configurable: true,
      get: () => {
        throw new Error('SecurityError');
      }
    });
    try {
      assert.equal(browserLocalStorage(), null);
    } finally {
      if (had) Object.defineProperty(g, 'localStorage', had);
      else delete g.localStorage;
    }
  });
});

describe('outbox: corrupt and foreign data', () => {
  const corrupt: Array<[string, string]> = [
    ['not JSON', '{nope'],
    ['JSON but not an object', '[1,2,3]'],
    ['an older or future schema', JSON.stringify({ ...validJson('call-x'), schema: 1 })],
    ['a value that is not a record', JSON.stringify({ ...validJson('call-x'), value: 'Task' })],
    ['a nested value', JSON.stringify({ ...validJson('call-x'), value: { Subject: { a: 1 } } })],
    [
      'a prototype-polluting field',
      JSON.stringify(validJson('call-x')).replace('"value":{', '"value":{"__proto__":{"polluted":true},')
    ],
    ['an unknown status', JSON.stringify({ ...validJson('call-x'), status: 'lost' })],
    ['a negative attempt count', JSON.stringify({ ...validJson('call-x'), attempts: -1 })],
    ['a huge error text', JSON.stringify({ ...validJson('call-x'), error: 'x'.repeat(5000) })],
    ['a key that does not match its call id', JSON.stringify(validJson('someone-else'))]
  ];
  for (const [name, raw] of corrupt) {
    test(`${name}: quarantined with a reported problem, never sent, never a crash`, () => {
      const storage = new MemoryStorage();
      storage.setItem(ENTRY_KEY('call-x'), raw);
      storage.setItem(ENTRY_KEY('call-ok'), JSON.stringify(validJson('call-ok')));
      storage.setItem('unrelated:key', 'left alone');
      const { box, problems, store } = outbox(storage);
      assert.deepEqual(
        box.all().map((e) => e.callId),
        ['call-ok']
      );
      assert.deepEqual(
        problems.map((p) => [p.kind, p.key]),
        [['corrupt-entry', `${OUTBOX_ENTRY_PREFIX}call-x`]]
      );
      assert.equal(
        storage.getItem(ENTRY_KEY('call-x')),
        null,
        'moved out of the outbox, so it is reported once'
      );
      const aside = quarantined(store);
      assert.equal(aside.length, 1);
      assert.equal(
        (JSON.parse(store.get(aside[0]!) ?? '{}') as { raw: string }).raw,
        raw,
        'set aside as it was, for an admin to read'
      );
      assert.equal(storage.getItem('unrelated:key'), 'left alone');
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      assert.equal(box.all().length, 1, 'read again: nothing more to report');
      assert.equal(problems.length, 1);
    });
  }

  test('the quarantine is bounded: only the newest few are kept', () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < QUARANTINE_LIMIT + 4; i += 1) storage.setItem(ENTRY_KEY(`bad-${i}`), `{torn ${i}`);
    const { box, problems, store } = outbox(storage);
    assert.deepEqual(box.all(), []);
    assert.equal(problems.length, QUARANTINE_LIMIT + 4, 'each one is reported');
    assert.equal(quarantined(store).length, QUARANTINE_LIMIT);
  });

  test('a stored entry round-trips exactly', () => {
    const storage = new MemoryStorage();
    const { box } = outbox(storage);
    const put = box.put(entryFor(), T0);
    const { box: other } = outbox(storage);
    assert.deepEqual(other.get('call-1'), put);
  });
});

describe('outbox: pruning', () => {
  test('saved entries are kept for 24 h as an idempotency record, then dropped; unsaved ones never', () => {
    const { box } = outbox();
    box.put(entryFor('saved'), T0);
    box.put(entryFor('failed'), T0);
    box.markSaving('saved', T0);
    box.markSaved('saved', '00T1', T0);
    box.markSaving('failed', T0);
    box.markFailed('failed', 'nope', T0, 'manual');
    const day = 24 * 3600_000;
    assert.equal(box.prune(T0 + day - 1), 0);
    assert.equal(box.prune(T0 + day), 1);
    assert.deepEqual(
      box.all().map((e) => e.callId),
      ['failed']
    );
    assert.equal(box.prune(T0 + 365 * day), 0);
  });
});

function validJson(callId: string) {
  return {
    schema: 2,
    callId,
    revision: 1,
    sentRevision: 0,
    value: {
      entityApiName: 'Task',
      Subject: 'Outbound call',
      CallDurationInSeconds: 3,
      WhoId: null,
      IsReminderSet: false
    },
    taskId: null,
    status: 'pending',
    attempts: 0,
    error: null,
    nextAttemptAt: 0,
    createdAt: 0,
    savedAt: null,
    claimedBy: null,
    claimedUntil: 0,
    summary: null
  };
}
