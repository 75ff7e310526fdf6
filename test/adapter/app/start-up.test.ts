import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Softphone } from '../../../adapter/src/app/softphone';
import { HELD_CLICK_LIMIT_MS, HostStartUp, type StartUpTimers } from '../../../adapter/src/app/start-up';
import { initialState } from '../../../adapter/src/call/machine';
import type { Logger } from '../../../adapter/src/logging/logger';
import type { ClickToDialPayload } from '../../../adapter/src/opencti/types';
import { parseSettings } from '../../../adapter/src/settings/settings';
import { DEFAULT_DEMO_TIMINGS, DemoProvider } from '../../../adapter/src/telephony/demo/demo-provider';
import type { ProviderEvent, TelephonyProvider } from '../../../adapter/src/telephony/provider';
import { methods, recordingHost } from './recording-host';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const turn = () => new Promise((r) => setImmediate(r));
const ADA: ClickToDialPayload = {
  number: '(415) 555-0101',
  recordId: '003000000000001AAA',
  recordName: 'Ada',
  objectType: 'Contact'
};
const SIP_SETTINGS = {
  '/switchboard/provider': 'sip',
  '/switchboard/webSocketUrl': 'wss://pbx.acme.test:8089/ws',
  '/switchboard/sipDomain': 'pbx.acme.test'
};

/** Timers a test fires by hand. */
function manualTimers(): StartUpTimers & { fire(): void; armed: number } {
  let pending: (() => void) | null = null;
  return {
    armed: 0,
    setTimeout(run, ms) {
      assert.equal(ms, HELD_CLICK_LIMIT_MS);
      pending = run;
      this.armed += 1;
      return 1;
    },
    clearTimeout() {
      pending = null;
    },
    fire() {
      const run = pending;
      pending = null;
      run?.();
    }
  };
}

/** A SIP line whose registration completes when the test says. */
function slowSipLine(): TelephonyProvider & { register(): void; dialled: string[] } {
  const listeners: Array<(event: ProviderEvent) => void> = [];
  let registered: () => void = () => undefined;
  const dialled: string[] = [];
  return {
    kind: 'sip',
    dialled,
    start: () =>
      new Promise<void>((resolve) => {
        registered = () => {
          for (const l of listeners) l({ type: 'registration', state: 'registered' });
          resolve();
        };
      }),
    register: () => registered(),
    stop: async () => undefined,
    dial: (request) => void dialled.push(request.number),
    answer: () => undefined,
    decline: () => undefined,
    hangup: () => undefined,
    setHold: () => undefined,
    setMute: () => undefined,
    sendDtmf: () => undefined,
    transfer: async () => undefined,
    onEvent: (listener) => void listeners.push(listener)
  };
}

test('while Lightning has not answered the settings request, the click listener is on and initialisation reported', async () => {
  const h = recordingHost({ holdSettings: true });
  const startUp = new HostStartUp(h.host, quiet);
  let answered = false;
  const settings = startUp.begin().then((raw) => {
    answered = true;
    return raw;
  });
  await turn();
  assert.equal(answered, false, 'the settings answer is still outstanding');
  assert.deepEqual(methods(h.calls), [
    'onClickToDial',
    'getCallCenterSettings',
    'notifyInitializationComplete'
  ]);
  h.answerSettings();
  await settings;
  assert.ok(!methods(h.calls).includes('enableClickToDial'), 'no line is known from begin() alone');
});

test('a demo line: click-to-dial goes on when the settings say demo, before the softphone exists; an early click is dialled once the line is up', async () => {
  const h = recordingHost();
  const startUp = new HostStartUp(h.host, quiet);
  const settings = parseSettings(await startUp.begin());
  startUp.lineKnown(settings.provider);
  assert.deepEqual(methods(h.calls), [
    'onClickToDial',
    'getCallCenterSettings',
    'notifyInitializationComplete',
    'enableClickToDial'
  ]);
  // The agent clicks before the softphone is even built (it is, on a slow machine): held, not lost.
  h.click(ADA);
  const phone = new Softphone({
    host: h.host,
    providerKind: settings.provider,
    settings,
    logger: quiet,
    clickToDialAhead: () => startUp.clickToDialAhead,
    onChange: (state) => startUp.settled(state, false)
  });
  startUp.deliverTo((payload) => phone.clickToDial(payload));
  await phone.start();
  assert.equal(phone.state.phase, 'idle', 'held until the line is up');
  assert.ok(!methods(h.calls).includes('disableClickToDial'), 'no off-and-on while the line connects');
  await phone.connect(new DemoProvider({ ...DEFAULT_DEMO_TIMINGS, answerAfterMs: 10_000 }));
  assert.equal(phone.state.phase, 'dialing', 'the held click dialled once the line registered');
  assert.equal(phone.state.call?.dial, '+14155550101');
  assert.equal(phone.state.notice, null, 'not refused as "not connected"');
  const order = methods(h.calls);
  assert.equal(order.filter((m) => m === 'enableClickToDial').length, 1, 'enabled once, ahead of the line');
  assert.ok(order.indexOf('disableClickToDial') > order.indexOf('enableClickToDial'), 'off during the call');
  await phone.stop();
});

test('a SIP line never enables click-to-dial before it registers', async () => {
  const h = recordingHost({ settings: SIP_SETTINGS });
  const startUp = new HostStartUp(h.host, quiet);
  const settings = parseSettings(await startUp.begin());
  assert.equal(settings.provider, 'sip', settings.problems.join(' '));
  startUp.lineKnown(settings.provider);
  const phone = new Softphone({
    host: h.host,
    providerKind: settings.provider,
    settings,
    logger: quiet,
    clickToDialAhead: () => startUp.clickToDialAhead,
    onChange: (state) => startUp.settled(state, false)
  });
  startUp.deliverTo((payload) => phone.clickToDial(payload));
  await phone.start();
  const line = slowSipLine();
  const connected = phone.connect(line);
  await turn();
  assert.equal(phone.state.registration, 'registering');
  assert.ok(!methods(h.calls).includes('enableClickToDial'), 'not while the SIP line is still registering');
  line.register();
  await connected;
  await turn();
  assert.ok(methods(h.calls).includes('enableClickToDial'), 'on once registered');
  // A click then goes straight to the line.
  h.click(ADA);
  assert.deepEqual(line.dialled, ['+14155550101']);
  await phone.stop();
});

test('a held click goes on when another tab owns the line, or after the bound; later clicks pass straight through', () => {
  const h = recordingHost();
  const timers = manualTimers();
  const startUp = new HostStartUp(h.host, quiet, timers);
  void startUp.begin();
  startUp.lineKnown('demo');
  const got: string[] = [];
  startUp.deliverTo((payload) => got.push(String(payload.number)));
  h.click(ADA);
  assert.deepEqual(got, [], 'held while this tab has no line yet');
  startUp.settled(initialState(), false);
  assert.deepEqual(got, [], 'an unregistered line in a tab that may still lead: still held');
  startUp.settled(initialState(), true);
  assert.deepEqual(got, ['(415) 555-0101'], 'a follower forwards it to the leading tab');
  assert.equal(startUp.clickToDialAhead, false);

  const lateClicks: string[] = [];
  const lateHost = recordingHost();
  const limit = manualTimers();
  const bounded = new HostStartUp(lateHost.host, quiet, limit);
  void bounded.begin();
  bounded.lineKnown('demo');
  bounded.deliverTo((payload) => lateClicks.push(String(payload.number)));
  lateHost.click(ADA);
  assert.deepEqual(lateClicks, []);
  assert.equal(limit.armed, 1);
  limit.fire();
  assert.deepEqual(lateClicks, ['(415) 555-0101'], 'passed on at the bound, for the softphone to say why');
  lateHost.click({ number: '555-0102' });
  assert.deepEqual(lateClicks, ['(415) 555-0101', '555-0102']);
});
