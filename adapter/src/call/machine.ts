import { t } from '../i18n/labels';
import { parseDialString } from '../phone/phone-number';
import {
  applyMatch,
  defaultDisposition,
  endCall,
  identify,
  inboundCall,
  isCurrent,
  newCall,
  pruneLogs,
  startLog,
  stay,
  updateLog,
  withCall
} from './call-steps';
import { onQualitySample } from './quality-step';
import { restore } from './restore';
import type {
  Call,
  Effect,
  EventOf,
  EventType,
  MachineEvent,
  MachineState,
  Phase,
  Transition
} from './types';

/**
 * The call state machine: pure and synchronous. `transition(state, event)` returns the next
 * state and the effects to run. Each phase lists the events it accepts; anything else is
 * ignored (returned unchanged), which is what makes late or duplicate telephony events and
 * double clicks harmless.
 */

type Handler<T extends EventType> = (state: MachineState, event: EventOf<T>) => Transition;
type PhaseTable = { [T in EventType]?: Handler<T> };

export { MAX_SAVED_LOGS_KEPT } from './call-steps';

export function initialState(): MachineState {
  return {
    phase: 'idle',
    call: null,
    waiting: null,
    parked: null,
    logs: [],
    initialized: false,
    registration: 'unregistered',
    registrationReason: null,
    defaultCountry: 'US',
    dispositions: [],
    notice: null
  };
}

// ---- handlers shared by several phases ----------------------------------------------------

const onScreenPopResult: Handler<'SCREEN_POP_RESULT'> = (state, e) => {
  if (!isCurrent(state, e.callId)) return stay(state);
  let next = withCall(state, { screenPop: { status: 'found', matches: e.matches } });
  const only = e.matches.length === 1 ? e.matches[0] : undefined;
  if (!only) return stay(next);
  next = applyMatch(next, only);
  // Outbound calls start on the record the agent is looking at; only inbound calls pop.
  return state.call.direction === 'inbound'
    ? [next, [{ type: 'screenPop', pop: { type: 'sobject', params: { recordId: only.id } } }]]
    : stay(next);
};

const onScreenPopFailed: Handler<'SCREEN_POP_FAILED'> = (state, e) =>
  isCurrent(state, e.callId)
    ? stay(withCall(state, { screenPop: { status: 'failed', error: e.error } }))
    : stay(state);

const onSelectRecord: Handler<'SELECT_RECORD'> = (state, e) => {
  const call = state.call;
  if (!call || call.screenPop.status !== 'found') return stay(state);
  const match = call.screenPop.matches.find((m) => m.id === e.recordId);
  if (!match) return stay(state);
  return [
    applyMatch(state, match),
    [{ type: 'screenPop', pop: { type: 'sobject', params: { recordId: match.id } } }]
  ];
};

/** Salesforce search needs at least this many characters. */
const MIN_SEARCH_LENGTH = 3;

const onPopSearch: Handler<'POP_SEARCH'> = (state) => {
  const call = state.call;
  if (!call) return stay(state);
  const searchString = call.dial.length >= MIN_SEARCH_LENGTH ? call.dial : call.display;
  if (searchString.length < MIN_SEARCH_LENGTH)
    return stay({
      ...state,
      notice: { kind: 'warning', text: t('Switchboard_Records_SearchTooShort', { count: MIN_SEARCH_LENGTH }) }
    });
  return [state, [{ type: 'screenPop', pop: { type: 'search', params: { searchString } } }]];
};

const onPopNewRecord: Handler<'POP_NEW_RECORD'> = (state, e) => {
  const call = state.call;
  if (!call) return stay(state);
  return [
    state,
    [
      {
        type: 'screenPop',
        pop: {
          type: 'newRecord',
          params: { entityName: e.entityName, defaultFieldValues: { Phone: call.display } }
        }
      }
    ]
  ];
};

const onEnded: Handler<'ENDED'> = (state, e) => {
  if (isCurrent(state, e.callId))
    return state.phase === 'wrapUp' ? stay(state) : endCall(state, e.cause, e.at, e.detail);
  // The second caller gave up before the agent answered: a missed call.
  if (state.waiting?.id === e.callId) {
    const missed: Call = {
      ...state.waiting,
      endedAt: e.at,
      endCause: e.cause,
      disposition: t('Switchboard_Disposition_MissedWaiting')
    };
    return startLog({ ...state, waiting: null }, missed, e.at);
  }
  // The caller on hold hung up: that call is over, and logged as it stands.
  if (state.parked?.id === e.callId) {
    const ended: Call = {
      ...state.parked,
      held: false,
      endedAt: e.at,
      endCause: e.cause,
      disposition: state.parked.disposition || defaultDisposition(state, e.cause, true)
    };
    return startLog(
      {
        ...state,
        parked: null,
        notice: { kind: 'info', text: t('Switchboard_Waiting_ParkedHungUp', { caller: ended.display }) }
      },
      ended,
      e.at
    );
  }
  return stay(state);
};

/** A second call while on a call: offered as call waiting, unless one is already waiting or held. */
const offerWaiting: Handler<'INCOMING'> = (state, e) => {
  if (state.waiting || state.parked) return ANY_PHASE.INCOMING!(state, e);
  const waiting = inboundCall(state, e);
  return [{ ...state, waiting }, [{ type: 'showPanel' }]];
};

const onAnswerWaiting: Handler<'ANSWER_WAITING'> = (state) => {
  const { call, waiting } = state;
  if (!call || !waiting) return stay(state);
  const effects: Effect[] = call.held ? [] : [{ type: 'hold', callId: call.id, held: true }];
  effects.push({ type: 'answer', callId: waiting.id });
  const answering: Call = { ...waiting, screenPop: { status: 'searching' } };
  effects.push({ type: 'searchCaller', callId: answering.id, number: answering.dial, direction: 'inbound' });
  return [
    { ...state, phase: 'ringing', call: answering, waiting: null, parked: { ...call, held: true } },
    effects
  ];
};

const onDeclineWaiting: Handler<'DECLINE_WAITING'> = (state, e) => {
  const waiting = state.waiting;
  if (!waiting) return stay(state);
  const declined: Call = {
    ...waiting,
    endedAt: e.at,
    endCause: 'rejected',
    disposition: t('Switchboard_Disposition_DeclinedWaiting')
  };
  const [next, effects] = startLog({ ...state, waiting: null }, declined, e.at);
  return [next, [{ type: 'decline', callId: waiting.id }, ...effects]];
};

const onHangup: Handler<'HANGUP'> = (state, e) => {
  const call = state.call;
  if (!call) return stay(state);
  const [next, effects] = endCall(state, 'local-hangup', e.at);
  return [next, [{ type: 'hangup', callId: call.id }, ...effects]];
};

const inCallControls: PhaseTable = {
  TOGGLE_MUTE: (state) => {
    const call = state.call;
    if (!call) return stay(state);
    return [withCall(state, { muted: !call.muted }), [{ type: 'mute', callId: call.id, muted: !call.muted }]];
  },
  DTMF: (state, e) => {
    const call = state.call;
    const tones = e.tones.replace(/[^0-9A-D#*,]/gi, '').toUpperCase();
    if (!call || tones.length === 0) return stay(state);
    return [state, [{ type: 'dtmf', callId: call.id, tones }]];
  },
  TRANSFER: (state, e) => {
    const call = state.call;
    if (!call || call.transferTo) return stay(state);
    const parsed = parseDialString(e.target, state.defaultCountry);
    if (!parsed.ok)
      return stay({
        ...state,
        notice: { kind: 'error', text: t('Switchboard_Transfer_Refused', { reason: parsed.reason }) }
      });
    return [
      { ...withCall(state, { transferTo: parsed.display }), notice: null },
      [{ type: 'transfer', callId: call.id, number: parsed.dial }]
    ];
  },
  TRANSFER_FAILED: (state, e) =>
    isCurrent(state, e.callId)
      ? stay({ ...withCall(state, { transferTo: null }), notice: { kind: 'error', text: e.reason } })
      : stay(state),
  HANGUP: onHangup,
  ENDED: onEnded,
  INCOMING: offerWaiting,
  ANSWER_WAITING: onAnswerWaiting,
  DECLINE_WAITING: onDeclineWaiting,
  SCREEN_POP_RESULT: onScreenPopResult,
  SCREEN_POP_FAILED: onScreenPopFailed,
  SELECT_RECORD: onSelectRecord,
  POP_SEARCH: onPopSearch,
  POP_NEW_RECORD: onPopNewRecord
};

// ---- the table ----------------------------------------------------------------------------

const TABLE: Record<Phase, PhaseTable> = {
  idle: {
    DIAL_REQUESTED: (state, e) => {
      if (state.registration !== 'registered') {
        return stay({
          ...state,
          notice: { kind: 'error', text: t('Switchboard_Dial_NotConnected') }
        });
      }
      const parsed = parseDialString(e.input, state.defaultCountry);
      if (!parsed.ok)
        return stay({
          ...state,
          notice: { kind: 'error', text: t('Switchboard_Dial_Refused', { reason: parsed.reason }) }
        });
      const call = newCall({
        id: e.callId,
        direction: 'outbound',
        dial: parsed.dial,
        display: parsed.display,
        startedAt: e.at,
        who: e.context?.who ?? null,
        what: e.context?.what ?? null,
        params: e.context?.params ?? null
      });
      const effects: Effect[] = [
        { type: 'showPanel' },
        { type: 'dial', callId: call.id, number: parsed.dial }
      ];
      if (parsed.kind === 'e164' && parsed.extension)
        effects.push({ type: 'dtmf', callId: call.id, tones: `,,${parsed.extension}` });
      // A number typed on the dial pad has no record yet: look it up so the log lands on the right one.
      if (!call.who && !call.what) {
        call.screenPop = { status: 'searching' };
        effects.push({ type: 'searchCaller', callId: call.id, number: parsed.dial, direction: 'outbound' });
      }
      return [{ ...state, phase: 'dialing', call, notice: null }, effects];
    },
    INCOMING: (state, e) => {
      const call = inboundCall(state, e, { screenPop: { status: 'searching' } });
      return [
        { ...state, phase: 'ringing', call, notice: null },
        [
          { type: 'showPanel' },
          { type: 'searchCaller', callId: call.id, number: call.dial, direction: 'inbound' }
        ]
      ];
    }
  },

  dialing: {
    DIAL_REQUESTED: (state) =>
      stay({
        ...state,
        notice: { kind: 'info', text: t('Switchboard_Dial_AlreadyOnCall') }
      }),
    PROGRESS: (state) => stay(state),
    CONNECTED: (state, e) =>
      isCurrent(state, e.callId)
        ? stay({ ...withCall(state, { connectedAt: e.at }), phase: 'connected' })
        : stay(state),
    HANGUP: onHangup,
    ENDED: onEnded,
    SCREEN_POP_RESULT: onScreenPopResult,
    SCREEN_POP_FAILED: onScreenPopFailed,
    SELECT_RECORD: onSelectRecord
  },

  ringing: {
    DIAL_REQUESTED: (state) =>
      stay({ ...state, notice: { kind: 'info', text: t('Switchboard_Dial_Ringing') } }),
    ANSWER: (state) => (state.call ? [state, [{ type: 'answer', callId: state.call.id }]] : stay(state)),
    DECLINE: (state, e) => {
      const call = state.call;
      if (!call) return stay(state);
      const [next, effects] = endCall(state, 'rejected', e.at);
      return [{ ...next, notice: null }, [{ type: 'decline', callId: call.id }, ...effects]];
    },
    CONNECTED: (state, e) =>
      isCurrent(state, e.callId)
        ? stay({ ...withCall(state, { connectedAt: e.at }), phase: 'connected' })
        : stay(state),
    ENDED: onEnded,
    SCREEN_POP_RESULT: onScreenPopResult,
    SCREEN_POP_FAILED: onScreenPopFailed,
    SELECT_RECORD: onSelectRecord,
    POP_SEARCH: onPopSearch,
    POP_NEW_RECORD: onPopNewRecord
  },

  connected: {
    ...inCallControls,
    DIAL_REQUESTED: (state) =>
      stay({
        ...state,
        notice: { kind: 'info', text: t('Switchboard_Dial_AlreadyOnCall') }
      }),
    TOGGLE_HOLD: (state) =>
      state.call ? [state, [{ type: 'hold', callId: state.call.id, held: true }]] : stay(state),
    HELD: (state, e) =>
      isCurrent(state, e.callId) && e.held
        ? stay({ ...withCall(state, { held: true }), phase: 'held' })
        : stay(state),
    QUALITY_SAMPLE: onQualitySample
  },

  held: {
    ...inCallControls,
    DIAL_REQUESTED: (state) =>
      stay({
        ...state,
        notice: { kind: 'info', text: t('Switchboard_Dial_OnHold') }
      }),
    TOGGLE_HOLD: (state) =>
      state.call ? [state, [{ type: 'hold', callId: state.call.id, held: false }]] : stay(state),
    HELD: (state, e) =>
      isCurrent(state, e.callId) && !e.held
        ? stay({ ...withCall(state, { held: false }), phase: 'connected' })
        : stay(state)
  },

  wrapUp: {
    DIAL_REQUESTED: (state) =>
      stay({
        ...state,
        notice: { kind: 'info', text: t('Switchboard_Dial_WrapUpFirst') }
      }),
    WRAP_UP_EDITED: (state, e) =>
      stay(withCall(state, { disposition: e.disposition.slice(0, 255), notes: e.notes })),
    ENDED: onEnded,
    SUBMIT_WRAP_UP: (state, e) => {
      const call = state.call;
      if (!call) return stay(state);
      if (!call.disposition)
        return stay({ ...state, notice: { kind: 'error', text: t('Switchboard_WrapUp_ChooseResult') } });
      // With a caller still on hold, the softphone goes back to them (held) rather than to idle.
      const parked = state.parked;
      const after: MachineState = parked
        ? { ...state, phase: 'held', call: parked, parked: null, notice: null }
        : { ...state, phase: 'idle', call: null, notice: null };
      return startLog(after, call, e.at);
    },
    // A call offered during wrap-up must not be lost, and neither must the wrap-up: save it as it stands.
    INCOMING: (state, e) => {
      const call = state.call;
      if (!call) return stay(state);
      if (state.parked) return ANY_PHASE.INCOMING!(state, e);
      const [afterLog, logEffects] = startLog({ ...state, phase: 'idle', call: null }, call, e.at);
      const [next, effects] = transition(afterLog, e);
      return [next, [...logEffects, ...effects]];
    },
    SCREEN_POP_RESULT: onScreenPopResult,
    SCREEN_POP_FAILED: onScreenPopFailed,
    SELECT_RECORD: onSelectRecord,
    POP_SEARCH: onPopSearch,
    POP_NEW_RECORD: onPopNewRecord
  }
};

/** Events every phase handles the same way: start-up, registration, logs, notices. */
const ANY_PHASE: PhaseTable = {
  INITIALIZED: (state, e) =>
    stay({ ...state, initialized: true, defaultCountry: e.defaultCountry, dispositions: e.dispositions }),
  REGISTRATION: (state, e) => stay({ ...state, registration: e.state, registrationReason: e.reason ?? null }),
  LOG_SAVED: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status === 'saved') return stay(state);
    const next = updateLog(state, e.callId, { status: 'saved', taskId: e.taskId, error: null });
    return [{ ...next, logs: pruneLogs(next.logs) }, [{ type: 'refreshView' }]];
  },
  LOG_FAILED: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status !== 'saving') return stay(state);
    return stay({
      ...updateLog(state, e.callId, { status: 'failed', error: e.error }),
      notice: { kind: 'error', text: t('Switchboard_Logs_NotSavedNotice', { error: e.error }) }
    });
  },
  // The runner (and its outbox) decides create vs update: the effect carries the log as built.
  RETRY_LOG: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status !== 'failed') return stay(state);
    return [
      { ...updateLog(state, e.callId, { status: 'saving' }), notice: null },
      [{ type: 'saveLog', callId: e.callId, value: log.value }]
    ];
  },
  // Log delivery owns the attempt count (one counter, in the outbox); the machine shows it.
  LOG_SENDING: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status === 'saved' || (log.status === 'saving' && log.attempts === e.attempts))
      return stay(state);
    return stay(updateLog(state, e.callId, { status: 'saving', attempts: e.attempts }));
  },
  RESTORE: (state, e) => restore(state, e),
  IDENTIFIED: identify,
  NOTICE: (state, e) => stay({ ...state, notice: e.notice }),
  DISMISS_NOTICE: (state) => stay({ ...state, notice: null }),
  // An inbound call the agent cannot take (dialling out, ringing, or a call already waiting/held) is turned away and still logged as missed.
  INCOMING: (state, e) => {
    const missed = inboundCall(state, e, {
      endedAt: e.at,
      endCause: 'busy',
      disposition: t('Switchboard_Disposition_MissedBusy')
    });
    const [next, effects] = startLog(
      {
        ...state,
        notice: { kind: 'info', text: t('Switchboard_Waiting_Missed', { caller: missed.display }) }
      },
      missed,
      e.at
    );
    return [next, [{ type: 'decline', callId: e.callId }, ...effects]];
  }
};

export function transition(state: MachineState, event: MachineEvent): Transition {
  const handler = (TABLE[state.phase][event.type] ?? ANY_PHASE[event.type]) as
    Handler<typeof event.type> | undefined;
  return handler ? handler(state, event as never) : stay(state);
}

/** Which events a phase reacts to: used by tests to prove the table is what we think it is. */
export function acceptedEvents(phase: Phase): EventType[] {
  return [...new Set([...Object.keys(TABLE[phase]), ...Object.keys(ANY_PHASE)])] as EventType[];
}
