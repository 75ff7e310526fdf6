import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
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

/** Rings the softphone from the demo line's own controls, as an admin trying the product would. */
async function ring(page: Page, phone: Frame, from: string): Promise<void> {
  await openPhone(page);
  await phone.locator('[data-id="demo-inbound-number"]').fill(from);
  await tap(page, phone, '[data-id="demo-inbound-button"]');
  await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 5000 });
}

describe('inbound: screen pop with 0, 1 and many matches', () => {
  test('one match pops the record, the call is answered, and the Task is related to it', async () => {
    const { page, phone, errors } = await session.newPage();
    await ring(page, phone, '+1 415 555 0132');
    let s = await waitForHost(
      page,
      (st) => st.navigation.some((n) => JSON.stringify(n).includes(SEED_IDS.ada)),
      'a pop to Ada'
    );
    assert.match(s.item.label, /^Incoming: /);
    assert.equal(s.item.icon, 'incoming_call');
    assert.equal(s.clickToDialEnabled, false);
    const search = s.calls.find((c) => c.methodName === 'searchAndScreenPop');
    assert.deepEqual(
      {
        callType: search?.args.callType,
        searchParams: search?.args.searchParams,
        deferred: search?.args.deferred
      },
      { callType: 'inbound', searchParams: '+14155550132', deferred: true }
    );
    await phone.locator('[data-id="record-chosen"]', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-incoming.png') });
    await tap(page, phone, '[data-id="answer-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="demo-remote-hangup"]');
    await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="save-log"]');
    s = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task');
    const task = s.tasks[0]!.fields;
    assert.equal(task.CallType, 'Inbound');
    assert.equal(task.WhoId, SEED_IDS.ada);
    assert.equal(task.Subject, 'Inbound call from Ada Lovelace');
    assert.equal(task.CallDisposition, 'Completed');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('several matches show a picker; the chosen record is popped and logged against', async () => {
    const { page, phone } = await session.newPage();
    await ring(page, phone, '(415) 555-0100');
    const list = phone.locator('[data-id="match-list"]');
    await list.waitFor({ timeout: 5000 });
    assert.ok((await list.locator('button').count()) >= 3, 'Account, Contact and Lead share the number');
    const before = (await hostState(page)).navigation.length;
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-picker.png') });
    await tap(page, phone, `[data-id="match-${SEED_IDS.katherine}"]`);
    const s = await waitForHost(page, (st) => st.navigation.length > before, 'a pop after picking');
    assert.ok(JSON.stringify(s.navigation.at(-1)).includes(SEED_IDS.katherine));
    await tap(page, phone, '[data-id="decline-button"]');
    const logged = await waitForHost(page, (st) => st.tasks.length === 1, 'the declined call logged');
    assert.equal(logged.tasks[0]!.fields.WhoId, SEED_IDS.katherine);
    assert.equal(logged.tasks[0]!.fields.CallDisposition, 'Declined');
    assert.equal(logged.tasks[0]!.fields.CallDurationInSeconds, 0);
    await page.close();
  });

  test('no match offers search and a new Contact prefilled with the caller number', async () => {
    const { page, phone } = await session.newPage();
    await ring(page, phone, '+1 212 555 0142');
    await phone.locator('[data-id="no-match"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="pop-search"]');
    let s = await waitForHost(
      page,
      (st) => st.calls.some((c) => c.methodName === 'screenPop' && c.args.type === 'search'),
      'search pop'
    );
    assert.deepEqual(
      s.calls.find((c) => c.methodName === 'screenPop' && c.args.type === 'search')?.args.params,
      { searchString: '+12125550142' }
    );
    await tap(page, phone, '[data-id="pop-new-contact"]');
    s = await waitForHost(
      page,
      (st) => st.calls.some((c) => c.methodName === 'screenPop' && c.args.type === 'newRecord'),
      'new record pop'
    );
    const pop = s.calls.find((c) => c.methodName === 'screenPop' && c.args.type === 'newRecord');
    assert.deepEqual(pop?.args.params, {
      entityName: 'Contact',
      defaultFieldValues: { Phone: '(212) 555-0142' }
    });
    assert.deepEqual(s.protocolErrors, []);
    await page.close();
  });

  test('a caller name full of markup renders as text, and the caller who gives up is logged as missed', async () => {
    const { page, phone, errors } = await session.newPage();
    await openPhone(page);
    await page.evaluate(() => ((window as unknown as { __xss: number }).__xss = 0));
    await phone.evaluate(() => ((window as unknown as { __xss: number }).__xss = 0));
    await phone
      .locator('[data-id="demo-inbound-number"]')
      .fill('<img src=x onerror="top.__xss=1;window.__xss=1">');
    await tap(page, phone, '[data-id="demo-inbound-button"]');
    await phone.locator('[data-id="incoming-banner"]').waitFor({ timeout: 5000 });
    assert.equal(await phone.locator('[data-id="incoming-banner"] img').count(), 0);
    assert.equal(await phone.evaluate(() => (window as unknown as { __xss: number }).__xss), 0);
    await tap(page, phone, '[data-id="decline-button"]');
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'declined call logged');
    assert.equal(s.tasks[0]!.fields.CallDisposition, 'Declined');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss: number }).__xss), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('call waiting', () => {
  test('a second caller during a call: hold & answer, talk, wrap up, back to the held caller; both logged', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="dial-input"]').fill('+1 415 555 0177');
    await tap(page, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="demo-ring-second"]');
    await phone.locator('[data-id="waiting-banner"]').waitFor({ timeout: 5000 });
    let s = await waitForHost(page, (st) => st.item.label.startsWith('Call waiting:'), 'the waiting label');
    await page.screenshot({ path: join(ARTIFACTS, 'softphone-call-waiting.png') });
    await tap(page, phone, '[data-id="answer-waiting"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await phone.locator('[data-id="parked-call"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    await phone.locator('[data-id="call-state"][data-phase="held"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hold-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    s = await waitForHost(page, (st) => st.tasks.length === 2, 'both calls logged');
    assert.deepEqual(s.tasks.map((t) => t.fields.CallType).sort(), ['Inbound', 'Outbound']);
    await page.close();
  });
});

describe('message channel', () => {
  test('a component loaded mid-call asks for state and catches up; retryLog from a component retries', async () => {
    const { page, phone } = await session.newPage();
    await openPhone(page);
    await phone.locator('[data-id="dial-input"]').fill('+44 20 7946 0958');
    await tap(page, phone, '[data-id="dial-button"]');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    const heard = await page.evaluate(async () => {
      const emu = (window as WindowWithEmulator).emulator!;
      const got: unknown[] = [];
      const stop = emu.subscribe('Switchboard_Call__c', (m) => got.push(m));
      emu.publish('Switchboard_Call__c', {
        source: 'switchboard-component',
        version: 1,
        type: 'stateRequest'
      });
      await new Promise((r) => setTimeout(r, 300));
      stop();
      return got;
    });
    const statuses = (
      heard as Array<{ source?: string; type?: string; state?: string; recordId?: string }>
    ).filter((m) => m.source === 'switchboard-adapter');
    assert.ok(
      statuses.some((m) => m.type === 'ready'),
      'readiness re-sent'
    );
    assert.ok(
      statuses.some((m) => m.type === 'status' && m.state === 'connected' && m.recordId === SEED_IDS.alan),
      'the live call, matched to its Contact'
    );

    await page.evaluate(() => (window as WindowWithEmulator).emulator!.failNextSaveLogs(1));
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    await phone.locator('li[data-status="failed"]').waitFor({ timeout: 5000 });
    const callId = String(await phone.locator('li[data-status="failed"]').getAttribute('data-id')).replace(
      /^log-/,
      ''
    );
    await page.evaluate(
      (id) =>
        (window as WindowWithEmulator).emulator!.publish('Switchboard_Call__c', {
          source: 'switchboard-component',
          version: 1,
          type: 'retryLog',
          callId: id
        }),
      callId
    );
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the retried log');
    assert.equal(s.tasks[0]!.fields.CallObject, callId);
    assert.equal(s.tasks[0]!.fields.WhoId, SEED_IDS.alan);
    await page.close();
  });

  test('the panel is sized from the rendered softphone within the platform limits', async () => {
    const { page, phone } = await session.newPage();
    // Sections render as the line and the ringer come up; the panel follows each render, so compare the
    // last height sent with the content once both have settled (bounded: a panel that never follows fails).
    let sizes: number[] = [];
    let rendered = 0;
    for (let attempt = 0; attempt < 30; attempt++) {
      const s = await hostState(page);
      sizes = s.calls
        .filter((c) => c.methodName === 'setSoftphonePanelHeight')
        .map((c) => Number(c.args.heightPX));
      rendered = await phone.evaluate(() =>
        Math.ceil(document.getElementById('softphone-root')!.getBoundingClientRect().height)
      );
      const latest = sizes.at(-1);
      if (latest !== undefined && Math.abs(latest - Math.max(240, rendered + 40)) <= 8) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(sizes.length >= 1);
    const last = sizes.at(-1)!;
    assert.ok(last >= 240 && last <= 2560);
    // The panel's own header (40 px) sits above the frame, so the panel is the content plus that.
    assert.ok(
      Math.abs(last - Math.max(240, rendered + 40)) <= 8,
      `panel ${last} vs content ${rendered} + header`
    );
    const frameHeight = await page
      .locator('[data-id="softphone-frame"]')
      .evaluate((f) => f.getBoundingClientRect().height);
    assert.ok(frameHeight >= rendered, `the frame (${frameHeight}) shows all the content (${rendered})`);
    const { calls } = await hostState(page);
    assert.equal(calls.find((c) => c.methodName === 'setSoftphonePanelWidth')?.args.widthPX, 340);
    await page.close();
  });
});
