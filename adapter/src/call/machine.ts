import { buildTaskLog, isWhoType } from '../logging/task-log';
import { parseDialString } from '../phone/phone-number';
import { endCauseMessage } from './end-cause-text';
import type { Call, CallLog, Effect, EndCause, EventOf, EventType, MachineEvent, MachineState, Phase, RecordRef, Transition } from './types';

/**
 * The call state machine: pure and synchronous. `transition(state, event)` returns the next
 * state and the effects to run. Each phase lists the events it accepts; anything else is
 * ignored (returned unchanged), which is what makes late or duplicate telephony events and
 * double clicks harmless.
 */

type Handler<T extends EventType> = (state: MachineState, event: EventOf<T>) => Transition;
type PhaseTable = { [T in EventType]?: Handler<T> };

export const MAX_SAVED_LOGS_KEPT = 5;

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

const stay = (state: MachineState): Transition => [state, []];

const FAILURE_DISPOSITION: Partial<Record<EndCause, string>> = {
  busy: 'Busy',
  'no-answer': 'No answer',
  canceled: 'No answer',
  unavailable: 'No answer',
  rejected: 'No answer'
};


/** Outcomes where no phone rang, so no call happened (documented in docs/telephony.md). */
const REFUSED_BEFORE_RINGING = new Set<EndCause>(['not-found', 'invalid-number', 'auth-failed']);

function newCall(fields: Pick<Call, 'id' | 'direction' | 'dial' | 'display' | 'startedAt'> & Partial<Call>): Call {
  return {
    callerName: null,
    connectedAt: null,
    endedAt: null,
    endCause: null,
    muted: false,
    held: false,
    who: null,
    what: null,
    params: null,
    screenPop: { status: 'none' },
    transferTo: null,
    disposition: '',
    notes: '',
    ...fields
  };
}

/** An inbound call as the network offered it; the caller id is untrusted text, kept short. */
function inboundCall(state: MachineState, e: EventOf<'INCOMING'>, extra: Partial<Call> = {}): Call {
  const parsed = parseDialString(e.from, state.defaultCountry);
  return newCall({
    id: e.callId,
    direction: 'inbound',
    dial: parsed.ok ? parsed.dial : e.from,
    display: parsed.ok ? parsed.display : e.from.slice(0, 40) || 'Unknown caller',
    callerName: e.displayName?.slice(0, 80) || null,
    startedAt: e.at,
    ...extra
  });
}

const isCurrent = (state: MachineState, callId: string): state is MachineState & { call: Call } => state.call?.id === callId;

function withCall(state: MachineState, patch: Partial<Call>): MachineState {
  return state.call ? { ...state, call: { ...state.call, ...patch } } : state;
}

function defaultDisposition(state: MachineState, cause: EndCause | null, connected: boolean): string {
  const preferred = connected ? 'Completed' : (cause && FAILURE_DISPOSITION[cause]) || 'No answer';
  return state.dispositions.includes(preferred) ? preferred : (state.dispositions[0] ?? preferred);
}

/** Moves the current call to wrap-up (or straight to a log when there is nothing to wrap up). */
function endCall(state: MachineState, cause: EndCause, at: number, detail?: string): Transition {
  const call = state.call;
  if (!call) return stay(state);
  const ended: Call = { ...call, endedAt: call.endedAt ?? at, endCause: call.endCause ?? cause, held: false };
  const connected = ended.connectedAt !== null;
  const transferred = detail === 'transferred' && ended.transferTo !== null;
  const silent = cause === 'local-hangup' || cause === 'remote-hangup';
  const notice = silent ? null : { kind: 'warning' as const, text: detail ? `${endCauseMessage(cause)} ${detail}` : endCauseMessage(cause) };

  // A number the phone system refused outright (unknown, undiallable, not allowed) rang nowhere: there is
  // no call to log, only a reason to show — the agent is back at the dial pad to fix the number.
  if (ended.direction === 'outbound' && !connected && REFUSED_BEFORE_RINGING.has(cause)) {
    return [{ ...state, phase: 'idle', call: null, notice: notice ?? { kind: 'warning', text: endCauseMessage(cause) } }, []];
  }

  // An inbound call that never connected (missed, declined, caller gave up) has nothing to wrap up: log it now.
  if (ended.direction === 'inbound' && !connected) {
    const missed: Call = { ...ended, disposition: cause === 'rejected' ? 'Declined' : 'Missed' };
    const after: MachineState = state.parked
      ? { ...state, phase: 'held', call: state.parked, parked: null, notice }
      : { ...state, phase: 'idle', call: null, notice };
    return startLog(after, missed, at);
  }
  const wrapped: Call = {
    ...ended,
    transferTo: transferred ? ended.transferTo : null,
    disposition: ended.disposition || (transferred ? 'Transferred' : defaultDisposition(state, ended.endCause, connected))
  };
  return [{ ...state, phase: 'wrapUp', call: wrapped, notice }, []];
}

function startLog(state: MachineState, call: Call, at: number): Transition {
  const value = buildTaskLog(call, at);
  const recordId = call.who?.id ?? call.what?.id ?? null;
  const log: CallLog = {
    callId: call.id,
    value,
    status: 'saving',
    taskId: null,
    error: null,
    attempts: 0,
    call: { id: call.id, direction: call.direction, display: call.display, startedAt: call.startedAt, connectedAt: call.connectedAt, endedAt: call.endedAt, recordId }
  };
  return [{ ...state, logs: [...state.logs.filter((l) => l.callId !== call.id), log] }, [{ type: 'saveLog', callId: call.id, value }]];
}

function updateLog(state: MachineState, callId: string, patch: Partial<CallLog>): MachineState {
  return { ...state, logs: state.logs.map((l) => (l.callId === callId ? { ...l, ...patch } : l)) };
}

/** Keeps every unsaved log and only the most recent saved ones. */
function pruneLogs(logs: CallLog[]): CallLog[] {
  const saved = logs.filter((l) => l.status === 'saved');
  const drop = new Set(saved.slice(0, Math.max(0, saved.length - MAX_SAVED_LOGS_KEPT)).map((l) => l.callId));
  return logs.filter((l) => !drop.has(l.callId));
}

function applyMatch(state: MachineState, match: RecordRef): MachineState {
  const call = state.call;
  if (!call) return state;
  return isWhoType(match.objectType) ? withCall(state, { who: match }) : withCall(state, { what: match });
}

// ---- handlers shared by several phases ----------------------------------------------------

const onScreenPopResult: Handler<'SCREEN_POP_RESULT'> = (state, e) => {
  if (!isCurrent(state, e.callId)) return stay(state);
  let next = withCall(state, { screenPop: { status: 'found', matches: e.matches } });
  const only = e.matches.length === 1 ? e.matches[0] : undefined;
  if (!only) return stay(next);
  next = applyMatch(next, only);
  // Outbound calls start on the record the agent is looking at; only inbound calls pop.
  return state.call.direction === 'inbound' ? [next, [{ type: 'screenPop', pop: { type: 'sobject', params: { recordId: only.id } } }]] : stay(next);
};

const onScreenPopFailed: Handler<'SCREEN_POP_FAILED'> = (state, e) =>
  isCurrent(state, e.callId) ? stay(withCall(state, { screenPop: { status: 'failed', error: e.error } })) : stay(state);

const onSelectRecord: Handler<'SELECT_RECORD'> = (state, e) => {
  const call = state.call;
  if (!call || call.screenPop.status !== 'found') return stay(state);
  const match = call.screenPop.matches.find((m) => m.id === e.recordId);
  if (!match) return stay(state);
  return [applyMatch(state, match), [{ type: 'screenPop', pop: { type: 'sobject', params: { recordId: match.id } } }]];
};

const onPopSearch: Handler<'POP_SEARCH'> = (state) => {
  const call = state.call;
  if (!call) return stay(state);
  const searchString = call.dial.length >= 3 ? call.dial : call.display;
  if (searchString.length < 3) return stay({ ...state, notice: { kind: 'warning', text: 'Search needs at least 3 characters.' } });
  return [state, [{ type: 'screenPop', pop: { type: 'search', params: { searchString } } }]];
};

const onPopNewRecord: Handler<'POP_NEW_RECORD'> = (state, e) => {
  const call = state.call;
  if (!call) return stay(state);
  return [state, [{ type: 'screenPop', pop: { type: 'newRecord', params: { entityName: e.entityName, defaultFieldValues: { Phone: call.display } } } }]];
};

const onEnded: Handler<'ENDED'> = (state, e) => {
  if (isCurrent(state, e.callId)) return state.phase === 'wrapUp' ? stay(state) : endCall(state, e.cause, e.at, e.detail);
  // The second caller gave up before the agent answered: a missed call.
  if (state.waiting?.id === e.callId) {
    const missed: Call = { ...state.waiting, endedAt: e.at, endCause: e.cause, disposition: 'Missed (call waiting)' };
    return startLog({ ...state, waiting: null }, missed, e.at);
  }
  // The caller on hold hung up: that call is over, and logged as it stands.
  if (state.parked?.id === e.callId) {
    const ended: Call = { ...state.parked, held: false, endedAt: e.at, endCause: e.cause, disposition: state.parked.disposition || defaultDisposition(state, e.cause, true) };
    return startLog({ ...state, parked: null, notice: { kind: 'info', text: `The caller on hold (${ended.display}) hung up.` } }, ended, e.at);
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
  return [{ ...state, phase: 'ringing', call: answering, waiting: null, parked: { ...call, held: true } }, effects];
};

const onDeclineWaiting: Handler<'DECLINE_WAITING'> = (state, e) => {
  const waiting = state.waiting;
  if (!waiting) return stay(state);
  const declined: Call = { ...waiting, endedAt: e.at, endCause: 'rejected', disposition: 'Declined (call waiting)' };
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
    if (!parsed.ok) return stay({ ...state, notice: { kind: 'error', text: `${parsed.reason} The call was not transferred.` } });
    return [{ ...withCall(state, { transferTo: parsed.display }), notice: null }, [{ type: 'transfer', callId: call.id, number: parsed.dial }]];
  },
  TRANSFER_FAILED: (state, e) =>
    isCurrent(state, e.callId) ? stay({ ...withCall(state, { transferTo: null }), notice: { kind: 'error', text: e.reason } }) : stay(state),
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
        return stay({ ...state, notice: { kind: 'error', text: 'The phone is not connected yet, so nothing was dialled.' } });
      }
      const parsed = parseDialString(e.input, state.defaultCountry);
      if (!parsed.ok) return stay({ ...state, notice: { kind: 'error', text: `${parsed.reason} Nothing was dialled.` } });
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
      const effects: Effect[] = [{ type: 'showPanel' }, { type: 'dial', callId: call.id, number: parsed.dial }];
      if (parsed.kind === 'e164' && parsed.extension) effects.push({ type: 'dtmf', callId: call.id, tones: `,,${parsed.extension}` });
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
    DIAL_REQUESTED: (state) => stay({ ...state, notice: { kind: 'info', text: 'Already on a call: the second number was not dialled.' } }),
    PROGRESS: (state) => stay(state),
    CONNECTED: (state, e) => (isCurrent(state, e.callId) ? stay({ ...withCall(state, { connectedAt: e.at }), phase: 'connected' }) : stay(state)),
    HANGUP: onHangup,
    ENDED: onEnded,
    SCREEN_POP_RESULT: onScreenPopResult,
    SCREEN_POP_FAILED: onScreenPopFailed,
    SELECT_RECORD: onSelectRecord
  },

  ringing: {
    DIAL_REQUESTED: (state) => stay({ ...state, notice: { kind: 'info', text: 'A call is ringing: answer or decline it first.' } }),
    ANSWER: (state) => (state.call ? [state, [{ type: 'answer', callId: state.call.id }]] : stay(state)),
    DECLINE: (state, e) => {
      const call = state.call;
      if (!call) return stay(state);
      const [next, effects] = endCall(state, 'rejected', e.at);
      return [{ ...next, notice: null }, [{ type: 'decline', callId: call.id }, ...effects]];
    },
    CONNECTED: (state, e) => (isCurrent(state, e.callId) ? stay({ ...withCall(state, { connectedAt: e.at }), phase: 'connected' }) : stay(state)),
    ENDED: onEnded,
    SCREEN_POP_RESULT: onScreenPopResult,
    SCREEN_POP_FAILED: onScreenPopFailed,
    SELECT_RECORD: onSelectRecord,
    POP_SEARCH: onPopSearch,
    POP_NEW_RECORD: onPopNewRecord
  },

  connected: {
    ...inCallControls,
    DIAL_REQUESTED: (state) => stay({ ...state, notice: { kind: 'info', text: 'Already on a call: the second number was not dialled.' } }),
    TOGGLE_HOLD: (state) => (state.call ? [state, [{ type: 'hold', callId: state.call.id, held: true }]] : stay(state)),
    HELD: (state, e) => (isCurrent(state, e.callId) && e.held ? stay({ ...withCall(state, { held: true }), phase: 'held' }) : stay(state))
  },

  held: {
    ...inCallControls,
    DIAL_REQUESTED: (state) => stay({ ...state, notice: { kind: 'info', text: 'A call is on hold: end it before dialling another number.' } }),
    TOGGLE_HOLD: (state) => (state.call ? [state, [{ type: 'hold', callId: state.call.id, held: false }]] : stay(state)),
    HELD: (state, e) => (isCurrent(state, e.callId) && !e.held ? stay({ ...withCall(state, { held: false }), phase: 'connected' }) : stay(state))
  },

  wrapUp: {
    DIAL_REQUESTED: (state) => stay({ ...state, notice: { kind: 'info', text: 'Finish the wrap-up of the last call before dialling.' } }),
    WRAP_UP_EDITED: (state, e) => stay(withCall(state, { disposition: e.disposition.slice(0, 255), notes: e.notes })),
    ENDED: onEnded,
    SUBMIT_WRAP_UP: (state, e) => {
      const call = state.call;
      if (!call) return stay(state);
      if (!call.disposition) return stay({ ...state, notice: { kind: 'error', text: 'Choose a call result before saving.' } });
      // With a caller still on hold, the softphone goes back to them (held) rather than to idle.
      const parked = state.parked;
      const after: MachineState = parked ? { ...state, phase: 'held', call: parked, parked: null, notice: null } : { ...state, phase: 'idle', call: null, notice: null };
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
  INITIALIZED: (state, e) => stay({ ...state, initialized: true, defaultCountry: e.defaultCountry, dispositions: e.dispositions }),
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
    return stay({ ...updateLog(state, e.callId, { status: 'failed', error: e.error }), notice: { kind: 'error', text: `The call log was not saved: ${e.error}` } });
  },
  // The runner (and its outbox) decides create vs update: the effect carries the log as built.
  RETRY_LOG: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status !== 'failed') return stay(state);
    return [{ ...updateLog(state, e.callId, { status: 'saving' }), notice: null }, [{ type: 'saveLog', callId: e.callId, value: log.value }]];
  },
  // Log delivery owns the attempt count (one counter, in the outbox); the machine shows it.
  LOG_SENDING: (state, e) => {
    const log = state.logs.find((l) => l.callId === e.callId);
    if (!log || log.status === 'saved' || (log.status === 'saving' && log.attempts === e.attempts)) return stay(state);
    return stay(updateLog(state, e.callId, { status: 'saving', attempts: e.attempts }));
  },
  RESTORE: (state, e) => restore(state, e),
  NOTICE: (state, e) => stay({ ...state, notice: e.notice }),
  DISMISS_NOTICE: (state) => stay({ ...state, notice: null }),
  // An inbound call the agent cannot take (dialling out, ringing, or a call already waiting/held) is turned away and still logged as missed.
  INCOMING: (state, e) => {
    const missed = inboundCall(state, e, {
      endedAt: e.at,
      endCause: 'busy',
      disposition: 'Missed (agent busy)'
    });
    const [next, effects] = startLog({ ...state, notice: { kind: 'info', text: `Missed a call from ${missed.display} while busy.` } }, missed, e.at);
    return [next, [{ type: 'decline', callId: e.callId }, ...effects]];
  }
};

/**
 * After a reload. Logs come back as they were. A call that was up cannot be: the media session died
 * with the page, so it ends now, with the duration it really had (up to the last state written), and
 * goes to wrap-up with whatever notes were typed — or, if it never connected, straight to its log.
 */
function restore(state: MachineState, e: EventOf<'RESTORE'>): Transition {
  if (state.phase !== 'idle' || state.call) return stay(state);
  const known = new Set(state.logs.map((l) => l.callId));
  let next: MachineState = { ...state, logs: pruneLogs([...state.logs, ...e.logs.filter((l) => !known.has(l.callId))]) };
  const effects: Effect[] = [];
  const draft = e.draft;
  if (!draft) return [next, effects];
  const cut = (call: Call): Call => ({ ...call, held: false, endedAt: call.endedAt ?? draft.savedAt, endCause: call.endCause ?? 'connection-lost' });
  const logNow = (call: Call, disposition: string) => {
    const [after, fx] = startLog(next, { ...cut(call), disposition: call.disposition || disposition }, e.at);
    next = after;
    effects.push(...fx);
  };
  if (draft.waiting) logNow(draft.waiting, 'Missed (call waiting)');
  if (draft.parked) logNow(draft.parked, defaultDisposition(state, 'connection-lost', draft.parked.connectedAt !== null));
  const call = draft.call;
  if (draft.phase === 'wrapUp') return [{ ...next, phase: 'wrapUp', call }, effects];
  if (call.direction === 'inbound' && call.connectedAt === null) {
    logNow(call, 'Missed');
    return [next, effects];
  }
  const ended = cut(call);
  const wrapped: Call = { ...ended, disposition: ended.disposition || defaultDisposition(state, 'connection-lost', ended.connectedAt !== null) };
  const notice = { kind: 'warning' as const, text: 'The page reloaded during a call, so the call was ended. Its log is ready to save.' };
  return [{ ...next, phase: 'wrapUp', call: wrapped, notice }, effects];
}

export function transition(state: MachineState, event: MachineEvent): Transition {
  const handler = (TABLE[state.phase][event.type] ?? ANY_PHASE[event.type]) as Handler<typeof event.type> | undefined;
  return handler ? handler(state, event as never) : stay(state);
}

/** Which events a phase reacts to: used by tests to prove the table is what we think it is. */
export function acceptedEvents(phase: Phase): EventType[] {
  return [...new Set([...Object.keys(TABLE[phase]), ...Object.keys(ANY_PHASE)])] as EventType[];
}
