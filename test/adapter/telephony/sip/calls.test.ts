import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as JsSIP from 'jssip';
import { connectedOutbound, openLine, settle } from './line';

test('outbound call answered: progress once, connected once, the far end hangs up → remote-hangup', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '+15551234567' });
  const session = line.ua().lastSession();
  assert.equal(session.target, '+15551234567');
  assert.deepEqual(session.options['mediaConstraints'], { audio: true, video: false });
  session.ring();
  session.ring(); // 183 after 180
  session.farEndAnswers(); // 'accepted' then 'confirmed'
  session.farEndHangsUp();
  assert.deepEqual(line.callEvents('c1'), [
    { type: 'progress', callId: 'c1' },
    { type: 'connected', callId: 'c1' },
    { type: 'ended', callId: 'c1', cause: 'remote-hangup', detail: 'Terminated' }
  ]);
  assert.equal(line.provider.callInfo('c1'), undefined, 'an ended call is forgotten');
});

test('the agent hangs up a connected call: BYE → local-hangup', async (t) => {
  const { line, session } = await connectedOutbound(t);
  line.provider.hangup('c1');
  assert.deepEqual(session.terminated, [undefined]);
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'local-hangup',
    detail: 'Terminated'
  });
  line.provider.hangup('c1');
  assert.equal(session.terminated.length, 1, 'a second hang-up sends nothing');
});

// Final responses to our INVITE, with the cause JsSIP derives from them (Utils.sipErrorCause).
const refusals: Array<{ status: number; cause: string; expected: string }> = [
  { status: 486, cause: JsSIP.C.causes.BUSY, expected: 'busy' },
  { status: 408, cause: JsSIP.C.causes.UNAVAILABLE, expected: 'no-answer' },
  { status: 480, cause: JsSIP.C.causes.UNAVAILABLE, expected: 'unavailable' },
  { status: 404, cause: JsSIP.C.causes.NOT_FOUND, expected: 'not-found' },
  { status: 488, cause: JsSIP.C.causes.INCOMPATIBLE_SDP, expected: 'bad-media' },
  { status: 603, cause: JsSIP.C.causes.REJECTED, expected: 'rejected' }
];

for (const { status, cause, expected } of refusals) {
  test(`outbound call refused with ${status}: ended ${expected}, detail names the cause and code`, async (t) => {
    const line = openLine(t);
    await line.register();
    line.provider.dial({ callId: 'c1', number: '1002' });
    const session = line.ua().lastSession();
    session.ring();
    session.farEndRejects(status, cause);
    assert.deepEqual(line.callEvents('c1'), [
      { type: 'progress', callId: 'c1' },
      { type: 'ended', callId: 'c1', cause: expected, detail: `${cause} (${status})` }
    ]);
  });
}

test('200 OK with SDP the browser cannot use: ended bad-media, never connected', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  line.ua().lastSession().farEndAnswersWithBadSdp();
  assert.deepEqual(line.callEvents('c1'), [
    { type: 'ended', callId: 'c1', cause: 'bad-media', detail: 'Bad Media Description (200)' }
  ]);
});

test('the agent cancels while it rings: CANCEL → canceled', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.ring();
  line.provider.hangup('c1');
  assert.equal(session.status, 'canceled');
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'canceled',
    detail: 'Canceled'
  });
});

test('a number JsSIP cannot turn into a SIP URI ends invalid-number, after dial() returned', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '' });
  assert.deepEqual(line.callEvents('c1'), [], 'no event inside dial()');
  await settle();
  const [ended] = line.callEvents('c1');
  assert.equal(ended?.type === 'ended' && ended.cause, 'invalid-number');
  line.provider.dial({ callId: 'c2', number: '1003' });
  assert.equal(line.ua().lastSession().target, '1003', 'the line still dials after a refused number');
});

test('inbound call offered, answered and hung up by the caller', async (t) => {
  const line = openLine(t);
  await line.register();
  const session = line.ua().offer('+14155550132', 'Ada Lovelace');
  const incoming = line.events.at(-1);
  assert.ok(incoming?.type === 'incoming', 'incoming reported');
  assert.match(incoming.callId, /^sip-in-/);
  assert.equal(incoming.from, '+14155550132');
  assert.equal(incoming.displayName, 'Ada Lovelace');
  const callId = incoming.callId;
  line.provider.answer(callId);
  line.provider.answer(callId);
  assert.equal(session.answered.length, 1, 'answer() is sent once');
  assert.deepEqual(session.answered[0]?.['mediaConstraints'], { audio: true, video: false });
  session.answerConfirmed();
  session.farEndHangsUp();
  assert.deepEqual(line.callEvents(callId).slice(1), [
    { type: 'connected', callId },
    { type: 'ended', callId, cause: 'remote-hangup', detail: 'Terminated' }
  ]);
});

test('inbound call the caller cancels before it is answered: canceled, and answer() afterwards does nothing', async (t) => {
  const line = openLine(t);
  await line.register();
  const session = line.ua().offer('1002');
  const incoming = line.events.at(-1);
  assert.ok(
    incoming?.type === 'incoming' && !('displayName' in incoming),
    'no display name when the caller sent none'
  );
  session.callerCancels();
  line.provider.answer(incoming.callId);
  assert.equal(session.answered.length, 0);
  assert.deepEqual(line.callEvents(incoming.callId).slice(1), [
    { type: 'ended', callId: incoming.callId, cause: 'canceled', detail: 'Canceled' }
  ]);
});

test('an anonymous caller is named by the URI, and each offered call gets its own id', async (t) => {
  const line = openLine(t);
  await line.register();
  line.ua().offer(null);
  line.ua().offer('1002');
  const offered = line.events.filter((event) => event.type === 'incoming');
  assert.equal(offered[0]?.type === 'incoming' && offered[0].from, 'sip:anonymous@pbx.test');
  assert.notEqual(offered[0]?.callId, offered[1]?.callId);
});

test('decline() answers an offered call 486 Busy Here and ends it as rejected', async (t) => {
  const line = openLine(t);
  await line.register();
  const session = line.ua().offer('1002');
  const incoming = line.events.at(-1);
  assert.ok(incoming?.type === 'incoming');
  line.provider.decline(incoming.callId);
  assert.deepEqual(session.terminated, [{ status_code: 486, reason_phrase: 'Busy Here' }]);
  assert.deepEqual(line.callEvents(incoming.callId).at(-1), {
    type: 'ended',
    callId: incoming.callId,
    cause: 'rejected',
    detail: 'Rejected'
  });
});

test('a session started outside the provider is hung up and reported nowhere', async (t) => {
  const line = openLine(t);
  await line.register();
  const stray = line.ua().startOutgoing('1002', {});
  assert.equal(stray.status, 'canceled');
  assert.deepEqual(line.warnings, ['SIP session started outside the provider; hanging it up']);
  assert.deepEqual(
    line.events.filter((event) => event.type !== 'registration'),
    []
  );
});

test('hold and resume: held is reported only when the far end answered the re-INVITE', async (t) => {
  const { line, session } = await connectedOutbound(t);
  line.provider.setHold('c1', true);
  assert.equal(line.provider.callInfo('c1')?.localHold, true);
  assert.equal(line.callEvents('c1').at(-1)?.type, 'connected', 'nothing reported before the 200 OK');
  session.reInviteAnswered();
  assert.deepEqual(line.callEvents('c1').at(-1), { type: 'held', callId: 'c1', held: true });
  line.provider.setHold('c1', false);
  session.reInviteAnswered();
  assert.deepEqual(line.callEvents('c1').at(-1), { type: 'held', callId: 'c1', held: false });
  assert.equal(line.provider.callInfo('c1')?.localHold, false);
});

test('a hold JsSIP cannot send is logged and not reported; a late 200 after the call ended is ignored', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.ring();
  line.provider.setHold('c1', true); // no dialog yet
  assert.match(line.warnings.join('\n'), /hold change not sent/);
  session.farEndAnswers();
  line.provider.setHold('c1', true);
  session.farEndHangsUp();
  session.reInviteAnswered();
  assert.deepEqual(
    line.callEvents('c1').map((event) => event.type),
    ['progress', 'connected', 'ended']
  );
});

test('the far end holding us shows in callInfo().remoteHold, not as a held event', async (t) => {
  const { line, session } = await connectedOutbound(t);
  session.farEndHolds(true);
  assert.equal(line.provider.callInfo('c1')?.remoteHold, true);
  session.farEndHolds(false);
  assert.equal(line.provider.callInfo('c1')?.remoteHold, false);
  assert.ok(!line.events.some((event) => event.type === 'held'));
});

test('mute and unmute switch the outbound audio and report nothing to the machine', async (t) => {
  const { line } = await connectedOutbound(t);
  const before = line.events.length;
  line.provider.setMute('c1', true);
  assert.equal(line.provider.callInfo('c1')?.muted, true);
  line.provider.setMute('c1', false);
  assert.equal(line.provider.callInfo('c1')?.muted, false);
  assert.equal(line.events.length, before);
});

test('DTMF: only on a connected call, only dialable characters, RFC 4733 by default', async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  line.provider.sendDtmf('c1', '1');
  assert.deepEqual(session.dtmfSent, [], 'not before the call is up');
  session.farEndAnswers();
  line.provider.sendDtmf('c1', '12x#*,aD');
  line.provider.sendDtmf('c1', 'xyz');
  assert.deepEqual(session.dtmfSent, [
    {
      tones: '12#*,aD',
      options: { transportType: JsSIP.C.DTMF_TRANSPORT.RFC2833, duration: 100, interToneGap: 70 }
    }
  ]);
});

test('DTMF over SIP INFO when configured, and tones the far end sends by INFO reach the listener', async (t) => {
  const { line, session } = await connectedOutbound(t, { dtmfTransport: 'info' });
  const received: string[] = [];
  line.provider.onDtmfReceived((callId, tone) => received.push(`${callId}:${tone}`));
  line.provider.sendDtmf('c1', '5');
  assert.equal(session.dtmfSent[0]?.options['transportType'], JsSIP.C.DTMF_TRANSPORT.INFO);
  session.farEndSendsDtmf('7');
  session.emit('newDTMF', {
    originator: 'local',
    dtmf: { tone: '5', duration: 100 },
    request: { method: 'INFO' }
  });
  assert.deepEqual(received, ['c1:7'], 'our own tones are not echoed back');
});
