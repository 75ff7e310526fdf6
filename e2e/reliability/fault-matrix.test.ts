import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import {
  EmulatorSession,
  assertOneTaskPerCallAfterSettle,
  hostState,
  openPhone,
  waitForHost,
  tap
} from '../support/emulator-session';

/**
 * The fault matrix (docs/reliability.md): each fault injected for real against the real adapter in
 * the emulator. Every row ends by waiting a settle period (longer than the lease plus a backoff) and
 * then counting Tasks in the server's org — the one every tab writes to — 0 lost, 0 duplicated.
 * Slower rows live in their own files (slow-save-*.test.ts, storage-full, blocked-site-data,
 * forged-tab-messages, second-user) so they run in parallel processes.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const emu = (page: Page) => ({
  reload: () => page.evaluate(() => (window as WindowWithEmulator).emulator!.reloadSoftphone()),
  failSaves: (n: number) =>
    page.evaluate((count) => (window as WindowWithEmulator).emulator!.failNextSaveLogs(count), n),
  delaySaveLog: (ms: number) =>
    page.evaluate((d) => (window as WindowWithEmulator).emulator!.setReplyDelay({ saveLog: d }), ms)
});

/** The softphone frame as it is now (a reload replaces it). */
async function phoneFrame(page: Page): Promise<Frame> {
  await waitForHost(page, (s) => s.initialized, 'the softphone to initialise', 15_000);
  const frame = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
  if (!frame) throw new Error('softphone frame not found');
  await frame.locator('[data-id="softphone"]').waitFor({ timeout: 10_000 });
  return frame;
}

async function callOut(page: Page, phone: Frame, number: string): Promise<void> {
  await phone.locator('[data-id="dial-input"]').fill(number);
  await tap(page, phone, '[data-id="dial-button"]');
  await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
}

describe('fault matrix', () => {
  test('saveLog fails twice, then succeeds: retried automatically with backoff, exactly one Task', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await emu(page).failSaves(2);
    await callOut(page, phone, '+1 212 555 0143');
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    await phone.locator('li[data-status="failed"]').waitFor({ timeout: 5000 });
    // No click on Retry: the outbox tries again by itself (2 s, then 4 s, ±20 %).
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the automatic retries', 20_000);
    await phone.locator('li[data-status="saved"]').waitFor({ timeout: 5000 });
    assert.equal(s.calls.filter((c) => c.methodName === 'saveLog').length, 3);
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    await page.close();
  });

  test('reload during a call: the call is ended cleanly, wrapped up and logged with its true duration', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await callOut(page, phone, '+1 212 555 0143');
    await page.waitForTimeout(2300);
    await emu(page).reload();
    const fresh = await phoneFrame(page);
    await fresh.locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    assert.match(
      String(await fresh.locator('[data-id="notice-text"]').textContent()),
      /reloaded during a call/
    );
    await tap(page, fresh, '[data-id="save-log"]');
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task');
    const seconds = Number(s.tasks[0]!.fields.CallDurationInSeconds);
    assert.ok(seconds >= 2 && seconds <= 4, `duration ${seconds}s`);
    assert.equal(s.tasks[0]!.fields.WhoId, SEED_IDS.grace);
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    await page.close();
  });

  test('reload during wrap-up: the result and notes typed so far are still there', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await callOut(page, phone, '+1 212 555 0143');
    await tap(page, phone, '[data-id="hangup-button"]');
    await phone.locator('[data-id="disposition"]').selectOption('Left voicemail');
    await phone.locator('[data-id="notes"]').fill('Call back after 3pm');
    await emu(page).reload();
    const fresh = await phoneFrame(page);
    await fresh.locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    assert.equal(await fresh.locator('[data-id="notes"]').inputValue(), 'Call back after 3pm');
    assert.equal(await fresh.locator('[data-id="disposition"]').inputValue(), 'Left voicemail');
    await tap(page, fresh, '[data-id="save-log"]');
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task');
    assert.match(String(s.tasks[0]!.fields.Description), /^Call back after 3pm/);
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    await page.close();
  });

  test('reload between hang-up and the saveLog answer: the log is confirmed without a second Task', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await callOut(page, phone, '+1 212 555 0143');
    await tap(page, phone, '[data-id="hangup-button"]');
    await emu(page).delaySaveLog(1500);
    await tap(page, phone, '[data-id="save-log"]');
    await waitForHost(page, (st) => st.tasks.length === 1, 'Salesforce to store the Task');
    await emu(page).reload(); // the answer to that saveLog now goes nowhere
    await emu(page).delaySaveLog(5);
    const fresh = await phoneFrame(page);
    await fresh.locator('li[data-status="saved"]').waitFor({ timeout: 20_000 });
    const s = await hostState(page);
    assert.equal(s.tasks.length, 1);
    assert.ok(
      s.calls.some((c) => c.methodName === 'runApex' && c.args.apexClass === 'SwitchboardSoftphoneService'),
      'checked before re-creating'
    );
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    await page.close();
  });

  test('two tabs: one owns the phone, the other mirrors it, hands it click-to-dial, rings with it and answers; leader closed mid-call loses nothing', async () => {
    // Two tabs of one browser profile: same storage, same Web Locks, as an agent's Salesforce tabs are.
    const { page: first, phone: firstPhone } = await session.newPage();
    const second = await session.newPageInSameContext(first);
    await waitForHost(second, (s) => s.initialized && s.clickToDialEnabled, 'the second tab ready');
    const secondPhone = await phoneFrame(second);
    await openPhone(second);
    await secondPhone.locator('[data-id="elsewhere"]').waitFor({ timeout: 5000 });
    assert.equal(await firstPhone.locator('[data-id="elsewhere"]').count(), 0, 'the first tab leads');

    // A click on the second tab's record page: the leader dials, both tabs show the call.
    await second.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    assert.equal(
      await second.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.ada
      ),
      true
    );
    await firstPhone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await secondPhone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await waitForHost(second, (s) => s.item.label.startsWith('On call'), 'the mirrored utility label');
    const searches =
      (await hostState(first)).calls.filter((c) => c.methodName === 'searchAndScreenPop').length +
      (await hostState(second)).calls.filter((c) => c.methodName === 'searchAndScreenPop').length;
    assert.ok(searches <= 1, 'no duplicate screen pops');

    await first.waitForTimeout(1200);
    await tap(first, firstPhone, '[data-id="hangup-button"]');
    await tap(first, firstPhone, '[data-id="save-log"]');
    await waitForHost(first, (st) => st.tasks.length === 1, 'the first call logged');

    // An inbound call rings in the leader's phone; the other tab opens its phone too, showing the same banner.
    await second.locator('[data-id="utility-item"]').click(); // minimise the second tab's phone
    await waitForHost(second, (st) => !st.panel.visible, 'the second tab minimised');
    await firstPhone.locator('[data-id="demo-inbound-number"]').fill('+1 415 555 0177');
    await tap(first, firstPhone, '[data-id="demo-inbound-button"]');
    await waitForHost(
      second,
      (st) => st.panel.visible,
      'the second tab to open its phone for the incoming call'
    );
    await secondPhone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 5000 });
    await tap(second, secondPhone, '[data-id="answer-button"]'); // answered from the other tab
    await firstPhone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await first.waitForTimeout(1200);
    await first.close();
    await secondPhone.locator('[data-id="elsewhere"]').waitFor({ state: 'detached', timeout: 5000 });
    await secondPhone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await tap(second, secondPhone, '[data-id="save-log"]');
    // The org is shared: this tab sees the first call's Task (written by the closed tab) too.
    const s = await waitForHost(second, (st) => st.tasks.length === 2, 'the Task from the new leader');
    const inbound = s.tasks.find((t) => t.fields.CallType === 'Inbound');
    assert.equal(inbound?.fields.WhoId, SEED_IDS.ada);
    assert.ok(Number(inbound?.fields.CallDurationInSeconds) >= 1);
    await assertOneTaskPerCallAfterSettle(session.org, 2);
    await second.close();
  });
});
