import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { requireBinary } from '../support/managed-process';
import { runSipp, SIPP_PACKAGE, startRegisteredUas, type SippRun } from '../support/sipp';
import { serveSipTestPage, type SipTestPage } from '../support/sip-test-page';
import { Phone, phoneConfig } from './phone-driver';

// Signalling outcomes against SIPp (sip-tester) through Kamailio. SIPp does no ICE/DTLS, so these
// cases check what the provider reports, never media. Kamailio rings INVITEs out after 4 s (408).
const RING_TIMEOUT_MS = 4000;

describe('SIP provider: outcomes against SIPp', () => {
  let kamailio: Kamailio;
  let browser: Browser | undefined;
  let page: SipTestPage | undefined;
  let agent: Phone;
  const running = new Set<SippRun>();
  let counter = 0;
  const nextCallId = () => `sipp-call-${++counter}`;

  before(async () => {
    requireBinary('sipp', SIPP_PACKAGE); // fail every case with the package name, not one by one
    kamailio = await startKamailio({ inviteTimeoutMs: RING_TIMEOUT_MS });
    page = await serveSipTestPage();
    browser = await launchChromium();
    agent = await Phone.open(browser, page.url, 'agent');
    assert.equal(await agent.start(phoneConfig(kamailio.webSocketUrl, 'agent')), null);
  });

  after(async () => {
    for (const sipp of running) await sipp.stop();
    await browser?.close().catch(() => undefined);
    await page?.close();
    await kamailio?.stop();
  });

  /** A SIPp UAS registered under a user name unique to this case (stale contacts would fork the call). */
  async function uas(
    scenario: Parameters<typeof startRegisteredUas>[0]
  ): Promise<{ user: string; sipp: SippRun }> {
    const user = `sipp${++counter}`;
    const sipp = await startRegisteredUas(scenario, user, kamailio.sipPort);
    running.add(sipp);
    return { user, sipp };
  }

  async function sippSucceeded(sipp: SippRun): Promise<void> {
    const code = await sipp.result(10_000);
    running.delete(sipp);
    assert.equal(code, 0, `SIPp scenario failed (exit ${code}):\n${sipp.process.output().slice(-2500)}`);
  }

  test('busy: 486 from the far end → busy', async () => {
    const { user, sipp } = await uas('uas-busy');
    const callId = nextCallId();
    await agent.dial(callId, user);
    const ended = await agent.waitEnded(callId, 'busy');
    assert.match(ended.detail ?? '', /Busy \(486\)/);
    await sippSucceeded(sipp);
  });

  test('no answer: the proxy rings out with 408 → no-answer', async () => {
    const { user, sipp } = await uas('uas-ring-until-cancel');
    const callId = nextCallId();
    const started = Date.now();
    await agent.dial(callId, user);
    await agent.waitEvent({ type: 'progress', callId });
    await agent.waitEnded(callId, 'no-answer', RING_TIMEOUT_MS + 4000);
    assert.ok(Date.now() - started >= RING_TIMEOUT_MS - 500, 'ended before the proxy ring timer');
    await sippSucceeded(sipp);
  });

  test('far end answers, then hangs up with BYE → connected, then remote-hangup', async () => {
    const { user, sipp } = await uas('uas-answer-then-bye');
    const callId = nextCallId();
    await agent.dial(callId, user);
    await agent.waitEvent({ type: 'progress', callId });
    await agent.waitEvent({ type: 'connected', callId });
    await agent.waitEnded(callId, 'remote-hangup', 5000);
    await sippSucceeded(sipp);
  });

  test('agent hangs up while it rings: CANCEL → canceled, far end sees 200 + 487', async () => {
    const { user, sipp } = await uas('uas-ring-until-cancel');
    const callId = nextCallId();
    await agent.dial(callId, user);
    await agent.waitEvent({ type: 'progress', callId });
    await agent.hangup(callId);
    await agent.waitEnded(callId, 'canceled');
    await sippSucceeded(sipp);
  });

  test('unknown user: 404 from the registrar → not-found', async () => {
    const callId = nextCallId();
    await agent.dial(callId, 'ghost');
    const ended = await agent.waitEnded(callId, 'not-found');
    assert.match(ended.detail ?? '', /404/);
  });

  test('200 OK with a malformed SDP answer → bad-media; JsSIP ACKs and sends BYE', async () => {
    const { user, sipp } = await uas('uas-bad-sdp');
    const callId = nextCallId();
    await agent.dial(callId, user);
    const ended = await agent.waitEnded(callId, 'bad-media');
    assert.match(ended.detail ?? '', /Bad Media Description/);
    await sippSucceeded(sipp);
  });

  test('inbound call from SIPp: incoming with caller number and name, answered, then the caller hangs up', async () => {
    const since = Date.now() - 5;
    const sipp = await runSipp({
      scenario: 'uac-call-then-bye',
      user: 'agent',
      proxyPort: kamailio.sipPort,
      globalTimeoutSeconds: 20
    });
    running.add(sipp);
    const incoming = await agent.waitEvent({ type: 'incoming' }, 5000, since);
    assert.equal(incoming.from, '15550100');
    assert.equal(incoming.displayName, 'SIPp Caller');
    await agent.answer(incoming.callId);
    await agent.waitEvent({ type: 'connected', callId: incoming.callId });
    await agent.waitEnded(incoming.callId, 'remote-hangup', 5000);
    await sippSucceeded(sipp);
  });

  test('inbound call from SIPp that the caller cancels while it rings → canceled', async () => {
    const since = Date.now() - 5;
    const sipp = await runSipp({
      scenario: 'uac-call-then-cancel',
      user: 'agent',
      proxyPort: kamailio.sipPort,
      globalTimeoutSeconds: 20
    });
    running.add(sipp);
    const incoming = await agent.waitEvent({ type: 'incoming' }, 5000, since);
    await agent.waitEnded(incoming.callId, 'canceled', 5000);
    await sippSucceeded(sipp);
  });
});
