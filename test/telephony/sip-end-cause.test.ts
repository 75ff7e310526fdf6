import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as JsSIP from 'jssip';
import { endCauseFromJsSip } from '../../adapter/src/telephony/sip/end-cause';
import { ALL_END_CAUSES, endCauseMessage } from '../../adapter/src/telephony/end-cause-message';
import type { EndCause } from '../../adapter/src/telephony/provider';

// Every cause string JsSIP 3.x can report, with what we expect for a remote originator and no status code.
const EXPECTED: Record<string, EndCause> = {
  'Connection Error': 'connection-lost',
  'Request Timeout': 'unavailable',
  'SIP Failure Code': 'error',
  'Internal Error': 'error',
  Busy: 'busy',
  Rejected: 'rejected',
  Redirected: 'unavailable',
  Unavailable: 'unavailable',
  'Not Found': 'not-found',
  'Address Incomplete': 'invalid-number',
  'Incompatible SDP': 'bad-media',
  'Missing SDP': 'bad-media',
  'Authentication Error': 'auth-failed',
  Terminated: 'remote-hangup',
  'WebRTC Error': 'bad-media',
  Canceled: 'canceled',
  'No Answer': 'no-answer',
  Expires: 'no-answer',
  'No ACK': 'connection-lost',
  'Dialog Error': 'connection-lost',
  'User Denied Media Access': 'bad-media',
  'Bad Media Description': 'bad-media',
  'RTP Timeout': 'connection-lost'
};

test('every JsSIP.C.causes string maps to the documented EndCause', () => {
  const jssipCauses = Object.values(JsSIP.C.causes) as string[];
  assert.ok(jssipCauses.length >= 23, 'JsSIP cause table looks empty');
  for (const cause of jssipCauses) {
    assert.ok(cause in EXPECTED, `JsSIP cause "${cause}" has no expectation: add it to the mapping and this test`);
    assert.equal(endCauseFromJsSip({ cause, originator: 'remote' }), EXPECTED[cause], cause);
  }
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...jssipCauses].sort(), 'test table lists a cause JsSIP no longer has');
});

test('a BYE is a local or remote hang-up depending on who sent it', () => {
  assert.equal(endCauseFromJsSip({ cause: JsSIP.C.causes.BYE, originator: 'local' }), 'local-hangup');
  assert.equal(endCauseFromJsSip({ cause: JsSIP.C.causes.BYE, originator: 'remote' }), 'remote-hangup');
  assert.equal(endCauseFromJsSip({ cause: JsSIP.C.causes.BYE, originator: 'system' }), 'local-hangup');
});

test('408 from the proxy ring timer is no-answer; other Unavailable codes stay unavailable', () => {
  assert.equal(endCauseFromJsSip({ cause: 'Unavailable', originator: 'remote', statusCode: 408 }), 'no-answer');
  for (const statusCode of [480, 410, 430]) {
    assert.equal(endCauseFromJsSip({ cause: 'Unavailable', originator: 'remote', statusCode }), 'unavailable');
  }
});

test('canceled is canceled whichever side gave up', () => {
  assert.equal(endCauseFromJsSip({ cause: 'Canceled', originator: 'local' }), 'canceled');
  assert.equal(endCauseFromJsSip({ cause: 'Canceled', originator: 'remote' }), 'canceled');
});

test('unknown cause strings fall back to error', () => {
  assert.equal(endCauseFromJsSip({ cause: 'Something New', originator: 'remote' }), 'error');
  assert.equal(endCauseFromJsSip({ cause: '', originator: 'local' }), 'error');
  assert.equal(endCauseFromJsSip({ cause: 'toString', originator: 'local' }), 'error');
});

test('every EndCause has a plain agent-facing sentence', () => {
  assert.equal(ALL_END_CAUSES.length, 13);
  for (const cause of ALL_END_CAUSES) {
    const message = endCauseMessage(cause);
    assert.match(message, /^[A-Z].*\.$/, cause);
    assert.doesNotMatch(message, /\bSIP\s?\d{3}\b|JsSIP|INVITE/, cause);
  }
  assert.equal(endCauseMessage('busy'), 'The number is busy.');
  assert.equal(endCauseMessage('auth-failed'), 'The phone system rejected your SIP user name or password.');
});
