import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EmulatorSession, assertOneTaskPerCallAfterSettle, openPhone } from '../support/emulator-session';
import { callOut, hangUpAndSave } from './rows';

/**
 * Fault-matrix row: the browser refuses site data to the softphone's (Visualforce) origin — e.g. the
 * agent blocked site data, or a policy does. Reading `localStorage`/`sessionStorage` and
 * `navigator.locks` then throws a SecurityError, as Chromium does for a frame denied storage.
 *
 * How: an init script in the adapter-origin frames only replaces those getters with ones that
 * throw `SecurityError` (Chromium's content settings cannot be set per origin from Playwright; its
 * `--disable-features` flags cannot remove Web Locks). The host (Lightning) page keeps its storage.
 * Without election primitives the only tab must run as the only tab, say so once, and log calls.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

type LocksRefusal = 'getter-throws' | 'request-rejects';

/**
 * The fault as an init script for the adapter-origin frames. Reading `localStorage`/`sessionStorage`
 * throws SecurityError, as in Chromium. Web Locks either throw on `navigator.locks` itself, or — what
 * Chromium does when site data is blocked — exist but reject every `request()`/`query()` with
 * SecurityError. A string: tsx compiles test code with esbuild's keepNames, whose `__name` helper
 * does not exist in the page.
 */
function blockSiteData(adapterOrigin: string, locks: LocksRefusal): string {
  return `(() => {
    if (location.origin !== ${JSON.stringify(adapterOrigin)}) return;
    const denied = () => new DOMException('The request was denied.', 'SecurityError');
    const refuse = () => {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    };
    for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, { get: refuse, configurable: true });
    const refusingLocks = { request: () => Promise.reject(denied()), query: () => Promise.reject(denied()) };
    Object.defineProperty(Navigator.prototype, 'locks', { get: ${JSON.stringify(locks)} === 'getter-throws' ? () => { throw denied(); } : () => refusingLocks, configurable: true });
  })();`;
}

describe('fault matrix: site data blocked', () => {
  for (const locks of ['request-rejects', 'getter-throws'] as const) {
    test(`storage throws and Web Locks refuse (${locks}) with SecurityError: the one tab runs the phone, says so once, and logs the call`, async () => {
      const context = await session.chromium.newContext({ viewport: { width: 1280, height: 860 } });
      await context.addInitScript({ content: blockSiteData(session.adapterOrigin, locks) });
      // newPage waits until the softphone initialised and turned click-to-dial on: a tab that thinks
      // another tab owns the phone never does.
      const { page, phone } = await session.newPage('', { context });
      const blocked = await phone.evaluate(async () => {
        const results: string[] = [];
        for (const read of [
          () => window.localStorage,
          () => navigator.locks.request('probe', () => undefined)
        ]) {
          try {
            await read();
            results.push('allowed');
          } catch (e) {
            results.push(e instanceof DOMException ? e.name : String(e));
          }
        }
        return results;
      });
      assert.deepEqual(
        blocked,
        ['SecurityError', 'SecurityError'],
        'the fault is in place (storage, Web Locks)'
      );

      await openPhone(page);
      assert.equal(
        await phone.locator('[data-id="elsewhere"]').count(),
        0,
        'not "active in another Salesforce tab"'
      );
      await phone.locator('[data-id="status"]', { hasText: /ready/i }).waitFor({ timeout: 10_000 });
      const told = phone.locator('[data-id="notice-text"]', { hasText: /site data|storage|this tab only/i });
      await told.waitFor({ timeout: 10_000 });

      await callOut(page, phone, '+1 212 555 0143');
      await page.waitForTimeout(1200);
      await hangUpAndSave(page, phone, 'Logged without site data');
      await phone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
      assert.ok((await told.count()) <= 1, 'said once');
      await assertOneTaskPerCallAfterSettle(session.org, 1);
      assert.match(String(session.org.tasks()[0]!.fields.Description), /^Logged without site data/);
      await page.close();
    });
  }
});
