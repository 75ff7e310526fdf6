// Hostile caller data through the real adapter in the emulator: caller numbers via the demo
// line's "Ring me" field, caller/record names via canned screen-pop search results (the demo
// UI has no name field; SIP display names from SIPp are covered by the SIP suite). Nothing may
// run, no element may be injected, the text must show literally, and the Task must hold it as data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { EmulatorSession, hostState, openPhone, waitForHost, tap } from '../support/emulator-session';

const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

/** Each payload tries to set window.__xss / top.__xss to 1 (or to inject an element we can find). */
const CORPUS = [
  '<script>top.__xss=1;window.__xss=1</script>',
  '<img src=x onerror="top.__xss=1;window.__xss=1">',
  '<svg onload="top.__xss=1;window.__xss=1">',
  '"><img src=x onerror=top.__xss=1>',
  "'><svg/onload=top.__xss=1>",
  'javascript:top.__xss=1',
  '<a href="javascript:top.__xss=1" id="xss-link">call</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("top.__xss=1")()}}',
  '${top.__xss=1}',
  '[click](javascript:top.__xss=1)',
  '<style>*{display:none}</style>',
  '\u202e<b onmouseover=top.__xss=1>evil</b>\u202c 415 555 0101',
  '&lt;script&gt;top.__xss=1&lt;/script&gt;'
];

/** Long right-to-left override strings: fine as numbers only up to the field's 64 chars, so names. */
const LONG_RTL = [
  '\u202e'.repeat(2000) + '<img src=x onerror=top.__xss=1>',
  '\u202egnp.exe<script>top.__xss=1</script>'.repeat(300)
];

type XssWindow = Window & { __xss?: number };

async function arm(page: Page, phone: Frame): Promise<void> {
  await page.evaluate(() => ((window as XssWindow).__xss = 0));
  await phone.evaluate(() => ((window as XssWindow).__xss = 0));
}

async function assertNothingRan(page: Page, phone: Frame, what: string): Promise<void> {
  // Give onerror/onload handlers (image loads, iframe parses) a moment to fire if they were going to.
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => (window as XssWindow).__xss), 0, `${what}: host page`);
  assert.equal(await phone.evaluate(() => (window as XssWindow).__xss), 0, `${what}: softphone frame`);
  const injected = await phone.evaluate(() => {
    const root = document.getElementById('softphone-root');
    const found: string[] = [];
    if (!root) return ['no root'];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'img', 'iframe', 'object', 'embed', 'style', 'b', 'a'].includes(tag)) found.push(tag);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
        // Only URL-bearing attributes can run a javascript: URL; a title holding the text is fine.
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attr.name) &&
          /javascript:|<script/i.test(attr.value)
        ) {
          found.push(`${tag}[${attr.name}]`);
        }
      }
    }
    if (document.getElementById('xss-link')) found.push('#xss-link');
    return found;
  });
  assert.deepEqual(injected, [], `${what}: injected elements`);
}

describe('hostile caller numbers (demo "Ring me")', () => {
  test('every payload renders as text, runs nothing, and is logged as data', async () => {
    const { page, phone, errors } = await session.newPage();
    await openPhone(page);
    const scriptsBefore = await phone.evaluate(() => document.scripts.length);
    for (const [i, payload] of CORPUS.entries()) {
      await arm(page, phone);
      const field = phone.locator('[data-id="demo-inbound-number"]');
      await field.fill(payload);
      // The field caps input at 64 characters, as an agent typing would be capped.
      const typed = await field.inputValue();
      await tap(page, phone, '[data-id="demo-inbound-button"]');
      const banner = phone.locator('[data-id="incoming-banner"]');
      await banner.waitFor({ timeout: 10_000 });
      const shown = typed.slice(0, 40);
      const text = (await banner.textContent()) ?? '';
      assert.ok(
        text.includes(shown),
        `payload ${i}: banner shows ${JSON.stringify(shown)} literally; got ${JSON.stringify(text.slice(0, 200))}`
      );
      await assertNothingRan(page, phone, `payload ${i} ringing`);
      await tap(page, phone, '[data-id="decline-button"]');
      const s = await waitForHost(page, (st) => st.tasks.length === i + 1, `task ${i + 1}`);
      const task = s.tasks[i]!.fields;
      assert.equal(
        task.Subject,
        `Inbound call from ${shown}`,
        `payload ${i}: Subject holds the text as data`
      );
      assert.ok(
        String(task.Description).includes(`From: ${shown}`),
        `payload ${i}: Description holds the text as data`
      );
      await assertNothingRan(page, phone, `payload ${i} logged`);
    }
    assert.equal(
      await phone.evaluate(() => document.scripts.length),
      scriptsBefore,
      'no script element was added'
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('hostile record names (screen-pop search results)', () => {
  test('names in the match picker and on the Task stay text', async () => {
    const { page, phone, errors } = await session.newPage();
    await openPhone(page);
    const names = [...CORPUS, ...LONG_RTL];
    for (const [i, name] of names.entries()) {
      await arm(page, phone);
      // Two matches: the picker renders both names; picking one relates the Task to it.
      await page.evaluate(
        ({ a, b, name }) =>
          (window as WindowWithEmulator).emulator!.setSearchResults({
            '*': {
              [a]: { Id: a, Name: name, RecordType: 'Contact' },
              [b]: { Id: b, Name: `${name} (2)`, RecordType: 'Contact' }
            }
          }),
        { a: SEED_IDS.ada, b: SEED_IDS.grace, name }
      );
      await phone.locator('[data-id="demo-inbound-number"]').fill('+1 415 555 0132');
      await tap(page, phone, '[data-id="demo-inbound-button"]');
      await phone
        .locator('[data-id="match-list"]')
        .waitFor({ timeout: 10_000 })
        .catch(async (e: unknown) => {
          throw new Error(
            `name ${i}: no picker (${String(e).slice(0, 80)}); panel: ${((await phone.locator('#softphone-root').textContent()) ?? '').slice(0, 300)}`
          );
        });
      const expected = name.slice(0, 120);
      const label = (await phone.locator(`[data-id="match-${SEED_IDS.ada}"]`).textContent()) ?? '';
      assert.ok(label.includes(expected), `name ${i}: shown literally in the picker`);
      await assertNothingRan(page, phone, `name ${i} in picker`);
      const before = (await hostState(page)).navigation.length;
      await tap(page, phone, `[data-id="match-${SEED_IDS.ada}"]`);
      await waitForHost(page, (st) => st.navigation.length > before, 'the pop after picking');
      await phone
        .locator(`[data-id="match-${SEED_IDS.ada}"][aria-pressed="true"]`)
        .waitFor({ timeout: 10_000 });
      // The chosen name now also heads the call view (Party), still as text.
      assert.ok(
        ((await phone.locator('[data-id="incoming-banner"]').textContent()) ?? '').includes(expected),
        `name ${i}: shown as the party`
      );
      await assertNothingRan(page, phone, `name ${i} chosen`);
      await tap(page, phone, '[data-id="decline-button"]');
      const s = await waitForHost(page, (st) => st.tasks.length === i + 1, `task ${i + 1}`);
      const task = s.tasks[i]!.fields;
      assert.equal(task.WhoId, SEED_IDS.ada);
      const subject = `Inbound call from ${expected}`;
      assert.equal(
        task.Subject,
        subject.length > 255 ? `${subject.slice(0, 254)}…` : subject,
        `name ${i}: Subject holds the name as data`
      );
    }
    await page.evaluate(() => (window as WindowWithEmulator).emulator!.setSearchResults(null));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
