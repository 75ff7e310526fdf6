import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialContextFrom } from '../../adapter/src/app/click-to-dial';
import { parseDialString } from '../../adapter/src/phone/phone-number';
import { matchesFrom } from '../../adapter/src/screenpop/matches';
import { defaultDispositions, parseSettings } from '../../adapter/src/settings/settings';
import { redact } from '../../adapter/src/logging/logger';
import { useEnglishLabels } from './helpers';

useEnglishLabels();

describe('phone numbers', () => {
  test('national and international forms normalise to E.164', () => {
    assert.deepEqual(parseDialString('(415) 555-0101', 'US'), {
      ok: true,
      kind: 'e164',
      dial: '+14155550101',
      display: '(415) 555-0101'
    });
    const uk = parseDialString('020 7946 0018', 'GB');
    assert.equal(uk.ok && uk.dial, '+442079460018');
    const intl = parseDialString('+44 20 7946 0018', 'US');
    assert.equal(intl.ok && intl.display, '+44 20 7946 0018');
    assert.equal(parseDialString(4155550101, 'US').ok, true, 'the documented payload type is number');
  });
  test('extensions are kept; short internal extensions dial as they are', () => {
    const r = parseDialString('415-555-0101 x204', 'US');
    assert.equal(r.ok && r.kind === 'e164' && r.extension, '204');
    assert.deepEqual(parseDialString('1001', 'US'), {
      ok: true,
      kind: 'extension',
      dial: '1001',
      display: '1001'
    });
  });
  test('anything else is refused with a reason', () => {
    for (const bad of [
      '',
      '   ',
      'abc',
      '+1 555',
      '<script>',
      'x'.repeat(100),
      {},
      null,
      '١٢٣٤٥٦٧٨٩٠',
      '+1 (415) 555-01019999999'
    ]) {
      const r = parseDialString(bad, 'US');
      assert.equal(r.ok, false, JSON.stringify(bad));
      assert.ok(!r.ok && r.reason.length > 0);
    }
  });
});

describe('call center settings', () => {
  test('defaults when the section is missing: the demo line', () => {
    const s = parseSettings({});
    assert.equal(s.provider, 'demo');
    assert.equal(s.defaultCountry, 'US');
    assert.deepEqual(s.dispositions, defaultDispositions());
    assert.deepEqual(s.dispositions.slice(0, 2), ['Completed', 'Left voicemail'], 'from the English labels');
    assert.deepEqual(s.problems, []);
  });
  test('reads the switchboard section', () => {
    const s = parseSettings({
      '/switchboard/provider': 'sip',
      '/switchboard/webSocketUrl': 'wss://pbx.acme.test:8089/ws',
      '/switchboard/sipDomain': 'acme.test',
      '/switchboard/iceServers': 'stun:stun.acme.test:3478, turn:turn.acme.test',
      '/switchboard/registerExpires': '300',
      '/switchboard/defaultCountry': 'gb',
      '/switchboard/dispositions': 'Sale, No sale,Sale'
    });
    assert.equal(s.provider, 'sip');
    assert.deepEqual(s.iceServers, ['stun:stun.acme.test:3478', 'turn:turn.acme.test']);
    assert.equal(s.registerExpires, 300);
    assert.equal(s.defaultCountry, 'GB');
    assert.deepEqual(s.dispositions, ['Sale', 'No sale']);
    assert.deepEqual(s.problems, []);
  });
  test('bad values fall back and say what to fix', () => {
    const s = parseSettings({
      '/switchboard/provider': 'sip',
      '/switchboard/webSocketUrl': 'wss://pbx.example.com:8089/ws',
      '/switchboard/registerExpires': 'soon',
      '/switchboard/defaultCountry': 'USA',
      '/switchboard/iceServers': 'http://nope'
    });
    assert.equal(s.provider, 'demo');
    assert.equal(s.registerExpires, 600);
    assert.equal(s.defaultCountry, 'US');
    assert.equal(s.problems.length, 4);
    assert.match(s.problems.join(' '), /placeholder pbx\.example\.com/);
  });
});

describe('click-to-dial payloads', () => {
  test('Contacts and Leads are WhoId, other records WhatId, person accounts both', () => {
    assert.deepEqual(
      dialContextFrom({
        number: '1',
        recordId: '003000000000001AAA',
        objectType: 'Contact',
        recordName: 'Ada'
      }).who?.id,
      '003000000000001AAA'
    );
    assert.equal(
      dialContextFrom({ number: '1', recordId: '006000000000001AAA', objectType: 'Opportunity' }).what
        ?.objectType,
      'Opportunity'
    );
    const pa = dialContextFrom({
      number: '1',
      recordId: '001000000000001AAA',
      objectType: 'Account',
      personAccount: true,
      contactId: '003000000000002AAA',
      accountId: '001000000000001AAA'
    });
    assert.equal(pa.who?.id, '003000000000002AAA');
    assert.equal(pa.what?.id, '001000000000001AAA');
  });
  test('ids that are not Salesforce ids are dropped', () => {
    const c = dialContextFrom({ number: '1', recordId: "'); DROP TABLE", objectType: 'Contact' });
    assert.deepEqual(c, { who: null, what: null, params: null });
  });
});

describe('search results', () => {
  test('keeps records, skips SCREEN_POP_DATA and junk', () => {
    const m = matchesFrom({
      '003000000000001AAA': { Id: '003000000000001AAA', Name: 'Ada', RecordType: 'Contact' },
      SCREEN_POP_DATA: { foo: 1 },
      junk: 5,
      bad: { Id: 'nope' }
    });
    assert.deepEqual(m, [{ id: '003000000000001AAA', name: 'Ada', objectType: 'Contact' }]);
  });
});

describe('redacting logger', () => {
  test('masks numbers and sensitive fields', () => {
    assert.equal(redact('dialled +1 415 555 0101 now'), 'dialled •••••••••••••01 now');
    assert.deepEqual(
      redact({ number: '+14155550101', password: 'pw', count: 3, nested: { displayName: 'Ada' } }),
      {
        number: '[redacted]',
        password: '[redacted]',
        count: 3,
        nested: { displayName: '[redacted]' }
      }
    );
  });
});
