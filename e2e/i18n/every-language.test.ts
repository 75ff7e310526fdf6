import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { EMULATOR_LANGUAGES } from '../../emulator/server/adapter-page';
import { emulatorLabels } from '../../emulator/server/emulator-labels';
import { PSEUDO_LANGUAGE } from '../../scripts/lib/pseudo-locale';
import { EmulatorSession, openPhone, settle } from '../support/emulator-session';
import { axeViolations, formatViolations } from './axe';
import { formatFindings, overflowingControls } from './page-text';

/**
 * Every language Salesforce fully supports (18): the softphone renders and initialises (its status reads
 * the language's Ready), no control of the panel or the record card overflows or is clipped at the
 * default panel width, and axe stays clean; idle and during a connected call. One browser; each language
 * gets its own context (session.newPage), so nothing carries over between them.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const CARD = 'c-switchboard-click-to-dial';
const PHONE_ROOT = '[data-id="softphone"]';
const LANGUAGES = EMULATOR_LANGUAGES.filter((l) => l !== PSEUDO_LANGUAGE);

async function problemsIn(page: Page, phone: Frame, state: string): Promise<string[]> {
  const out: string[] = [];
  const overflow = [
    ...(await overflowingControls(phone, PHONE_ROOT)),
    ...(await overflowingControls(page, CARD))
  ];
  if (overflow.length > 0) out.push(formatFindings(`${state}: controls that do not fit`, overflow));
  const phoneAxe = await axeViolations(phone);
  if (phoneAxe.length > 0) out.push(formatViolations(`${state}: axe, softphone`, phoneAxe));
  const cardAxe = await axeViolations(page, CARD);
  if (cardAxe.length > 0) out.push(formatViolations(`${state}: axe, record card`, cardAxe));
  return out;
}

describe('every fully supported language: renders, initialises, fits, accessible', () => {
  test('covers the 18 languages', () => {
    assert.equal(LANGUAGES.length, 18);
  });

  for (const language of LANGUAGES) {
    test(language, async () => {
      const labels = emulatorLabels(language);
      const { page, phone, errors } = await session.newPage(`?lang=${language}`);
      const problems: string[] = [];
      await openPhone(page);
      await phone
        .locator('[data-id="status"]', { hasText: labels.get('Switchboard_Status_Ready') ?? '?' })
        .waitFor({ timeout: 5000 });
      assert.equal(await phone.evaluate(() => document.documentElement.lang), language.replace(/_/g, '-'));
      await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
      // lightning-badge shows its label as text
      await page
        .locator(`${CARD} [data-id="readiness"]`, { hasText: labels.get('Switchboard_Card_Ready') ?? '?' })
        .waitFor({ timeout: 5000 });
      await settle(page);
      problems.push(...(await problemsIn(page, phone, 'idle')));

      const dialed = await page.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.ada
      );
      assert.equal(dialed, true);
      await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
      await page
        .locator(`${CARD} [data-id="call-state"]`, {
          hasText: labels.get('Switchboard_Card_StateConnected') ?? '?'
        })
        .waitFor({ timeout: 5000 });
      await settle(page);
      problems.push(...(await problemsIn(page, phone, 'connected')));

      assert.deepEqual(problems, [], `${language}:\n${problems.join('\n')}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
