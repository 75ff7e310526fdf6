import { t, type PlainLabelName } from '../i18n/labels';
import { buildTaskLog, isWhoType } from '../logging/task-log';
import { parseDialString } from '../phone/phone-number';
import { endCauseMessage } from './end-cause-text';
import { isSipCallId } from './sip-call-id';
import type { Call, CallLog, EndCause, EventOf, MachineState, RecordRef, Transition } from './types';

/**
 * The steps transitions are built from: creating, ending and logging a call, and the small state
 * updates the phase table shares. Pure, like the machine: no clock, no I/O.
 */

/** Saved logs kept in state for the panel's list; unsaved logs are always kept. */
export const MAX_SAVED_LOGS_KEPT = 5;

export const stay = (state: MachineState): Transition => [state, []];

/** Defaults name the admin's default call results (settings.ts), in the agent's language, so they match. */
const FAILURE_DISPOSITION: Partial<Record<EndCause, PlainLabelName>> = {
  busy: 'Switchboard_Disposition_Busy',
  'no-answer': 'Switchboard_Disposition_NoAnswer',
  canceled: 'Switchboard_Disposition_NoAnswer',
  unavailable: 'Switchboard_Disposition_NoAnswer',
  rejected: 'Switchboard_Disposition_NoAnswer'
};

/** Outcomes where no phone rang, so no call happened (documented in docs/telephony.md). */
const REFUSED_BEFORE_RINGING = new Set<EndCause>(['not-found', 'invalid-number', 'auth-failed']);

export function newCall(
  fields: Pick<Call, 'id' | 'direction' | 'dial' | 'display' | 'startedAt'> & Partial<Call>
): Call {
  return {
    sipCallId: null,
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
    quality: null,
    ...fields
  };
}

/** An inbound call as the network offered it; the caller id is untrusted text, kept short. */
export function inboundCall(state: MachineState, e: EventOf<'INCOMING'>, extra: Partial<Call> = {}): Call {
  const parsed = parseDialString(e.from, state.defaultCountry);
  return newCall({
    id: e.callId,
    direction: 'inbound',
    dial: parsed.ok ? parsed.dial : e.from,
    display: parsed.ok ? parsed.display : e.from.slice(0, 40) || t('Switchboard_Call_UnknownCaller'),
    callerName: e.displayName?.slice(0, 80) || null,
    sipCallId: isSipCallId(e.sipCallId) ? e.sipCallId : null,
    startedAt: e.at,
    ...extra
  });
}

/**
 * Records the network's Call-ID on the call it belongs to (current, waiting or parked). The first valid
 * one stays: a transfer we follow opens a new SIP dialog, but the Task (and its CallObject) is the first call's.
 */
export function identify(state: MachineState, e: EventOf<'IDENTIFIED'>): Transition {
  if (!isSipCallId(e.sipCallId)) return stay(state);
  const named = (call: Call | null): Call | null =>
    call && call.id === e.callId && call.sipCallId === null ? { ...call, sipCallId: e.sipCallId } : call;
  const next = {
    ...state,
    call: named(state.call),
    waiting: named(state.waiting),
    parked: named(state.parked)
  };
  const changed = next.call !== state.call || next.waiting !== state.waiting || next.parked !== state.parked;
  return stay(changed ? next : state);
}

export const isCurrent = (state: MachineState, callId: string): state is MachineState & { call: Call } =>
  state.call?.id === callId;

export function withCall(state: MachineState, patch: Partial<Call>): MachineState {
  return state.call ? { ...state, call: { ...state.call, ...patch } } : state;
}

export function defaultDisposition(state: MachineState, cause: EndCause | null, connected: boolean): string {
  const preferred = t(
    connected
      ? 'Switchboard_Disposition_Completed'
      : (cause && FAILURE_DISPOSITION[cause]) || 'Switchboard_Disposition_NoAnswer'
  );
  return state.dispositions.includes(preferred) ? preferred : (state.dispositions[0] ?? preferred);
}

/** Moves the current call to wrap-up (or straight to a log when there is nothing to wrap up). */
export function endCall(state: MachineState, cause: EndCause, at: number, detail?: string): Transition {
  const call = state.call;
  if (!call) return stay(state);
  const ended: Call = { ...call, endedAt: call.endedAt ?? at, endCause: call.endCause ?? cause, held: false };
  const connected = ended.connectedAt !== null;
  const transferred = detail === 'transferred' && ended.transferTo !== null;
  const silent = cause === 'local-hangup' || cause === 'remote-hangup';
  const notice = silent
    ? null
    : {
        kind: 'warning' as const,
        text: detail
          ? t('Switchboard_EndCause_Detail', { message: endCauseMessage(cause), detail })
          : endCauseMessage(cause)
      };

  // A number the phone system refused outright (unknown, undiallable, not allowed) rang nowhere: there is
  // no call to log, only a reason to show — the agent is back at the dial pad to fix the number.
  if (ended.direction === 'outbound' && !connected && REFUSED_BEFORE_RINGING.has(cause)) {
    return [
      {
        ...state,
        phase: 'idle',
        call: null,
        notice: notice ?? { kind: 'warning', text: endCauseMessage(cause) }
      },
      []
    ];
  }

  // An inbound call that never connected (missed, declined, caller gave up) has nothing to wrap up: log it now.
  if (ended.direction === 'inbound' && !connected) {
    const missed: Call = {
      ...ended,
      disposition: t(
        cause === 'rejected' ? 'Switchboard_Disposition_Declined' : 'Switchboard_Disposition_Missed'
      )
    };
    const after: MachineState = state.parked
      ? { ...state, phase: 'held', call: state.parked, parked: null, notice }
      : { ...state, phase: 'idle', call: null, notice };
    return startLog(after, missed, at);
  }
  const wrapped: Call = {
    ...ended,
    transferTo: transferred ? ended.transferTo : null,
    disposition:
      ended.disposition ||
      (transferred ? 'Transferred' : defaultDisposition(state, ended.endCause, connected))
  };
  return [{ ...state, phase: 'wrapUp', call: wrapped, notice }, []];
}

export function startLog(state: MachineState, call: Call, at: number): Transition {
  const value = buildTaskLog(call, at);
  const recordId = call.who?.id ?? call.what?.id ?? null;
  const log: CallLog = {
    callId: call.id,
    value,
    status: 'saving',
    taskId: null,
    error: null,
    attempts: 0,
    call: {
      id: call.id,
      direction: call.direction,
      display: call.display,
      startedAt: call.startedAt,
      connectedAt: call.connectedAt,
      endedAt: call.endedAt,
      recordId
    }
  };
  return [
    { ...state, logs: [...state.logs.filter((l) => l.callId !== call.id), log] },
    [{ type: 'saveLog', callId: call.id, value }]
  ];
}

export function updateLog(state: MachineState, callId: string, patch: Partial<CallLog>): MachineState {
  return { ...state, logs: state.logs.map((l) => (l.callId === callId ? { ...l, ...patch } : l)) };
}

/** Keeps every unsaved log and only the most recent saved ones. */
export function pruneLogs(logs: CallLog[]): CallLog[] {
  const saved = logs.filter((l) => l.status === 'saved');
  const drop = new Set(saved.slice(0, Math.max(0, saved.length - MAX_SAVED_LOGS_KEPT)).map((l) => l.callId));
  return logs.filter((l) => !drop.has(l.callId));
}

export function applyMatch(state: MachineState, match: RecordRef): MachineState {
  const call = state.call;
  if (!call) return state;
  return isWhoType(match.objectType) ? withCall(state, { who: match }) : withCall(state, { what: match });
}
