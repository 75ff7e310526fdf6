import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { restartKamailio, startKamailio, type Kamailio } from '../support/kamailio';
import { serveSipTestPage, type SipTestPage } from '../support/sip-test-page';
import { Phone, phoneConfig } from './phone-driver';

// Digest auth (Kamailio -A WITH_AUTH, password "secret") and recovery when the registrar dies.
// phoneConfig sets the reconnect backoff to 1–2 s, so re-registration is bounded by ~2 s + a round trip.
const PASSWORD = 'secret';
const RECOVERY_BOUND_MS = 2000 + 1500;

describe('SIP provider: auth and registrar recovery', () => {
  let kamailio: Kamailio | undefined;
  let browser: Browser | undefined;
  let page: SipTestPage | undefined;
  const phones = new Map<string, Phone>();
  const phone = (user: string) => {
    const found = phones.get(user);
    if (!found) throw new Error(`${user} was not opened by an earlier test`);
    return found;
  };

  async function openPhone(user: string): Promise<Phone> {
    const phone = await Phone.open(browser as Browser, (page as SipTestPage).url, user);
    phones.set(user, phone);
    return phone;
  }

  before(async () => {
    kamailio = await startKamailio({ withAuth: true });
    page = await serveSipTestPage();
    browser = await launchChromium();
  });

  after(async () => {
    for (const phone of phones.values()) await phone.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await page?.close();
    await kamailio?.stop();
  });

  const url = () => (kamailio as Kamailio).webSocketUrl;

  test('wrong password: registration fails with auth-failed and start() rejects', async () => {
    const mallory = await openPhone('mallory');
    const error = await mallory.start(phoneConfig(url(), 'mallory', { password: 'not-the-password' }));
    assert.match(error ?? '', /auth-failed/);
    const failed = await mallory.waitEvent({ type: 'registration', state: 'failed' });
    assert.equal(failed.reason, 'auth-failed');
    await mallory.stop();
  });

  test('right password: both phones register (401 challenge) and can call (407 challenge)', async () => {
    const [alice, bob] = await Promise.all([openPhone('alice'), openPhone('bob')]);
    assert.deepEqual(
      await Promise.all([
        alice.start(phoneConfig(url(), 'alice', { password: PASSWORD })),
        bob.start(phoneConfig(url(), 'bob', { password: PASSWORD }))
      ]),
      [null, null]
    );
    const since = Date.now() - 5;
    await alice.dial('auth-call', 'bob');
    const incoming = await bob.waitEvent({ type: 'incoming' }, 5000, since);
    await bob.answer(incoming.callId);
    await alice.waitEvent({ type: 'connected', callId: 'auth-call' });
    await alice.hangup('auth-call');
    await bob.waitEnded(incoming.callId, 'remote-hangup');
  });

  test('registrar killed mid-call and restarted: media keeps flowing, both phones re-register within the backoff bound', async () => {
    const [alice, bob] = [phone('alice'), phone('bob')];
    const since = Date.now() - 5;
    await alice.dial('crash-call', 'bob');
    const incoming = await bob.waitEvent({ type: 'incoming' }, 5000, since);
    await bob.answer(incoming.callId);
    await alice.waitEvent({ type: 'connected', callId: 'crash-call' });
    const before = await alice.waitMedia(
      'crash-call',
      'RTP both ways',
      (m) => m.bytesReceived > 0 && m.bytesSent > 0
    );

    const killedAt = Date.now();
    await (kamailio as Kamailio).process.kill();
    await alice.waitEvent(
      { type: 'registration', state: 'registering', reason: 'connection-lost' },
      5000,
      killedAt
    );
    // Peer-to-peer media does not need the proxy.
    await alice.waitMedia(
      'crash-call',
      'RTP still flowing with the proxy down',
      (m) => m.bytesReceived > before.bytesReceived + 500
    );

    kamailio = await restartKamailio(kamailio as Kamailio);
    const restartedAt = Date.now();
    const [aliceBack, bobBack] = await Promise.all([
      alice.waitEvent(
        { type: 'registration', state: 'registered' },
        RECOVERY_BOUND_MS + 2000,
        restartedAt - 5
      ),
      bob.waitEvent({ type: 'registration', state: 'registered' }, RECOVERY_BOUND_MS + 2000, restartedAt - 5)
    ]);
    for (const back of [aliceBack, bobBack])
      assert.ok(
        back.at - restartedAt <= RECOVERY_BOUND_MS,
        `re-registered ${Math.round(back.at - restartedAt)} ms after restart`
      );
    const events = await alice.events();
    assert.equal(
      events.some((e) => e.type === 'ended' && e.callId === 'crash-call'),
      false,
      'the call must survive the proxy restart'
    );
    await alice.hangup('crash-call');
    await alice.waitEnded('crash-call', 'local-hangup');
    await bob.hangup(incoming.callId);
  });

  test('registrar down when the phone starts: start() waits and registers once it is back', async () => {
    await (kamailio as Kamailio).process.kill();
    const carol = await openPhone('carol');
    const starting = carol.start(phoneConfig(url(), 'carol', { password: PASSWORD }));
    await new Promise((resolve) => setTimeout(resolve, 700));
    kamailio = await restartKamailio(kamailio as Kamailio);
    const restartedAt = Date.now();
    assert.equal(await starting, null);
    const registered = await carol.waitEvent({ type: 'registration', state: 'registered' });
    assert.ok(
      registered.at - restartedAt <= RECOVERY_BOUND_MS,
      `registered ${Math.round(registered.at - restartedAt)} ms after the registrar came back`
    );
  });
});
