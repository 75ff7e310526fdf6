import type { EventInput, MachineState } from '../call/types';
import type { Logger } from '../logging/logger';
import type { SwitchboardSettings } from '../settings/settings';
import { LeaderElection, type LeaderElectionOptions, type TabMessage } from './leader';
import type { Line } from './line';
import type { Softphone } from './softphone';
import { FollowerRefusals } from './tab-refusals';

export interface TabRoutingDeps {
  tabId: string;
  settings: SwitchboardSettings;
  logger: Logger;
  /** Something the view shows changed (the role, a refusal). */
  redraw: () => void;
  /** Test seams for the election (`navigator.locks`, BroadcastChannel); the browser's by default. */
  election?: Pick<LeaderElectionOptions, 'locks' | 'channel'>;
}

/**
 * What goes between this tab and the others, beside the election that decides who leads (leader.ts).
 * The election's role is the one record of leadership: the softphone and the view read it there.
 * The leader mirrors its state after every change and runs what followers forward; a follower shows
 * the mirror and forwards its agent's actions, checked first by the leader's own rules so a refused
 * dial says why in the tab where it was clicked.
 */
export class TabRouting {
  readonly election: LeaderElection;
  private readonly refusals: FollowerRefusals;
  private parts: { softphone: Softphone; line: Line } | null = null;

  constructor(private readonly deps: TabRoutingDeps) {
    const { settings, logger } = deps;
    this.refusals = new FollowerRefusals(settings.defaultCountry);
    this.election = new LeaderElection({
      ...deps.election,
      tabId: deps.tabId,
      // A follower's wrap-up offers the call center's list plus the result the call already has (e.g. Transferred).
      rules: {
        defaultCountry: settings.defaultCountry,
        dispositions: () => {
          const state = this.parts?.softphone.state;
          return [...(state?.dispositions ?? settings.dispositions), state?.call?.disposition ?? ''];
        }
      },
      onRoleChange: (role) => void this.roleChanged(role),
      onMessage: (message) => this.receive(message),
      onRejected: (reason) => logger.warn(reason)
    });
  }

  /** The softphone and line this tab routes for; before the election starts (roles arrive after). */
  attach(softphone: Softphone, line: Line): void {
    this.parts = { softphone, line };
  }

  /** True while another tab owns the phone and this one mirrors it. */
  get follows(): boolean {
    return this.election.role === 'follower';
  }

  /** The leader's state changed: every follower gets all of it. */
  stateChanged(state: MachineState): void {
    if (this.election.isLeader) this.election.send({ type: 'mirror', state });
  }

  /** Asks the leading tab for the phone (it hands over only with no call up). */
  takeOver(): void {
    this.election.send({ type: 'takeOver' });
  }

  /** Checked here by the leader's own rules, so a refused dial shows its reason in this tab instead of vanishing. */
  forward(event: EventInput): void {
    const checked = this.election.checkForwardable(event);
    if (checked.ok) {
      this.refusals.forwarded();
      return this.election.send({ type: 'event', event: checked.value });
    }
    this.deps.logger.warn(`Not forwarded to the leading tab (${checked.reason}).`);
    const softphone = this.parts?.softphone;
    if (softphone && this.refusals.refused(event)) softphone.mirror(this.refusals.overlay(softphone.state));
  }

  private receive(message: TabMessage): void {
    const softphone = this.parts?.softphone;
    if (!softphone) return;
    const leads = this.election.isLeader;
    if (message.type === 'mirror') softphone.mirror(this.refusals.overlay(message.state));
    else if (message.type === 'event' && leads) softphone.dispatch(message.event);
    else if (message.type === 'hello' && leads)
      this.election.send({ type: 'mirror', state: softphone.state });
    else if (message.type === 'takeOver' && leads && softphone.state.phase === 'idle')
      void this.handOver(softphone);
  }

  /** Another tab asked for the phone while this one is idle: log out here and let it lead. */
  private async handOver(softphone: Softphone): Promise<void> {
    // Only a held lock can be handed on; without one (no locks, site data blocked) every tab leads anyway.
    if (this.election.mode !== 'locks') return;
    await softphone.disconnect();
    await this.election.resign();
  }

  private async roleChanged(role: 'leader' | 'follower'): Promise<void> {
    const parts = this.parts;
    if (!parts) return;
    parts.softphone.roleChanged();
    if (role === 'follower') {
      // Ask the leader for its state now that we can take it (its answer to our first hello may have come too early).
      this.election.send({ type: 'hello' });
      this.deps.redraw();
      return;
    }
    parts.softphone.restore();
    await parts.line.connectAsLeader();
    this.deps.redraw();
  }
}
