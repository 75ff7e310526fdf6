import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sipConfigFromSettings } from '../../../../adapter/src/telephony/sip/sip-config';

test('sipConfigFromSettings builds the AOR from the agent user and the call center domain', () => {
  const config = sipConfigFromSettings(
    {
      webSocketUrl: 'wss://pbx.acme.test:8089/ws',
      sipDomain: 'acme.test',
      iceServers: ['stun:stun.acme.test:3478'],
      registerExpires: 600
    },
    { user: '1001', password: 'pw' }
  );
  assert.deepEqual(config, {
    webSocketUrl: 'wss://pbx.acme.test:8089/ws',
    sipUri: 'sip:1001@acme.test',
    password: 'pw',
    iceServers: [{ urls: 'stun:stun.acme.test:3478' }],
    registerExpires: 600
  });
});
