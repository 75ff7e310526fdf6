import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { serveSipTestPage, type SipTestPage } from '../support/sip-test-page';
import { Phone, phoneConfig } from './phone-driver';

// Browser-to-browser calls through Kamailio: real JsSIP, real DTLS-SRTP media on 127.0.0.1.
// One Kamailio, one Chromium and three registered phones are shared by the whole file.
describe('SIP provider: browser to browser', () => {
  let kamailio: Kamailio | undefined;
  let browser: Browser | undefined;
  let page: SipTestPage | undefined;
  let alice: Phone;
  let bob: Phone;
  let carol: Phone;
  let callCounter = 0;
  const nextCallId = () => `call-${++callCounter}`;

  before(async () => {
    kamailio = await startKamailio();
    page = await serveSipTestPage();
    browser = await launchChromium();
    [alice, bob, carol] = (await Promise.all(
      ['alice', 'bob', 'carol'].map((user) => Phone.open(browser as Browser, (page as SipTestPage).url, user))
    )) as [Phone, Phone, Phone];
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await page?.close();
    await kamailio?.stop();
  });

  /** alice (or `caller`) calls `callee`, callee answers; returns both call ids once both sides are connected. */
  async function connect(caller: Phone, callee: Phone): Promise<{ out: string; in: string }> {
    const out = nextCallId();
    const since = Date.now() - 5;
    await caller.dial(out, callee.user);
    const incoming = await callee.waitEvent({ type: 'incoming' }, 5000, since);
    assert.equal(incoming.from, caller.user);
    await callee.answer(incoming.callId);
    await caller.waitEvent({ type: 'connected', callId: out });
    await callee.waitEvent({ type: 'connected', callId: incoming.callId });
    return { out, in: incoming.callId };
  }

  const flowing = (m: { bytesReceived: number; bytesSent: number }) => m.bytesReceived > 0 && m.bytesSent > 0;

  test('registers every phone', async () => {
    const results = await Promise.all(
      [alice, bob, carol].map((phone) =>
        phone.start(phoneConfig((kamailio as Kamailio).webSocketUrl, phone.user))
      )
    );
    assert.deepEqual(results, [null, null, null]);
    await alice.waitEvent({ type: 'registration', state: 'registered' });
  });

  test('alice calls bob: progress, connected, RTP both ways, remote audio attached, bob hangs up', async () => {
    const call = await connect(alice, bob);
    await alice.waitEvent({ type: 'progress', callId: call.out });
    const aliceMedia = await alice.waitMedia(call.out, 'RTP both ways', flowing);
    await bob.waitMedia(call.in, 'RTP both ways', flowing);
    assert.equal(aliceMedia.connectionState, 'connected');
    assert.equal(aliceMedia.remoteAudioAttached, true);
    await bob.hangup(call.in);
    await bob.waitEnded(call.in, 'local-hangup');
    await alice.waitEnded(call.out, 'remote-hangup');
  });

  test('bob calls alice: RTP both ways, alice hangs up', async () => {
    const call = await connect(bob, alice);
    await bob.waitMedia(call.out, 'RTP both ways', flowing);
    await alice.waitMedia(call.in, 'RTP both ways', flowing);
    await alice.hangup(call.in);
    await alice.waitEnded(call.in, 'local-hangup');
    await bob.waitEnded(call.out, 'remote-hangup');
  });

  test('hold and resume: re-INVITE confirmed on the holder, seen as remote hold on the other side', async () => {
    const call = await connect(alice, bob);
    await alice.setHold(call.out, true);
    await alice.waitEvent({ type: 'held', callId: call.out, held: true });
    await bob.waitMedia(call.in, 'remote hold', (m) => m.remoteHold);
    assert.equal((await alice.media(call.out))?.localHold, true);
    await alice.setHold(call.out, false);
    await alice.waitEvent({ type: 'held', callId: call.out, held: false });
    await bob.waitMedia(call.in, 'remote hold released', (m) => !m.remoteHold);
    await alice.hangup(call.out);
    await bob.waitEnded(call.in, 'remote-hangup');
  });

  test('mute disables the outbound audio track, unmute enables it again', async () => {
    const call = await connect(alice, bob);
    assert.equal((await alice.media(call.out))?.outboundAudioEnabled, true);
    await alice.setMute(call.out, true);
    assert.equal((await alice.media(call.out))?.outboundAudioEnabled, false);
    await alice.setMute(call.out, false);
    assert.equal((await alice.media(call.out))?.outboundAudioEnabled, true);
    await alice.hangup(call.out);
    await bob.waitEnded(call.in, 'remote-hangup');
  });

  test('DTMF: RFC 4733 tones are played into the RTP stream by the sender', async () => {
    const call = await connect(alice, bob);
    await alice.waitMedia(call.out, 'RTP both ways', flowing);
    await alice.sendDtmf(call.out, '12#');
    const deadline = Date.now() + 5000;
    while ((await alice.dtmfSent()).join('') !== '12#' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await alice.dtmfSent()).join(''), '12#');
    await alice.hangup(call.out);
    await bob.waitEnded(call.in, 'remote-hangup');
  });

  test('blind transfer: alice calls bob, bob transfers alice to carol, alice ends up talking to carol', async () => {
    const call = await connect(alice, bob);
    const since = Date.now() - 5;
    const transferred = bob.transfer(call.in, 'carol');
    const atCarol = await carol.waitEvent({ type: 'incoming' }, 5000, since);
    assert.equal(atCarol.from, 'alice');
    await carol.answer(atCarol.callId);
    assert.equal(await transferred, null);
    const bobEnd = await bob.waitEnded(call.in, 'local-hangup');
    assert.equal(bobEnd.detail, 'transferred');
    await carol.waitEvent({ type: 'connected', callId: atCarol.callId });
    // alice's call id carries on, now with media to carol.
    await alice.waitMedia(call.out, 'RTP with carol', (m) => m.connectionState === 'connected' && flowing(m));
    await carol.waitMedia(atCarol.callId, 'RTP with alice', flowing);
    const aliceEvents = await alice.events();
    assert.equal(
      aliceEvents.some((e) => e.type === 'ended' && e.callId === call.out),
      false,
      'alice must not see her call end'
    );
    await carol.hangup(atCarol.callId);
    await alice.waitEnded(call.out, 'remote-hangup');
  });

  test('declining an inbound call rejects it with 486: caller sees busy', async () => {
    const out = nextCallId();
    const since = Date.now() - 5;
    await alice.dial(out, 'bob');
    const incoming = await bob.waitEvent({ type: 'incoming' }, 5000, since);
    await bob.decline(incoming.callId);
    await bob.waitEnded(incoming.callId, 'rejected');
    await alice.waitEnded(out, 'busy');
  });

  test('caller hangs up while it rings: both sides see canceled', async () => {
    const out = nextCallId();
    const since = Date.now() - 5;
    await alice.dial(out, 'bob');
    const incoming = await bob.waitEvent({ type: 'incoming' }, 5000, since);
    await alice.waitEvent({ type: 'progress', callId: out });
    await alice.hangup(out);
    await alice.waitEnded(out, 'canceled');
    await bob.waitEnded(incoming.callId, 'canceled');
  });

  test('DTMF over SIP INFO reaches the other provider', async () => {
    // A fresh pair with the INFO fallback, re-registering alice and bob's configs is not needed: dave and erin.
    const dave = await Phone.open(browser as Browser, (page as SipTestPage).url, 'dave');
    const erin = await Phone.open(browser as Browser, (page as SipTestPage).url, 'erin');
    try {
      const url = (kamailio as Kamailio).webSocketUrl;
      assert.deepEqual(
        await Promise.all([
          dave.start(phoneConfig(url, 'dave', { dtmfTransport: 'info' })),
          erin.start(phoneConfig(url, 'erin'))
        ]),
        [null, null]
      );
      const call = await connect(dave, erin);
      await dave.sendDtmf(call.out, '5*');
      const deadline = Date.now() + 5000;
      while ((await erin.dtmfReceived()).length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(
        (await erin.dtmfReceived()).map((d) => d.tone),
        ['5', '*']
      );
      await dave.hangup(call.out);
      await erin.waitEnded(call.in, 'remote-hangup');
    } finally {
      await dave.close();
      await erin.close();
    }
  });

  test('calling a user nobody registered: not-found', async () => {
    const out = nextCallId();
    await alice.dial(out, 'nobody');
    await alice.waitEnded(out, 'not-found');
  });
});
