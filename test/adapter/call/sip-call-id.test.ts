import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { safeParse } from 'valibot';
import { machineEventFrom } from '../../../adapter/src/app/provider-events';
import { machineStateSchema } from '../../../adapter/src/app/tab-mirror';
import { isSipCallId, SIP_CALL_ID_MAX } from '../../../adapter/src/call/sip-call-id';
import type { Call, EventInput, MachineState, TaskLogValue } from '../../../adapter/src/call/types';
import { CallDrafts } from '../../../adapter/src/persistence/call-drafts';
import { MemoryStorage, SafeStorage } from '../../../adapter/src/persistence/safe-storage';
import { run } from '../helpers';

/** The SIP Call-ID becomes Task.CallObject, survives a reload and a handover, and bad ones never reach a Task. */

const RFC_EXAMPLE = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com'; // RFC 3261 §20.8
const SIPP_STYLE = '1-4242@127.0.0.1';

const dial = (): EventInput => ({ type: 'DIAL_REQUESTED', callId: 'out-1', input: '1002', context: null });
const outboundLog = (events: EventInput[]): TaskLogValue | undefined => {
  const { effects } = run([
    dial(),
    ...events,
    { type: 'CONNECTED', callId: 'out-1' },
    { type: 'HANGUP' },
    { type: 'SUBMIT_WRAP_UP' }
  ]);
  const save = effects.find((e) => e.type === 'saveLog');
  return save?.type === 'saveLog' ? save.value : undefined;
};

describe('what counts as a SIP Call-ID (RFC 3261 §25.1: word [@ word], ≤ 255 for CallObject)', () => {
  test('real ones pass', () => {
    for (const id of [RFC_EXAMPLE, SIPP_STYLE, 'a84b4c76e66710', '3848276298220188511@atlanta.example.com']) {
      assert.equal(isSipCallId(id), true, id);
    }
    assert.equal(isSipCallId('x'.repeat(SIP_CALL_ID_MAX)), true);
  });
  test('anything else fails', () => {
    for (const id of ['', 'a b', 'a@b@c', '@b', 'a@', 'a;tag=1', 'a\r\nVia: x', 'x'.repeat(256), 42, null]) {
      assert.equal(isSipCallId(id), false, JSON.stringify(id));
    }
  });
});

describe('the Call-ID on the call and the Task', () => {
  test("an outbound SIP call: IDENTIFIED sets it, and the Task's CallObject is the Call-ID", () => {
    const value = outboundLog([{ type: 'IDENTIFIED', callId: 'out-1', sipCallId: RFC_EXAMPLE }]);
    assert.equal(value?.CallObject, RFC_EXAMPLE);
  });

  test('the first Call-ID stays; one for another call or a malformed one is ignored', () => {
    const value = outboundLog([
      { type: 'IDENTIFIED', callId: 'other', sipCallId: 'not-this@x' },
      { type: 'IDENTIFIED', callId: 'out-1', sipCallId: 'bad id' },
      { type: 'IDENTIFIED', callId: 'out-1', sipCallId: SIPP_STYLE },
      { type: 'IDENTIFIED', callId: 'out-1', sipCallId: 'later@x' }
    ]);
    assert.equal(value?.CallObject, SIPP_STYLE);
  });

  test('no Call-ID (the demo line): CallObject stays the call id', () => {
    assert.equal(outboundLog([])?.CallObject, 'out-1');
  });

  test('an inbound call: the Call-ID comes with INCOMING; a malformed one falls back to the call id', () => {
    const answered = (sipCallId: string) =>
      run([
        { type: 'INCOMING', callId: 'in-1', from: '+14155550132', sipCallId },
        { type: 'CONNECTED', callId: 'in-1' },
        { type: 'HANGUP' },
        { type: 'SUBMIT_WRAP_UP' }
      ]).state.logs[0]?.value.CallObject;
    assert.equal(answered(SIPP_STYLE), SIPP_STYLE);
    assert.equal(answered('two words'), 'in-1');
  });

  test('a missed call waiting is logged under its own Call-ID', () => {
    const { state } = run([
      { type: 'INCOMING', callId: 'in-1', from: '+14155550132', sipCallId: 'first@pbx' },
      { type: 'CONNECTED', callId: 'in-1' },
      { type: 'INCOMING', callId: 'in-2', from: '+14155550133', sipCallId: 'second@pbx' },
      { type: 'ENDED', callId: 'in-2', cause: 'canceled' }
    ]);
    assert.equal(state.call?.sipCallId, 'first@pbx');
    assert.equal(state.logs[0]?.value.CallObject, 'second@pbx');
  });

  test('the provider events carry it through unchanged', () => {
    assert.deepEqual(machineEventFrom({ type: 'identified', callId: 'c1', sipCallId: SIPP_STYLE }), {
      type: 'IDENTIFIED',
      callId: 'c1',
      sipCallId: SIPP_STYLE
    });
    assert.deepEqual(
      machineEventFrom({ type: 'incoming', callId: 'c2', from: '1001', sipCallId: SIPP_STYLE }),
      {
        type: 'INCOMING',
        callId: 'c2',
        from: '1001',
        sipCallId: SIPP_STYLE
      }
    );
  });
});

describe('across a reload and a tab handover', () => {
  const connected = (): MachineState =>
    run([
      dial(),
      { type: 'IDENTIFIED', callId: 'out-1', sipCallId: RFC_EXAMPLE },
      { type: 'CONNECTED', callId: 'out-1' }
    ]).state;
  const stored = (call: unknown) => {
    const store = new SafeStorage(new MemoryStorage(), 'switchboard:test:');
    store.set(
      'draft:v2',
      JSON.stringify({ schema: 2, phase: 'connected', call, waiting: null, parked: null, savedAt: 1 })
    );
    return new CallDrafts(store).load(2);
  };

  test('a draft keeps the Call-ID, and the log written after the reload carries the same CallObject', () => {
    const before = connected();
    const store = new SafeStorage(new MemoryStorage(), 'switchboard:test:');
    const drafts = new CallDrafts(store);
    drafts.save(before, before.call!.connectedAt! + 5000);
    const draft = drafts.load();
    assert.equal(draft?.call.sipCallId, RFC_EXAMPLE);
    const restored = run([{ type: 'RESTORE', draft, logs: [] }, { type: 'SUBMIT_WRAP_UP' }]).state;
    assert.equal(restored.logs[0]?.value.CallObject, RFC_EXAMPLE);
  });

  test('a draft from before this version (no sipCallId) restores with none: CallObject is the call id, as it was written then', () => {
    const { sipCallId: _omit, ...old } = connected().call as Call;
    assert.equal(stored(old)?.call.sipCallId, null);
  });

  test('a stored Call-ID that is not one (too long, not RFC 3261) sets the draft aside rather than reach a Task', () => {
    const call = connected().call as Call;
    assert.equal(stored({ ...call, sipCallId: 'x'.repeat(256) }), null);
    assert.equal(stored({ ...call, sipCallId: 'a b' }), null);
  });

  test("the leader's mirror carries the Call-ID to a follower, checked by the same schema", () => {
    const state = connected();
    const parsed = safeParse(machineStateSchema, JSON.parse(JSON.stringify(state)));
    assert.equal(parsed.success && parsed.output.call?.sipCallId, RFC_EXAMPLE);
    const forged = { ...state, call: { ...state.call, sipCallId: 'a@b@c' } };
    assert.equal(safeParse(machineStateSchema, forged).success, false);
  });
});
