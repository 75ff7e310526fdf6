import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as JsSIP from 'jssip';
import { endCauseFromJsSip, isKnownJsSipCause } from '../../../../adapter/src/telephony/sip/end-cause';
import { ALL_END_CAUSES } from '../../../../adapter/src/call/end-cause-text';

const { causes } = JsSIP.C;
const allJsSipCauses = Object.values(causes) as string[];

/** The cause JsSIP itself gives a final response (its SIP_ERROR_CAUSES, as Utils.sipErrorCause reads it). */
function jssipCauseFor(statusCode: number): string {
  const byName = causes as unknown as Record<string, string>;
  for (const [name, codes] of Object.entries(JsSIP.C.SIP_ERROR_CAUSES)) {
    if ((codes as readonly number[]).includes(statusCode)) return byName[name] ?? '';
  }
  return causes.SIP_FAILURE_CODE;
}

const fromResponse = (statusCode: number) =>
  endCauseFromJsSip({ cause: jssipCauseFor(statusCode), originator: 'remote', statusCode });

test('every cause this JsSIP can report has a rule (a JsSIP upgrade that adds one fails here)', () => {
  assert.ok(allJsSipCauses.length >= 20, 'JsSIP cause list looks empty');
  assert.deepEqual(
    allJsSipCauses.filter((cause) => !isKnownJsSipCause(cause)),
    []
  );
  for (const cause of allJsSipCauses) {
    for (const originator of ['local', 'remote', 'system'] as const) {
      assert.ok(
        ALL_END_CAUSES.includes(endCauseFromJsSip({ cause, originator })),
        `${cause} maps to an EndCause the agent has a sentence for`
      );
    }
  }
});

test('only the generic failures read as "the call failed"; every specific cause says something more useful', () => {
  const generic = allJsSipCauses.filter(
    (cause) => endCauseFromJsSip({ cause, originator: 'remote' }) === 'error'
  );
  assert.deepEqual(generic.sort(), [causes.INTERNAL_ERROR, causes.SIP_FAILURE_CODE].sort());
});

test('final responses to an INVITE land where the agent expects', () => {
  const expectations: Array<[number[], string]> = [
    [[486, 600], 'busy'],
    [[404, 604], 'not-found'],
    [[484], 'invalid-number'],
    [[401, 407], 'auth-failed'],
    [[403, 603], 'rejected'],
    [[488, 606], 'bad-media'],
    [[480, 410, 430], 'unavailable'],
    [[302], 'unavailable'],
    [[500, 503], 'error']
  ];
  for (const [codes, expected] of expectations) {
    for (const code of codes) assert.equal(fromResponse(code), expected, `${code} (${jssipCauseFor(code)})`);
  }
});

test('408 is the proxy ring timer running out: no-answer, unlike the other Unavailable codes', () => {
  assert.equal(jssipCauseFor(408), causes.UNAVAILABLE, 'JsSIP files 408 under Unavailable');
  assert.equal(fromResponse(408), 'no-answer');
  assert.equal(
    endCauseFromJsSip({ cause: causes.UNAVAILABLE, originator: 'remote' }),
    'unavailable',
    'no status code: not a ring timer'
  );
});

test('a BYE is a local or remote hang-up depending on who sent it', () => {
  assert.equal(endCauseFromJsSip({ cause: causes.BYE, originator: 'local' }), 'local-hangup');
  assert.equal(endCauseFromJsSip({ cause: causes.BYE, originator: 'remote' }), 'remote-hangup');
  assert.equal(endCauseFromJsSip({ cause: causes.BYE, originator: 'system' }), 'local-hangup');
});

test('causes without a response: who gave up, and what went away', () => {
  assert.equal(endCauseFromJsSip({ cause: causes.CANCELED, originator: 'local' }), 'canceled');
  assert.equal(endCauseFromJsSip({ cause: causes.CANCELED, originator: 'remote' }), 'canceled');
  assert.equal(endCauseFromJsSip({ cause: causes.NO_ANSWER, originator: 'local' }), 'no-answer');
  assert.equal(
    endCauseFromJsSip({ cause: causes.REQUEST_TIMEOUT, originator: 'system' }),
    'unavailable',
    'the far end, not our connection'
  );
  assert.equal(
    endCauseFromJsSip({ cause: causes.CONNECTION_ERROR, originator: 'system' }),
    'connection-lost'
  );
  assert.equal(endCauseFromJsSip({ cause: causes.RTP_TIMEOUT, originator: 'system' }), 'connection-lost');
  assert.equal(
    endCauseFromJsSip({ cause: causes.USER_DENIED_MEDIA_ACCESS, originator: 'local' }),
    'bad-media',
    'the microphone was refused'
  );
});

test('unknown cause strings fall back to error', () => {
  assert.equal(endCauseFromJsSip({ cause: 'Something New', originator: 'remote' }), 'error');
  assert.equal(endCauseFromJsSip({ cause: '', originator: 'local' }), 'error');
  assert.equal(endCauseFromJsSip({ cause: 'toString', originator: 'local' }), 'error');
  assert.equal(isKnownJsSipCause('toString'), false);
});
