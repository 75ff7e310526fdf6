import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { sipModeUrls } from '../../emulator/server/sip-mode';
import { launchChromium } from '../support/browser';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { settle, tap, waitForHost } from '../support/emulator-session';

/**
 * The setup doctor on a real SIP line (Kamailio on loopback): with the PBX listed as a CSP trusted site
 * its WebSocket passes; the registration check follows the agent's login.
 */
let kamailio: Kamailio;
let emulator: RunningEmulator;
let browser: Browser;
let agent: Page;
let phone: Frame;

before(async () => {
  kamailio = await startKamailio();
  emulator = await startEmulator({ port: 0, quiet: true });
  browser = await launchChromium();
  const { agentUrl } = sipModeUrls(emulator.hostUrl, kamailio.webSocketUrl);
  const trusted = new URL(kamailio.webSocketUrl).origin;
  agent = await (await browser.newContext()).newPage();
  await agent.goto(`${agentUrl}&cspConnectSrc=${encodeURIComponent(trusted)}`);
  await waitForHost(agent, (s) => s.initialized, 'softphone initialised');
  phone = agent.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))!;
  await agent.locator('[data-id="utility-item"]').click();
});

after(async () => {
  await browser?.close();
  await emulator?.close();
  await kamailio?.stop();
});

async function doctorRow(id: string): Promise<{ status: string; message: string }> {
  await settle(agent);
  await phone.getByRole('button', { name: /Check setup/ }).click();
  const row = phone.locator(`[data-id="doctor-results"] > li[data-id="${id}"]`);
  await row.and(phone.locator(':not([data-status="pending"])')).waitFor({ timeout: 10_000 });
  return {
    status: (await row.getAttribute('data-status')) ?? '',
    message: (await row.locator('[data-id="doctor-message"]').textContent()) ?? ''
  };
}

describe('setup doctor on a SIP line', () => {
  test('the PBX WebSocket, allowed by the CSP trusted site, passes; SIP asks to sign in', async () => {
    const ws = await doctorRow('pbx-websocket');
    assert.equal(ws.status, 'pass', ws.message);
    assert.match(ws.message, /accepted a connection/);
    const sip = await doctorRow('sip-registration');
    assert.equal(sip.status, 'warning', sip.message);
    assert.match(sip.message, /not signed in/);
  });

  test('after login the registration passes', async () => {
    await phone.getByRole('button', { name: /Close/ }).click();
    await phone.locator('[data-id="sip-user"]').fill('agent');
    await phone.locator('[data-id="sip-password"]').fill('not-needed-without-auth');
    await tap(agent, phone, '[data-id="sip-login-button"]');
    await phone.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
    const sip = await doctorRow('sip-registration');
    assert.equal(sip.status, 'pass', sip.message);
  });
});
