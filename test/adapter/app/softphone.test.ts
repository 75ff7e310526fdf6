import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Softphone } from '../../../adapter/src/app/softphone';
import type { Logger } from '../../../adapter/src/logging/logger';
import type { HostPort } from '../../../adapter/src/opencti/port';
import type { ClickToDialPayload } from '../../../adapter/src/opencti/types';
import { parseSettings } from '../../../adapter/src/settings/settings';
import { DemoProvider } from '../../../adapter/src/telephony/demo/demo-provider';

/** A host that records every call in order and lets a test fail saveLog on demand. */
function recordingHost() {
  const calls: Array<{ method: string; arg?: unknown }> = [];
  let clickListener: ((p: ClickToDialPayload) => void) | null = null;
  let channelListener: ((m: unknown) => void) | null = null;
  const failures = { saveLog: 0 };
  let taskSeq = 0;
  const note = (method: string, arg?: unknown) => {
    calls.push({ method, arg });
    return Promise.resolve();
  };
  const host: HostPort = {
    enableClickToDial: () => note('enableClickToDial'),
    disableClickToDial: () => note('disableClickToDial'),
    onClickToDial: (l) => {
      calls.push({ method: 'onClickToDial' });
      clickListener = l;
    },
    screenPop: (pop) => note('screenPop', pop),
    searchAndScreenPop: async (args) => {
      calls.push({ method: 'searchAndScreenPop', arg: args });
      return { '003000000000001AAA': { Id: '003000000000001AAA', Name: 'Ada', RecordType: 'Contact' } };
    },
    saveLog: async (value) => {
      calls.push({ method: 'saveLog', arg: value });
      if (failures.saveLog > 0) {
        failures.saveLog -= 1;
        throw new Error('Required fields are missing: [Subject]');
      }
      taskSeq += 1;
      return `00T00000000000${taskSeq}AAA`.padEnd(18, 'A');
    },
    getCallCenterSettings: async () => ({}),
    refreshView: () => note('refreshView'),
    runApex: async () => '',
    notifyInitializationComplete: () => note('notifyInitializationComplete'),
    setSoftphonePanelHeight: (h) => note('setSoftphonePanelHeight', h),
    setSoftphonePanelWidth: (w) => note('setSoftphonePanelWidth', w),
    setSoftphonePanelVisibility: (v) => note('setSoftphonePanelVisibility', v),
    setSoftphoneItemLabel: (l) => note('setSoftphoneItemLabel', l),
    setSoftphoneItemIcon: (k) => note('setSoftphoneItemIcon', k),
    subscribe: async (channel, l) => {
      calls.push({ method: 'subscribe', arg: channel });
      channelListener = l;
      return {};
    },
    publish: (_channel, message) => note('publish', message)
  };
  return {
    host,
    calls,
    failures,
    click: (p: ClickToDialPayload) => clickListener?.(p),
    channel: (m: unknown) => channelListener?.(m)
  };
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const methods = (calls: Array<{ method: string }>) => calls.map((c) => c.method);

test('start-up registers the click listener before enabling, then reports initialised', async () => {
  const h = recordingHost();
  const phone = new Softphone({
    host: h.host,
    providerKind: 'demo',
    settings: parseSettings({}),
    logger: quiet
  });
  await phone.start();
  await phone.connect(new DemoProvider());
  await settle();
  const order = methods(h.calls);
  assert.ok(order.indexOf('onClickToDial') < order.indexOf('enableClickToDial'));
  assert.ok(order.includes('notifyInitializationComplete'));
  assert.ok(order.includes('subscribe'));
  assert.equal(h.calls.filter((c) => c.method === 'setSoftphoneItemLabel').at(-1)?.arg, 'Phone');
  await phone.stop();
});

test('a whole outbound call: disable during, enable after, log with every Task field, channel traffic', async () => {
  const h = recordingHost();
  const provider = new DemoProvider({
    answerAfterMs: 20,
    noAnswerAfterMs: 50,
    inboundGiveUpAfterMs: 1000,
    signallingMs: 5
  });
  const phone = new Softphone({
    host: h.host,
    providerKind: 'demo',
    settings: parseSettings({}),
    logger: quiet
  });
  await phone.start();
  await phone.connect(provider);
  h.click({
    number: '(415) 555-0101',
    recordId: '003000000000001AAA',
    recordName: 'Ada',
    objectType: 'Contact',
    params: 'field=Phone'
  });
  h.click({
    number: '(415) 555-0102',
    recordId: '003000000000001AAA',
    recordName: 'Ada',
    objectType: 'Contact'
  });
  await settle(60);
  assert.equal(phone.state.phase, 'connected');
  assert.equal(phone.state.call?.dial, '+14155550101', 'the second click did not replace the first');
  phone.dispatch({ type: 'HANGUP' });
  phone.dispatch({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 'Renewal next week' });
  h.failures.saveLog = 1;
  phone.dispatch({ type: 'SUBMIT_WRAP_UP' });
  await settle();
  assert.equal(phone.state.logs[0]?.status, 'failed');
  h.channel({
    source: 'switchboard-component',
    version: 1,
    type: 'retryLog',
    callId: phone.state.logs[0]?.callId
  });
  await settle();
  assert.equal(phone.state.logs[0]?.status, 'saved');

  const order = methods(h.calls);
  const firstDisable = order.indexOf('disableClickToDial');
  assert.ok(firstDisable > order.indexOf('enableClickToDial'));
  assert.ok(order.lastIndexOf('enableClickToDial') > firstDisable, 'click-to-dial comes back after the call');
  const saves = h.calls.filter((c) => c.method === 'saveLog').map((c) => c.arg as Record<string, unknown>);
  assert.equal(saves.length, 2);
  assert.deepEqual(saves[0], saves[1], 'the retry sends the same log');
  const task = saves[0]!;
  assert.equal(task.entityApiName, 'Task');
  assert.equal(task.Status, 'Completed');
  assert.equal(task.TaskSubtype, 'Call');
  assert.equal(task.CallType, 'Outbound');
  assert.equal(task.WhoId, '003000000000001AAA');
  assert.equal(task.CallDisposition, 'Completed');
  assert.match(String(task.ActivityDate), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(typeof task.CallDurationInSeconds, 'number');
  assert.ok(order.includes('refreshView'));

  const published = h.calls
    .filter((c) => c.method === 'publish')
    .map((c) => c.arg as { type: string; state?: string });
  const states = published.filter((m) => m.type === 'status').map((m) => m.state);
  for (const s of ['dialing', 'connected', 'wrapUp', 'logging', 'logFailed', 'logged'])
    assert.ok(states.includes(s), `published ${s}`);
  const labels = h.calls.filter((c) => c.method === 'setSoftphoneItemLabel').map((c) => c.arg);
  assert.ok(labels.includes('Calling Ada'), JSON.stringify(labels));
  assert.ok(
    labels.some((l) => /^On call 0:0\d$/.test(String(l))),
    JSON.stringify(labels)
  );

  const before = h.calls.length;
  h.channel({ source: 'switchboard-component', version: 1, type: 'stateRequest' });
  await settle();
  const answered = h.calls.slice(before).filter((c) => c.method === 'publish');
  assert.ok(answered.length >= 2, 'a late component gets readiness and every known call');
  h.channel({ source: 'someone-else', type: 'retryLog', callId: 'x' });
  await phone.stop();
});
