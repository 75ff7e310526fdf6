import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import type { CustomerApi } from '../../emulator/customer/main';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { CUSTOMER_USER, sipModeUrls } from '../../emulator/server/sip-mode';
import { launchChromium } from '../support/browser';
import { restartKamailio, startKamailio, type Kamailio } from '../support/kamailio';
import { waitForHost, tap } from '../support/emulator-session';
import { until } from '../support/until';

/**
 * The real adapter, in SIP mode, inside the emulator, calling a second browser ("customer") through
 * Kamailio on loopback — and being called by it. Real JsSIP, real WebRTC with DTLS-SRTP.
 */
let kamailio: Kamailio;
let emulator: RunningEmulator;
let browser: Browser;
let agent: Page;
let phone: Frame;
let customer: Page;

const customerState = () =>
  customer.evaluate(() => (window as unknown as { customer: CustomerApi }).customer.state);
const customerDo = (fn: 'answer' | 'hangup') =>
  customer.evaluate((f) => (window as unknown as { customer: CustomerApi }).customer[f](), fn);

before(async () => {
  kamailio = await startKamailio();
  emulator = await startEmulator({ port: 0, quiet: true });
  browser = await launchChromium();
  const urls = sipModeUrls(emulator.hostUrl, kamailio.webSocketUrl);
  customer = await (await browser.newContext()).newPage();
  await customer.goto(urls.customerUrl);
  await until('customer registered', async () => (await customerState()).registration === 'registered');
  agent = await (await browser.newContext()).newPage();
  await agent.goto(urls.agentUrl);
  await waitForHost(agent, (s) => s.initialized, 'softphone initialised');
  phone = agent.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))!;
  await agent.locator('[data-id="utility-item"]').click();
});

after(async () => {
  await browser?.close();
  await emulator?.close();
  await kamailio?.stop();
});

describe('SIP agent in the emulator', () => {
  test('the agent logs in with their own SIP account; click-to-dial comes on only then', async () => {
    await phone.locator('[data-id="sip-login"]').waitFor({ timeout: 5000 });
    assert.equal(
      await agent.evaluate(() => (window as WindowWithEmulator).emulator!.state.clickToDialEnabled),
      false
    );
    await phone.locator('[data-id="sip-user"]').fill('agent');
    await phone.locator('[data-id="sip-password"]').fill('not-needed-without-auth');
    await tap(agent, phone, '[data-id="sip-login-button"]');
    await phone.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
    await waitForHost(agent, (s) => s.clickToDialEnabled, 'click-to-dial on after login');
    const stored = await phone.evaluate(() => JSON.stringify(localStorage));
    assert.ok(
      !stored.includes('not-needed-without-auth'),
      'credentials are not stored unless the agent opts in'
    );

    // Pick the (fake) microphone explicitly: the calls below then run on the chosen device.
    await tap(agent, phone, '[data-id="audio-settings"] summary');
    const mic = phone.locator('[data-id="audio-input"]');
    await until('the microphone list', async () => (await mic.locator('option').count()) >= 2);
    const deviceId = await mic.locator('option').nth(1).getAttribute('value');
    await mic.selectOption(deviceId!);
    // Stored under the signed-in user's prefix (switchboard:u:<org>:<user>:), like everything the softphone keeps.
    const saved = await phone.evaluate(
      () =>
        Object.entries(localStorage).find(([key]) =>
          /^switchboard:u:\w+:\w+:audio-devices:v1$/.test(key)
        )?.[1] ?? null
    );
    assert.equal(JSON.parse(saved!).inputId, deviceId);
  });

  test('outbound: click-to-dial reaches the customer, audio flows both ways, hold/resume, remote hang-up, Task', async () => {
    await agent.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    assert.equal(
      await agent.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.ada
      ),
      true
    );
    await until('the customer ringing', async () => (await customerState()).call?.state === 'ringing');
    await customerDo('answer');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });
    const bytes = await until('RTP both ways', async () => {
      const b = await customer.evaluate(() =>
        (window as unknown as { customer: CustomerApi }).customer.audioBytes()
      );
      return b.sent > 0 && b.received > 0 ? b : undefined;
    });
    assert.ok(bytes.received > 0, 'the customer hears the agent');

    await tap(agent, phone, '[data-id="hold-button"]');
    await phone.locator('[data-id="call-state"][data-phase="held"]').waitFor({ timeout: 10_000 });
    await tap(agent, phone, '[data-id="hold-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });
    await tap(agent, phone, '[data-id="keypad-toggle"]');
    await tap(agent, phone, '[data-id="dtmf-5"]');

    await agent.waitForTimeout(1100);
    await customerDo('hangup');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    await tap(agent, phone, '[data-id="save-log"]');
    const s = await waitForHost(agent, (st) => st.tasks.length === 1, 'the Task');
    const task = s.tasks[0]!.fields;
    assert.equal(task.CallType, 'Outbound');
    assert.equal(task.WhoId, SEED_IDS.ada);
    assert.ok(Number(task.CallDurationInSeconds) >= 1);
    assert.equal(task.CallDisposition, 'Completed');
  });

  test('inbound: the customer calls, the agent gets a screen pop, answers and hangs up, Task', async () => {
    await customer.evaluate(() => (window as unknown as { customer: CustomerApi }).customer.call('agent'));
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 10_000 });
    await phone
      .locator('[data-id="record-chosen"]', { hasText: 'Ada Lovelace' })
      .waitFor({ timeout: 10_000 });
    await waitForHost(
      agent,
      (st) => st.navigation.some((n) => n.recordId === SEED_IDS.ada && n.source === 'screenPop'),
      'the screen pop to Ada'
    );
    await tap(agent, phone, '[data-id="answer-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });
    await until('the customer connected', async () => (await customerState()).call?.state === 'connected');
    await tap(agent, phone, '[data-id="hangup-button"]');
    await until('the customer sees the hang-up', async () => (await customerState()).call?.state === 'ended');
    await tap(agent, phone, '[data-id="save-log"]');
    const s = await waitForHost(agent, (st) => st.tasks.length === 2, 'the second Task');
    const task = s.tasks[1]!.fields;
    assert.equal(task.CallType, 'Inbound');
    assert.equal(task.WhoId, SEED_IDS.ada);
    assert.equal(task.Subject, 'Inbound call from Ada Lovelace');
  });

  test('the PBX dies mid-call: the agent sees it, the call carries on, the line re-registers, the call is still logged', async () => {
    await customer.evaluate(() =>
      (window as unknown as { customer: CustomerApi }).customer.setAutoAnswer(true)
    );
    await phone.locator('[data-id="dial-input"]').fill(CUSTOMER_USER);
    await tap(agent, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });
    await kamailio.process.kill();
    await phone.locator('[data-id="status"]', { hasText: 'Connecting' }).waitFor({ timeout: 10_000 });
    assert.equal(
      await phone.locator('[data-id="softphone"]').getAttribute('data-phase'),
      'connected',
      'media does not need the proxy'
    );
    kamailio = await restartKamailio(kamailio);
    await phone.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 35_000 });
    await tap(agent, phone, '[data-id="hangup-button"]');
    await tap(agent, phone, '[data-id="save-log"]');
    const s = await waitForHost(agent, (st) => st.tasks.length === 3, 'the third Task');
    assert.equal(s.tasks[2]!.fields.CallType, 'Outbound');
    assert.equal(s.tasks[2]!.fields.WhoId, SEED_IDS.ada);
  });
});
