import {
  CHANNEL_SCHEMA_VERSION,
  type CallStatusMessage,
  type ChannelCallState,
  type ReadinessMessage
} from '../channel/contract';
import type { Call, CallLog, MachineState, ProviderKind } from './types';
import { t } from '../i18n/labels';
import { formatDuration } from '../i18n/formats';

/**
 * Views of the machine state that the host must mirror: the utility item, click-to-dial, the
 * message channel. They are pure functions of state (and the clock), so the effect runner can
 * compare against what it last sent and never drift, whatever sequence of events led here.
 */

export interface ItemStatus {
  label: string;
  /** SLDS utility icon name. */
  icon: string;
}

export function isReady(state: MachineState): boolean {
  return state.initialized && state.registration === 'registered';
}

export function clickToDialEnabled(state: MachineState): boolean {
  return isReady(state) && state.phase === 'idle';
}

/** The running time of the call, in the agent's locale. */
function callTime(call: Call | null, now: number): string {
  return formatDuration(now - (call?.connectedAt ?? now));
}

/** Who the agent is talking to, as briefly as possible: the matched record, else caller id, else the number. */
function party(call: Call | null): string {
  return call ? (call.who?.name ?? call.what?.name ?? call.callerName ?? call.display) : '';
}

export function itemStatus(state: MachineState, now: number): ItemStatus {
  const call = state.call;
  if (state.waiting)
    return {
      label: t('Switchboard_Item_Waiting', { caller: state.waiting.callerName ?? state.waiting.display }),
      icon: 'incoming_call'
    };
  switch (state.phase) {
    case 'ringing':
      return { label: t('Switchboard_Item_Incoming', { caller: party(call) }).trim(), icon: 'incoming_call' };
    case 'dialing':
      return { label: t('Switchboard_Item_Calling', { caller: party(call) }).trim(), icon: 'outbound_call' };
    case 'connected':
      return { label: t('Switchboard_Item_OnCall', { duration: callTime(call, now) }), icon: 'call' };
    case 'held':
      return { label: t('Switchboard_Item_OnHold', { duration: callTime(call, now) }), icon: 'paused_call' };
    case 'wrapUp':
      return { label: t('Switchboard_WrapUp_Title'), icon: 'log_a_call' };
    case 'idle':
      break;
  }
  if (state.logs.some((l) => l.status === 'failed'))
    return { label: t('Switchboard_Item_LogNotSaved'), icon: 'warning' };
  if (!state.initialized || state.registration === 'registering')
    return { label: t('Switchboard_Item_Connecting'), icon: 'call' };
  if (state.registration !== 'registered') return { label: t('Switchboard_Item_Offline'), icon: 'end_call' };
  return { label: t('Switchboard_Item_Idle'), icon: 'call' };
}

function recordIdOf(call: Call): string | null {
  return call.who?.id ?? call.what?.id ?? null;
}

function liveState(state: MachineState): ChannelCallState | null {
  switch (state.phase) {
    case 'dialing':
      return 'dialing';
    case 'ringing':
      return 'ringing';
    case 'connected':
      return 'connected';
    case 'held':
      return 'held';
    case 'wrapUp':
      return 'wrapUp';
    case 'idle':
      return null;
  }
}

const LOG_STATE: Record<CallLog['status'], ChannelCallState> = {
  saving: 'logging',
  saved: 'logged',
  failed: 'logFailed'
};

/** One status message per call the adapter knows about: the live call and every log. */
export function channelStatuses(state: MachineState): CallStatusMessage[] {
  const out: CallStatusMessage[] = [];
  const base = { source: 'switchboard-adapter', version: CHANNEL_SCHEMA_VERSION, type: 'status' } as const;
  for (const log of state.logs) {
    out.push({
      ...base,
      callId: log.callId,
      recordId: log.call.recordId,
      direction: log.call.direction,
      state: LOG_STATE[log.status],
      number: log.call.display,
      startedAt: log.call.startedAt,
      connectedAt: log.call.connectedAt,
      endedAt: log.call.endedAt,
      taskId: log.taskId,
      error: log.error
    });
  }
  const live = (call: Call, liveAs: ChannelCallState) => {
    out.push({
      ...base,
      callId: call.id,
      recordId: recordIdOf(call),
      direction: call.direction,
      state: liveAs,
      number: call.display,
      startedAt: call.startedAt,
      connectedAt: call.connectedAt,
      endedAt: call.endedAt,
      taskId: null,
      error: null
    });
  };
  const current = liveState(state);
  if (state.call && current) live(state.call, current);
  if (state.parked) live(state.parked, 'held');
  if (state.waiting) live(state.waiting, 'ringing');
  return out;
}

export function readinessMessage(state: MachineState, provider: ProviderKind): ReadinessMessage {
  return {
    source: 'switchboard-adapter',
    version: CHANNEL_SCHEMA_VERSION,
    type: 'ready',
    ready: isReady(state),
    provider
  };
}
