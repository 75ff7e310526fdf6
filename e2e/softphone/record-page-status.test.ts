import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../../emulator/host/data';
import type { WindowWithEmulator } from '../../emulator/host/api';
import type { Frame, Page, Route } from 'playwright-core';
import { EmulatorSession, tap, waitForHost } from '../support/emulator-session';

/**
 * The record page holds the switchboardClickToDial component that ships, compiled by the LWC compiler and
 * rendered by the engine (emulator/lwc): its lightning-click-to-dial dials through the softphone, and its
 * own template follows the call through to "Logged" with the Task link, catches up after navigating away
 * (its stateRequest on connect) and retries a failed log.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const COMPONENT = 'c-switchboard-click-to-dial';

function navigateTo(page: Page, recordId: string): Promise<boolean> {
  return page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), recordId);
}

/** The component's row for a call, by the state its badge shows. */
function callRow(page: Page, state: string, callId?: string) {
  const rows = page.locator(`${COMPONENT} [data-id="call"]${callId ? `[data-call-id="${callId}"]` : ''}`);
  return rows.filter({
    has: page.locator('[data-id="call-state"]', { hasText: new RegExp(`^\\s*${state}\\s*$`) })
  });
}

type Watched = Window & { clickToDialSeen?: unknown[] };

/** Records, inside the softphone's frame, every onClickToDial payload the host sends it. */
function watchClickToDial(phone: Frame): Promise<void> {
  return phone.evaluate(() => {
    const seen: unknown[] = [];
    (window as Watched).clickToDialSeen = seen;
    window.addEventListener('message', (event: MessageEvent<{ methodName?: string; response?: unknown }>) => {
      if (event.data?.methodName === 'onClickToDial') seen.push(event.data.response);
    });
  });
}

function clickToDialSeen(phone: Frame): Promise<unknown[] | undefined> {
  return phone.evaluate(() => (window as Watched).clickToDialSeen);
}

/** How many call status messages the softphone has published on the channel so far. */
function adapterStatuses(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as WindowWithEmulator).emulator!.state.channelLog.filter(
        (e) => e.direction === 'adapter→host' && (e.message as { type?: string } | null)?.type === 'status'
      ).length
  );
}

/** postMessage is asynchronous: the payload arrives a moment after the click (bounded wait). */
async function firstClickToDial(phone: Frame): Promise<unknown[] | undefined> {
  await phone.waitForFunction(() => ((window as Watched).clickToDialSeen?.length ?? 0) > 0, undefined, {
    timeout: 5000
  });
  return clickToDialSeen(phone);
}

describe('record page: the real switchboardClickToDial component', () => {
  test('is the engine-rendered element with lightning-click-to-dial inside, plain text while click-to-dial is off', async () => {
    const { page, errors } = await session.newPage();
    await navigateTo(page, SEED_IDS.ada);
    const component = page.locator(COMPONENT);
    await component.waitFor({ timeout: 5000 });
    // Rendered by @lwc/engine-dom (synthetic shadow, as in Lightning): its template sits behind a shadow root.
    assert.equal(
      await component.evaluate((el) => el.shadowRoot?.querySelector('lightning-card') !== null),
      true
    );
    await page.locator(`${COMPONENT} [data-id="readiness"]`, { hasText: 'Ready' }).waitFor({ timeout: 5000 });
    const dial = page.locator(`${COMPONENT} lightning-click-to-dial[data-id="dial-Phone"]`);
    // Numbers from getRecord on the emulator's record, shown the way lightning-click-to-dial shows them.
    assert.equal((await dial.locator('a').textContent())?.trim(), '(415) 555-0132');
    assert.equal(
      (
        await page.locator(`${COMPONENT} lightning-click-to-dial[data-id="dial-MobilePhone"] a`).textContent()
      )?.trim(),
      '(415) 555-0177'
    );
    // Labels from getObjectInfo.
    assert.deepEqual(
      (await page.locator(`${COMPONENT} [data-id="phone"] > span`).allTextContents()).map((t) => t.trim()),
      ['Business Phone', 'Mobile']
    );

    // The softphone reloads and cannot come back (its page request is held): click-to-dial is off.
    const isAdapterPage = (url: URL): boolean => url.pathname.includes('/apex/Softphone_Adapter');
    const held = new Promise<Route>((resolve, reject) => {
      setTimeout(() => reject(new Error('the reloading softphone never requested its page')), 5000);
      void page.route(isAdapterPage, (route) => resolve(route));
    });
    await page.evaluate(() => (window as WindowWithEmulator).emulator!.reloadSoftphone());
    const route = await held;
    await dial.locator('[data-id="click-to-dial-text"]').waitFor({ timeout: 5000 });
    assert.equal(await dial.locator('a').count(), 0, 'no link while click-to-dial is disabled');
    // The old softphone page runs until the held one arrives: had the click reached it, it would dial and
    // publish the call's status on the channel.
    const statusesBefore = await adapterStatuses(page);
    await dial.click();
    await page.waitForTimeout(500);
    assert.equal(await adapterStatuses(page), statusesBefore, 'no call from a click on a disabled number');
    await route.continue();
    await page.unroute(isAdapterPage);
    // Enabled again once the softphone is back.
    await dial.locator('a').waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('click-to-dial: Dialing → Connected with a timer → Wrap-up → Logged with the Task link; catch-up after navigating away', async () => {
    const { page, phone, errors } = await session.newPage();
    await navigateTo(page, SEED_IDS.ada);
    await page.locator(`${COMPONENT} [data-id="readiness"]`, { hasText: 'Ready' }).waitFor({ timeout: 5000 });
    await watchClickToDial(phone);
    await page.locator(`${COMPONENT} lightning-click-to-dial[data-id="dial-Phone"] a`).click();
    // Lightning's payload: the component's value, recordId and params, plus the record's name and type.
    assert.deepEqual(await firstClickToDial(phone), [
      {
        number: '(415) 555-0132',
        recordId: SEED_IDS.ada,
        recordName: 'Ada Lovelace',
        objectType: 'Contact',
        params: 'switchboardSource=recordPage,field=Phone'
      }
    ]);
    await callRow(page, 'Dialing|Connected').first().waitFor({ timeout: 5000 });
    await callRow(page, 'Connected').waitFor({ timeout: 5000 });
    const callId = String(await callRow(page, 'Connected').getAttribute('data-call-id'));
    await page
      .locator(`${COMPONENT} [data-call-id="${callId}"] [data-id="call-timer"]`, { hasText: /^00:0[1-9]$/ })
      .waitFor({ timeout: 5000 });

    // Another record and back: a new component instance asks the adapter again (LMS keeps no history).
    await navigateTo(page, SEED_IDS.grace);
    await page.locator(`${COMPONENT} [data-id="call"]`).first().waitFor({ state: 'detached', timeout: 5000 });
    await navigateTo(page, SEED_IDS.ada);
    await callRow(page, 'Connected', callId).waitFor({ timeout: 5000 });

    await tap(page, phone, '[data-id="hangup-button"]');
    await callRow(page, 'Wrap-up', callId).waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="save-log"]');
    await callRow(page, 'Logged', callId).waitFor({ timeout: 5000 });
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'the Task');
    const taskId = s.tasks[0]!.Id;
    const link = page.locator(`${COMPONENT} [data-call-id="${callId}"] [data-id="task-link"]`);
    assert.equal(await link.getAttribute('href'), `/lightning/r/Task/${taskId}/view`);
    // refreshApex after "logged": Recent calls (the Apex stand-in over the org's Tasks) lists it.
    await page
      .locator(`${COMPONENT} [data-id="recent-call"][data-task-id="${taskId}"]`)
      .waitFor({ timeout: 5000 });

    // The link navigates with NavigationMixin to the Task's record page.
    await link.click();
    await page.locator(`[data-id="record-${taskId}"]`).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a failed log shows on the record with a Retry that reaches the adapter', async () => {
    const { page, phone, errors } = await session.newPage();
    await page.evaluate(() =>
      (window as WindowWithEmulator).emulator!.failNextSaveLogs(1, 'Required fields are missing')
    );
    await navigateTo(page, SEED_IDS.grace);
    await page.locator(`${COMPONENT} lightning-click-to-dial[data-id="dial-Phone"] a`).click();
    await waitForHost(page, (st) => st.panel.visible, 'click-to-dial to open the phone');
    await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
    await tap(page, phone, '[data-id="hangup-button"]');
    await tap(page, phone, '[data-id="save-log"]');
    const failed = callRow(page, 'Log failed');
    await failed.waitFor({ timeout: 5000 });
    // The agent puts the phone away (its panel covers the bottom of the page) and retries from the record.
    await page.locator('[data-id="utility-item"]').click();
    await waitForHost(page, (st) => !st.panel.visible, 'the phone panel to close');
    await failed.locator('lightning-button[data-id="retry"] button').click();
    await callRow(page, 'Logged').waitFor({ timeout: 10_000 });
    const s = await waitForHost(page, (st) => st.tasks.length === 1, 'exactly one Task');
    assert.equal(s.tasks[0]!.fields.WhoId, SEED_IDS.grace);
    assert.deepEqual(
      errors.filter((e) => !/Required fields are missing/.test(e)),
      []
    );
    await page.close();
  });
});
