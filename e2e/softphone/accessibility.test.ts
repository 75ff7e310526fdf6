import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { EmulatorSession, openPhone, tap } from '../support/emulator-session';

/** axe-core (WCAG 2 A/AA rules) over the softphone in each state an agent meets. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

async function violations(phone: Frame): Promise<AxeViolation[]> {
  if (!(await phone.evaluate(() => 'axe' in window))) await phone.addScriptTag({ path: AXE });
  const result = await phone.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
    });
  });
  return result.violations;
}

async function assertAccessible(phone: Frame, state: string): Promise<void> {
  const found = await violations(phone);
  const text = found
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
  assert.deepEqual(
    found.map((v) => v.id),
    [],
    `${state}:\n${text}`
  );
}

async function freshPhone(): Promise<{ page: Page; phone: Frame }> {
  const { page, phone } = await session.newPage();
  await openPhone(page);
  return { page, phone };
}

describe('softphone accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  test('idle, incoming, connected with keypad, wrap-up, failed log', async () => {
    const { page, phone } = await freshPhone();
    await assertAccessible(phone, 'idle: dial pad and demo line');

    // The check can fail: an unlabelled image is reported.
    await phone.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'axe-probe';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.body.append(img);
    });
    assert.ok(
      (await violations(phone)).some((v) => v.id === 'image-alt'),
      'axe reports a missing alt text'
    );
    await phone.evaluate(() => document.getElementById('axe-probe')?.remove());

    await phone.locator('[data-id="demo-inbound-number"]').fill('+1 415 555 0132');
    await tap(page, phone, '[data-id="demo-inbound-button"]');
    await phone.locator('[data-id="record-chosen"]').waitFor({ timeout: 5000 });
    await assertAccessible(phone, 'incoming call');

    await tap(page, phone, '[data-id="answer-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="keypad-toggle"]');
    await assertAccessible(phone, 'connected with keypad');

    await page.evaluate(() => (window as WindowWithEmulator).emulator!.failNextSaveLogs(5));
    await tap(page, phone, '[data-id="hangup-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await assertAccessible(phone, 'wrap-up');

    await tap(page, phone, '[data-id="save-log"]');
    await phone.locator('li[data-status="failed"]').waitFor({ timeout: 5000 });
    await assertAccessible(phone, 'failed log with Retry and an error notice');
    await page.close();
  });
});
