import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedEvents, initialState, transition } from '../../../adapter/src/call/machine';
import type { Phase } from '../../../adapter/src/call/types';
import { useEnglishLabels, ACCOUNT, CONTACT, LEAD, readyState, run } from '../helpers';

useEnglishLabels();

const dial = (
  input: unknown = '+1 415 555 0101',
  context = { who: CONTACT, what: null, params: 'field=Phone' }
) => ({ type: 'DIAL_REQUESTED', callId: 'out-1', input, context }) as const;

describe('outbound calls', () => {
  test('click-to-dial dials the normalised number and opens the panel', () => {
    const { state, effects } = run([dial('(415) 555-0101')]);
    assert.equal(state.phase, 'dialing');
    assert.deepEqual(effects, [
      { type: 'showPanel' },
      { type: 'dial', callId: 'out-1', number: '+14155550101' }
    ]);
    assert.equal(state.call?.display, '(415) 555-0101');
    assert.deepEqual(state.call?.who, CONTACT);
    assert.equal(state.call?.params, 'field=Phone');
  });

  test('a second click during a call never dials twice', () => {
    for (const phase of ['dialing', 'connected', 'held', 'wrapUp'] as const) {
      const script = {
        dialing: [dial()],
        connected: [dial(), { type: 'CONNECTED', callId: 'out-1' } as const],
        held: [
          dial(),
          { type: 'CONNECTED', callId: 'out-1' } as const,
          { type: 'HELD', callId: 'out-1', held: true } as const
        ],
        wrapUp: [dial(), { type: 'CONNECTED', callId: 'out-1' } as const, { type: 'HANGUP' } as const]
      }[phase];
      const before = run(script);
      assert.equal(before.state.phase, phase);
      const after = run([{ ...dial(), callId: 'out-2' }], before.state);
      assert.equal(after.effects.length, 0, `no effects in ${phase}`);
      assert.equal(after.state.call?.id, 'out-1');
      assert.match(after.state.notice?.text ?? '', /not dialled|before dialling/);
    }
  });

  test('an invalid number is refused with a reason and nothing is dialled', () => {
    for (const bad of [
      '',
      'call me maybe',
      '7',
      '+1 415 555',
      null,
      undefined,
      'x'.repeat(500),
      '<img src=x onerror=alert(1)>'
    ]) {
      const { state, effects } = run([
        { type: 'DIAL_REQUESTED', callId: 'out-1', input: bad, context: null }
      ]);
      assert.equal(state.phase, 'idle', String(bad));
      assert.equal(effects.length, 0);
      assert.equal(state.notice?.kind, 'error');
      assert.match(state.notice?.text ?? '', /Nothing was dialled/);
    }
  });

  test('nothing is dialled before the line is registered', () => {
    const [notReady] = transition(initialState(), {
      type: 'INITIALIZED',
      at: 0,
      defaultCountry: 'US',
      dispositions: []
    });
    const { state, effects } = run([dial()], notReady);
    assert.equal(state.phase, 'idle');
    assert.equal(effects.length, 0);
    assert.match(state.notice?.text ?? '', /not connected/);
  });

  test('extensions after the number are sent as tones once dialled', () => {
    const { effects } = run([dial('+1 415 555 0101 ext. 204')]);
    assert.deepEqual(effects.at(-1), { type: 'dtmf', callId: 'out-1', tones: ',,204' });
  });

  test('a dial-pad number with no record is looked up for logging, without popping', () => {
    const { state, effects } = run([
      { type: 'DIAL_REQUESTED', callId: 'out-1', input: '4155550101', context: null },
      { type: 'SCREEN_POP_RESULT', callId: 'out-1', matches: [CONTACT] }
    ]);
    assert.deepEqual(
      effects.find((e) => e.type === 'searchCaller'),
      { type: 'searchCaller', callId: 'out-1', number: '+14155550101', direction: 'outbound' }
    );
    assert.equal(
      effects.some((e) => e.type === 'screenPop'),
      false
    );
    assert.deepEqual(state.call?.who, CONTACT);
  });

  test('connected → held → connected → hang-up → wrap-up → log', () => {
    const { state, effects } = run([
      dial(),
      { type: 'PROGRESS', callId: 'out-1' },
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'TOGGLE_HOLD' },
      { type: 'HELD', callId: 'out-1', held: true },
      { type: 'TOGGLE_HOLD' },
      { type: 'HELD', callId: 'out-1', held: false },
      { type: 'TOGGLE_MUTE' },
      { type: 'DTMF', tones: '1#x' },
      { type: 'HANGUP' },
      { type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 'Wants a callback' },
      { type: 'SUBMIT_WRAP_UP' }
    ]);
    assert.deepEqual(
      effects.map((e) => e.type),
      ['showPanel', 'dial', 'hold', 'hold', 'mute', 'dtmf', 'hangup', 'saveLog']
    );
    assert.deepEqual(
      effects.find((e) => e.type === 'dtmf'),
      { type: 'dtmf', callId: 'out-1', tones: '1#' }
    );
    assert.equal(state.phase, 'idle');
    assert.equal(state.logs.length, 1);
    const log = state.logs[0]!;
    assert.equal(log.status, 'saving');
    assert.equal(log.value.Description, 'Wants a callback\n\nTo: (415) 555-0101');
    assert.equal(log.value.CallDurationInSeconds, 7); // connected at event 3, hung up at event 10: 1 s per event
    assert.equal(log.value.WhoId, CONTACT.id);
  });

  test('busy and no-answer go to wrap-up with the matching result preselected', () => {
    for (const [cause, disposition] of [
      ['busy', 'Busy'],
      ['no-answer', 'No answer']
    ] as const) {
      const { state } = run([dial(), { type: 'ENDED', callId: 'out-1', cause }]);
      assert.equal(state.phase, 'wrapUp');
      assert.equal(state.call?.disposition, disposition);
      assert.equal(state.notice?.kind, 'warning');
    }
  });

  test('a number the phone system refuses (404, undiallable) shows why and logs nothing', () => {
    for (const cause of ['not-found', 'invalid-number'] as const) {
      const { state, effects } = run([dial(), { type: 'ENDED', callId: 'out-1', cause }]);
      assert.equal(state.phase, 'idle');
      assert.equal(state.call, null);
      assert.equal(state.logs.length, 0);
      assert.equal(effects.length, 2, 'only the dial itself');
      assert.equal(state.notice?.kind, 'warning');
    }
  });

  test('wrap-up cannot be saved without a result', () => {
    const { state, effects } = run([
      dial(),
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'HANGUP' },
      { type: 'WRAP_UP_EDITED', disposition: '', notes: '' },
      { type: 'SUBMIT_WRAP_UP' }
    ]);
    assert.equal(state.phase, 'wrapUp');
    assert.equal(effects.filter((e) => e.type === 'saveLog').length, 0);
    assert.match(state.notice?.text ?? '', /Choose a call result/);
  });

  test('events for another call id are ignored', () => {
    const { state, effects } = run([
      dial(),
      { type: 'CONNECTED', callId: 'stale' },
      { type: 'ENDED', callId: 'stale', cause: 'busy' }
    ]);
    assert.equal(state.phase, 'dialing');
    assert.equal(effects.length, 2);
  });
});

describe('blind transfer', () => {
  const connected = () => run([dial(), { type: 'CONNECTED', callId: 'out-1' }]);
  test('transfers to a normalised number and wraps up as Transferred', () => {
    const started = run([{ type: 'TRANSFER', target: '(212) 555-0143' }], connected().state);
    assert.deepEqual(started.effects, [{ type: 'transfer', callId: 'out-1', number: '+12125550143' }]);
    assert.equal(started.state.call?.transferTo, '(212) 555-0143');
    const twice = run([{ type: 'TRANSFER', target: '(212) 555-0199' }], started.state);
    assert.equal(twice.effects.length, 0, 'one transfer at a time');
    const done = run(
      [{ type: 'ENDED', callId: 'out-1', cause: 'local-hangup', detail: 'transferred' }],
      started.state
    );
    assert.equal(done.state.phase, 'wrapUp');
    assert.equal(done.state.call?.disposition, 'Transferred');
    const logged = run([{ type: 'SUBMIT_WRAP_UP' }], done.state);
    assert.match(String(logged.state.logs[0]?.value.Description), /Transferred to \(212\) 555-0143/);
  });
  test('a failed transfer keeps the call and says why; a bad number sends nothing', () => {
    const started = run([{ type: 'TRANSFER', target: '+1 212 555 0143' }], connected().state);
    const failed = run(
      [
        {
          type: 'TRANSFER_FAILED',
          callId: 'out-1',
          reason: 'Transfer failed: the transfer target did not answer'
        }
      ],
      started.state
    );
    assert.equal(failed.state.phase, 'connected');
    assert.equal(failed.state.call?.transferTo, null);
    assert.equal(failed.state.notice?.kind, 'error');
    const bad = run([{ type: 'TRANSFER', target: 'bob' }], connected().state);
    assert.equal(bad.effects.length, 0);
    assert.match(bad.state.notice?.text ?? '', /not transferred/);
  });
});

describe('inbound calls', () => {
  const ring = {
    type: 'INCOMING',
    callId: 'in-1',
    from: '+14155550101',
    displayName: 'ADA <b>L</b>'
  } as const;

  test('ringing opens the panel and searches for the caller', () => {
    const { state, effects } = run([ring]);
    assert.equal(state.phase, 'ringing');
    assert.deepEqual(effects, [
      { type: 'showPanel' },
      { type: 'searchCaller', callId: 'in-1', number: '+14155550101', direction: 'inbound' }
    ]);
    assert.equal(state.call?.callerName, 'ADA <b>L</b>');
  });

  test('one match pops the record and becomes the WhoId', () => {
    const { state, effects } = run([ring, { type: 'SCREEN_POP_RESULT', callId: 'in-1', matches: [CONTACT] }]);
    assert.deepEqual(effects.at(-1), {
      type: 'screenPop',
      pop: { type: 'sobject', params: { recordId: CONTACT.id } }
    });
    assert.deepEqual(state.call?.who, CONTACT);
  });

  test('several matches wait for the agent to pick one', () => {
    const many = run([
      ring,
      { type: 'SCREEN_POP_RESULT', callId: 'in-1', matches: [CONTACT, LEAD, ACCOUNT] }
    ]);
    assert.equal(
      many.effects.some((e) => e.type === 'screenPop'),
      false
    );
    const picked = run([{ type: 'SELECT_RECORD', recordId: ACCOUNT.id }], many.state);
    assert.deepEqual(picked.effects, [
      { type: 'screenPop', pop: { type: 'sobject', params: { recordId: ACCOUNT.id } } }
    ]);
    assert.deepEqual(picked.state.call?.what, ACCOUNT);
    const unknown = run([{ type: 'SELECT_RECORD', recordId: '003000000000009AAA' }], many.state);
    assert.equal(unknown.effects.length, 0);
  });

  test('no match offers search and new Contact / Lead with the phone filled in', () => {
    const none = run([ring, { type: 'SCREEN_POP_RESULT', callId: 'in-1', matches: [] }]);
    const search = run([{ type: 'POP_SEARCH' }], none.state);
    assert.deepEqual(search.effects, [
      { type: 'screenPop', pop: { type: 'search', params: { searchString: '+14155550101' } } }
    ]);
    const lead = run([{ type: 'POP_NEW_RECORD', entityName: 'Lead' }], none.state);
    assert.deepEqual(lead.effects, [
      {
        type: 'screenPop',
        pop: {
          type: 'newRecord',
          params: { entityName: 'Lead', defaultFieldValues: { Phone: '(415) 555-0101' } }
        }
      }
    ]);
  });

  test('answer → connected; decline logs a declined call and tells the provider', () => {
    const answered = run([ring, { type: 'ANSWER' }, { type: 'CONNECTED', callId: 'in-1' }]);
    assert.equal(answered.state.phase, 'connected');
    assert.deepEqual(answered.effects.at(-1), { type: 'answer', callId: 'in-1' });
    const declined = run([ring, { type: 'DECLINE' }]);
    assert.equal(declined.state.phase, 'idle');
    assert.deepEqual(
      declined.effects.slice(-2).map((e) => e.type),
      ['decline', 'saveLog']
    );
    assert.equal(declined.state.logs[0]?.value.CallDisposition, 'Declined');
    assert.equal(declined.state.logs[0]?.value.CallType, 'Inbound');
  });

  test('a caller who gives up is logged as missed, with no wrap-up', () => {
    const { state, effects } = run([
      ring,
      { type: 'SCREEN_POP_RESULT', callId: 'in-1', matches: [CONTACT] },
      { type: 'ENDED', callId: 'in-1', cause: 'canceled' }
    ]);
    assert.equal(state.phase, 'idle');
    assert.equal(effects.at(-1)?.type, 'saveLog');
    assert.equal(state.logs[0]?.value.CallDisposition, 'Missed');
    assert.equal(state.logs[0]?.value.WhoId, CONTACT.id);
  });

  test('a call offered while dialling out is declined and logged as missed', () => {
    const busy = run([dial()]);
    const { state, effects } = run([ring], busy.state);
    assert.equal(state.phase, 'dialing');
    assert.equal(state.call?.id, 'out-1');
    assert.deepEqual(
      effects.map((e) => e.type),
      ['decline', 'saveLog']
    );
    assert.equal(state.logs[0]?.callId, 'in-1');
  });

  test('call waiting: hold & answer parks the first call, and the agent returns to it after wrap-up', () => {
    const onCall = run([dial(), { type: 'CONNECTED', callId: 'out-1' }]);
    const offered = run([ring], onCall.state);
    assert.equal(offered.state.phase, 'connected');
    assert.equal(offered.state.waiting?.id, 'in-1');
    const answered = run([{ type: 'ANSWER_WAITING' }], offered.state);
    assert.deepEqual(
      answered.effects.map((e) => e.type),
      ['hold', 'answer', 'searchCaller']
    );
    assert.equal(answered.state.call?.id, 'in-1');
    assert.equal(answered.state.parked?.id, 'out-1');
    assert.equal(answered.state.parked?.held, true);
    const third = run([{ type: 'INCOMING', callId: 'in-2', from: '+12125550100' }], answered.state);
    assert.deepEqual(
      third.effects.map((e) => e.type),
      ['decline', 'saveLog'],
      'no third line'
    );
    const done = run(
      [{ type: 'CONNECTED', callId: 'in-1' }, { type: 'HANGUP' }, { type: 'SUBMIT_WRAP_UP' }],
      answered.state
    );
    assert.equal(done.state.phase, 'held');
    assert.equal(done.state.call?.id, 'out-1');
    assert.equal(done.state.parked, null);
    const resumed = run([{ type: 'TOGGLE_HOLD' }], done.state);
    assert.deepEqual(resumed.effects, [{ type: 'hold', callId: 'out-1', held: false }]);
  });

  test('call waiting: decline logs it; a waiting caller who gives up is missed; a held caller who hangs up is logged', () => {
    const onCall = run([dial(), { type: 'CONNECTED', callId: 'out-1' }, ring]);
    const declined = run([{ type: 'DECLINE_WAITING' }], onCall.state);
    assert.deepEqual(
      declined.effects.map((e) => e.type),
      ['decline', 'saveLog']
    );
    assert.equal(declined.state.logs[0]?.value.CallDisposition, 'Declined (call waiting)');
    assert.equal(declined.state.waiting, null);
    const gaveUp = run([{ type: 'ENDED', callId: 'in-1', cause: 'canceled' }], onCall.state);
    assert.equal(gaveUp.state.logs[0]?.value.CallDisposition, 'Missed (call waiting)');
    assert.equal(gaveUp.state.phase, 'connected');
    const parked = run([{ type: 'ANSWER_WAITING' }, { type: 'CONNECTED', callId: 'in-1' }], onCall.state);
    const heldHungUp = run([{ type: 'ENDED', callId: 'out-1', cause: 'remote-hangup' }], parked.state);
    assert.equal(heldHungUp.state.parked, null);
    assert.equal(heldHungUp.state.phase, 'connected');
    assert.equal(heldHungUp.state.logs[0]?.callId, 'out-1');
    assert.equal(heldHungUp.state.logs[0]?.value.CallType, 'Outbound');
  });

  test('a call offered during wrap-up saves the wrap-up as it stands and rings', () => {
    const wrap = run([
      dial(),
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'HANGUP' },
      { type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 'half-typed' }
    ]);
    const { state, effects } = run([ring], wrap.state);
    assert.equal(state.phase, 'ringing');
    assert.deepEqual(
      effects.map((e) => e.type),
      ['saveLog', 'showPanel', 'searchCaller']
    );
    assert.match(String(state.logs[0]?.value.Description), /half-typed/);
  });
});

describe('call logs', () => {
  const logged = () =>
    run([dial(), { type: 'CONNECTED', callId: 'out-1' }, { type: 'HANGUP' }, { type: 'SUBMIT_WRAP_UP' }]);

  test('saved logs refresh the view and keep the Task id', () => {
    const { state, effects } = run(
      [{ type: 'LOG_SAVED', callId: 'out-1', taskId: '00T000000000001AAA' }],
      logged().state
    );
    assert.deepEqual(effects, [{ type: 'refreshView' }]);
    assert.equal(state.logs[0]?.status, 'saved');
    assert.equal(state.logs[0]?.taskId, '00T000000000001AAA');
  });

  test('a failed save is shown and retried with the same log on request, never on its own', () => {
    const failed = run([{ type: 'LOG_FAILED', callId: 'out-1', error: 'Field is required' }], logged().state);
    assert.equal(failed.effects.length, 0);
    assert.equal(failed.state.logs[0]?.status, 'failed');
    assert.equal(failed.state.notice?.kind, 'error');
    const retried = run([{ type: 'RETRY_LOG', callId: 'out-1' }], failed.state);
    assert.equal(retried.effects.length, 1);
    assert.deepEqual(retried.effects[0], {
      type: 'saveLog',
      callId: 'out-1',
      value: failed.state.logs[0]!.value
    });
    assert.equal(retried.state.logs[0]?.status, 'saving');
    assert.equal(
      retried.state.logs[0]?.attempts,
      failed.state.logs[0]?.attempts,
      'log delivery counts attempts (LOG_SENDING), not the request'
    );
    const sending = run([{ type: 'LOG_SENDING', callId: 'out-1', attempts: 2 }], retried.state);
    assert.equal(sending.state.logs[0]?.attempts, 2);
    const twice = run([{ type: 'RETRY_LOG', callId: 'out-1' }], retried.state);
    assert.equal(twice.effects.length, 0, 'a retry while saving does not save twice');
  });

  test('a duplicate confirmation does not refresh twice', () => {
    const once = run([{ type: 'LOG_SAVED', callId: 'out-1', taskId: '00T000000000001AAA' }], logged().state);
    const twice = run([{ type: 'LOG_SAVED', callId: 'out-1', taskId: '00T000000000001AAA' }], once.state);
    assert.equal(twice.effects.length, 0);
  });
});

describe('restore after a reload', () => {
  const connectedCall = () =>
    run([
      dial(),
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'WRAP_UP_EDITED', disposition: '', notes: '' }
    ]).state;

  test('a call that was up ends at the last time it was known alive and goes to wrap-up', () => {
    const before = connectedCall();
    const call = before.call!;
    const savedAt = call.connectedAt! + 42_000;
    const { state, effects } = run([
      { type: 'RESTORE', draft: { phase: 'connected', call, waiting: null, parked: null, savedAt }, logs: [] }
    ]);
    assert.equal(state.phase, 'wrapUp');
    assert.equal(state.call?.endedAt, savedAt);
    assert.equal(state.call?.endCause, 'connection-lost');
    assert.equal(state.call?.disposition, 'Completed');
    assert.equal(effects.length, 0);
    assert.match(state.notice?.text ?? '', /reloaded during a call/);
    const logged = run([{ type: 'SUBMIT_WRAP_UP' }], state);
    assert.equal(logged.state.logs[0]?.value.CallDurationInSeconds, 42, 'the true duration');
  });

  test('wrap-up comes back with the notes typed so far; a ringing call comes back as missed', () => {
    const wrap = run([
      dial(),
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'HANGUP' },
      { type: 'WRAP_UP_EDITED', disposition: 'Busy', notes: 'typed before reload' }
    ]).state;
    const restored = run([
      {
        type: 'RESTORE',
        draft: { phase: 'wrapUp', call: wrap.call!, waiting: null, parked: null, savedAt: 1 },
        logs: []
      }
    ]);
    assert.equal(restored.state.phase, 'wrapUp');
    assert.equal(restored.state.call?.notes, 'typed before reload');
    const ringing = run([{ type: 'INCOMING', callId: 'in-1', from: '+14155550101' }]).state;
    const missed = run([
      {
        type: 'RESTORE',
        draft: { phase: 'ringing', call: ringing.call!, waiting: null, parked: null, savedAt: 5 },
        logs: []
      }
    ]);
    assert.equal(missed.state.phase, 'idle');
    assert.deepEqual(
      missed.effects.map((e) => e.type),
      ['saveLog']
    );
    assert.equal(missed.state.logs[0]?.value.CallDisposition, 'Missed');
  });

  test('unconfirmed logs come back; RESTORE is ignored once a call is up', () => {
    const log = run([
      dial(),
      { type: 'CONNECTED', callId: 'out-1' },
      { type: 'HANGUP' },
      { type: 'SUBMIT_WRAP_UP' }
    ]).state.logs[0]!;
    const restored = run([
      { type: 'RESTORE', draft: null, logs: [{ ...log, status: 'failed', error: 'x' }] }
    ]);
    assert.equal(restored.state.logs[0]?.status, 'failed');
    const busy = run([dial()]);
    const ignored = run([{ type: 'RESTORE', draft: null, logs: [log] }], busy.state);
    assert.equal(ignored.state.logs.length, 0);
  });
});

describe('the transition table', () => {
  const phases: Phase[] = ['idle', 'dialing', 'ringing', 'connected', 'held', 'wrapUp'];
  test('every phase accepts exactly the events it should', () => {
    const expected: Record<Phase, string[]> = {
      idle: ['DIAL_REQUESTED', 'INCOMING'],
      dialing: [
        'DIAL_REQUESTED',
        'PROGRESS',
        'CONNECTED',
        'HANGUP',
        'ENDED',
        'SCREEN_POP_RESULT',
        'SCREEN_POP_FAILED',
        'SELECT_RECORD'
      ],
      ringing: [
        'DIAL_REQUESTED',
        'ANSWER',
        'DECLINE',
        'CONNECTED',
        'ENDED',
        'SCREEN_POP_RESULT',
        'SCREEN_POP_FAILED',
        'SELECT_RECORD',
        'POP_SEARCH',
        'POP_NEW_RECORD'
      ],
      connected: [
        'TOGGLE_MUTE',
        'DTMF',
        'TRANSFER',
        'TRANSFER_FAILED',
        'HANGUP',
        'ENDED',
        'ANSWER_WAITING',
        'DECLINE_WAITING',
        'SCREEN_POP_RESULT',
        'SCREEN_POP_FAILED',
        'SELECT_RECORD',
        'POP_SEARCH',
        'POP_NEW_RECORD',
        'DIAL_REQUESTED',
        'TOGGLE_HOLD',
        'HELD',
        'QUALITY_SAMPLE'
      ],
      held: [
        'TOGGLE_MUTE',
        'DTMF',
        'TRANSFER',
        'TRANSFER_FAILED',
        'HANGUP',
        'ENDED',
        'ANSWER_WAITING',
        'DECLINE_WAITING',
        'SCREEN_POP_RESULT',
        'SCREEN_POP_FAILED',
        'SELECT_RECORD',
        'POP_SEARCH',
        'POP_NEW_RECORD',
        'DIAL_REQUESTED',
        'TOGGLE_HOLD',
        'HELD'
      ],
      wrapUp: [
        'DIAL_REQUESTED',
        'WRAP_UP_EDITED',
        'ENDED',
        'SUBMIT_WRAP_UP',
        'INCOMING',
        'SCREEN_POP_RESULT',
        'SCREEN_POP_FAILED',
        'SELECT_RECORD',
        'POP_SEARCH',
        'POP_NEW_RECORD'
      ]
    };
    const common = [
      'INITIALIZED',
      'REGISTRATION',
      'LOG_SAVED',
      'LOG_FAILED',
      'LOG_SENDING',
      'RETRY_LOG',
      'RESTORE',
      'IDENTIFIED',
      'NOTICE',
      'DISMISS_NOTICE',
      'INCOMING'
    ];
    for (const phase of phases) {
      assert.deepEqual(new Set(acceptedEvents(phase)), new Set([...expected[phase], ...common]), phase);
    }
  });

  test('agent controls outside a call change nothing', () => {
    const idle = readyState();
    for (const type of [
      'ANSWER',
      'DECLINE',
      'HANGUP',
      'TOGGLE_HOLD',
      'TOGGLE_MUTE',
      'SUBMIT_WRAP_UP',
      'POP_SEARCH'
    ] as const) {
      const [next, fx] = transition(idle, { type, at: 1 });
      assert.equal(next, idle, type);
      assert.equal(fx.length, 0);
    }
  });
});
