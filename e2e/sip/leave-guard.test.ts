import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Dialog, Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import type { CustomerApi } from '../../emulator/customer/main';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { CUSTOMER_USER, sipModeUrls } from '../../emulator/server/sip-mode';
import { launchChromium } from '../support/browser';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { tap, waitForHost } from '../support/emulator-session';
import { until } from '../support/until';

/**
 * The tab that carries a live SIP call asks before it is closed or reloaded (adapter/src/app/leave-guard.ts),
 * and only then. Chromium shows a beforeunload prompt only for a frame the user interacted with, so every
 * step here is a real click in the softphone frame.
 */
let kamailio: Kamailio;
let emulator: RunningEmulator;
let browser: Browser;
let agent: Page;
let customer: Page;
const dialogs: string[] = [];

const phone = (): Frame => agent.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))!;
const customerState = () =>
  customer.evaluate(() => (window as unknown as { customer: CustomerApi }).customer.state);

/** What the agent answers to the next prompts: "stay on this page" (dismiss) unless a test says leave. */
let answer: 'dismiss' | 'accept' = 'dismiss';

/** Every dialog is recorded and answered. */
function recordDialogs(page: Page): void {
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.type());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
}

before(async () => {
  kamailio = await startKamailio();
  emulator = await startEmulator({ port: 0, quiet: true });
  browser = await launchChromium();
  const urls = sipModeUrls(emulator.hostUrl, kamailio.webSocketUrl);
  customer = await (await browser.newContext()).newPage();
  await customer.goto(urls.customerUrl);
  await until('customer registered', async () => (await customerState()).registration === 'registered');
  await customer.evaluate(() =>
    (window as unknown as { customer: CustomerApi }).customer.setAutoAnswer(true)
  );
  agent = await (await browser.newContext()).newPage();
  recordDialogs(agent);
  await agent.goto(urls.agentUrl);
  await waitForHost(agent, (s) => s.initialized, 'softphone initialised');
  await agent.locator('[data-id="utility-item"]').click();
  await phone().locator('[data-id="sip-user"]').fill('agent');
  await phone().locator('[data-id="sip-password"]').fill('not-needed-without-auth');
  await tap(agent, phone(), '[data-id="sip-login-button"]');
  await phone().locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
});

after(async () => {
  await browser?.close();
  await emulator?.close();
  await kamailio?.stop();
});

describe('leaving the tab that carries a SIP call', () => {
  test('with a call up, reloading or closing the Salesforce tab asks first, and staying keeps the call', async () => {
    await phone().locator('[data-id="dial-input"]').fill(CUSTOMER_USER);
    await tap(agent, phone(), '[data-id="dial-button"]');
    await phone().locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });

    dialogs.length = 0;
    // The prompt comes from the softphone's frame, so Playwright's page.reload() would wait out its timeout
    // for a navigation the dismissal cancelled: reload from the page itself, as F5 does.
    await agent.evaluate(() => location.reload());
    await until('the reload prompt', async () => dialogs.length === 1);
    assert.deepEqual(dialogs, ['beforeunload'], 'reload asked');
    await agent.close({ runBeforeUnload: true });
    await until('the close prompt', async () => dialogs.length === 2);
    assert.deepEqual(dialogs, ['beforeunload', 'beforeunload'], 'close asked');
    assert.equal(agent.isClosed(), false, 'the agent stayed');
    assert.equal(
      await phone().locator('[data-id="softphone"]').getAttribute('data-phase'),
      'connected',
      'the call is still up'
    );
    assert.equal((await customerState()).call?.state, 'connected', 'the customer is still on the line');

    await tap(agent, phone(), '[data-id="hangup-button"]');
    await tap(agent, phone(), '[data-id="save-log"]');
    await waitForHost(agent, (s) => s.tasks.length === 1, 'the Task');
  });

  test("reloading only the softphone's frame asks too; leaving anyway ends the call, which comes back to wrap-up", async () => {
    await phone().locator('[data-id="dial-input"]').fill(CUSTOMER_USER);
    await tap(agent, phone(), '[data-id="dial-button"]');
    await phone().locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 10_000 });
    dialogs.length = 0;
    answer = 'accept';
    try {
      // The emulator reloads the utility's iframe (a new src): only the softphone's frame navigates.
      await agent.evaluate(() => (window as WindowWithEmulator).emulator!.reloadSoftphone());
      await until('the frame prompt', async () => dialogs.length === 1);
    } finally {
      answer = 'dismiss';
    }
    assert.deepEqual(dialogs, ['beforeunload']);
    await waitForHost(agent, (s) => s.initialized, 'softphone initialised again');
    await phone().locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    await tap(agent, phone(), '[data-id="save-log"]');
    const s = await waitForHost(agent, (st) => st.tasks.length === 2, 'the interrupted call logged');
    assert.equal(s.tasks[1]!.fields.CallType, 'Outbound');
  });

  test('with no call, the tab reloads without asking', async () => {
    await phone().locator('[data-id="softphone"][data-phase="idle"]').waitFor({ timeout: 5000 });
    dialogs.length = 0;
    await agent.reload({ timeout: 10_000 });
    await waitForHost(agent, (s) => s.initialized, 'softphone initialised again');
    assert.deepEqual(dialogs, []);
  });
});
