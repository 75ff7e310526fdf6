import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import {
  ARTIFACTS,
  EmulatorSession,
  hostState,
  openPhone,
  waitForHost,
  tap
} from '../support/emulator-session';

const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

describe('outbound: click-to-dial → call → wrap-up → Task', () => {
  test('a click on a record phone dials, disables click-to-dial, logs every Task field and refreshes', async () => {
    const { page, phone, errors } = await session.newPage();
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    await page.locator(`[data-id="c2d-${SEED_IDS.ada}-Phone"]`).click();

    await phone.locator('[data-id="call-state"][data-phase="dialing"]').waitFor({ timeout: 5000 });
    let s = await waitForHost(
      page,
      (st) => st.clickToDialEnabled === false && st.panel.visible,
      'click-to-dial disabled and panel open'
    );
    assert.equal(s.item.label, 'Calling Ada Lovelace');
    assert.equal(s.item.icon, 'outbound_call');
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-dialing.png') });

    // A second click during the call: the link is plain text now, and a forced listener event is refused.
    const again = await page.evaluate(
      (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'MobilePhone'),
      SEED_IDS.ada
    );
    assert.equal(again, false, 'click-to-dial is disabled during a call');

    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    s = await waitForHost(page, (st) => /^On call \d+:\d\d$/.test(st.item.label), 'item label with duration');
    assert.equal(s.item.icon, 'call');
    await tap(page, phone, '[data-id="hold-button"]');
    await phone.locator('[data-id="call-state"][data-phase="held"]').waitFor({ timeout: 5000 });
    await waitForHost(page, (st) => st.item.label.startsWith('On hold'), 'on hold label');
    await tap(page, phone, '[data-id="hold-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="mute-button"]');
    assert.equal(await phone.locator('[data-id="mute-button"]').getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-connected.png') });
    await page.waitForTimeout(1100);
    await tap(page, phone, '[data-id="hangup-button"]');

    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="disposition"]').selectOption('Left voicemail');
    await phone.locator('[data-id="notes"]').fill('Asked for the renewal quote <b>by Friday</b>');
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-wrapup.png') });
    const refreshesBefore = (await hostState(page)).refreshCount;
    await tap(page, phone, '[data-id="save-log"]');

    s = await waitForHost(
      page,
      (st) => st.tasks.length === 1 && st.clickToDialEnabled,
      'the Task and click-to-dial back on'
    );
    const task = s.tasks[0]!.fields;
    assert.equal(task.Subject, 'Outbound call to Ada Lovelace');
    assert.equal(task.Status, 'Completed');
    assert.match(String(task.ActivityDate), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(task.TaskSubtype, 'Call');
    assert.equal(task.CallType, 'Outbound');
    assert.ok(Number(task.CallDurationInSeconds) >= 1, `duration ${task.CallDurationInSeconds}`);
    assert.match(String(task.CallObject), /^[0-9a-f-]{36}$/);
    assert.equal(task.CallDisposition, 'Left voicemail');
    assert.match(
      String(task.Description),
      /^Asked for the renewal quote <b>by Friday<\/b>\n\nTo: \(415\) 555-0132$/
    );
    assert.equal(task.WhoId, SEED_IDS.ada);
    assert.equal(task.WhatId, undefined);
    await waitForHost(page, (st) => st.refreshCount > refreshesBefore, 'refreshView after saveLog');
    await phone
      .locator(`[data-id="log-status-${task.CallObject}"]`, { hasText: 'Logged' })
      .waitFor({ timeout: 5000 });

    const channel = (await hostState(page)).channelLog.map((m) => JSON.stringify(m));
    for (const st of ['dialing', 'connected', 'held', 'wrapUp', 'logging', 'logged']) {
      assert.ok(
        channel.some((m) => m.includes(`"state":"${st}"`) && m.includes(String(task.CallObject))),
        `channel carried ${st}`
      );
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('busy: the agent sees why, wraps up with Busy preselected, and the Task records 0 seconds', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="demo-outcome"]').selectOption('busy');
    await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.grace);
    // The open panel covers the record's phone link, as in Lightning; the driver API clicks it for us.
    assert.equal(
      await page.evaluate(
        (id) => (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone'),
        SEED_IDS.grace
      ),
      true
    );
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    assert.equal(await phone.locator('[data-id="notice-text"]').textContent(), 'The number is busy.');
    assert.equal(await phone.locator('[data-id="disposition"]').inputValue(), 'Busy');
    await tap(page, phone, '[data-id="save-log"]');
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'Task');
    assert.equal(s.tasks[0]!.fields.CallDurationInSeconds, 0);
    assert.equal(s.tasks[0]!.fields.CallDisposition, 'Busy');
    await page.close();
  });

  test('a malformed number from the dial pad is refused with a clear message and nothing is dialled', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="dial-input"]').fill('call-me-maybe');
    await tap(page, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="notice"][data-kind="error"]').waitFor({ timeout: 5000 });
    assert.match(
      String(await phone.locator('[data-id="notice-text"]').textContent()),
      /is not a phone number\. Nothing was dialled\./
    );
    assert.equal(await phone.locator('[data-id="softphone"]').getAttribute('data-phase'), 'idle');
    assert.equal((await hostState(page)).clickToDialEnabled, true);
    await page.close();
  });

  test('saveLog fails twice: the error and a retry are shown, nothing is lost, exactly one Task results', async () => {
    const { page, phone } = await session.newPage();
    // Everything the adapter writes to the console, from every frame: it must never carry the number.
    const consoleText: string[] = [];
    page.on('console', (m) => consoleText.push(m.text()));
    await page.evaluate(() =>
      (window as WindowWithEmulator).emulator!.failNextSaveLogs(2, 'Required fields are missing: [Subject]')
    );
    await openPhone(page);
    await phone.locator('[data-id="dial-input"]').fill('+1 212 555 0143');
    await tap(page, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    const failed = phone.locator('li[data-status="failed"]');
    await failed.waitFor({ timeout: 5000 });
    assert.match(String(await failed.textContent()), /Required fields are missing: \[Subject\]/);
    let s = await waitForHost(
      page,
      (st) => st.item.label === 'Phone: log not saved',
      'warning on the utility item'
    );
    assert.equal(s.item.icon, 'warning');
    assert.equal(s.tasks.length, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-log-failed.png') });
    await failed.locator('button').click();
    await phone.locator('li[data-status="failed"]').waitFor({ timeout: 5000 });
    await tap(page, phone, 'li[data-status="failed"] button');
    await phone.locator('li[data-status="saved"]').waitFor({ timeout: 5000 });
    s = await waitForHost(
      page,
      (st) => st.tasks.length === 1 && st.item.label === 'Phone',
      'one Task and the label back'
    );
    assert.equal(
      s.tasks[0]!.fields.WhoId,
      SEED_IDS.grace,
      'the dial-pad number was matched to its Contact for logging'
    );
    const switchboardLines = consoleText.filter((t) => t.startsWith('[switchboard]'));
    assert.ok(
      switchboardLines.some((t) => t.includes('saveLog failed')),
      'the failures were logged'
    );
    for (const line of switchboardLines)
      assert.ok(!/212.?555.?0143|2125550143|Grace|Hopper/.test(line), `console leaks caller data: ${line}`);
    await page.close();
  });

  test('blind transfer hands the call on and wraps up as Transferred', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="dial-input"]').fill('+1 415 555 0177');
    await tap(page, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="transfer-input"]').fill('000');
    await tap(page, phone, '[data-id="transfer-button"]');
    await phone.locator('[data-id="notice-text"]', { hasText: 'did not answer' }).waitFor({ timeout: 5000 });
    assert.equal(
      await phone.locator('[data-id="softphone"]').getAttribute('data-phase'),
      'connected',
      'a failed transfer keeps the call'
    );
    await phone.locator('[data-id="transfer-input"]').fill('(212) 555-0143');
    await tap(page, phone, '[data-id="transfer-button"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    assert.equal(await phone.locator('[data-id="disposition"]').inputValue(), 'Transferred');
    await tap(page, phone, '[data-id="save-log"]');
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'Task');
    assert.match(String(s.tasks[0]!.fields.Description), /Transferred to \(212\) 555-0143/);
    await page.close();
  });
});
