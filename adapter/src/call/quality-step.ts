import { addQualitySample } from '../quality/call-quality';
import { isCurrent, stay, withCall } from './call-steps';
import type { EventOf, MachineState, Transition } from './types';

/** Media statistics worse than any call survives are a broken sampler, not a bad line: dropped, not averaged. */
const PLAUSIBLE = { rttMs: 60_000, jitterMs: 60_000 } as const;

function plausible(e: EventOf<'QUALITY_SAMPLE'>): boolean {
  const ok = (n: number, max: number) => Number.isFinite(n) && n >= 0 && n <= max;
  return ok(e.rttMs, PLAUSIBLE.rttMs) && ok(e.jitterMs, PLAUSIBLE.jitterMs) && ok(e.lossPercent, 100);
}

/**
 * One media-statistics interval of the connected call: the running MOS and codec move on. Samples for
 * another call, while held (no audio flows, so there is nothing to judge) or out of range are ignored.
 */
export function onQualitySample(state: MachineState, e: EventOf<'QUALITY_SAMPLE'>): Transition {
  if (!isCurrent(state, e.callId) || state.call.held || !plausible(e)) return stay(state);
  const codec = e.codec !== null && /^[\w.+/ -]{1,40}$/.test(e.codec) ? e.codec : null;
  const quality = addQualitySample(state.call.quality, {
    rttMs: e.rttMs,
    jitterMs: e.jitterMs,
    lossPercent: e.lossPercent,
    codec
  });
  return stay(withCall(state, { quality }));
}
