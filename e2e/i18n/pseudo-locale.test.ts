import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS, seedRecords, recordName } from '../../emulator/host/data';
import { OBJECT_FIELDS } from '../../emulator/lwc/object-info';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { EmulatorSession, openPhone, tap, waitForHost } from '../support/emulator-session';
import { formatFindings, overflowingControls, untranslatedText, type TextFinding } from './page-text';

/**
 * The pseudo-locale run (`?lang=en_XA`: every label accented, ~40 % longer, bracketed ⟦…⟧): through the
 * main states of a call, every word the softphone panel and the record card show came through a label,
 * and no control of either is clipped or overflows at the default panel width.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const CARD = 'c-switchboard-click-to-dial';
const PHONE_ROOT = '[data-id="softphone"]';

/** What the org supplies, which no label of ours translates: record names and the UI API's field labels. */
const ORG_DATA = [
  ...seedRecords().map(recordName),
  ...Object.values(OBJECT_FIELDS).flatMap((fields) => Object.values(fields))
].sort((a, b) => b.length - a.length);

/** The card's recent calls show each Task's CallDisposition as the org stores it (the adapter saves it). */
const CARD_DATA = ['[data-id="recent-disposition"]'];

/**
 * Every finding of one state, on the softphone and (when shown) the record card. Collected over the whole
 * walk and asserted at its end, so one run reports every state's findings, not just the first.
 */
async function findingsIn(page: Page, phone: Frame, state: string, card = true): Promise<string[]> {
  const out: string[] = [];
  const add = (what: string, found: readonly TextFinding[]) => {
    if (found.length > 0) out.push(formatFindings(`${state}: ${what}`, found));
  };
  add('softphone text outside the labels', await untranslatedText(phone, PHONE_ROOT, ORG_DATA));
  add('softphone controls that do not fit', await overflowingControls(phone, PHONE_ROOT));
  if (card) {
    add('record card text outside the labels', await untranslatedText(page, CARD, ORG_DATA, CARD_DATA));
    add('record card controls that do not fit', await overflowingControls(page, CARD));
  }
  return out;
}

function navigateTo(page: Page, recordId: string): Promise<boolean> {
  return page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), recordId);
}

/** Click-to-dial on Ada's business phone (the open panel covers the record page's link). */
async function dialAda(page: Page): Promise<void> {
  const dialed = await page.evaluate(
    (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
    SEED_IDS.ada
  );
  assert.equal(dialed, true, 'click-to-dial is on');
}

describe('pseudo-locale (en_XA): no untranslated text, nothing clipped', () => {
  test('the checks can fail: English text and an overflowing button are found', async () => {
    const { page, phone } = await session.newPage('?lang=en_XA');
    await openPhone(page);
    await phone.evaluate(() => {
      const probe = document.createElement('button');
      probe.id = 'i18n-probe';
      probe.className = 'slds-button';
      probe.style.cssText = 'width: 40px; white-space: nowrap; overflow: hidden';
      probe.textContent = 'Hard-coded English';
      document.querySelector('[data-id="softphone"]')?.append(probe);
    });
    const text = await untranslatedText(phone, PHONE_ROOT, ORG_DATA);
    assert.ok(
      text.some((f) => f.text === 'Hard-coded English'),
      JSON.stringify(text)
    );
    const overflow = await overflowingControls(phone, PHONE_ROOT);
    assert.ok(
      overflow.some((f) => /overflows .*Hard-coded English/.test(f.text)),
      JSON.stringify(overflow)
    );
    await page.close();
  });

  test('idle, dialing, connected, wrap-up and logged, on the softphone and the record card', async () => {
    const { page, phone, errors } = await session.newPage('?lang=en_XA');
    const problems: string[] = [];
    await openPhone(page);
    await navigateTo(page, SEED_IDS.ada);
    await page.locator(`${CARD} [data-id="readiness"]`).waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'idle')));

    // The far end does not answer for 8 s: time to look at the dialing state.
    await phone.locator('[data-id="demo-outcome"]').selectOption('no-answer');
    await dialAda(page);
    await phone.locator('[data-id="call-state"][data-phase="dialing"]').waitFor({ timeout: 5000 });
    await page.locator(`${CARD} [data-id="call-state"]`).waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'dialing')));
    await tap(page, phone, '[data-id="hangup-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="save-log"]');
    await waitForHost(page, (s) => s.tasks.length === 1 && s.clickToDialEnabled, 'the cancelled call logged');

    await phone.locator('[data-id="demo-outcome"]').selectOption('answer');
    await dialAda(page);
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'connected')));
    await tap(page, phone, '[data-id="keypad-toggle"]');
    problems.push(...(await findingsIn(page, phone, 'connected with the keypad')));

    await tap(page, phone, '[data-id="hangup-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'wrap-up')));
    await tap(page, phone, '[data-id="save-log"]');
    await waitForHost(page, (s) => s.tasks.length === 2 && s.clickToDialEnabled, 'the second Task');
    await page
      .locator(`${CARD} [data-id="call-state"]`, { hasText: /^\s*⟦Ļöĝĝëð/ })
      .first()
      .waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'logged')));
    assert.deepEqual(problems, [], problems.join('\n'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an inbound call ringing with the picker of several matching records', async () => {
    const { page, phone } = await session.newPage('?lang=en_XA');
    const problems: string[] = [];
    await openPhone(page);
    await phone.locator('[data-id="demo-inbound-number"]').fill('(415) 555-0100');
    await tap(page, phone, '[data-id="demo-inbound-button"]');
    await phone.locator('[data-id="match-list"]').waitFor({ timeout: 5000 });
    problems.push(...(await findingsIn(page, phone, 'inbound ringing with the picker', false)));
    assert.deepEqual(problems, [], problems.join('\n'));
    await tap(page, phone, '[data-id="decline-button"]');
    await page.close();
  });
});
