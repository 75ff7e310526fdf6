import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeParse } from 'valibot';
import type { Call } from '../../../adapter/src/call/types';
import { machineStateSchema } from '../../../adapter/src/app/tab-mirror';
import { CallDrafts } from '../../../adapter/src/persistence/call-drafts';
import { CallSchema } from '../../../adapter/src/persistence/call-schema';
import { MemoryStorage, SafeStorage } from '../../../adapter/src/persistence/safe-storage';
import { readyState } from '../helpers';

const CONTACT = { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact' };

function call(overrides: Partial<Call> = {}): Call {
  return {
    id: 'c-1',
    sipCallId: null,
    direction: 'outbound',
    dial: '+14155550100',
    display: '+1 415-555-0100',
    callerName: null,
    startedAt: 1_700_000_000_000,
    connectedAt: 1_700_000_001_000,
    endedAt: null,
    endCause: null,
    muted: false,
    held: false,
    who: CONTACT,
    what: null,
    params: null,
    screenPop: { status: 'none' },
    transferTo: null,
    disposition: '',
    notes: 'n',
    quality: null,
    ...overrides
  };
}

function storeWith(draft: unknown): { drafts: CallDrafts; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  const store = new SafeStorage(storage, 'switchboard:test:');
  store.set('draft:v2', JSON.stringify(draft));
  return { drafts: new CallDrafts(store), storage };
}

test('one Call schema: a stored draft and a mirrored state both refuse a record id that is not a Salesforce id', () => {
  const forged = call({ who: { id: 'javascript:alert(1)', name: 'x', objectType: 'Contact' } });
  assert.equal(safeParse(CallSchema, call()).success, true);
  assert.equal(safeParse(CallSchema, forged).success, false);

  const mirrored = { ...readyState(), phase: 'connected', call: forged };
  assert.equal(safeParse(machineStateSchema, { ...mirrored, call: call() }).success, true);
  assert.equal(
    safeParse(machineStateSchema, mirrored).success,
    false,
    'the mirror checks ids through the same schema'
  );

  const { drafts } = storeWith({
    schema: 2,
    phase: 'connected',
    call: forged,
    waiting: null,
    parked: null,
    savedAt: 1
  });
  assert.equal(drafts.load(2), null, 'a draft with a forged record id is set aside, not restored');
  const good = storeWith({
    schema: 2,
    phase: 'connected',
    call: call(),
    waiting: null,
    parked: null,
    savedAt: 1
  });
  assert.equal(good.drafts.load(2)?.call.who?.id, CONTACT.id);
});

test('a draft written before transfers existed (no transferTo) still restores, with no transfer', () => {
  const { transferTo: _omit, ...old } = call();
  const { drafts } = storeWith({ schema: 2, phase: 'wrapUp', call: old, savedAt: 1 });
  assert.equal(drafts.load(2)?.call.transferTo, null);
});
