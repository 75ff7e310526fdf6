import type { MachineState, Phase, ProviderKind } from '../call/types';

/**
 * Asks before the tab that carries a live SIP call is closed or reloaded: the call's audio lives in this
 * page, so leaving it hangs up on the customer (a reload only brings back the wrap-up, not the call).
 *
 * Live means this tab's line is setting up or carrying the audio: dialling out (ringing at the far end),
 * connected, held, or a call parked on hold behind another. Not an inbound call still ringing here (the
 * agent has not taken it; the PBX moves it on), not wrap-up (nothing is connected, and the draft brings the
 * form back after a reload), not a tab that only mirrors another tab's call, and not the demo line (its far
 * end is simulated in this page, so there is no one to hang up on). The prompt's text is the browser's own:
 * custom text has been ignored by every engine for years.
 */

const LIVE_PHASES: ReadonlySet<Phase> = new Set<Phase>(['dialing', 'connected', 'held']);

export interface LeaveGuardSituation {
  state: Pick<MachineState, 'phase' | 'parked'>;
  line: ProviderKind;
  /** This tab owns the line (the others mirror it): only its page holds the call's audio. */
  leads: boolean;
}

export function guardsLeaving({ state, line, leads }: LeaveGuardSituation): boolean {
  if (!leads || line !== 'sip') return false;
  return LIVE_PHASES.has(state.phase) || state.parked !== null;
}

/** The `beforeunload` listener, present only while armed, so an idle tab never prompts. */
export class LeaveGuard {
  private armed = false;

  constructor(private readonly target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>) {}

  get isArmed(): boolean {
    return this.armed;
  }

  /** Call after every state or role change; adds or removes the listener only when the answer changes. */
  follow(situation: LeaveGuardSituation): void {
    const armed = guardsLeaving(situation);
    if (armed === this.armed) return;
    this.armed = armed;
    if (armed) this.target.addEventListener('beforeunload', askFirst);
    else this.target.removeEventListener('beforeunload', askFirst);
  }
}

function askFirst(event: Event): void {
  event.preventDefault();
  // Engines from before preventDefault() counted (Chrome < 119) prompt only for a non-empty returnValue.
  (event as BeforeUnloadEvent).returnValue = 'call';
}
