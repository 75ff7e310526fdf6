import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIND_CALL_LOG, findCallLog, parseCallLogLookup } from '../../../adapter/src/opencti/call-log-lookup';
import { OpenCtiError } from '../../../adapter/src/opencti/open-cti-error';
import { createOpenCtiPort, findOpenCti } from '../../../adapter/src/opencti/port';
import type { OpenCtiResponse, SforceOpenCti } from '../../../adapter/src/opencti/types';
import { useEnglishLabels } from '../helpers';

useEnglishLabels();

type Recorded = { method: string; args: Record<string, unknown> };

/** A stand-in for the library: records calls and answers each through its callback. */
function fakeApi(
  answer: (method: string, args: Record<string, unknown>) => OpenCtiResponse<unknown> | 'never' | 'throw'
) {
  const calls: Recorded[] = [];
  const api = new Proxy({} as SforceOpenCti, {
    get(_t, method: string) {
      return (args: Record<string, unknown> = {}) => {
        calls.push({ method, args });
        const reply = answer(method, args);
        if (reply === 'throw')
          throw 'Must pass in only one object which holds arguments to this API method call.';
        if (reply === 'never') return;
        const callback = args.callback as ((r: OpenCtiResponse<unknown>) => void) | undefined;
        setTimeout(() => callback?.(reply), 1);
      };
    }
  });
  return { api, calls };
}

const ok = (returnValue: unknown = null): OpenCtiResponse<unknown> => ({
  success: true,
  returnValue,
  errors: null
});

describe('the Open CTI port', () => {
  test('finds the library only on window.sforce.opencti', () => {
    assert.equal(findOpenCti({}), null);
    assert.equal(findOpenCti({ sforce: {} }), null);
  });

  test('resolves returnValue and passes arguments as the library expects', async () => {
    const { api, calls } = fakeApi((m) =>
      m === 'getCallCenterSettings' ? ok({ '/switchboard/provider': 'demo' }) : ok()
    );
    const port = createOpenCtiPort(api);
    assert.deepEqual(await port.getCallCenterSettings(), { '/switchboard/provider': 'demo' });
    await port.screenPop({ type: 'sobject', params: { recordId: '003000000000001AAA' } });
    await port.setSoftphonePanelHeight(10_000);
    await port.setSoftphonePanelWidth(50);
    const byMethod = Object.fromEntries(calls.map((c) => [c.method, c.args]));
    assert.equal(byMethod.screenPop?.type, 'sobject');
    assert.equal(byMethod.setSoftphonePanelHeight?.heightPX, 2560, 'clamped to the documented range');
    assert.equal(byMethod.setSoftphonePanelWidth?.widthPX, 200);
    assert.equal(typeof byMethod.screenPop?.callback, 'function');
  });

  test('saveLog accepts both documented return shapes and rejects an empty one', async () => {
    const shapes: unknown[] = [{ recordId: '00T000000000001AAA' }, '00T000000000002AAA', null];
    const { api } = fakeApi(() => ok(shapes.shift()));
    const port = createOpenCtiPort(api);
    assert.equal(await port.saveLog({ entityApiName: 'Task' }), '00T000000000001AAA');
    assert.equal(await port.saveLog({ entityApiName: 'Task' }), '00T000000000002AAA');
    await assert.rejects(port.saveLog({ entityApiName: 'Task' }), /returned no record Id/);
  });

  test('platform errors become OpenCtiError with code, description and details', async () => {
    const { api } = fakeApi(() => ({
      success: false,
      returnValue: null,
      errors: [
        {
          code: 'GENERIC_ERROR',
          description: 'An error occurred. Review the details field.',
          details: [{ message: 'Subject: data value too large' }]
        }
      ]
    }));
    const port = createOpenCtiPort(api);
    const error = await port.saveLog({ entityApiName: 'Task' }).catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'GENERIC_ERROR');
    assert.equal(error.method, 'saveLog');
    assert.equal(
      error.toAgentMessage(),
      'An error occurred. Review the details field. (Subject: data value too large)'
    );
  });

  test('a synchronous throw from the library is a CLIENT_VALIDATION error, not an exception', async () => {
    const { api } = fakeApi(() => 'throw');
    const error = await createOpenCtiPort(api)
      .refreshView()
      .catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'CLIENT_VALIDATION');
  });

  test('an unanswered call times out, except saveLog, whose late answer must not become a retry', async () => {
    const { api } = fakeApi(() => 'never');
    const port = createOpenCtiPort(api, { timeoutMs: 20 });
    const error = await port.getCallCenterSettings().catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'TIMEOUT');
    const pending = await Promise.race([
      port.saveLog({ entityApiName: 'Task' }).then(
        () => 'settled',
        () => 'settled'
      ),
      new Promise((r) => setTimeout(() => r('pending'), 60))
    ]);
    assert.equal(pending, 'pending');
  });

  test('subscribe keeps the handle the library adds to the whole response, not returnValue', async () => {
    // The library sets `response.subscription` (a frozen {}) before calling back; the host's returnValue stays null.
    const handle = Object.freeze({});
    const { api, calls } = fakeApi((m) => (m === 'subscribe' ? { ...ok(null), subscription: handle } : ok()));
    const port = createOpenCtiPort(api);
    const subscription = await port.subscribe('Switchboard_Call__c', () => undefined);
    assert.equal(subscription, handle, 'the very object the library will look up on unsubscribe');
    assert.equal(calls.find((c) => c.method === 'subscribe')?.args.channelName, 'Switchboard_Call__c');
  });

  test('subscribe refuses an answer without a handle instead of inventing one that unsubscribe cannot use', async () => {
    // returnValue.subscription is where a wrong reading would find it: it must not be taken from there.
    const { api } = fakeApi(() => ok({ subscription: Object.freeze({}) }));
    const error = await createOpenCtiPort(api)
      .subscribe('Switchboard_Call__c', () => undefined)
      .catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.method, 'subscribe');
    assert.match(error.description, /no subscription handle/);
  });

  test("reads each method's returnValue as documented, with the documented fallbacks when it is null", async () => {
    const answers: Record<string, unknown> = {
      runApex: { runApex: '{"ok":true,"taskId":null}' },
      searchAndScreenPop: null
    };
    const { api } = fakeApi((m) => ok(answers[m] ?? null));
    const port = createOpenCtiPort(api);
    assert.equal(
      await port.runApex('SwitchboardSoftphoneService', 'findCallLog', 'callObject=x'),
      '{"ok":true,"taskId":null}'
    );
    assert.deepEqual(await port.searchAndScreenPop({ searchParams: '555', callType: 'inbound' }), {});
    answers.runApex = null;
    assert.equal(await port.runApex('A', 'b', 'none'), '', 'an Apex method that returned null');
  });

  test('passes every argument object exactly as the library reads it', async () => {
    const { api, calls } = fakeApi(() => ok());
    const port = createOpenCtiPort(api);
    await port.runApex('SwitchboardSoftphoneService', 'findCallLog', 'callObject=c-1');
    await port.saveLog({ entityApiName: 'Task', Subject: 'Call' }).catch(() => undefined);
    await port.publish('Switchboard_Call__c', { type: 'ready' });
    await port.setSoftphonePanelVisibility(true);
    await port.setSoftphoneItemIcon('call');
    await port.searchAndScreenPop({ searchParams: '555', callType: 'inbound', deferred: true });
    const args = (method: string): Record<string, unknown> => {
      const { callback, ...rest } = calls.find((c) => c.method === method)?.args ?? {};
      assert.equal(typeof callback, 'function', `${method} registers a callback`);
      return rest;
    };
    assert.deepEqual(args('runApex'), {
      apexClass: 'SwitchboardSoftphoneService',
      methodName: 'findCallLog',
      methodParams: 'callObject=c-1'
    });
    assert.deepEqual(args('saveLog'), { value: { entityApiName: 'Task', Subject: 'Call' } });
    assert.deepEqual(args('publish'), { channelName: 'Switchboard_Call__c', message: { type: 'ready' } });
    assert.deepEqual(args('setSoftphonePanelVisibility'), { visible: true });
    assert.deepEqual(args('setSoftphoneItemIcon'), { key: 'call' });
    assert.deepEqual(args('searchAndScreenPop'), {
      searchParams: '555',
      callType: 'inbound',
      deferred: true
    });
  });

  test('a failure labelled `error` (as two method pages spell it) still carries its description', async () => {
    const { api } = fakeApi(
      () =>
        ({
          success: false,
          returnValue: null,
          errors: null,
          error: [{ code: 'SERVER_ERROR', description: 'A problem was encountered on the server.' }]
        }) as OpenCtiResponse<unknown>
    );
    const error = await createOpenCtiPort(api)
      .getCallCenterSettings()
      .catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'SERVER_ERROR');
  });

  test('listener payloads are accepted flat and in the old returnValue wrapper', () => {
    const listeners: Array<(p: unknown) => void> = [];
    const api = {
      onClickToDial: ({ listener }: { listener: (p: unknown) => void }) => listeners.push(listener)
    } as unknown as SforceOpenCti;
    const seen: unknown[] = [];
    createOpenCtiPort(api).onClickToDial((p) => seen.push(p));
    listeners[0]?.({ number: '555', recordId: 'a' });
    listeners[0]?.({ returnValue: { number: '556' } });
    assert.deepEqual(seen, [{ number: '555', recordId: 'a' }, { number: '556' }]);
  });
});

describe('the findCallLog answer (SwitchboardSoftphoneService)', () => {
  const TASK = '00T5g00000AbCdEAAV';

  test('reads every answer the Apex gives, and the bare Id or empty string of its first version', () => {
    assert.deepEqual(parseCallLogLookup(`{"ok":true,"taskId":"${TASK}"}`), { kind: 'found', taskId: TASK });
    assert.deepEqual(parseCallLogLookup('{"ok":true,"taskId":null}'), { kind: 'absent' });
    assert.deepEqual(
      parseCallLogLookup('{"ok":false,"error":"NO_ACCESS","message":"No read access to Task.CallObject"}'),
      {
        kind: 'failed',
        error: 'NO_ACCESS: No read access to Task.CallObject'
      }
    );
    assert.deepEqual(parseCallLogLookup('{"ok":false}'), { kind: 'failed', error: 'UNKNOWN' });
    assert.deepEqual(parseCallLogLookup(` ${TASK}\n`), { kind: 'found', taskId: TASK });
    assert.deepEqual(parseCallLogLookup(''), { kind: 'absent' });
  });

  test('anything else is a failed lookup with a reason, never a Task Id', () => {
    for (const raw of [
      'Could not load Apex class',
      '003000000000001AAA',
      '[1]',
      '"00T5g00000AbCdEAAV"',
      '{"taskId":"00T5g00000AbCdEAAV"}',
      '{"ok":true,"taskId":"003000000000001AAA"}'
    ]) {
      const lookup = parseCallLogLookup(raw);
      assert.equal(lookup.kind, 'failed', raw);
      assert.ok(lookup.kind === 'failed' && lookup.error.length > 0);
    }
  });

  test('asks the service by CallObject through runApex and turns a runApex failure into a failed lookup', async () => {
    const asked: string[][] = [];
    const answering = {
      runApex: (c: string, m: string, p: string) => (
        asked.push([c, m, p]),
        Promise.resolve(`{"ok":true,"taskId":"${TASK}"}`)
      )
    };
    assert.deepEqual(await findCallLog(answering, 'call 1&x'), { kind: 'found', taskId: TASK });
    assert.deepEqual(asked, [[FIND_CALL_LOG.apexClass, FIND_CALL_LOG.methodName, 'callObject=call%201%26x']]);
    const failing = {
      runApex: () =>
        Promise.reject(
          new OpenCtiError('runApex', [
            { code: 'SERVER_ERROR', description: 'Could not load Apex class: SwitchboardSoftphoneService.' }
          ])
        )
    };
    assert.deepEqual(await findCallLog(failing, 'c'), {
      kind: 'failed',
      error: 'runApex: SERVER_ERROR: Could not load Apex class: SwitchboardSoftphoneService.'
    });
  });
});
