// The admin guide's screenshots, taken from the real adapter in the Lightning emulator. Each test
// drives the softphone to one state, asserts that state, and captures the phone panel with the record.
//   npm run docs:screenshots      writes docs/screenshots/*.png (UPDATE_SCREENSHOTS=1)
//   npm test                      same run, written to e2e/artifacts/docs/ so the tree stays clean
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { ARTIFACTS, EmulatorSession, openPhone, phoneState, waitForHost } from '../support/emulator-session';

const OUT =
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? join(process.cwd(), 'docs/screenshots')
    : join(ARTIFACTS, 'docs');
// The panel hangs from the utility bar at the bottom: each shot gets a height that keeps the panel clear
// of the header without a band of empty page between the record and a short panel.
const WIDTH = 1200;

const session = new EmulatorSession();
let page: Page;
let phone: Frame;

before(async () => {
  await session.open();
  mkdirSync(OUT, { recursive: true });
  ({ page, phone } = await session.newPage());
  await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
});
after(() => session.close());

/**
 * Clips to what an admin needs to see: the record page, the phone panel when it is open, and the
 * utility item — not the emulator's debugging panels on the right.
 */
async function shoot(name: string, height: number, shot: Page = page): Promise<void> {
  await shot.setViewportSize({ width: WIDTH, height });
  // Let the layout, the panel size and any transition settle before measuring.
  await shot.waitForTimeout(300);
  // No named helpers inside evaluate: tsx keeps function names with a __name() call the page lacks.
  const boxes = await shot.evaluate(() => {
    const panel = document.querySelector('[data-id="softphone-panel"]');
    const open = panel !== null && getComputedStyle(panel).visibility !== 'hidden';
    return [
      document.querySelector('.emu-center'),
      open ? panel : null,
      document.querySelector('[data-id="utility-item"]')
    ]
      .map((el) => el?.getBoundingClientRect())
      .filter((r): r is DOMRect => r !== undefined && r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left, y: r.top, right: r.right, bottom: r.bottom }));
  });
  assert.ok(boxes.length >= 2, 'record and utility item are on the page');
  const pad = 8;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.min(WIDTH, Math.max(...boxes.map((b) => b.right)) + pad);
  const bottom = Math.min(height, Math.max(...boxes.map((b) => b.bottom)) + pad);
  await shot.screenshot({
    path: join(OUT, `${name}.png`),
    clip: { x, y, width: right - x, height: bottom - y }
  });
}

describe('admin guide screenshots', () => {
  test('screenshot: record page with click-to-dial enabled, phone minimised', async () => {
    // Click-to-dial comes on before the demo line has registered (issue 15), so wait for the line too.
    const s = await waitForHost(
      page,
      (st) => st.initialized && st.item.label === 'Phone',
      'the line is ready'
    );
    assert.equal(s.clickToDialEnabled, true);
    assert.equal(s.panel.visible, false);
    assert.equal(
      await page.locator(`a[data-id="c2d-${SEED_IDS.ada}-Phone"]`).count(),
      1,
      'the Phone field is a click-to-dial link'
    );
    assert.equal(s.item.label, 'Phone');
    await shoot('record-click-to-dial', 600);
  });

  test('screenshot: ready, idle with the dial pad', async () => {
    await openPhone(page);
    assert.equal(await phoneState(phone), 'idle');
    await phone.locator('[data-id="dial-form"]').waitFor();
    assert.equal(await phone.locator('[data-id="key-5"]').count(), 1, 'the keypad is shown');
    assert.match(String(await phone.locator('[data-id="status"]').textContent()), /Ready/);
    await shoot('ready', 1000);
  });

  test('screenshot: incoming call with the caller popped', async () => {
    await phone.locator('[data-id="demo-inbound-number"]').fill('+1 415 555 0132');
    await phone.locator('[data-id="demo-inbound-button"]').click();
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="record-chosen"]', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 5000 });
    const s = await waitForHost(
      page,
      (st) => st.page.kind === 'record' && JSON.stringify(st.navigation.at(-1) ?? {}).includes(SEED_IDS.ada),
      'the screen pop to Ada'
    );
    assert.match(s.item.label, /^Incoming: /);
    assert.equal(s.clickToDialEnabled, false, 'click-to-dial is off while the phone rings');
    await shoot('incoming-call', 860);
  });

  test('screenshot: connected call', async () => {
    await phone.locator('[data-id="answer-button"]').click();
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await waitForHost(
      page,
      (st) => /^On call \d+:\d\d$/.test(st.item.label),
      'the call timer on the utility item'
    );
    // A second on the clock reads better than 0:00.
    await page.waitForTimeout(1200);
    await shoot('connected-call', 900);
  });

  test('screenshot: wrap-up form', async () => {
    await phone.locator('[data-id="hangup-button"]').click();
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="disposition"]').selectOption('Callback requested');
    await phone.locator('[data-id="notes"]').fill('Wants the renewal quote by Friday.');
    assert.equal(await phoneState(phone), 'wrapUp');
    await shoot('wrap-up', 960);
  });

  test('screenshot: log not saved, with the platform error and Retry', async () => {
    // The error a user without create access on Task gets from saveLog.
    await page.evaluate(() =>
      (window as WindowWithEmulator).emulator!.failNextSaveLogs(1, 'insufficient access rights on object id')
    );
    await phone.locator('[data-id="save-log"]').click();
    const failed = phone.locator('li[data-status="failed"]');
    await failed.waitFor({ timeout: 5000 });
    assert.match(String(await failed.textContent()), /insufficient access rights on object id/);
    assert.equal(await failed.locator('button', { hasText: 'Retry' }).count(), 1);
    const s = await waitForHost(
      page,
      (st) => st.item.label === 'Phone: log not saved',
      'the warning on the utility item'
    );
    assert.equal(s.tasks.length, 0);
    await shoot('log-failed', 1000);

    // The retry really saves it: the screenshot shows a recoverable state, not a dead end.
    await failed.locator('button').click();
    await phone.locator('li[data-status="saved"]').waitFor({ timeout: 5000 });
    const saved = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task after Retry');
    assert.equal(saved.tasks[0]!.fields.WhoId, SEED_IDS.ada);
  });
});

/** The softphone in three languages (README): German runs long, Japanese and Thai need their own fonts. */
describe('screenshots in other languages', () => {
  for (const language of ['de', 'ja', 'th']) {
    test(`screenshot: connected call in ${language}`, async () => {
      const { page: shot, phone: shotPhone } = await session.newPage(`?lang=${language}`);
      await shot.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
      await openPhone(shot);
      const dialed = await shot.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.ada
      );
      assert.equal(dialed, true);
      await shotPhone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
      assert.equal(await shotPhone.evaluate(() => document.documentElement.lang), language);
      await shot.waitForTimeout(1200);
      await shoot(`connected-call-${language}`, 900, shot);
      await shot.close();
    });
  }
});
