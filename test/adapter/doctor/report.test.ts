import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildReport,
  idPrefix,
  openCtiVersionOf,
  redactText,
  resourceVersionOf,
  type ReportFacts
} from '../../../adapter/src/doctor/report';
import type { MessageValues } from '../../../adapter/src/doctor/types';

const facts: ReportFacts = {
  generatedAt: new Date('2026-11-30T18:00:00Z'),
  resourceVersion: '1764525600000',
  openCtiVersion: '66.0',
  userAgent: 'Mozilla/5.0 Chrome/131',
  provider: 'sip',
  pbxOrigin: 'wss://pbx.example.org:8089',
  iceServerCount: 2,
  orgId: '00D000000000001AAA',
  userId: '005000000000001AAA',
  results: [
    { id: 'open-cti', anchor: 'a', status: 'pass', message: 'Switchboard_Doctor_OpenCtiPass', ms: 1 },
    {
      id: 'sip-registration',
      anchor: 'b',
      status: 'fail',
      message: 'Switchboard_Doctor_SipFailed',
      values: {
        error: 'REGISTER sip:+14155550132@pbx.example.org password=hunter2 failed for 00T000000000042AAA'
      },
      ms: 12
    },
    { id: 'sound', anchor: 'c', status: 'warning', message: 'Switchboard_Doctor_SoundBlocked', ms: 0 },
    { id: 'stun-turn', anchor: 'd', status: 'skip', message: 'Switchboard_Doctor_IceNone', ms: 0 }
  ]
};

const echo = (message: string, values?: MessageValues) =>
  `${message}${values ? ` ${JSON.stringify(values)}` : ''}`;

test('the report names versions, browser, line and every outcome, and counts them', () => {
  const report = buildReport(facts, echo);
  assert.match(report, /static resource version: 1764525600000/);
  assert.match(report, /Open CTI API version: 66\.0/);
  assert.match(report, /Browser: Mozilla\/5\.0 Chrome\/131/);
  assert.match(report, /PBX: wss:\/\/pbx\.example\.org:8089 {2}ICE servers: 2/);
  assert.match(report, /^\[PASS\] open-cti \(1 ms\): Switchboard_Doctor_OpenCtiPass$/m);
  assert.match(report, /^\[FAIL\] sip-registration \(12 ms\)/m);
  assert.match(report, /^\[WARN\] sound/m);
  assert.match(report, /^\[SKIP\] stun-turn/m);
  assert.match(report, /1 passed, 1 warnings, 1 failed, 1 skipped$/);
});

test('the report never carries a password, a full id, a SIP user or a phone number', () => {
  const report = buildReport(facts, echo);
  for (const secret of [
    'hunter2',
    '00D000000000001AAA',
    '005000000000001AAA',
    '00T000000000042AAA',
    '4155550132'
  ])
    assert.ok(!report.includes(secret), `${secret} leaked:\n${report}`);
  assert.match(report, /Org: 00D00… {2}User: 00500…/);
  assert.match(report, /sip:\[user\]@pbx\.example\.org/);
  assert.match(report, /password=\[redacted\]/);
  assert.match(report, /00T00…/);
});

test('redactText keeps origins (IP addresses too) but drops the user:password in them', () => {
  assert.equal(
    redactText('blocked ws://127.0.0.1:1 and wss://10.20.30.40:8089/ws'),
    'blocked ws://127.0.0.1:1 and wss://10.20.30.40:8089/ws'
  );
  assert.equal(redactText('wss://agent:hunter2@pbx.example.org/ws'), 'wss://pbx.example.org/ws');
  assert.equal(redactText('call +1 415 555 0132 failed'), 'call •••••••••••••32 failed');
});

test('redactText leaves ordinary words alone', () => {
  assert.equal(
    redactText('Could not connect to wss://pbx.example.org:8089.'),
    'Could not connect to wss://pbx.example.org:8089.'
  );
  assert.equal(redactText('allowRememberPassword is "x"'), 'allowRememberPassword is "x"');
  assert.equal(idPrefix(null), '(none)');
});

test('versions are read from the script URLs', () => {
  assert.equal(
    resourceVersionOf('https://x.vf.force.com/resource/1764525600000/Softphone_Adapter/softphone.js'),
    '1764525600000'
  );
  assert.equal(resourceVersionOf('http://127.0.0.1/apex/Softphone_Adapter'), null);
  assert.equal(openCtiVersionOf(['', 'https://x/support/api/66.0/lightning/opencti_min.js']), '66.0');
  assert.equal(openCtiVersionOf([]), null);
});
