import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { checksumSuffix } from '../../emulator/host/ids';
import { sipModeUrls } from '../../emulator/server/sip-mode';
import { startKamailio, type Kamailio } from '../support/kamailio';
import {
  EmulatorSession,
  assertOneTaskPerCallAfterSettle,
  openPhone,
  tap,
  waitForHost
} from '../support/emulator-session';
import { callOut, hangUpAndSave, phoneFrame } from './rows';

/**
 * Fault-matrix row: two Salesforce users, one after the other, in the same browser (one profile:
 * the Visualforce origin's storage, which survives Salesforce logout, is the same for both). Agent
 * A logs in to SIP with "Remember on this device", logs one call, and leaves a second one in
 * wrap-up with private notes. Agent B then opens Salesforce in that browser: B's softphone does not
 * log in as A, shows none of A's notes or logs, and sends nothing of A's to the org.
 * The host page's `?user=` is the Salesforce user the adapter page renders as `{!$User.Id}`.
 */
const session = new EmulatorSession();
let kamailio: Kamailio;
before(async () => {
  kamailio = await startKamailio();
  await session.open();
});
after(async () => {
  await session.close();
  await kamailio?.stop();
});

function userId(n: number): string {
  const id15 = `0055g000000${String(n).padStart(4, '0')}`;
  return id15 + checksumSuffix(id15);
}
const AGENT_A = userId(1);
const AGENT_B = userId(2);
const A_PASSWORD = 'agent-A-secret-9f3c';
const A_NOTES = 'Private notes of agent A about the customer';

/** Opens a host page in `context` without waiting for click-to-dial (a SIP phone enables it only after login). */
async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; phone: Frame }> {
  const page = await context.newPage();
  await page.goto(url);
  const phone = await phoneFrame(page);
  await openPhone(page);
  return { page, phone };
}

describe('fault matrix: a second Salesforce user in the same browser', () => {
  test("the next user gets none of the first user's credentials, drafts or logs", async () => {
    const context = await session.chromium.newContext({ viewport: { width: 1280, height: 860 } });
    const keeper = await context.newPage(); // the browser stays open between the two users' sessions
    session.org.reset();
    const sip = sipModeUrls(session.hostUrl, kamailio.webSocketUrl);

    // Agent A: SIP login, remembered on this device.
    const a1 = await openTab(context, `${sip.agentUrl}&user=${AGENT_A}`);
    await a1.phone.locator('[data-id="sip-user"]').fill('agent');
    await a1.phone.locator('[data-id="sip-password"]').fill(A_PASSWORD);
    const remember = a1.phone.locator('[data-id="sip-remember"]');
    await a1.phone.locator('label[for="sb-sip-remember"]').click(); // SLDS draws its own box over a visually hidden input
    assert.equal(await remember.isChecked(), true, 'remember on this device');
    await tap(a1.page, a1.phone, '[data-id="sip-login-button"]');
    await a1.phone.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
    const storedForA = await a1.phone.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert.ok(storedForA.includes(A_PASSWORD), "A's password is remembered on this device (for A)");
    await a1.page.close();

    // Agent A, demo line: one call logged, one left in wrap-up with private notes.
    const { page: a2, phone: a2Phone } = await session.newPage(`?user=${AGENT_A}`, {
      context,
      keepOrg: true
    });
    await openPhone(a2);
    await callOut(a2, a2Phone, '+1 212 555 0143');
    await hangUpAndSave(a2, a2Phone, 'Logged by A');
    await a2Phone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
    await callOut(a2, a2Phone, '+1 415 555 0132');
    await tap(a2, a2Phone, '[data-id="hangup-button"]');
    await a2Phone.locator('[data-id="notes"]').fill(A_NOTES);
    await a2.waitForTimeout(1500); // the draft is written
    const storedA = await a2Phone.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert.ok(
      storedA.includes(A_NOTES) && storedA.includes(A_PASSWORD),
      "A's draft notes and password are in this browser's storage"
    );
    await a2.close(); // A's Salesforce session ends; the browser stays

    // Agent B, same browser, SIP mode: must not be logged in as A.
    const b = await openTab(context, `${sip.agentUrl}&user=${AGENT_B}`);
    await waitForHost(b.page, (s) => s.initialized, "B's softphone");
    await b.page.waitForTimeout(3000); // long enough for a remembered login to register
    assert.equal(
      await b.phone.locator('[data-id="status"]', { hasText: 'Ready' }).count(),
      0,
      "B is not registered as A's extension"
    );
    await b.phone.locator('[data-id="sip-login"]').waitFor({ timeout: 5000 });
    assert.equal(
      await b.phone.locator('[data-id="sip-user"]').inputValue(),
      '',
      "A's SIP user is not offered to B"
    );
    assert.equal(await b.phone.locator('[data-id="wrapup-form"]').count(), 0, "A's wrap-up is not B's");
    assert.equal(await b.phone.locator('li[data-status]').count(), 0, "A's logs are not listed for B");
    const text = (await b.phone.locator('body').textContent()) ?? '';
    assert.ok(!text.includes(A_NOTES) && !text.includes('Logged by A'), "A's notes are not shown to B");
    const stored = await b.phone.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert.ok(!stored.includes(A_PASSWORD), "A's password is not readable by B's softphone");
    assert.ok(!stored.includes(A_NOTES), "A's notes are not readable by B's softphone");

    // Nothing of A's reaches the org through B's session: only A's logged call has a Task.
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    assert.match(String(session.org.tasks()[0]!.fields.Description), /^Logged by A/);
    await b.page.close();
    await keeper.close();
  });
});
