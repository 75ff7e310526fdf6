// Call center settings an admin gets subtly wrong: the UK country code and unencrypted WebSockets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings } from '../../../adapter/src/settings/settings';
import { useEnglishLabels } from '../helpers';

useEnglishLabels();

const sip = (webSocketUrl: string) =>
  parseSettings({
    '/switchboard/provider': 'sip',
    '/switchboard/webSocketUrl': webSocketUrl,
    '/switchboard/sipDomain': 'acme.test'
  });

describe('defaultCountry', () => {
  test('UK is flagged with the fix (GB) and falls back to the default', () => {
    for (const raw of ['UK', 'uk', ' Uk ']) {
      const s = parseSettings({ '/switchboard/defaultCountry': raw });
      assert.equal(s.defaultCountry, 'US');
      assert.equal(s.problems.length, 1, raw);
      assert.match(s.problems[0]!, /"UK".*use GB.*Using US\./);
    }
  });

  test('GB is accepted as it is', () => {
    const s = parseSettings({ '/switchboard/defaultCountry': 'GB' });
    assert.equal(s.defaultCountry, 'GB');
    assert.deepEqual(s.problems, []);
  });

  test('a two-letter code no phone metadata knows is refused too', () => {
    const s = parseSettings({ '/switchboard/defaultCountry': 'XX' });
    assert.equal(s.defaultCountry, 'US');
    assert.match(s.problems.join(' '), /"XX"; use a two-letter ISO country code/);
  });
});

describe('webSocketUrl', () => {
  test('wss:// needs no word', () => {
    const s = sip('wss://pbx.acme.test:8089/ws');
    assert.equal(s.provider, 'sip');
    assert.deepEqual(s.problems, []);
  });

  test('ws:// to a real host is kept, with a visible warning that says why and what to use', () => {
    const s = sip('ws://pbx.acme.test:8088/ws');
    assert.equal(s.provider, 'sip', 'an admin may have a reason; the agent still gets a phone to try');
    assert.equal(s.webSocketUrl, 'ws://pbx.acme.test:8088/ws');
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0]!, /unencrypted ws:\/\/.*mixed content.*Use wss:\/\//);
  });

  test('ws:// to loopback is not mixed content, so it is not flagged', () => {
    for (const url of ['ws://127.0.0.1:5066', 'ws://localhost:5066/ws', 'ws://[::1]:5066'])
      assert.deepEqual(sip(url).problems, [], url);
  });

  test('a ws:// URL on the demo line says nothing (it is not used)', () => {
    const s = parseSettings({ '/switchboard/webSocketUrl': 'ws://pbx.acme.test' });
    assert.deepEqual(s.problems, []);
  });
});
