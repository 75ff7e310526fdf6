import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { EmulatorSession, tap, waitForHost } from '../support/emulator-session';

/**
 * The record page's call card runs switchboardClickToDial's own logic (channel parsing, catch-up
 * request, state badges and sentences), so a click-to-dial shows its status there through to "Logged".
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

describe('record page call status (switchboardClickToDial logic)', () => {
  test('click-to-dial on the record: Dialing → Connected with a timer → Wrap-up → Logged with the Task', async () => {
    const { page, phone } = await session.newPage();
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    await page.locator('[data-id="calls-readiness"]', { hasText: 'ready' }).waitFor({ timeout: 5000 });
    await page.locator(`[data-id="c2d-${SEED_IDS.ada}-Phone"]`).click();
    const row = page.locator('[data-id="record-calls"] li[data-state]');
    await page.locator('[data-id="record-calls"] li[data-state="dialing"]').waitFor({ timeout: 5000 });
    await page.locator('[data-id="record-calls"] li[data-state="connected"]').waitFor({ timeout: 5000 });
    const callId = String(await row.first().getAttribute('data-id')).replace(/^call-/, '');
    await page.locator(`[data-id="call-${callId}-duration"]`, { hasText: '00:01' }).waitFor({ timeout: 5000 });

    // Another record and back: the card asks the adapter for the state again (no replay in LMS) and catches up.
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.grace);
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    await page.locator(`[data-id="call-${callId}"][data-state="connected"]`).waitFor({ timeout: 5000 });

    await tap(page, phone, '[data-id="hangup-button"]');
    await page.locator(`[data-id="call-${callId}"][data-state="wrapUp"]`).waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="save-log"]');
    await page.locator(`[data-id="call-${callId}"][data-state="logged"]`).waitFor({ timeout: 5000 });
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task');
    const link = await page.locator(`[data-id="call-${callId}-task"]`).getAttribute('href');
    assert.equal(link, `#/Task/${s.tasks[0]!.Id}`);
    await page.close();
  });

  test('a failed log shows on the record with a Retry that reaches the adapter', async () => {
    const { page, phone } = await session.newPage();
    await page.evaluate(() => (window as WindowWithEmulator).emulator!.failNextSaveLogs(1, 'Required fields are missing'));
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.grace);
    await page.locator(`[data-id="c2d-${SEED_IDS.grace}-Phone"]`).click();
    await waitForHost(page, (st) => st.panel.visible, 'click-to-dial to open the phone');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    const failed = page.locator('[data-id="record-calls"] li[data-state="logFailed"]');
    await failed.waitFor({ timeout: 5000 });
    await failed.locator('button').click();
    await page.locator('[data-id="record-calls"] li[data-state="logged"]').waitFor({ timeout: 10_000 });
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'exactly one Task');
    assert.equal(s.tasks[0]!.fields.WhoId, SEED_IDS.grace);
    await page.close();
  });
});
