import {
  CHANNEL_SCHEMA_VERSION,
  type CallStatusMessage,
  type ChannelCallState,
  type ReadinessMessage
} from '../channel/contract';
import type { Call, CallLog, MachineState, ProviderKind } from './types';

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

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Who the agent is talking to, as briefly as possible: the matched record, else caller id, else the number. */
function party(call: Call | null): string {
  return call ? (call.who?.name ?? call.what?.name ?? call.callerName ?? call.display) : '';
}

export function itemStatus(state: MachineState, now: number): ItemStatus {
  const call = state.call;
  if (state.waiting)
    return {
      label: `Call waiting: ${state.waiting.callerName ?? state.waiting.display}`,
      icon: 'incoming_call'
    };
  switch (state.phase) {
    case 'ringing':
      return { label: `Incoming: ${party(call)}`.trim(), icon: 'incoming_call' };
    case 'dialing':
      return { label: `Calling ${party(call)}`.trim(), icon: 'outbound_call' };
    case 'connected':
      return { label: `On call ${formatDuration(now - (call?.connectedAt ?? now))}`, icon: 'call' };
    case 'held':
      return { label: `On hold ${formatDuration(now - (call?.connectedAt ?? now))}`, icon: 'paused_call' };
    case 'wrapUp':
      return { label: 'Wrap-up', icon: 'log_a_call' };
    case 'idle':
      break;
  }
  if (state.logs.some((l) => l.status === 'failed'))
    return { label: 'Phone: log not saved', icon: 'warning' };
  if (!state.initialized || state.registration === 'registering')
    return { label: 'Phone: connecting…', icon: 'call' };
  if (state.registration !== 'registered') return { label: 'Phone: offline', icon: 'end_call' };
  return { label: 'Phone', icon: 'call' };
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
