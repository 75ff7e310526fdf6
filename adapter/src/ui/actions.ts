import type { MachineEvent } from '../call/types';
import type { DemoControls, DemoOutcome } from '../telephony/demo/demo-provider';

type EventInput = MachineEvent extends infer E ? (E extends MachineEvent ? Omit<E, 'at'> : never) : never;

/** What the views may do: dispatch events, and in demo mode drive the simulated far end. */
export interface ViewActions {
  dispatch(event: EventInput): void;
  newCallId(): string;
  demo: (Pick<DemoControls, 'simulateInbound' | 'simulateRemoteHangup'> & { setNextOutcome(o: DemoOutcome): void; nextOutcome(): DemoOutcome }) | null;
}
