import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { emulatorLabels } from '../../emulator/server/emulator-labels';
import { formatMessage, type MessageValues } from '../../adapter/src/i18n/message-format';
import { EmulatorSession, openPhone, tap, waitForHost } from '../support/emulator-session';

/**
 * The whole call flow (click-to-dial → connected → wrap-up → Logged, then an inbound call popping its
 * Contact) in English, German and Japanese, found by data-id, reading the words each language's labels
 * give (force-app/main/default/translations; English where a label has no translation yet, as Salesforce
 * falls back), on the softphone, the record card and the Task it writes.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const CARD = 'c-switchboard-click-to-dial';
const LANGUAGES = [
  { language: 'en_US', locale: 'en-US' },
  { language: 'de', locale: 'de-DE' },
  { language: 'ja', locale: 'ja-JP' }
];

/** The text of an element, as written (not as CSS capitalises it), spaces collapsed. */
async function textOf(scope: Page | Frame, selector: string): Promise<string> {
  const text = await scope.locator(selector).first().textContent({ timeout: 5000 });
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element reads `expected` (the softphone and the card re-render as the call moves on). */
async function waitForText(scope: Page | Frame, selector: string, expected: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await textOf(scope, selector).catch(() => '');
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(last, expected, `${selector} reads the label`);
}

for (const { language, locale } of LANGUAGES) {
  describe(`call flow in ${language}`, () => {
    const labels = emulatorLabels(language);
    const label = (name: string, values: MessageValues = {}): string => {
      const message = labels.get(name);
      assert.ok(message !== undefined, `label ${name} exists`);
      return formatMessage(message, values, locale).replace(/\s+/g, ' ').trim();
    };

    test('click-to-dial → connected → wrap-up → Logged, on the softphone, the card and the Task', async () => {
      const { page, phone, errors } = await session.newPage(`?lang=${language}`);
      await openPhone(page);
      await waitForText(phone, '[data-id="status"]', label('Switchboard_Status_Ready'));
      await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
      await waitForText(page, `${CARD} [data-id="readiness"]`, label('Switchboard_Card_Ready'));
      await waitForText(page, `${CARD} .slds-card__header-title`, label('Switchboard_Card_Title'));

      const dialed = await page.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.ada
      );
      assert.equal(dialed, true);
      await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
      await waitForText(phone, '[data-id="call-state"]', label('Switchboard_Call_StateConnected'));
      await waitForText(phone, '[data-id="hold-button"]', label('Switchboard_Call_Hold'));
      await waitForText(page, `${CARD} [data-id="call-state"]`, label('Switchboard_Card_StateConnected'));
      const sentence = (await textOf(page, `${CARD} [data-id="call-description"]`)).trim();
      // The sentence is the label's known-number case with the number in its place, whatever the word order.
      const [before = '', after = ''] = label('Switchboard_Card_CallConnected', {
        known: 'yes',
        number: '\u0000'
      }).split('\u0000');
      assert.ok(sentence.length > before.length + after.length, sentence);
      assert.ok(
        sentence.startsWith(before.trim()) && sentence.endsWith(after.trim()),
        `${sentence} ~ ${before}…${after}`
      );

      await tap(page, phone, '[data-id="hangup-button"]');
      await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
      await waitForText(
        phone,
        '[data-id="wrapup-form"] [data-id="call-state"]',
        label('Switchboard_WrapUp_Title')
      );
      await waitForText(phone, '[data-id="save-log"]', label('Switchboard_WrapUp_Save'));
      await waitForText(page, `${CARD} [data-id="call-state"]`, label('Switchboard_Card_StateWrapUp'));
      await tap(page, phone, '[data-id="save-log"]');

      const s = await waitForHost(page, (st) => st.tasks.length === 1 && st.clickToDialEnabled, 'the Task');
      assert.equal(
        s.tasks[0]!.fields.Subject,
        label('Switchboard_Task_Subject', { direction: 'outbound', party: 'Ada Lovelace' })
      );
      await waitForText(page, `${CARD} [data-id="call-state"]`, label('Switchboard_Card_StateLogged'));
      await waitForText(page, `${CARD} [data-id="task-link"]`, label('Switchboard_Card_ViewLog'));
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('an inbound call pops its Contact and rings in the language', async () => {
      const { page, phone, errors } = await session.newPage(`?lang=${language}`);
      await openPhone(page);
      await phone.locator('[data-id="demo-inbound-number"]').fill('+1 415 555 0132');
      await tap(page, phone, '[data-id="demo-inbound-button"]');
      await waitForHost(
        page,
        (st) => st.navigation.some((n) => JSON.stringify(n).includes(SEED_IDS.ada)),
        'a pop to Ada'
      );
      await phone
        .locator('[data-id="record-chosen"]', { hasText: 'Ada Lovelace' })
        .waitFor({ timeout: 5000 });
      await waitForText(phone, '[data-id="call-state"]', label('Switchboard_Call_StateIncoming'));
      await waitForText(phone, '[data-id="answer-button"]', label('Switchboard_Call_Answer'));
      await waitForText(phone, '[data-id="decline-button"]', label('Switchboard_Call_Decline'));
      await waitForText(page, `${CARD} [data-id="call-state"]`, label('Switchboard_Card_StateRinging'));
      await tap(page, phone, '[data-id="decline-button"]');
      const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the declined call logged');
      assert.equal(
        s.tasks[0]!.fields.Subject,
        label('Switchboard_Task_Subject', { direction: 'inbound', party: 'Ada Lovelace' })
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
