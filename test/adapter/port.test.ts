import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenCtiError } from '../../adapter/src/opencti/open-cti-error';
import { createOpenCtiPort, findOpenCti } from '../../adapter/src/opencti/port';
import type { OpenCtiResponse, SforceOpenCti } from '../../adapter/src/opencti/types';

type Recorded = { method: string; args: Record<string, unknown> };

/** A stand-in for the library: records calls and answers each through its callback. */
function fakeApi(answer: (method: string, args: Record<string, unknown>) => OpenCtiResponse<unknown> | 'never' | 'throw') {
  const calls: Recorded[] = [];
  const api = new Proxy({} as SforceOpenCti, {
    get(_t, method: string) {
      return (args: Record<string, unknown> = {}) => {
        calls.push({ method, args });
        const reply = answer(method, args);
        if (reply === 'throw') throw 'Must pass in only one object which holds arguments to this API method call.';
        if (reply === 'never') return;
        const callback = args.callback as ((r: OpenCtiResponse<unknown>) => void) | undefined;
        setTimeout(() => callback?.(reply), 1);
      };
    }
  });
  return { api, calls };
}

const ok = (returnValue: unknown = null): OpenCtiResponse<unknown> => ({ success: true, returnValue, errors: null });

describe('the Open CTI port', () => {
  test('finds the library only on window.sforce.opencti', () => {
    assert.equal(findOpenCti({}), null);
    assert.equal(findOpenCti({ sforce: {} }), null);
  });

  test('resolves returnValue and passes arguments as the library expects', async () => {
    const { api, calls } = fakeApi((m) => (m === 'getCallCenterSettings' ? ok({ '/switchboard/provider': 'demo' }) : ok()));
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
      errors: [{ code: 'GENERIC_ERROR', description: 'An error occurred. Review the details field.', details: [{ message: 'Subject: data value too large' }] }]
    }));
    const port = createOpenCtiPort(api);
    const error = await port.saveLog({ entityApiName: 'Task' }).catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'GENERIC_ERROR');
    assert.equal(error.method, 'saveLog');
    assert.equal(error.toAgentMessage(), 'An error occurred. Review the details field. (Subject: data value too large)');
  });

  test('a synchronous throw from the library is a CLIENT_VALIDATION error, not an exception', async () => {
    const { api } = fakeApi(() => 'throw');
    const error = await createOpenCtiPort(api).refreshView().catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'CLIENT_VALIDATION');
  });

  test('an unanswered call times out, except saveLog, whose late answer must not become a retry', async () => {
    const { api } = fakeApi(() => 'never');
    const port = createOpenCtiPort(api, { timeoutMs: 20 });
    const error = await port.getAppViewInfo().catch((e: unknown) => e);
    assert.ok(error instanceof OpenCtiError);
    assert.equal(error.code, 'TIMEOUT');
    const pending = await Promise.race([port.saveLog({ entityApiName: 'Task' }).then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 60))]);
    assert.equal(pending, 'pending');
  });

  test('listener payloads are accepted flat and in the old returnValue wrapper', () => {
    const listeners: Array<(p: unknown) => void> = [];
    const api = { onClickToDial: ({ listener }: { listener: (p: unknown) => void }) => listeners.push(listener) } as unknown as SforceOpenCti;
    const seen: unknown[] = [];
    createOpenCtiPort(api).onClickToDial((p) => seen.push(p));
    listeners[0]?.({ number: '555', recordId: 'a' });
    listeners[0]?.({ returnValue: { number: '556' } });
    assert.deepEqual(seen, [{ number: '555', recordId: 'a' }, { number: '556' }]);
  });
});
