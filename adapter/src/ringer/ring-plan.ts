import type { MachineState } from '../call/types';

/**
 * The call this tab should ring for, or null. Only the tab that owns the line rings: followers mirror
 * the same ringing state, and a ring in every open Salesforce tab at once would be a chorus the agent can
 * silence in only one of them. Followers open their panel (softphone.ts `mirror`) and show the call.
 * Call waiting (a second call while on one) is shown by the panel and the item, not rung over the call.
 */
export function callToRing(state: MachineState, leads: boolean): string | null {
  if (!leads || state.phase !== 'ringing' || state.call?.direction !== 'inbound') return null;
  return state.call.id;
}

/** Who is calling, as the notification names them: the popped record, the network's name, or the number. */
export function callerOf(state: MachineState): string {
  const call = state.call;
  if (!call) return '';
  return call.who?.name ?? call.what?.name ?? call.callerName ?? call.display;
}
