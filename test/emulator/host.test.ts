/**
 * The Lightning stand-in answering the fixture adapter in headless Chromium: what each method
 * does to the host, and what the adapter gets back.
 */
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { SEED_IDS } from '../../emulator/host/data';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import {
  fixtureOptions,
  launchBrowser,
  openHost,
  waitFor,
  type FixtureWindow,
  type HostWindow,
  type Session
} from './harness';

let emulator: RunningEmulator;
let browser: Browser;
let context: BrowserContext;
let s: Session;

before(async () => {
  emulator = await startEmulator(fixtureOptions);
  browser = await launchBrowser();
  context = await browser.newContext();
});
after(async () => {
  await browser?.close();
  await emulator?.close();
});
beforeEach(async () => {
  s = await openHost(context, emulator);
});
afterEach(async () => {
  assert.deepEqual(s.errors, [], 'no uncaught errors in the host page');
  await s.close();
});

/** Runs `fn(window.emulator, arg)` in the host page (fn must only use its parameters). */
async function emu<A, R>(fn: (e: HostWindow['emulator'], arg: A) => R, arg: A): Promise<Awaited<R>> {
  const result: unknown = await s.page.evaluate(
    ({ src, a }) =>
      new Function('e', 'a', `return (${src})(e, a);`)(
        (window as unknown as HostWindow).emulator,
        a
      ) as unknown,
    { src: fn.toString(), a: arg }
  );
  return result as Awaited<R>;
}

async function listen(path: string, tag: string): Promise<void> {
  await s.frame.evaluate(([p, t]) => (window as unknown as FixtureWindow).fixture.listen(p, t), [
    path,
    tag
  ] as const);
}

async function eventsEventually(tag: string, count: number): Promise<unknown[]> {
  return waitFor(`${count} ${tag} event(s)`, async () => {
    const events = await s.events(tag);
    return events.length >= count ? events : undefined;
  });
}

describe('host: settings, views and panel', () => {
  it('answers getCallCenterSettings, getSoftphoneLayout, getAppViewInfo and refreshView', async () => {
    const settings = (await s.call('getCallCenterSettings')).returnValue as Record<string, string>;
    assert.equal(settings['/reqGeneralInfo/reqDisplayName'], 'Switchboard Softphone');
    const layout = (await s.call('getSoftphoneLayout')).returnValue as Record<
      string,
      { objects: Record<string, unknown> }
    >;
    assert.deepEqual(Object.keys(layout).sort(), ['Inbound', 'Internal', 'Outbound']);
    assert.deepEqual(Object.keys(layout.Inbound?.objects ?? {}).sort(), ['Account', 'Contact', 'Lead']);
    assert.deepEqual((await s.call('getAppViewInfo')).returnValue, {
      url: `${emulator.hostUrl}lightning/page/home`
    });
    await emu((e, id) => e.navigateTo(id), SEED_IDS.ada);
    const view = (await s.call('getAppViewInfo')).returnValue as Record<string, string>;
    assert.equal(view.recordId, SEED_IDS.ada);
    assert.equal(view.recordName, 'Ada Lovelace');
    assert.equal(view.objectType, 'Contact');
    assert.match(view.url ?? '', /\/lightning\/r\/Contact\/003\w+\/view$/);
    assert.deepEqual(await s.call('refreshView'), { success: true, returnValue: null, errors: null });
    assert.equal((await s.state()).refreshCount, 1);
  });

  it('lets ?settings= override call center values for one page load', async () => {
    const other = await openHost(
      context,
      emulator,
      `?settings=${encodeURIComponent(JSON.stringify({ '/switchboard/provider': 'sip' }))}`
    );
    try {
      const settings = (await other.call('getCallCenterSettings')).returnValue as Record<string, string>;
      assert.equal(settings['/switchboard/provider'], 'sip');
      assert.equal(settings['/reqGeneralInfo/reqInternalName'], 'Switchboard');
    } finally {
      await other.close();
    }
  });

  it('frames the adapter eagerly with the Lightning query string, spinner until initialised', async () => {
    const frame = await s.page
      .locator('[data-id="softphone-frame"]')
      .evaluate((el) => ({ src: (el as HTMLIFrameElement).src, allow: el.getAttribute('allow') }));
    const url = new URL(frame.src);
    assert.equal(url.origin, emulator.adapterOrigin);
    assert.equal(url.pathname, '/apex/Softphone_Adapter');
    assert.deepEqual(
      [...url.searchParams.keys()],
      ['mode', 'isdtp', 'sfdcIframeOrigin', 'nonce', 'ltn_app_id', 'clc']
    );
    assert.equal(url.searchParams.get('sfdcIframeOrigin'), emulator.hostUrl.replace(/\/$/, ''));
    assert.equal(frame.allow, 'microphone; autoplay');
    assert.equal(
      await s.page.locator('[data-id="softphone-spinner"]').isVisible(),
      false,
      'panel minimised at start'
    );
    await s.page.click('[data-id="utility-item"]');
    // SLDS delays the spinner's visibility change by 0.3 s, hence a wait rather than a snapshot.
    await s.page.locator('[data-id="softphone-spinner"]').waitFor({ state: 'visible', timeout: 2000 });
    await s.call('notifyInitializationComplete');
    await s.page.locator('[data-id="softphone-spinner"]').waitFor({ state: 'hidden', timeout: 2000 });
    assert.equal((await s.state()).initialized, true);
  });

  it('resizes, shows and labels the panel, refusing sizes out of range', async () => {
    const tooSmall = await s.call('setSoftphonePanelHeight', { heightPX: 100 });
    assert.equal(tooSmall.success, false);
    assert.equal(tooSmall.returnValue, null);
    assert.deepEqual(tooSmall.errors, [
      {
        code: 'INVALID_PARAM',
        description:
          'An invalid value was passed to the parameter heightPX. A value between 240 and 2560 was expected, but 100 was found instead.'
      }
    ]);
    assert.equal(
      (await s.call('setSoftphonePanelHeight', {})).errors?.[0]?.description,
      'An invalid value was passed to the parameter heightPX. A numeric value was expected, but UNDEFINED was found instead.'
    );
    assert.equal(
      (await s.call('setSoftphonePanelWidth', { widthPX: 1921 })).errors?.[0]?.code,
      'INVALID_PARAM'
    );
    assert.equal(
      (await s.call('setSoftphonePanelVisibility', { visible: 'yes' })).errors?.[0]?.code,
      'INVALID_PARAM'
    );
    assert.equal((await s.call('setSoftphonePanelHeight', { heightPX: 600 })).success, true);
    assert.equal((await s.call('setSoftphonePanelWidth', { widthPX: 400 })).success, true);
    assert.deepEqual((await s.call('isSoftphonePanelVisible')).returnValue, { visible: false });
    await s.call('setSoftphonePanelVisibility', { visible: true });
    assert.deepEqual((await s.call('isSoftphonePanelVisible')).returnValue, { visible: true });
    await s.call('setSoftphoneItemLabel', { label: 'Phone · Ready' });
    await s.call('setSoftphoneItemIcon', { key: 'call_center' });
    await s.call('setSoftphonePanelLabel', { label: 'Switchboard' });
    await s.call('setSoftphonePanelIcon', { key: 'headset' });
    const state = await s.state();
    assert.deepEqual(state.panel, {
      visible: true,
      height: 600,
      width: 400,
      label: 'Switchboard',
      icon: 'headset'
    });
    assert.deepEqual(state.item, { label: 'Phone · Ready', icon: 'call_center' });
    const box = await s.page.locator('[data-id="softphone-panel"]').boundingBox();
    assert.equal(Math.round(box?.height ?? 0), 600);
    assert.equal(Math.round(box?.width ?? 0), 400);
    assert.equal(await s.page.locator('[data-id="utility-item-label"]').textContent(), 'Phone · Ready');
    assert.equal(await s.page.locator('[data-id="panel-label"]').textContent(), 'Switchboard');
    await s.page.click('[data-id="utility-item"]');
    assert.deepEqual((await s.call('isSoftphonePanelVisible')).returnValue, { visible: false });
  });
});

describe('host: saveLog', () => {
  it('creates and updates exactly the fields given (Task Status defaults to Not Started)', async () => {
    const created = await s.call('saveLog', {
      value: {
        entityApiName: 'Task',
        Subject: 'Call',
        CallType: 'Inbound',
        WhoId: SEED_IDS.ada,
        CallObject: 'call-1'
      }
    });
    assert.equal(created.success, true);
    assert.equal(created.errors, null);
    const recordId = (created.returnValue as { recordId: string }).recordId;
    assert.match(recordId, /^00T\w{15}$/);
    let task = (await s.state()).tasks.find((t) => t.Id === recordId);
    assert.deepEqual(task?.fields, {
      Subject: 'Call',
      CallType: 'Inbound',
      WhoId: SEED_IDS.ada,
      CallObject: 'call-1',
      Status: 'Not Started'
    });

    const updated = await s.call('saveLog', {
      value: {
        Id: recordId,
        Status: 'Completed',
        CallDurationInSeconds: 42,
        CallDisposition: 'Connected',
        Description: null
      }
    });
    assert.deepEqual(updated, { success: true, returnValue: { recordId }, errors: null });
    task = (await s.state()).tasks.find((t) => t.Id === recordId);
    assert.deepEqual(task?.fields, {
      Subject: 'Call',
      CallType: 'Inbound',
      WhoId: SEED_IDS.ada,
      CallObject: 'call-1',
      Status: 'Completed',
      CallDurationInSeconds: 42,
      CallDisposition: 'Connected',
      Description: null
    });

    await s.page.locator(`[data-id="task-${recordId}"]`).waitFor({ timeout: 2000 });
    assert.equal(await s.page.locator(`[data-id="task-${recordId}-WhoId"]`).textContent(), 'Ada Lovelace');
    assert.equal(await s.page.locator(`[data-id="task-${recordId}-Status"]`).textContent(), 'Completed');

    // Any object can be created; an explicit Status is kept.
    const caseRecord = await s.call('saveLog', { value: { entityApiName: 'Case', Subject: 'Callback' } });
    assert.match((caseRecord.returnValue as { recordId: string }).recordId, /^500/);
    const explicit = await s.call('saveLog', {
      value: { entityApiName: 'Task', Status: 'Completed', TaskSubtype: 'Call' }
    });
    const explicitId = (explicit.returnValue as { recordId: string }).recordId;
    assert.deepEqual((await s.state()).tasks.find((t) => t.Id === explicitId)?.fields, {
      Status: 'Completed',
      TaskSubtype: 'Call'
    });
  });

  it('rejects what the org rejects, with GENERIC_ERROR and details', async () => {
    const bad = [
      { entityApiName: 'Task', CallType: 'inbound' },
      { entityApiName: 'Task', TaskSubtype: 'Phone' },
      { entityApiName: 'Task', CallObject: 'x'.repeat(256) },
      { entityApiName: 'Task', WhoId: SEED_IDS.acme },
      { Id: '00T5g0000099999AAA', Status: 'Completed' },
      { Subject: 'neither Id nor entityApiName' }
    ];
    for (const value of bad) {
      const r = await s.call('saveLog', { value });
      assert.equal(r.success, false, JSON.stringify(value).slice(0, 80));
      assert.equal(r.returnValue, null);
      assert.equal(r.errors?.[0]?.code, 'GENERIC_ERROR');
      assert.equal(
        r.errors?.[0]?.description,
        'An error occurred while calling the saveLog() API method. Review the Details field in the error section.'
      );
      assert.ok(Array.isArray(r.errors?.[0]?.details));
    }
    const created = await s.call('saveLog', { value: { entityApiName: 'Task', TaskSubtype: 'Call' } });
    const recordId = (created.returnValue as { recordId: string }).recordId;
    const notUpdatable = await s.call('saveLog', { value: { Id: recordId, TaskSubtype: 'Task' } });
    assert.equal(notUpdatable.success, false);
    assert.match(JSON.stringify(notUpdatable.errors), /TaskSubtype/);
    assert.equal((await s.state()).tasks.length, 1);
  });

  it('fails the next N saves on demand', async () => {
    await emu((e) => e.failNextSaveLogs(2, 'Injected: review the details field'), null);
    for (let i = 0; i < 2; i++) {
      const r = await s.call('saveLog', { value: { entityApiName: 'Task', Subject: `try ${i}` } });
      assert.equal(r.success, false);
      assert.equal(r.returnValue, null);
      assert.equal(r.errors?.[0]?.code, 'GENERIC_ERROR');
      assert.equal(r.errors?.[0]?.description, 'Injected: review the details field');
      assert.ok(Array.isArray(r.errors?.[0]?.details));
    }
    assert.equal(
      (await s.call('saveLog', { value: { entityApiName: 'Task', Subject: 'third' } })).success,
      true
    );
    assert.deepEqual(
      (await s.state()).tasks.map((t) => t.fields.Subject),
      ['third']
    );
  });
});

describe('host: screen pops and navigation', () => {
  it('pops the seven types, reports each navigation, and refuses other types', async () => {
    await listen('onNavigationChange', 'nav');
    const pops: Array<[string, Record<string, unknown>, string]> = [
      ['sobject', { recordId: SEED_IDS.grace }, 'record'],
      ['url', { url: '/lightning/o/Case/home' }, 'url'],
      ['objecthome', { scope: 'Lead' }, 'objecthome'],
      ['list', { listViewId: '00B000000000001', scope: 'Contact' }, 'list'],
      ['search', { searchString: 'Hopper' }, 'search'],
      [
        'flow',
        {
          flowDevName: 'Call_Wrap_Up',
          flowArgs: [{ name: 'recordId', type: 'String', value: SEED_IDS.grace }]
        },
        'flow'
      ],
      [
        'newRecord',
        { entityName: 'Contact', defaultFieldValues: { Phone: '+1 555 0100', LastName: 'Caller' } },
        'newRecord'
      ]
    ];
    for (const [type, params] of pops) {
      assert.deepEqual(
        await s.call('screenPop', { type, params }),
        { success: true, returnValue: null, errors: null },
        type
      );
    }
    const state = await s.state();
    assert.deepEqual(
      state.navigation.map((n) => n.kind),
      pops.map((p) => p[2])
    );
    assert.ok(state.navigation.every((n) => n.source === 'screenPop'));
    const nav = (await eventsEventually('nav', 7)) as Array<Record<string, string>>;
    assert.deepEqual(nav[0], {
      url: `${emulator.hostUrl}lightning/r/Contact/${SEED_IDS.grace}/view`,
      recordId: SEED_IDS.grace,
      recordName: 'Grace Hopper',
      objectType: 'Contact'
    });
    assert.deepEqual(nav[2], { url: `${emulator.hostUrl}lightning/o/Lead/home` });
    assert.equal(
      await s.page.locator('[data-id="flow-page"] [data-id="page-title"]').count(),
      1,
      'the flow page stays under the modal'
    );

    // The new-record modal is prefilled and Save creates the record.
    assert.deepEqual(state.modal, {
      entityName: 'Contact',
      defaultFieldValues: { Phone: '+1 555 0100', LastName: 'Caller' }
    });
    assert.equal(await s.page.locator('[data-id="new-record-field-LastName"]').inputValue(), 'Caller');
    await s.page.fill('[data-id="new-record-field-FirstName"]', 'Casey');
    await s.page.click('[data-id="new-record-save"]');
    const created = await waitFor('the new contact', async () =>
      (await s.state()).records.find((r) => r.fields.LastName === 'Caller')
    );
    assert.deepEqual(created.fields, { FirstName: 'Casey', LastName: 'Caller', Phone: '+1 555 0100' });
    assert.deepEqual((await s.state()).page, { kind: 'record', recordId: created.Id });

    for (const [type, params] of [
      ['SOBJECT', { recordId: SEED_IDS.grace }],
      ['popup', {}],
      ['search', { searchString: 'ab' }],
      ['sobject', {}],
      ['newRecord', { defaultFieldValues: {} }]
    ] as const) {
      const r = await s.call('screenPop', { type, params });
      assert.equal(r.success, false, `${type} ${JSON.stringify(params)}`);
      assert.equal(r.errors?.[0]?.code, 'INVALID_PARAM');
      assert.match(r.errors?.[0]?.description ?? '', /^An invalid value was passed to the parameter /);
    }
  });

  it('searchAndScreenPop: 0, 1 and many matches, deferred, and callType checks', async () => {
    const one = await s.call('searchAndScreenPop', { searchParams: '212.555.0143', callType: 'inbound' });
    assert.deepEqual(one.returnValue, {
      [SEED_IDS.grace]: {
        Id: SEED_IDS.grace,
        Name: 'Grace Hopper',
        RecordType: 'Contact',
        Phone: '212-555-0143'
      }
    });
    assert.deepEqual((await s.state()).page, { kind: 'record', recordId: SEED_IDS.grace });

    const many = await s.call('searchAndScreenPop', { searchParams: '+14155550100', callType: 'inbound' });
    assert.deepEqual(
      Object.keys(many.returnValue as object).sort(),
      [SEED_IDS.acme, SEED_IDS.margaret, SEED_IDS.katherine].sort()
    );
    assert.equal(
      (many.returnValue as Record<string, { RecordType: string }>)[SEED_IDS.katherine]?.RecordType,
      'Lead'
    );
    assert.deepEqual((await s.state()).page, { kind: 'search', searchString: '+14155550100' });

    const none = await s.call('searchAndScreenPop', {
      searchParams: '+1 999 555 0000',
      callType: 'outbound'
    });
    assert.deepEqual(none.returnValue, {});
    assert.equal((await s.state()).navigation.length, 3);

    const byName = await s.call('searchAndScreenPop', {
      searchParams: 'lovelace',
      callType: 'internal',
      deferred: true
    });
    assert.deepEqual((byName.returnValue as Record<string, unknown>).SCREEN_POP_DATA, {
      type: 'sobject',
      params: { recordId: SEED_IDS.ada }
    });
    const deferredMany = await s.call('searchAndScreenPop', {
      searchParams: '4155550100',
      callType: 'inbound',
      deferred: true
    });
    assert.deepEqual((deferredMany.returnValue as Record<string, unknown>).SCREEN_POP_DATA, {
      type: 'search',
      params: { searchString: '4155550100' }
    });
    assert.equal((await s.state()).navigation.length, 3, 'deferred searches do not navigate');

    const badType = await s.call('searchAndScreenPop', { searchParams: '4155550100', callType: 'INBOUND' });
    assert.equal(badType.success, false);
    assert.equal(badType.errors?.[0]?.code, 'INVALID_PARAM');
  });
});

describe('host: click-to-dial', () => {
  it('renders links that dial only while click-to-dial is enabled', async () => {
    await listen('onClickToDial', 'dial');
    await emu((e, id) => e.navigateTo(id), SEED_IDS.ada);
    const phone = s.page.locator(`[data-id="c2d-${SEED_IDS.ada}-Phone"]`);
    await phone.waitFor({ timeout: 2000 });
    assert.equal(await phone.evaluate((el) => el.tagName), 'SPAN', 'plain text while disabled');
    await phone.click();
    assert.equal(await emu((e, id) => e.clickToDial(id, 'Phone'), SEED_IDS.ada), false);

    await s.call('enableClickToDial');
    await s.page.locator(`a[data-id="c2d-${SEED_IDS.ada}-Phone"]`).click({ timeout: 2000 });
    assert.equal(await emu((e, id) => e.clickToDial(id, 'MobilePhone'), SEED_IDS.ada), true);
    const events = await eventsEventually('dial', 2);
    assert.deepEqual(events, [
      { number: '(415) 555-0132', recordId: SEED_IDS.ada, recordName: 'Ada Lovelace', objectType: 'Contact' },
      {
        number: '+1 415 555 0177',
        recordId: SEED_IDS.ada,
        recordName: 'Ada Lovelace',
        objectType: 'Contact',
        params: 'numberType=mobile'
      }
    ]);

    await s.call('disableClickToDial');
    await s.page.locator(`span[data-id="c2d-${SEED_IDS.ada}-Phone"]`).waitFor({ timeout: 2000 });
    await s.page.locator(`[data-id="c2d-${SEED_IDS.ada}-Phone"]`).click();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await s.events('dial')).length, 2);
    assert.equal((await s.state()).listenersRegistered.onClickToDial, 1);
  });
});

describe('host: Lightning Message Service', () => {
  it('delivers both ways on a channel and honours unsubscribe semantics', async () => {
    const channel = 'Switchboard_Call__c';
    await s.page.evaluate((ch) => {
      const w = window as unknown as HostWindow & { received: unknown[] };
      w.received = [];
      w.emulator.subscribe(ch, (message) => w.received.push(message));
    }, channel);
    // Host → adapter before the adapter subscribes: logged, not delivered.
    await emu((e, ch) => e.publish(ch, { type: 'early' }), channel);

    const first = await s.frame.evaluate(
      (ch) => (window as unknown as FixtureWindow).fixture.subscribe(ch, 'a'),
      channel
    );
    const second = await s.frame.evaluate(
      (ch) => (window as unknown as FixtureWindow).fixture.subscribe(ch, 'b'),
      channel
    );
    // The handle is on the whole response (the library adds it); the host's returnValue stays null.
    assert.deepEqual(first, { success: true, hasSubscription: true, returnValue: null });
    assert.deepEqual(second, { success: true, hasSubscription: true, returnValue: null });

    await emu((e, ch) => e.publish(ch, { type: 'state?' }), channel);
    assert.deepEqual(await eventsEventually('a', 1), [{ type: 'state?' }]);
    assert.deepEqual(await eventsEventually('b', 1), [{ type: 'state?' }]);

    assert.equal(
      (
        await s.call('publish', {
          channelName: channel,
          message: { type: 'state', call: { state: 'ringing' } }
        })
      ).success,
      true
    );
    const received = await s.page.evaluate(() => (window as unknown as { received: unknown[] }).received);
    assert.deepEqual(received, [
      { type: 'early' },
      { type: 'state?' },
      { type: 'state', call: { state: 'ringing' } }
    ]);

    // The first unsubscribe is local only (another listener remains): no message, no callback.
    await assert.rejects(
      s.frame.evaluate(() => (window as unknown as FixtureWindow).fixture.unsubscribe('a')),
      /No callback/
    );
    assert.deepEqual((await s.state()).adapterChannels, [channel]);
    const last = await s.frame.evaluate(() => (window as unknown as FixtureWindow).fixture.unsubscribe('b'));
    assert.equal(last.success, true);
    assert.deepEqual((await s.state()).adapterChannels, []);

    const log = (await s.state()).channelLog;
    assert.deepEqual(
      log.map((l) => [l.direction, l.deliveredToAdapter]),
      [
        ['host→adapter', false],
        ['host→adapter', true],
        ['adapter→host', true]
      ]
    );
    await s.page.locator('[data-id="channel-log"] li').nth(2).waitFor({ timeout: 2000 });
  });
});

describe('host: SwitchboardSoftphoneService.findCallLog stand-in', () => {
  const findCallLog = (callObject: string) =>
    s.call('runApex', {
      apexClass: 'SwitchboardSoftphoneService',
      methodName: 'findCallLog',
      methodParams: `callObject=${encodeURIComponent(callObject)}`
    });

  it('answers the JSON the Apex returns: the call Task, or taskId null', async () => {
    await emu((e) => e.reset(), null);
    const created = await s.call('saveLog', {
      value: { entityApiName: 'Task', TaskSubtype: 'Call', Status: 'Completed', CallObject: 'call-lookup-1' }
    });
    const taskId = (created.returnValue as { recordId: string }).recordId;
    await s.call('saveLog', {
      value: { entityApiName: 'Task', TaskSubtype: 'Task', Status: 'Completed', CallObject: 'not-a-call' }
    });
    assert.deepEqual(await findCallLog('call-lookup-1'), {
      success: true,
      returnValue: { runApex: JSON.stringify({ ok: true, taskId }) },
      errors: null
    });
    for (const absent of ['call-lookup-2', 'not-a-call', ' ', 'x'.repeat(256)]) {
      assert.deepEqual(
        (await findCallLog(absent)).returnValue,
        { runApex: '{"ok":true,"taskId":null}' },
        absent.slice(0, 20)
      );
    }
  });

  it('gives a configured answer instead, e.g. the NO_ACCESS report of a user without the Task fields', async () => {
    const denied = '{"ok":false,"error":"NO_ACCESS","message":"No read access to Task.CallObject"}';
    await emu(
      (e, answer) => e.setApexResponses({ 'SwitchboardSoftphoneService.findCallLog': answer }),
      denied
    );
    assert.deepEqual((await findCallLog('call-lookup-1')).returnValue, { runApex: denied });
    await emu((e) => e.setApexResponses({}), null);
  });
});

describe('host: trust and errors', () => {
  it('ignores messages from another origin or another window, and flags unknown methods', async () => {
    // The host page posting to itself: right shape, wrong origin and source.
    await s.page.evaluate(() => {
      window.postMessage(
        {
          methodName: 'setSoftphoneItemLabel',
          callId: 0,
          apiVersion: 66,
          apiType: 'opencti',
          args: { label: 'self' },
          isCallbackRegistered: false,
          isListenerRegistered: false
        },
        '*'
      );
    });
    // A second adapter frame: right origin, but not the softphone iframe.
    await s.page.evaluate(() => {
      const src = document.querySelector<HTMLIFrameElement>('[data-id="softphone-frame"]')?.src ?? '';
      const rogue = document.createElement('iframe');
      rogue.src = src;
      rogue.dataset.id = 'rogue';
      document.body.appendChild(rogue);
    });
    const rogue = await waitFor('the rogue frame', async () => {
      for (const f of s.page.frames()) {
        if (f === s.frame || !f.url().includes('/apex/Softphone_Adapter')) continue;
        if (
          await f
            .evaluate(() => (window as unknown as FixtureWindow).fixtureReady === true)
            .catch(() => false)
        )
          return f;
      }
      return undefined;
    });
    await rogue.evaluate(() =>
      (window as unknown as FixtureWindow).fixture.tryCall('setSoftphoneItemLabel', { label: 'rogue' })
    );

    // An unknown method from the real frame gets GENERIC_ERROR and is listed.
    const reply = await s.frame.evaluate(
      (hostOrigin) =>
        new Promise<unknown>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no reply')), 2000);
          window.addEventListener('message', (e) => {
            const data = e.data as { callId?: number; response?: unknown };
            if (e.origin === hostOrigin && data.callId === 999) {
              clearTimeout(timer);
              resolve(data);
            }
          });
          parent.postMessage(
            {
              methodName: 'getCallObjectReferences',
              callId: 999,
              apiVersion: 66,
              apiType: 'opencti',
              args: {},
              isCallbackRegistered: true,
              isListenerRegistered: false
            },
            hostOrigin
          );
        }),
      emulator.hostUrl.replace(/\/$/, '')
    );
    assert.deepEqual(reply, {
      methodName: 'getCallObjectReferences',
      callId: 999,
      apiVersion: 66,
      apiType: 'opencti',
      shouldExecuteCallback: true,
      response: {
        success: false,
        returnValue: null,
        errors: [{ code: 'GENERIC_ERROR', description: 'An error occurred while calling the API method.' }]
      }
    });
    const state = await s.state();
    assert.deepEqual(state.item, { label: 'Phone', icon: 'call' });
    assert.deepEqual(
      state.calls.map((c) => c.methodName),
      ['getCallObjectReferences']
    );
    assert.deepEqual(
      state.protocolErrors.map((e) => e.reason),
      ['Unknown method getCallObjectReferences']
    );
  });

  it('answers runApex from the configured map, hvs calls, and per-method reply delays', async () => {
    await emu((e) => e.setApexResponses({ 'SoftphoneSearch.getContacts': '[{"Name":"Ada"}]' }), null);
    assert.deepEqual(
      (
        await s.call('runApex', {
          apexClass: 'SoftphoneSearch',
          methodName: 'getContacts',
          methodParams: 'name=Ada'
        })
      ).returnValue,
      { runApex: '[{"Name":"Ada"}]' }
    );
    const missing = await s.call('runApex', { apexClass: 'Nope', methodName: 'x', methodParams: 'none' });
    assert.deepEqual(missing.errors, [
      { code: 'SERVER_ERROR', description: 'Could not load Apex class: Nope.' }
    ]);

    await listen('hvs.onWorkStart', 'work');
    await emu(
      (e) =>
        e.startWork({
          workId: '0Zx000000000001',
          completeWorkWhen: 'TaskSaved',
          attributes: { to: '+14155550132' }
        }),
      null
    );
    assert.deepEqual(await eventsEventually('work', 1), [
      { workId: '0Zx000000000001', completeWorkWhen: 'TaskSaved', attributes: { to: '+14155550132' } }
    ]);
    assert.equal(
      (
        await s.call('hvs.completeWork', {
          workId: '0Zx000000000001',
          attributes: { disposition: 'Connected', taskId: '00T', wasConnected: true }
        })
      ).success,
      true
    );
    assert.equal((await s.state()).completedWork.length, 1);

    await emu((e) => e.setReplyDelay({ refreshView: 300 }), null);
    const started = Date.now();
    await s.call('refreshView');
    assert.ok(Date.now() - started >= 250, 'the per-method delay applies');
  });
});
