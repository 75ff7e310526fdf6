import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import {
  EmulatorSession,
  assertOneTaskPerCallAfterSettle,
  openPhone,
  tap,
  waitForHost
} from '../support/emulator-session';
import { emu, hangUpAndSave, phoneFrame } from './rows';

/**
 * Fault-matrix row: localStorage fills up mid-call (it is shared by every Visualforce page of the org,
 * so it does), then the page reloads. The draft written while the call was ringing must not come back
 * as a second, "Missed" Task for a call that was answered and logged.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

/**
 * Fills the frame origin's localStorage until the browser refuses, with keys no Switchboard code
 * reads — as another Visualforce page of the org would. Big chunks first, then smaller, bounded.
 */
function fillStorage(phone: Frame): Promise<{ keys: number; chars: number }> {
  return phone.evaluate(() => {
    let keys = 0;
    let chars = 0;
    for (let size = 512 * 1024; size >= 16; size = Math.floor(size / 4)) {
      const chunk = 'x'.repeat(size);
      for (let i = 0; i < 200; i += 1) {
        try {
          localStorage.setItem(`other-vf-page:${keys}`, chunk);
          keys += 1;
          chars += size;
        } catch {
          break;
        }
      }
    }
    // The last few bytes: a new key costs its name too, so grow the last value until not one more character fits.
    const last = `other-vf-page:${keys - 1}`;
    let value = localStorage.getItem(last) ?? '';
    for (const step of [256, 16, 1]) {
      for (let i = 0; i < 64; i += 1) {
        try {
          localStorage.setItem(last, value + 'x'.repeat(step));
          value += 'x'.repeat(step);
          chars += step;
        } catch {
          break;
        }
      }
    }
    return { keys, chars };
  });
}

describe('fault matrix: storage full', () => {
  test('storage fills while the call rings, the call is answered and logged, then a reload: exactly one Task', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="demo-inbound-number"]').fill('+1 212 555 0143');
    await tap(page, phone, '[data-id="demo-inbound-button"]');
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 5000 });
    await page.waitForTimeout(300); // the ringing draft is in storage now

    const filled = await fillStorage(phone);
    assert.ok(filled.chars > 1_000_000, `storage filled (${filled.keys} keys, ${filled.chars} chars)`);
    const refused = await phone.evaluate(() => {
      try {
        localStorage.setItem('other-vf-page:probe', 'x');
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(refused, true, 'the origin has no room left');

    await tap(page, phone, '[data-id="answer-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    // The agent is told when it happens, not only at the next start-up.
    await phone
      .locator('[data-id="notice-text"]', { hasText: /storage|kept only until/i })
      .waitFor({ timeout: 5000 })
      .catch(async (err: unknown) => {
        const notices = await phone.locator('[data-id="notice-text"]').allTextContents();
        const keys = await phone.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('switchboard:'))
            .map((k) => [k, (localStorage.getItem(k) ?? '').slice(0, 300)])
        );
        throw new Error(
          `the agent was not told storage failed (notices: ${JSON.stringify(notices)}; switchboard keys: ${JSON.stringify(keys)}): ${String(err)}`
        );
      });
    await page.waitForTimeout(1200);
    await hangUpAndSave(page, phone, 'Answered and logged');
    await phone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
    assert.equal(session.org.tasks().length, 1);

    await emu(page).reload(); // storage is still full, and still holds whatever the page could not remove
    const fresh = await phoneFrame(page);
    await waitForHost(page, (s) => s.initialized, 'the reloaded softphone');
    await page.waitForTimeout(2000); // a restored stale draft would be logged (or offered for wrap-up) by now
    assert.equal(
      await fresh.locator('[data-id="wrapup-form"]').count(),
      0,
      'no stale call comes back for wrap-up'
    );
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    const task = session.org.tasks()[0]!;
    assert.equal(task.fields.CallType, 'Inbound');
    assert.notEqual(task.fields.CallDisposition, 'Missed', 'the answered call is not logged as missed');
    await page.close();
  });
});
