import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectedOutbound, openLine, settle } from './line';

/** Tracks whether a promise settled yet, without awaiting it. */
function watch(promise: Promise<void>): {
  state: () => 'pending' | 'resolved' | 'rejected';
  error: () => unknown;
} {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  let error: unknown;
  promise.then(
    () => (state = 'resolved'),
    (e: unknown) => {
      state = 'rejected';
      error = e;
    }
  );
  return { state: () => state, error: () => error };
}

test('blind transfer accepted: resolves when the target answered, then our leg ends local-hangup "transferred"', async (t) => {
  const { line, session } = await connectedOutbound(t);
  const transfer = watch(line.provider.transfer('c1', '1003'));
  const [refer] = session.refers;
  assert.equal(refer?.target, '1003');
  await settle();
  assert.equal(transfer.state(), 'pending', 'REFER sent, target not answered yet');
  assert.equal(session.terminated.length, 0);
  refer?.notify(100);
  refer?.notify(180);
  await settle();
  assert.equal(transfer.state(), 'pending', 'trying / ringing are not the end');
  refer?.notify(200);
  await settle();
  assert.equal(transfer.state(), 'resolved');
  assert.equal(session.terminated.length, 1, 'our leg hung up');
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'local-hangup',
    detail: 'transferred'
  });
});

test('REFER refused by the far end: rejects and the call carries on', async (t) => {
  const { line, session } = await connectedOutbound(t);
  const transfer = line.provider.transfer('c1', '1003');
  session.refers[0]?.refuse(603);
  await assert.rejects(transfer, /Transfer failed: the other party refused the transfer request/);
  assert.equal(session.terminated.length, 0);
  assert.ok(line.provider.callInfo('c1'), 'still tracked');
  session.farEndHangsUp();
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'remote-hangup',
    detail: 'Terminated'
  });
});

test('transfer target does not answer (NOTIFY 486): rejects and the call carries on', async (t) => {
  const { line, session } = await connectedOutbound(t);
  const transfer = line.provider.transfer('c1', '1003');
  session.refers[0]?.notify(486);
  await assert.rejects(transfer, /Transfer failed: the transfer target did not answer/);
  assert.equal(session.terminated.length, 0);
  assert.equal(line.callEvents('c1').at(-1)?.type, 'connected');
});

test('transfer refused up front: no connected call, an unusable target, a dialog JsSIP will not REFER on', async (t) => {
  const line = openLine(t);
  await line.register();
  await assert.rejects(line.provider.transfer('nope', '1003'), /No connected call to transfer/);
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.ring();
  await assert.rejects(line.provider.transfer('c1', '1003'), /No connected call to transfer/);
  // 'accepted' reported while JsSIP's dialog is not confirmed yet: refer() returns false and sends nothing.
  session.emit('accepted', { originator: 'remote', response: { status_code: 200, reason_phrase: 'OK' } });
  await assert.rejects(
    line.provider.transfer('c1', '1003'),
    /Transfer failed: the call is not ready for a transfer yet/
  );
  session.farEndAnswers();
  await assert.rejects(line.provider.transfer('c1', '1003@bad host'), TypeError);
  assert.equal(session.refers.length, 0);
  assert.equal(session.terminated.length, 0, 'the call is left as it was');
});

test("a REFER from the far end is followed: the agent's call continues with the target under the same callId", async (t) => {
  const { line, session } = await connectedOutbound(t);
  const outcome = session.farEndRefers('sip:carol@pbx.test');
  assert.equal(outcome.accepted, true);
  const next = outcome.newSession;
  assert.ok(next, 'JsSIP started a call to the target');
  assert.deepEqual(next.options['mediaConstraints'], { audio: true, video: false });
  session.farEndHangsUp(); // the transferor leaves
  next.ring();
  next.farEndAnswers();
  assert.deepEqual(
    line.callEvents('c1').map((event) => event.type),
    ['progress', 'connected'],
    'the old leg ending and the new one connecting are not reported'
  );
  line.provider.hangup('c1');
  assert.equal(next.terminated.length, 1, 'hang-up now ends the call with the target');
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'local-hangup',
    detail: 'Terminated'
  });
});

test('a REFER before the call is connected is rejected', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.ring();
  const outcome = session.farEndRefers('sip:carol@pbx.test');
  assert.deepEqual(
    { accepted: outcome.accepted, rejected: outcome.rejected },
    { accepted: false, rejected: true }
  );
});
