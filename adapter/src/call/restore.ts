import { defaultDisposition, pruneLogs, startLog, stay } from './call-steps';
import type { Call, Effect, EventOf, MachineState, Transition } from './types';
import { t } from '../i18n/labels';

/**
 * After a reload. Logs come back as they were. A call that was up cannot be: the media session died
 * with the page, so it ends now, with the duration it really had (up to the last state written), and
 * goes to wrap-up with whatever notes were typed — or, if it never connected, straight to its log.
 */
export function restore(state: MachineState, e: EventOf<'RESTORE'>): Transition {
  if (state.phase !== 'idle' || state.call) return stay(state);
  const known = new Set(state.logs.map((l) => l.callId));
  let next: MachineState = {
    ...state,
    logs: pruneLogs([...state.logs, ...e.logs.filter((l) => !known.has(l.callId))])
  };
  const effects: Effect[] = [];
  const draft = e.draft;
  if (!draft) return [next, effects];
  const cut = (call: Call): Call => ({
    ...call,
    held: false,
    endedAt: call.endedAt ?? draft.savedAt,
    endCause: call.endCause ?? 'connection-lost'
  });
  const logNow = (call: Call, disposition: string) => {
    const [after, fx] = startLog(next, { ...cut(call), disposition: call.disposition || disposition }, e.at);
    next = after;
    effects.push(...fx);
  };
  if (draft.waiting) logNow(draft.waiting, t('Switchboard_Disposition_MissedWaiting'));
  if (draft.parked)
    logNow(draft.parked, defaultDisposition(state, 'connection-lost', draft.parked.connectedAt !== null));
  const call = draft.call;
  if (draft.phase === 'wrapUp') return [{ ...next, phase: 'wrapUp', call }, effects];
  if (call.direction === 'inbound' && call.connectedAt === null) {
    logNow(call, t('Switchboard_Disposition_Missed'));
    return [next, effects];
  }
  const ended = cut(call);
  const wrapped: Call = {
    ...ended,
    disposition: ended.disposition || defaultDisposition(state, 'connection-lost', ended.connectedAt !== null)
  };
  const notice = {
    kind: 'warning' as const,
    text: t('Switchboard_Restore_CallEnded')
  };
  return [{ ...next, phase: 'wrapUp', call: wrapped, notice }, effects];
}
