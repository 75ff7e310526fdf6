import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { sipModeUrls } from '../../emulator/server/sip-mode';
import { launchChromium } from '../support/browser';
import { hostState, tap, waitForHost } from '../support/emulator-session';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { requireBinary } from '../support/managed-process';
import { runSipp, SIPP_PACKAGE, startRegisteredUas, type SippRun } from '../support/sipp';

/**
 * The SIPp scenarios again, but through the real adapter in the emulator: for each, what the agent
 * sees in the softphone and what ends up logged. Decision (docs/telephony.md): busy, no answer,
 * bad media and every answered or offered call are logged; a number the phone system refuses outright
 * (404) rang nowhere and is not.
 */
const RING_TIMEOUT_MS = 4000;

let kamailio: Kamailio;
let emulator: RunningEmulator;
let browser: Browser;
let agent: Page;
let phone: Frame;
const running = new Set<SippRun>();
let user = 5000;

before(async () => {
  requireBinary('sipp', SIPP_PACKAGE);
  kamailio = await startKamailio({ inviteTimeoutMs: RING_TIMEOUT_MS });
  emulator = await startEmulator({ port: 0, quiet: true });
  browser = await launchChromium();
  agent = await (await browser.newContext()).newPage();
  await agent.goto(sipModeUrls(emulator.hostUrl, kamailio.webSocketUrl).agentUrl);
  await waitForHost(agent, (s) => s.initialized, 'softphone initialised');
  phone = agent.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))!;
  await agent.locator('[data-id="utility-item"]').click();
  await phone.locator('[data-id="sip-user"]').fill('agent');
  await phone.locator('[data-id="sip-password"]').fill('x');
  await tap(agent, phone, '[data-id="sip-login-button"]');
  await phone.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
});

after(async () => {
  for (const sipp of running) await sipp.stop();
  await browser?.close().catch(() => undefined);
  await emulator?.close();
  await kamailio?.stop();
});

async function uas(
  scenario: Parameters<typeof startRegisteredUas>[0]
): Promise<{ number: string; sipp: SippRun }> {
  const number = String(++user);
  const sipp = await startRegisteredUas(scenario, number, kamailio.sipPort);
  running.add(sipp);
  return { number, sipp };
}

async function finished(sipp: SippRun): Promise<void> {
  const code = await sipp.result(10_000);
  running.delete(sipp);
  assert.equal(code, 0, `SIPp scenario failed (exit ${code}):\n${sipp.process.output().slice(-2000)}`);
}

/** The Call-ID SIPp saw ([call_id], echoed by the scenario); read once SIPp has exited and said everything. */
function sippCallId(sipp: SippRun): string {
  const id = /SIPP_CALL_ID=(\S+)/.exec(sipp.process.output())?.[1];
  assert.ok(id, `SIPp did not print its Call-ID:\n${sipp.process.output().slice(-2000)}`);
  return id;
}

async function dial(number: string): Promise<void> {
  await phone.locator('[data-id="dial-input"]').fill(number);
  await tap(agent, phone, '[data-id="dial-button"]');
}

const notice = async () => String(await phone.locator('[data-id="notice-text"]').textContent());
const taskCount = async () => (await hostState(agent)).tasks.length;

async function saveAndGetTask(expectedCount: number) {
  await tap(agent, phone, '[data-id="save-log"]');
  const s = await waitForHost(agent, (st) => st.tasks.length === expectedCount, `Task ${expectedCount}`);
  return s.tasks[expectedCount - 1]!.fields;
}

describe('SIPp outcomes as the agent sees them, and what is logged', () => {
  test('busy (486): "The number is busy.", wrap-up with Busy, logged with 0 seconds', async () => {
    const before = await taskCount();
    const { number, sipp } = await uas('uas-busy');
    await dial(number);
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    assert.match(await notice(), /^The number is busy\./);
    assert.equal(await phone.locator('[data-id="disposition"]').inputValue(), 'Busy');
    const task = await saveAndGetTask(before + 1);
    assert.equal(task.CallDisposition, 'Busy');
    assert.equal(task.CallDurationInSeconds, 0);
    assert.equal(task.CallType, 'Outbound');
    await finished(sipp);
  });

  test('no answer (the proxy rings out, 408): "No answer.", logged as No answer', async () => {
    const before = await taskCount();
    const { number, sipp } = await uas('uas-ring-until-cancel');
    await dial(number);
    await phone.locator('[data-id="call-state"][data-phase="dialing"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: RING_TIMEOUT_MS + 6000 });
    assert.match(await notice(), /^No answer\./);
    const task = await saveAndGetTask(before + 1);
    assert.equal(task.CallDisposition, 'No answer');
    await finished(sipp);
  });

  test('answered, then the far end hangs up (BYE): wrap-up Completed, logged with its duration', async () => {
    const before = await taskCount();
    const { number, sipp } = await uas('uas-answer-then-bye');
    await dial(number);
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 8000 });
    assert.equal(await phone.locator('[data-id="notice"]').count(), 0, 'a normal hang-up needs no message');
    const task = await saveAndGetTask(before + 1);
    assert.equal(task.CallDisposition, 'Completed');
    assert.ok(Number(task.CallDurationInSeconds) >= 1, `duration ${task.CallDurationInSeconds}`);
    await finished(sipp);
    assert.equal(task.CallObject, sippCallId(sipp), "CallObject is the SIP Call-ID of the agent's INVITE");
  });

  test('the agent cancels while it rings: wrap-up, logged as not connected', async () => {
    const before = await taskCount();
    const { number, sipp } = await uas('uas-ring-until-cancel');
    await dial(number);
    await phone.locator('[data-id="call-state"][data-phase="dialing"]').waitFor({ timeout: 5000 });
    await agent.waitForTimeout(300);
    await tap(agent, phone, '[data-id="hangup-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    const task = await saveAndGetTask(before + 1);
    assert.equal(task.CallDurationInSeconds, 0);
    assert.match(String(task.Description), /Not connected/);
    await finished(sipp);
  });

  test('unknown number (404): the reason is shown, nothing rang, nothing is logged', async () => {
    const before = await taskCount();
    await dial('5999');
    await phone.locator('[data-id="notice-text"]', { hasText: 'does not exist' }).waitFor({ timeout: 5000 });
    assert.equal(await phone.locator('[data-id="softphone"]').getAttribute('data-phase'), 'idle');
    await agent.waitForTimeout(300);
    assert.equal(await taskCount(), before);
    await waitForHost(agent, (s) => s.clickToDialEnabled, 'click-to-dial back on');
  });

  test('malformed SDP in the answer: the audio problem is explained, the call is logged', async () => {
    const before = await taskCount();
    const { number, sipp } = await uas('uas-bad-sdp');
    await dial(number);
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 8000 });
    assert.match(await notice(), /could not set up audio/);
    await saveAndGetTask(before + 1);
    await finished(sipp);
  });

  test('inbound from SIPp, answered, caller hangs up: incoming banner with caller id, wrap-up, logged inbound', async () => {
    const before = await taskCount();
    const sipp = await runSipp({
      scenario: 'uac-call-then-bye',
      user: 'agent',
      proxyPort: kamailio.sipPort,
      globalTimeoutSeconds: 20
    });
    running.add(sipp);
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 8000 });
    assert.equal(await phone.locator('[data-id="caller-name"]').textContent(), 'SIPp Caller');
    await tap(agent, phone, '[data-id="answer-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 10_000 });
    const task = await saveAndGetTask(before + 1);
    assert.equal(task.CallType, 'Inbound');
    assert.match(String(task.Description), /Caller ID name: SIPp Caller/);
    await finished(sipp);
    assert.equal(task.CallObject, sippCallId(sipp), "CallObject is the caller's SIP Call-ID");
  });

  test('inbound from SIPp that the caller cancels: logged as Missed, no wrap-up', async () => {
    const before = await taskCount();
    const sipp = await runSipp({
      scenario: 'uac-call-then-cancel',
      user: 'agent',
      proxyPort: kamailio.sipPort,
      globalTimeoutSeconds: 20
    });
    running.add(sipp);
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 8000 });
    const s = await waitForHost(
      agent,
      (st) => st.tasks.length === before + 1,
      'the missed call logged',
      10_000
    );
    assert.equal(s.tasks[before]!.fields.CallDisposition, 'Missed');
    assert.equal(await phone.locator('[data-id="softphone"]').getAttribute('data-phase'), 'idle');
    await finished(sipp);
  });
});

describe('SIP login against a registrar that checks passwords', () => {
  test('a wrong password is explained at login and logs nothing; the right one gets Ready', async () => {
    const secured = await startKamailio({ withAuth: true });
    const context = await browser.newContext();
    // The emulator's org is shared by every page: count what this login adds to it.
    const tasksBefore = emulator.org.tasks().length;
    try {
      const page = await context.newPage();
      await page.goto(sipModeUrls(emulator.hostUrl, secured.webSocketUrl).agentUrl);
      await waitForHost(page, (s) => s.initialized, 'softphone initialised');
      const frame = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))!;
      await page.locator('[data-id="utility-item"]').click();
      await frame.locator('[data-id="sip-user"]').fill('agent2');
      await frame.locator('[data-id="sip-password"]').fill('wrong');
      await tap(page, frame, '[data-id="sip-login-button"]');
      await frame.locator('[data-id="login-error"]').waitFor({ timeout: 20_000 });
      assert.match(String(await frame.locator('[data-id="login-error"]').textContent()), /rejected your/);
      assert.equal((await hostState(page)).clickToDialEnabled, false);
      await frame.locator('[data-id="sip-password"]').fill('secret');
      await tap(page, frame, '[data-id="sip-login-button"]');
      await frame.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
      assert.equal(emulator.org.tasks().length, tasksBefore);
    } finally {
      await context.close();
      await secured.stop();
    }
  });
});
