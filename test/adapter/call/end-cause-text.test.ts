import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_END_CAUSES, endCauseMessage } from '../../../adapter/src/call/end-cause-text';
import { useEnglishLabels } from '../helpers';

useEnglishLabels();

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
