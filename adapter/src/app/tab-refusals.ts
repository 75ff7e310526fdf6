import type { EventInput, MachineState, Notice } from '../call/types';
import { t } from '../i18n/labels';
import { parseDialString } from '../phone/phone-number';

/**
 * What the leader's machine would have said about a number it refuses, for the follower tab that
 * refused to forward it: the same reason from the same phone-number module. Null for anything else.
 */
export function refusalNotice(event: EventInput, defaultCountry: string): Notice | null {
  const refused = (input: unknown, outcome: 'dial' | 'transfer'): Notice | null => {
    const parsed = parseDialString(input, defaultCountry);
    if (parsed.ok) return null;
    const { reason } = parsed;
    const text =
      outcome === 'dial'
        ? t('Switchboard_Dial_Refused', { reason })
        : t('Switchboard_Transfer_Refused', { reason });
    return { kind: 'error', text };
  };
  if (event.type === 'DIAL_REQUESTED') return refused(event.input, 'dial');
  if (event.type === 'TRANSFER') return refused(event.target, 'transfer');
  return null;
}

/**
 * A follower shows the leader's state, which the leader re-sends every second during a call; a
 * refusal this tab made on its own would vanish with the next mirror. So it is laid over each
 * mirrored state until the agent's next forwarded action, or until the leader has a notice of its own.
 */
export class FollowerRefusals {
  private notice: Notice | null = null;

  constructor(private readonly defaultCountry: string) {}

  /** The event was not forwarded; true when the agent should see why (a number the leader would refuse). */
  refused(event: EventInput): boolean {
    this.notice = refusalNotice(event, this.defaultCountry);
    return this.notice !== null;
  }

  /** The agent did something the leader accepted: whatever this tab said before is stale. */
  forwarded(): void {
    this.notice = null;
  }

  /** The state to show: the leader's, with this tab's refusal where the leader has nothing to say. */
  overlay(state: MachineState): MachineState {
    if (state.notice) this.notice = null;
    return this.notice ? { ...state, notice: this.notice } : state;
  }
}
