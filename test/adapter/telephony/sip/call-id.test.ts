import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectedOutbound, openLine, settle } from './line';

/** The SIP Call-ID reaches the softphone with each call, so it can become the Task's CallObject. */

const identified = (line: ReturnType<typeof openLine>) => line.events.filter((e) => e.type === 'identified');

test("an outbound call reports its INVITE's Call-ID once, after dial() returns and before the far end answers", async (t) => {
  const line = openLine(t);
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  assert.deepEqual(identified(line), [], 'not inside dial(): JsSIP is still building the session');
  await settle();
  const [sent] = line.ua().callIds;
  assert.ok(sent, 'the fake UA sent an INVITE');
  assert.deepEqual(identified(line), [{ type: 'identified', callId: 'c1', sipCallId: sent }]);
  line.ua().lastSession().ring();
  line.ua().lastSession().farEndAnswers();
  line.provider.hangup('c1');
  await settle();
  assert.equal(identified(line).length, 1);
});

test("an inbound call carries the INVITE's Call-ID header on 'incoming'", async (t) => {
  const line = openLine(t);
  await line.register();
  line.ua().offer('+14155550132', undefined, 'a84b4c76e66710@pc33.atlanta.com');
  const incoming = line.events.at(-1);
  assert.ok(incoming?.type === 'incoming');
  assert.equal(incoming.sipCallId, 'a84b4c76e66710@pc33.atlanta.com');
  line.provider.decline(incoming.callId);
});

test('a REFER we follow opens a new dialog, but the call keeps the first Call-ID (no second report)', async (t) => {
  const { line, session } = await connectedOutbound(t);
  await settle();
  const outcome = session.farEndRefers('sip:carol@pbx.test');
  const next = outcome.newSession;
  assert.ok(next, 'JsSIP started a call to the target');
  session.farEndHangsUp();
  next.ring();
  next.farEndAnswers();
  await settle();
  assert.equal(line.ua().callIds.length, 2, 'the new leg has its own Call-ID');
  assert.deepEqual(
    identified(line).map((e) => e.type === 'identified' && e.sipCallId),
    [line.ua().callIds[0]]
  );
  line.provider.hangup('c1');
});
