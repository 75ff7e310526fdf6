// The setup doctor in the emulator: each setup fault is made on purpose and the doctor must name it —
// CSP blocking the PBX WebSocket, a denied microphone, a bad call center setting, missing Apex,
// autoplay blocked — and a demo line that is set up right comes back with no failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { ARTIFACTS, EmulatorSession, openPhone, settle, waitForHost } from '../support/emulator-session';
import { startStunServer } from '../support/stun-server';

// npm run docs:screenshots (UPDATE_SCREENSHOTS=1) writes the admin guide's copy; otherwise artifacts.
const SHOTS =
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? join(process.cwd(), 'docs/screenshots')
    : join(ARTIFACTS, 'docs');

// An agent who has let the Salesforce site play sound (site settings): Chromium's default blocks it until a click.
const session = new EmulatorSession(['--autoplay-policy=no-user-gesture-required']);
before(() => session.open());
after(() => session.close());

/** A SIP line signed out never turns click-to-dial on, so this waits for Lightning's initialised flag only. */
async function openSipPage(query: string): Promise<{ page: Page; phone: Frame }> {
  const context = await session.chromium.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(session.hostUrl + query);
  await waitForHost(page, (s) => s.initialized, 'the softphone to initialise', 15_000);
  const phone = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
  assert.ok(phone, 'softphone frame');
  return { page, phone };
}

interface Row {
  id: string;
  status: string;
  message: string;
}

/** Opens the phone, clicks "Check setup" (found by its accessible name) and waits for every row. */
async function runDoctor(page: Page, phone: Frame): Promise<Map<string, Row>> {
  // The sound probe runs when the page is first idle; a click in Lightning before it could unlock sound.
  await phone.locator('[data-sound-probe="done"]').waitFor({ state: 'attached', timeout: 5000 });
  await openPhone(page);
  await settle(page);
  await phone.getByRole('button', { name: /Check setup/ }).click();
  await phone.locator('[data-id="doctor-results"] li').first().waitFor({ timeout: 5000 });
  await phone.waitForFunction(
    () => document.querySelectorAll('[data-id="doctor-results"] li[data-status="pending"]').length === 0,
    undefined,
    { timeout: 15_000 }
  );
  const rows = await phone.locator('[data-id="doctor-results"] > li').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-id') ?? '',
      status: li.getAttribute('data-status') ?? '',
      message: li.querySelector('[data-id="doctor-message"]')?.textContent ?? ''
    }))
  );
  return new Map(rows.map((r) => [r.id, r]));
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2.1 A/AA rules over the frame, as e2e/softphone/accessibility.test.ts runs them. */
async function axeViolations(phone: Frame): Promise<string[]> {
  await phone.addScriptTag({ path: AXE });
  return phone.evaluate(async () => {
    type Axe = {
      run(
        ctx: Document,
        opts: object
      ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
    };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
    });
    return violations.map((v) => `${v.id} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function row(rows: Map<string, Row>, id: string): Row {
  const found = rows.get(id);
  assert.ok(found, `no row ${id} in ${[...rows.keys()].join(', ')}`);
  return found;
}

function describeRows(rows: Map<string, Row>): string {
  return [...rows.values()].map((r) => `${r.id}: ${r.status} — ${r.message}`).join('\n');
}

const sipSettings = (webSocketUrl: string, iceServers = '') =>
  encodeURIComponent(
    JSON.stringify({
      '/switchboard/provider': 'sip',
      '/switchboard/webSocketUrl': webSocketUrl,
      '/switchboard/sipDomain': '127.0.0.1',
      '/switchboard/iceServers': iceServers
    })
  );

describe('setup doctor', () => {
  test('demo line set up right: every check passes or does not apply', async () => {
    const { page, phone, errors } = await session.newPage();
    await page.context().grantPermissions(['microphone'], { origin: session.adapterOrigin });
    const rows = await runDoctor(page, phone);
    assert.equal(rows.size, 13, describeRows(rows));
    for (const r of rows.values()) assert.ok(r.status === 'pass' || r.status === 'skip', describeRows(rows));
    for (const id of ['pbx-websocket', 'sip-registration', 'stun-turn'])
      assert.match(row(rows, id).message, /Not applicable on the demo line/);
    assert.equal(row(rows, 'apex').status, 'pass');
    assert.equal(row(rows, 'sound').status, 'pass', 'sound allowed, and the probe ran before any click');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('bad settings: an invalid call center setting is named with its fix', async () => {
    const bad = encodeURIComponent(JSON.stringify({ '/switchboard/defaultCountry': 'UK' }));
    const { page, phone } = await session.newPage(`?settings=${bad}`);
    const rows = await runDoctor(page, phone);
    const settings = row(rows, 'settings');
    assert.equal(settings.status, 'fail', describeRows(rows));
    assert.match(settings.message, /defaultCountry/);
    assert.match(settings.message, /GB/);
    await page.close();
  });

  test('Apex missing: the org cannot load SwitchboardSoftphoneService', async () => {
    const { page, phone } = await session.newPage();
    await page.evaluate(() =>
      (window as WindowWithEmulator).emulator!.setApexResponses({ SwitchboardSoftphoneService: null })
    );
    const rows = await runDoctor(page, phone);
    assert.equal(row(rows, 'apex').status, 'fail', describeRows(rows));
    assert.match(row(rows, 'apex').message, /could not load the Apex class SwitchboardSoftphoneService/);
    assert.equal(row(rows, 'task-access').status, 'skip');
    await page.close();
  });

  test('microphone denied: the permission row fails and says how to allow it', async () => {
    const { page, phone } = await session.newPage();
    const cdp = await page.context().newCDPSession(page);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await cdp.send('Browser.setPermission', {
      permission: { name: 'microphone' },
      setting: 'denied',
      // Chromium keys a framed page's microphone permission by the top-level site (Salesforce's, here the host's).
      origin: new URL(session.hostUrl).origin,
      ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {})
    });
    const rows = await runDoctor(page, phone);
    const mic = row(rows, 'microphone-permission');
    assert.equal(mic.status, 'fail', describeRows(rows));
    assert.match(mic.message, /microphone is blocked/);
    await page.close();
  });

  test('CSP: a WebSocket the page may not connect to is named as a missing CSP trusted site', async () => {
    // Port 1 on loopback: nothing listens, so without the CSP the doctor must say "could not connect" instead.
    const pbx = 'ws://127.0.0.1:1';
    const { page, phone } = await openSipPage(`?settings=${sipSettings(pbx)}&cspConnectSrc=`);
    const rows = await runDoctor(page, phone);
    const ws = row(rows, 'pbx-websocket');
    assert.equal(ws.status, 'fail', describeRows(rows));
    assert.match(ws.message, /Content Security Policy blocked ws:\/\/127\.0\.0\.1:1/);
    assert.match(ws.message, /CSP Trusted Site/);
    await page.close();

    const open = await openSipPage(`?settings=${sipSettings(pbx)}`);
    const without = row(await runDoctor(open.page, open.phone), 'pbx-websocket');
    assert.equal(without.status, 'fail');
    assert.match(without.message, /Could not connect to ws:\/\/127\.0\.0\.1:1/);
    await open.page.close();
  });

  test('STUN: a server that answers gives a srflx candidate; one that does not is named unreachable', async () => {
    const stun = await startStunServer();
    try {
      const { page, phone } = await openSipPage(`?settings=${sipSettings('ws://127.0.0.1:1', stun.url)}`);
      const reached = row(await runDoctor(page, phone), 'stun-turn');
      assert.equal(reached.status, 'pass', reached.message);
      assert.match(reached.message, /A STUN server answered \(1 server configured\)/);
      assert.ok(stun.answered() > 0, 'the browser asked the STUN server');
      await page.close();
    } finally {
      await stun.close();
    }
    // The same port, now closed: nothing answers, so the probe gives up after its bound.
    const silent = await openSipPage(`?settings=${sipSettings('ws://127.0.0.1:1', stun.url)}`);
    const unreached = row(await runDoctor(silent.page, silent.phone), 'stun-turn');
    assert.equal(unreached.status, 'fail', unreached.message);
    assert.match(unreached.message, /No STUN or TURN server answered/);
    await silent.page.close();
  });

  test('screenshot: the report, and Copy report falls back to a selected text box when the frame may not write the clipboard', async () => {
    const { page, phone } = await openSipPage(`?settings=${sipSettings('ws://127.0.0.1:1')}&cspConnectSrc=`);
    // Tall enough for the whole panel: the list scrolls inside it, shown at the row this run is about.
    await page.setViewportSize({ width: 1280, height: 1100 });
    await runDoctor(page, phone);
    await phone.locator('[data-id="pbx-websocket"]').scrollIntoViewIfNeeded();
    await settle(page);
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('[data-id="softphone-panel"]').screenshot({ path: join(SHOTS, 'setup-doctor.png') });
    await phone.getByRole('button', { name: /Copy report/ }).click();
    // The emulator's frame allows only microphone and autoplay, so clipboard-write is refused as Lightning's may be.
    const box = phone.locator('[data-id="doctor-report"]');
    await box.waitFor({ timeout: 5000 });
    const report = await box.inputValue();
    assert.match(report, /^Switchboard setup report/);
    assert.match(
      report,
      /\[FAIL\] pbx-websocket \(\d+ ms\): Salesforce's Content Security Policy blocked ws:\/\/127\.0\.0\.1:1/
    );
    assert.match(report, /Org: 00D00… {2}User: 00500…/);
    assert.ok(!report.includes('00D000000000001AAA') && !report.includes('005000000000001AAA'), report);
    const selected = await box.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart);
    assert.equal(selected, report.length, 'the whole report is selected for the agent to copy');
    assert.deepEqual(await axeViolations(phone), [], 'the results, badges and report box are accessible');
    await page.close();
  });
});

describe('setup doctor with autoplay blocked', () => {
  const blocked = new EmulatorSession(['--autoplay-policy=document-user-activation-required']);
  before(() => blocked.open());
  after(() => blocked.close());

  test('sound blocked until a click is named, with the fix', async () => {
    // Playwright's evaluate counts as a user gesture, and the frame's allow="autoplay" inherits the host
    // page's: nothing may touch either page until the probe has spoken (its console line, read from outside).
    const context = await blocked.chromium.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    const probed = page.waitForEvent('console', {
      predicate: (m) => m.text().includes('Sound at start-up'),
      timeout: 15_000
    });
    await page.goto(blocked.hostUrl);
    assert.match((await probed).text(), /Sound at start-up \(before any click\): suspended\./);
    await waitForHost(page, (s) => s.initialized, 'the softphone to initialise', 15_000);
    const phone = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
    assert.ok(phone, 'softphone frame');
    const rows = await runDoctor(page, phone);
    const sound = row(rows, 'sound');
    assert.equal(sound.status, 'warning', describeRows(rows));
    assert.match(sound.message, /blocks sound until you click/);
    await page.close();
  });
});
