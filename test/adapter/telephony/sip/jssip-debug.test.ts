// JsSIP's own debug output (the `debug` package, switched on by localStorage.debug) must never reach
// the console: it prints whole SIP messages, numbers and names, past the redacting logger.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import * as JsSIP from 'jssip';
import { silenceJsSipDebug, type DebugSwitch } from '../../../../adapter/src/telephony/sip/jssip-debug';
import type { SipModule } from '../../../../adapter/src/telephony/sip/entry';

const debug = JsSIP.debug;
const savedEnv = process.env.DEBUG;
afterEach(() => {
  debug.disable();
  if (savedEnv === undefined) delete process.env.DEBUG;
  else process.env.DEBUG = savedEnv;
});

/** A JsSIP-namespaced logger whose output we catch, as JsSIP's Logger creates them. */
function jssipLogger(printed: string[]) {
  const log = debug('JsSIP:Transport');
  log.log = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  return log;
}

test('with debug switched on for JsSIP, silencing stops its output, for loggers made before and after', () => {
  const printed: string[] = [];
  debug.enable('JsSIP*');
  const before = jssipLogger(printed);
  before('INVITE sip:+14155550101@pbx SIP/2.0');
  assert.equal(printed.length, 1, 'the fixture really prints (so the test below can fail)');
  silenceJsSipDebug();
  before('INVITE sip:+14155550102@pbx SIP/2.0');
  jssipLogger(printed)('From: "Ada Lovelace" <sip:ada@pbx>');
  assert.deepEqual(printed.length, 1);
});

test("silencing leaves the stored setting alone: it belongs to whoever set it on the org's shared origin", () => {
  const calls: string[] = [];
  const fake: DebugSwitch = {
    disable: () => (fake.save?.('') ?? '', 'JsSIP*'),
    save: (ns) => void calls.push(ns)
  };
  const original = fake.save;
  silenceJsSipDebug(fake);
  assert.deepEqual(calls, [], 'nothing persisted (localStorage.debug in the browser)');
  assert.equal(fake.save, original, 'persistence restored afterwards');
});

test('the SIP script silences JsSIP when it loads and again at every SIP start', async () => {
  const printed: string[] = [];
  const { sipModule } = (await import('../../../../adapter/src/telephony/sip/entry')) as {
    sipModule: SipModule;
  };
  debug.enable('JsSIP*'); // as if localStorage.debug had been set after the script loaded
  const log = jssipLogger(printed);
  const settings = {
    webSocketUrl: 'wss://pbx.acme.test/ws',
    sipDomain: 'acme.test',
    iceServers: [],
    registerExpires: 600
  };
  // Creating the provider is the SIP start; nothing connects until start(), which this test never calls.
  sipModule.createSipProvider(sipModule.sipConfigFromSettings(settings, { user: '1001', password: 'pw' }));
  log('REGISTER sip:acme.test SIP/2.0');
  assert.deepEqual(printed, []);
});
