import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Softphone } from '../../../adapter/src/app/softphone';
import { HostStartUp } from '../../../adapter/src/app/start-up';
import type { Logger } from '../../../adapter/src/logging/logger';
import { parseSettings } from '../../../adapter/src/settings/settings';
import { DemoProvider } from '../../../adapter/src/telephony/demo/demo-provider';
import { methods, recordingHost } from './recording-host';
import { useEnglishLabels } from '../helpers';

useEnglishLabels();

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

test('start-up registers the click listener before enabling, then reports initialised', async () => {
  const h = recordingHost();
  const startUp = new HostStartUp(h.host, quiet);
  const settings = parseSettings(await startUp.begin());
  const phone = new Softphone({
    host: h.host,
    providerKind: 'demo',
    settings,
    logger: quiet
  });
  startUp.deliverTo((payload) => phone.clickToDial(payload));
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
  const startUp = new HostStartUp(h.host, quiet);
  await startUp.begin();
  const phone = new Softphone({
    host: h.host,
    providerKind: 'demo',
    settings: parseSettings({}),
    logger: quiet
  });
  startUp.deliverTo((payload) => phone.clickToDial(payload));
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
