import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as JsSIP from 'jssip';
import type { ProviderEvent } from '../../../../adapter/src/telephony/provider';
import { connectedOutbound, openLine, settle } from './line';

const registrations = (events: ProviderEvent[]) =>
  events.flatMap((event) =>
    event.type === 'registration' ? [event.reason ? `${event.state}:${event.reason}` : event.state] : []
  );

test('start() builds one UA for the agent, registers, and resolves once the registrar said 200', async (t) => {
  const line = openLine(t, { authorizationUser: 'agent-7', displayName: 'Grace' });
  const started = line.provider.start();
  const again = line.provider.start();
  assert.equal(again, started, 'a second start() while registering shares the first one');
  const ua = line.ua();
  assert.equal(ua.started, 1);
  const config = ua.configuration;
  assert.equal(config.uri, 'sip:1001@pbx.test');
  assert.equal(config.password, 'secret');
  assert.equal(config.authorization_user, 'agent-7');
  assert.equal(config.display_name, 'Grace');
  assert.equal(config.register, true);
  assert.equal(config.register_expires, 600);
  assert.equal(config.session_timers, false);
  assert.deepEqual(registrations(line.events), ['registering']);
  ua.register();
  await started;
  assert.deepEqual(registrations(line.events), ['registering', 'registered']);
  await line.provider.start();
  assert.equal(line.userAgents.length, 1, 'start() when registered reuses the UA');
});

test('reconnect backoff is bounded: JsSIP gets the configured bounds, or 2..30 s by default', (t) => {
  const byDefault = openLine(t);
  void byDefault.provider.start().catch(() => undefined);
  assert.equal(byDefault.ua().configuration.connection_recovery_min_interval, 2);
  assert.equal(byDefault.ua().configuration.connection_recovery_max_interval, 30);
  const tuned = openLine(t, { reconnect: { minIntervalSeconds: 1, maxIntervalSeconds: 4 } });
  void tuned.provider.start().catch(() => undefined);
  assert.equal(tuned.ua().configuration.connection_recovery_min_interval, 1);
  assert.equal(tuned.ua().configuration.connection_recovery_max_interval, 4);
});

// Each REGISTER failure as JsSIP reports it (Registrator.js): the cause it derives from the status
// code, or its own cause with `response: null` when no response came.
const failures: Array<{ name: string; status: number | null; cause: string; reason: string }> = [
  {
    name: '401 after the digest retry (wrong password)',
    status: 401,
    cause: JsSIP.C.causes.AUTHENTICATION_ERROR,
    reason: 'auth-failed'
  },
  {
    name: '407 from a proxy',
    status: 407,
    cause: JsSIP.C.causes.AUTHENTICATION_ERROR,
    reason: 'auth-failed'
  },
  { name: '403 Forbidden', status: 403, cause: JsSIP.C.causes.REJECTED, reason: 'rejected' },
  {
    name: 'no response (transaction timeout)',
    status: null,
    cause: JsSIP.C.causes.REQUEST_TIMEOUT,
    reason: 'unavailable'
  },
  {
    name: 'transport down while registering',
    status: null,
    cause: JsSIP.C.causes.CONNECTION_ERROR,
    reason: 'connection-lost'
  }
];

for (const failure of failures) {
  test(`registration failure, ${failure.name}: start() rejects and the line reports failed/${failure.reason}`, async (t) => {
    const line = openLine(t);
    const started = line.provider.start();
    line.ua().failRegistration(failure.status, failure.cause);
    await assert.rejects(started, new RegExp(`SIP registration failed: ${failure.reason}$`));
    assert.deepEqual(registrations(line.events), ['registering', `failed:${failure.reason}`]);
  });
}

test('registrar unreachable at start: start() gives up after startTimeoutMs, the UA keeps trying and registers later', async (t) => {
  const line = openLine(t, { startTimeoutMs: 30 });
  const started = line.provider.start();
  const ua = line.ua();
  ua.dropTransport();
  ua.dropTransport(); // each failed reconnect attempt is another 'disconnected'
  await assert.rejects(started, /did not complete within 30 ms \(still retrying\)/);
  assert.deepEqual(registrations(line.events), ['registering', 'registering:connection-lost']);
  ua.register();
  assert.deepEqual(registrations(line.events), ['registering', 'registering:connection-lost', 'registered']);
  await line.provider.start();
  assert.equal(line.userAgents.length, 1, 'no second UA: JsSIP was already reconnecting');
});

test('transport drops mid-call: the line reports connecting once, the call stays up, and re-registers', async (t) => {
  const { line, session } = await connectedOutbound(t);
  const ua = line.ua();
  ua.dropTransport();
  ua.dropTransport();
  ua.dropTransport();
  assert.deepEqual(
    registrations(line.events),
    ['registering', 'registered', 'registering:connection-lost'],
    'one report per outage, no unregistered'
  );
  assert.deepEqual(
    line.callEvents('c1').map((event) => event.type),
    ['progress', 'connected'],
    'media is peer to peer: a lost socket does not end the call'
  );
  assert.ok(line.provider.callInfo('c1'), 'call is still tracked');
  ua.register();
  assert.deepEqual(registrations(line.events).slice(-1), ['registered']);
  session.farEndHangsUp();
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'remote-hangup',
    detail: 'Terminated'
  });
});

test('a registration refresh refused while registered reports failed, then unregistered with the reason', async (t) => {
  const line = openLine(t);
  await line.register();
  line.ua().failRegistration(403, JsSIP.C.causes.REJECTED);
  assert.deepEqual(registrations(line.events), [
    'registering',
    'registered',
    'failed:rejected',
    'unregistered:rejected'
  ]);
});

test('stop() hangs up the calls, closes the UA, reports unregistered, and a pending start() rejects', async (t) => {
  const { line, session } = await connectedOutbound(t);
  await line.provider.stop();
  assert.equal(line.ua().stopped, 1);
  assert.equal(session.terminated.length, 1, 'BYE sent');
  assert.deepEqual(line.callEvents('c1').at(-1), {
    type: 'ended',
    callId: 'c1',
    cause: 'local-hangup',
    detail: 'Terminated'
  });
  assert.deepEqual(registrations(line.events).slice(-1), ['unregistered']);

  line.provider.dial({ callId: 'c2', number: '1002' });
  await settle();
  assert.deepEqual(line.callEvents('c2'), [
    { type: 'ended', callId: 'c2', cause: 'connection-lost', detail: 'SIP provider is not started' }
  ]);

  const pending = line.provider.start();
  assert.equal(line.userAgents.length, 2, 'start() after stop() builds a fresh UA');
  await line.provider.stop();
  await assert.rejects(pending, /SIP provider stopped/);
});
