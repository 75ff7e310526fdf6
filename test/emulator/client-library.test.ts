/**
 * The emulator's opencti_min.js in headless Chromium: load-time frame checks, synchronous argument
 * validation, the message it posts, and which replies it accepts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { INIT_FAILURE } from '../../emulator/shared/protocol';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import {
  fixtureOptions,
  launchBrowser,
  openHost,
  waitFor,
  type FixtureWindow,
  type HostWindow
} from './harness';
import {
  MSG_CALLBACK,
  MSG_CHANNEL,
  MSG_LISTENER,
  MSG_MESSAGE,
  MSG_ONE_OBJECT,
  MSG_SUBSCRIPTION,
  MSG_VALUE
} from '../../emulator/client/validation';

let emulator: RunningEmulator;
let browser: Browser;
let context: BrowserContext;
let adapterPage: Page;
const adapterErrors: string[] = [];

before(async () => {
  emulator = await startEmulator(fixtureOptions);
  browser = await launchBrowser();
  context = await browser.newContext();
  adapterPage = await context.newPage();
  adapterPage.on('pageerror', (err) => adapterErrors.push(err.message));
});
after(async () => {
  await browser?.close();
  await emulator?.close();
});

/** Loads the adapter page top-level with a query string and returns the uncaught errors. */
async function loadAdapter(query: string): Promise<{ errors: string[]; hasOpencti: boolean }> {
  const page = adapterPage;
  adapterErrors.length = 0;
  await page.goto(`${emulator.adapterOrigin}/apex/Softphone_Adapter${query}`, { timeout: 5000 });
  await page.waitForFunction(() => (window as unknown as FixtureWindow).fixtureReady === true, undefined, {
    timeout: 5000
  });
  const hasOpencti = await page.evaluate(
    () => typeof (window as Window & { sforce?: { opencti?: object } }).sforce?.opencti === 'object'
  );
  return { errors: [...adapterErrors], hasOpencti };
}

describe('client library: loading', () => {
  it('throws the init failure string when the frame parameters are missing or wrong', async () => {
    const port = emulator.port;
    const bad = [
      '',
      '?mode=Lightning',
      `?sfdcIframeOrigin=http://localhost:${port}`,
      `?mode=&sfdcIframeOrigin=http://localhost:${port}`,
      '?mode=Lightning&sfdcIframeOrigin=http://evil.example.com',
      '?mode=Lightning&sfdcIframeOrigin=http://force.com.evil.example.com',
      `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(`http://localhost:${port}/`)}`,
      // The page is http, so an https parent is refused.
      `?mode=Lightning&sfdcIframeOrigin=https://localhost:${port}`,
      '?mode=Lightning&sfdcIframeOrigin=https://na85.lightning.force.com'
    ];
    for (const query of bad) {
      const { errors, hasOpencti } = await loadAdapter(query);
      assert.equal(errors.length, 1, `one uncaught error for ${query || '(no query)'}`);
      assert.ok(errors[0]?.includes(INIT_FAILURE), `init failure for ${query}: ${errors[0]}`);
      assert.ok(hasOpencti, 'sforce.opencti is still defined, like the real library');
    }
  });

  it('accepts Salesforce origins from the API 57 list and, as an emulator deviation, localhost', async () => {
    const good = [
      '?mode=Lightning&isdtp=vw&sfdcIframeOrigin=http:%2F%2Fna85.lightning.force.com&nonce=ab12&clc=0',
      '?mode=Lightning&sfdcIframeOrigin=http://acme.my-salesforce.com:8443',
      '?mode=Lightning&sfdcIframeOrigin=http://acme--c.vf.force.com',
      `?mode=Lightning&sfdcIframeOrigin=http://127.0.0.1:${emulator.port}`
    ];
    for (const query of good) {
      const { errors } = await loadAdapter(query);
      assert.deepEqual(errors, [], `no error for ${query}`);
    }
  });

  it('exposes every Lightning method and the enums with their runtime values', async () => {
    const session = await openHost(context, emulator);
    try {
      const shape = await session.frame.evaluate(() => {
        const lib = (
          window as unknown as {
            sforce: { opencti: Record<string, unknown> & { hvs: Record<string, unknown> } };
          }
        ).sforce.opencti;
        const functions = Object.keys(lib)
          .filter((k) => typeof lib[k] === 'function')
          .sort();
        const hvs = Object.keys(lib.hvs)
          .filter((k) => typeof lib.hvs[k] === 'function')
          .sort();
        return { functions, hvs, SCREENPOP_TYPE: lib.SCREENPOP_TYPE, CALL_TYPE: lib.CALL_TYPE };
      });
      assert.deepEqual(shape.functions, [
        'disableClickToDial',
        'enableClickToDial',
        'getAppViewInfo',
        'getCallCenterSettings',
        'getSoftphoneLayout',
        'isSoftphonePanelVisible',
        'notifyInitializationComplete',
        'onClickToDial',
        'onNavigationChange',
        'publish',
        'refreshView',
        'runApex',
        'saveLog',
        'screenPop',
        'searchAndScreenPop',
        'setSoftphoneItemIcon',
        'setSoftphoneItemLabel',
        'setSoftphonePanelHeight',
        'setSoftphonePanelIcon',
        'setSoftphonePanelLabel',
        'setSoftphonePanelVisibility',
        'setSoftphonePanelWidth',
        'subscribe',
        'unsubscribe'
      ]);
      assert.deepEqual(shape.hvs, ['completeWork', 'onWorkStart']);
      assert.deepEqual(shape.SCREENPOP_TYPE, {
        SOBJECT: 'sobject',
        URL: 'url',
        OBJECTHOME: 'objecthome',
        LIST: 'list',
        SEARCH: 'search',
        NEW_RECORD_MODAL: 'newRecord',
        FLOW: 'flow'
      });
      assert.deepEqual(shape.CALL_TYPE, { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' });
    } finally {
      await session.close();
    }
  });
});

describe('client library: calls', () => {
  it('validates arguments synchronously with the library messages, posting nothing', async () => {
    const session = await openHost(context, emulator);
    try {
      const cases: Array<[string, unknown[], string | null]> = [
        ['saveLog', [], MSG_ONE_OBJECT],
        ['saveLog', [{}], MSG_ONE_OBJECT],
        ['saveLog', ['Task'], MSG_ONE_OBJECT],
        ['screenPop', [{ type: 'url', params: {} }, {}], MSG_ONE_OBJECT],
        ['getCallCenterSettings', [{ foo: 1 }], MSG_CALLBACK],
        ['getAppViewInfo', [{ callback: 'nope' }], MSG_CALLBACK],
        ['getSoftphoneLayout', [{ x: 1 }], MSG_CALLBACK],
        ['isSoftphonePanelVisible', [{ x: 1 }], MSG_CALLBACK],
        ['onClickToDial', [{ callback: 1 }], MSG_LISTENER],
        ['onNavigationChange', [{ x: 1 }], MSG_LISTENER],
        ['hvs.onWorkStart', [{ x: 1 }], MSG_LISTENER],
        ['saveLog', [{ value: 'Task' }], MSG_VALUE],
        // The library checks the listener before the channel name.
        ['subscribe', [{ channelName: '', listener: 1 }], MSG_LISTENER],
        ['publish', [{ channelName: 42 }], MSG_CHANNEL],
        ['unsubscribe', [{ subscription: 'abc' }], MSG_SUBSCRIPTION],
        ['publish', [{ channelName: 'Switchboard_Call__c', message: 'text' }], MSG_MESSAGE],
        // Optional argument objects may be omitted entirely, but one that is passed is checked.
        ['enableClickToDial', [{}], MSG_ONE_OBJECT],
        ['disableClickToDial', [undefined], MSG_ONE_OBJECT],
        ['refreshView', [null], 'Cannot convert undefined or null to object'],
        ['enableClickToDial', [], null],
        ['refreshView', [], null],
        // notifyInitializationComplete checks nothing at all.
        ['notifyInitializationComplete', [], null],
        ['notifyInitializationComplete', ['anything'], null],
        // typeof null is 'object': the library lets it through and the host refuses it.
        ['saveLog', [{ value: null }], null],
        // A falsy message is dropped, not refused.
        ['publish', [{ channelName: 'Switchboard_Call__c', message: 0 }], null]
      ];
      for (const [path, args, expected] of cases) {
        assert.equal(await session.tryCall(path, ...args), expected, `${path}(${JSON.stringify(args)})`);
      }
      const state = await waitFor('the six valid calls', async () => {
        const s = await session.state();
        return s.calls.length >= 6 ? s : undefined;
      });
      assert.deepEqual(
        state.calls.map((c) => c.methodName),
        [
          'enableClickToDial',
          'refreshView',
          'notifyInitializationComplete',
          'notifyInitializationComplete',
          'saveLog',
          'publish'
        ]
      );
      assert.deepEqual(state.calls.at(-2)?.args, { object: null });
      assert.deepEqual(
        state.calls.at(-1)?.args,
        { eventName: 'Switchboard_Call__c' },
        'the falsy message never travels'
      );

      // Checks that need a real function or a value JSON cannot carry. A source string, because the
      // test transpiler would wrap named functions in a helper the page does not have.
      const inFrame = (await session.frame.evaluate(`(() => {
        const lib = window.sforce.opencti;
        const thrown = (run) => { try { run(); return null; } catch (e) { return e instanceof Error ? e.message : String(e); } };
        const circular = {};
        circular.self = circular;
        return {
          emptyChannel: thrown(() => lib.subscribe({ channelName: '', listener: () => undefined })),
          circular: thrown(() => lib.publish({ channelName: 'Switchboard_Call__c', message: circular }))
        };
      })()`)) as { emptyChannel: string | null; circular: string | null };
      assert.equal(inFrame.emptyChannel, MSG_CHANNEL);
      assert.match(
        inFrame.circular ?? '',
        /circular structure/i,
        'the JSON error itself, as the library rethrows it'
      );
    } finally {
      await session.close();
    }
  });

  it('posts the documented message and runs the callback once with the envelope', async () => {
    const session = await openHost(context, emulator);
    try {
      await session.page.evaluate(() => {
        const w = window as unknown as Window & { rawMessages: unknown[] };
        w.rawMessages = [];
        window.addEventListener('message', (e) => w.rawMessages.push(e.data));
      });
      await session.tryCall('setSoftphonePanelLabel', { label: 'Switchboard', callback: 'not a function' });
      const response = await session.call('getCallCenterSettings');
      assert.equal(response.success, true);
      assert.equal(response.errors, null);
      const settings = response.returnValue as Record<string, string>;
      assert.equal(settings['/reqGeneralInfo/reqInternalName'], 'Switchboard');
      assert.equal(settings['/switchboard/provider'], 'demo');
      await session.call('screenPop', {
        type: 'url',
        params: { url: '/lightning/page/home' },
        defaultFieldValues: { Subject: 'x' }
      });
      const raw = await session.page.evaluate(
        () => (window as unknown as Window & { rawMessages: unknown[] }).rawMessages
      );
      assert.deepEqual(raw, [
        {
          methodName: 'setSoftphonePanelLabel',
          callId: 0,
          apiVersion: 66,
          apiType: 'opencti',
          args: { label: 'Switchboard' },
          isCallbackRegistered: false,
          isListenerRegistered: false
        },
        {
          methodName: 'getCallCenterSettings',
          callId: 1,
          apiVersion: 66,
          apiType: 'opencti',
          args: {},
          isCallbackRegistered: true,
          isListenerRegistered: false
        },
        // A top-level defaultFieldValues is dropped, like the real library.
        {
          methodName: 'screenPop',
          callId: 2,
          apiVersion: 66,
          apiType: 'opencti',
          args: { type: 'url', params: { url: '/lightning/page/home' } },
          isCallbackRegistered: true,
          isListenerRegistered: false
        }
      ]);
    } finally {
      await session.close();
    }
  });

  it('never calls back listener registrations, even when a callback is given', async () => {
    const session = await openHost(context, emulator);
    try {
      const called = (await session.frame.evaluate(`(async () => {
        const lib = window.sforce.opencti;
        const seen = [];
        lib.onClickToDial({ listener: () => undefined, callback: () => seen.push('onClickToDial') });
        lib.onNavigationChange({ listener: () => undefined, callback: () => seen.push('onNavigationChange') });
        lib.getCallCenterSettings({ callback: () => seen.push('getCallCenterSettings') });
        await new Promise((r) => setTimeout(r, 300));
        return seen;
      })()`)) as string[];
      assert.deepEqual(called, ['getCallCenterSettings'], 'the control call did answer within the wait');
      assert.deepEqual((await session.state()).listenersRegistered, {
        onClickToDial: 1,
        onNavigationChange: 1
      });
    } finally {
      await session.close();
    }
  });

  it('ignores replies and events from another origin, API version or apiType', async () => {
    const session = await openHost(context, emulator);
    try {
      await session.page.evaluate(() =>
        (window as unknown as HostWindow).emulator.setReplyDelay({ getCallCenterSettings: 400 })
      );
      await session.frame.evaluate(() =>
        (window as unknown as FixtureWindow).fixture.listen('onClickToDial', 'dial')
      );
      const pending = session.call('getCallCenterSettings');
      await waitFor('the host to receive the call', async () =>
        (await session.state()).calls.some((c) => c.methodName === 'getCallCenterSettings')
      );
      // Same shape, wrong origin: the adapter frame posting to itself (origin 127.0.0.1, not the host).
      await session.frame.evaluate(() => {
        for (let callId = 0; callId < 20; callId++) {
          window.postMessage(
            {
              methodName: 'getCallCenterSettings',
              callId,
              apiVersion: 66,
              apiType: 'opencti',
              shouldExecuteCallback: true,
              response: { success: false, returnValue: 'FAKE', errors: null }
            },
            '*'
          );
        }
        window.postMessage(
          {
            methodName: 'onClickToDial',
            apiVersion: 66,
            apiType: 'opencti',
            shouldExecuteListener: true,
            response: { number: 'FAKE' }
          },
          '*'
        );
      });
      // Right origin (the host page), wrong version or type.
      await session.page.evaluate((adapterOrigin) => {
        const frame = document.querySelector<HTMLIFrameElement>('[data-id="softphone-frame"]')?.contentWindow;
        for (let callId = 0; callId < 20; callId++) {
          frame?.postMessage(
            {
              methodName: 'getCallCenterSettings',
              callId,
              apiVersion: 57,
              apiType: 'opencti',
              shouldExecuteCallback: true,
              response: { success: false, returnValue: 'V57', errors: null }
            },
            adapterOrigin
          );
          frame?.postMessage(
            {
              methodName: 'getCallCenterSettings',
              callId,
              apiVersion: 66,
              apiType: 'interaction',
              shouldExecuteCallback: true,
              response: { success: false, returnValue: 'TYPE', errors: null }
            },
            adapterOrigin
          );
        }
        frame?.postMessage(
          {
            methodName: 'onClickToDial',
            apiVersion: 57,
            apiType: 'opencti',
            shouldExecuteListener: true,
            response: { number: 'V57' }
          },
          adapterOrigin
        );
      }, emulator.adapterOrigin);
      const response = await pending;
      assert.equal(response.success, true);
      assert.equal(
        (response.returnValue as Record<string, string>)['/reqGeneralInfo/reqInternalName'],
        'Switchboard'
      );
      assert.deepEqual(await session.events('dial'), []);
    } finally {
      await session.close();
    }
  });
});
