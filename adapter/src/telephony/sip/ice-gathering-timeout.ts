/**
 * JsSIP sends the INVITE (or 200 OK) only after ICE gathering completes, and has no timeout:
 * one unreachable STUN/TURN server stalls a call for tens of seconds, and a machine with no
 * usable interface never sends it at all. JsSIP hands every `icecandidate` event a `ready()`
 * that stops gathering and sends what we have; this arms a timer that calls it.
 */
export interface IceGatheringTimeout {
  /** Feed each JsSIP `icecandidate` event's ready callback. */
  candidate(ready: () => void): void;
  /** Gathering finished on its own (the local `sdp` event fired). */
  done(): void;
  cancel(): void;
}

export function startIceGatheringTimeout(
  timeoutMs: number,
  onNoCandidates: () => void,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis
): IceGatheringTimeout {
  let ready: (() => void) | undefined;
  let finished = false;
  const timer = timers.setTimeout(() => {
    if (finished) return;
    finished = true;
    if (ready) ready();
    else onNoCandidates();
  }, timeoutMs);
  const stop = () => {
    finished = true;
    timers.clearTimeout(timer);
  };
  return {
    candidate(next) {
      ready = next;
    },
    done: stop,
    cancel: stop
  };
}
