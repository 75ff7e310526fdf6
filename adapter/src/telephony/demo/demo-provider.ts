import type { DialRequest, EndCause, ProviderEvent, TelephonyProvider } from '../provider';

/**
 * A simulated phone line, the default when no PBX is configured: an admin can try the whole
 * flow in a real org. Outbound calls ring for a moment and are answered (or come back busy /
 * unanswered, as the agent chose); inbound calls are simulated from the softphone itself.
 */
export type DemoOutcome = 'answer' | 'busy' | 'no-answer';

export interface DemoTimings {
  /** Ringing before the simulated party answers, busy or not. */
  answerAfterMs: number;
  /** How long an unanswered outbound call rings before giving up. */
  noAnswerAfterMs: number;
  /** How long a simulated inbound call rings before the caller gives up. */
  inboundGiveUpAfterMs: number;
  /** Signalling delay for hold, answer and the like, so nothing relies on synchronous answers. */
  signallingMs: number;
}

export const DEFAULT_DEMO_TIMINGS: DemoTimings = {
  answerAfterMs: 1000,
  noAnswerAfterMs: 8000,
  inboundGiveUpAfterMs: 30_000,
  signallingMs: 60
};

export interface DemoControls {
  setNextOutcome(outcome: DemoOutcome): void;
  readonly nextOutcome: DemoOutcome;
  simulateInbound(from: string, displayName?: string): string;
  simulateRemoteHangup(): void;
  /** Tones the simulated party "heard" per call, so DTMF can be checked. */
  tonesReceived(callId: string): string;
}

interface DemoCall {
  id: string;
  direction: 'inbound' | 'outbound';
  state: 'ringing' | 'connected' | 'ended';
  timers: Set<ReturnType<typeof setTimeout>>;
  tones: string;
}

export class DemoProvider implements TelephonyProvider, DemoControls {
  readonly kind = 'demo' as const;
  private listener: (event: ProviderEvent) => void = () => undefined;
  private readonly calls = new Map<string, DemoCall>();
  private outcome: DemoOutcome = 'answer';
  private inboundCounter = 0;

  constructor(private readonly timings: DemoTimings = DEFAULT_DEMO_TIMINGS) {}

  onEvent(listener: (event: ProviderEvent) => void): void {
    this.listener = listener;
  }

  async start(): Promise<void> {
    this.emit({ type: 'registration', state: 'registered' });
  }

  async stop(): Promise<void> {
    for (const call of this.calls.values()) this.finish(call, 'connection-lost');
    this.emit({ type: 'registration', state: 'unregistered' });
  }

  get nextOutcome(): DemoOutcome {
    return this.outcome;
  }

  setNextOutcome(outcome: DemoOutcome): void {
    this.outcome = outcome;
  }

  dial({ callId, number }: DialRequest): void {
    const call = this.track(callId, 'outbound');
    const outcome = this.outcome;
    this.later(call, this.timings.signallingMs, () => this.emit({ type: 'progress', callId }));
    if (/^\+?0+$/.test(number)) {
      this.later(call, this.timings.signallingMs, () => this.finish(call, 'not-found'));
    } else if (outcome === 'answer') {
      this.later(call, this.timings.answerAfterMs, () => this.connect(call));
    } else if (outcome === 'busy') {
      this.later(call, this.timings.answerAfterMs, () => this.finish(call, 'busy'));
    } else {
      this.later(call, this.timings.noAnswerAfterMs, () => this.finish(call, 'no-answer'));
    }
  }

  simulateInbound(from: string, displayName?: string): string {
    this.inboundCounter += 1;
    const callId = `demo-in-${Date.now().toString(36)}-${this.inboundCounter}`;
    const call = this.track(callId, 'inbound');
    this.emit(
      displayName ? { type: 'incoming', callId, from, displayName } : { type: 'incoming', callId, from }
    );
    this.later(call, this.timings.inboundGiveUpAfterMs, () => this.finish(call, 'canceled'));
    return callId;
  }

  simulateRemoteHangup(): void {
    for (const call of this.calls.values()) {
      if (call.state === 'connected') this.finish(call, 'remote-hangup');
    }
  }

  tonesReceived(callId: string): string {
    return this.calls.get(callId)?.tones ?? '';
  }

  answer(callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.state !== 'ringing' || call.direction !== 'inbound') return;
    this.clearTimers(call);
    this.later(call, this.timings.signallingMs, () => this.connect(call));
  }

  decline(callId: string): void {
    const call = this.calls.get(callId);
    if (call && call.state === 'ringing') this.finish(call, 'rejected');
  }

  hangup(callId: string): void {
    const call = this.calls.get(callId);
    if (call && call.state !== 'ended')
      this.finish(
        call,
        call.state === 'ringing' && call.direction === 'outbound' ? 'canceled' : 'local-hangup'
      );
  }

  setHold(callId: string, held: boolean): void {
    const call = this.calls.get(callId);
    if (call && call.state === 'connected')
      this.later(call, this.timings.signallingMs, () => this.emit({ type: 'held', callId, held }));
  }

  setMute(): void {
    // Nothing is sent anywhere in demo mode; the state machine already tracks mute.
  }

  sendDtmf(callId: string, tones: string): void {
    const call = this.calls.get(callId);
    if (call) call.tones += tones.replace(/,/g, '');
  }

  async transfer(callId: string, target: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.state !== 'connected') throw new Error('No connected call to transfer');
    // The simulated far end treats an all-zero number like an unreachable target, as dial() does.
    await new Promise((r) => setTimeout(r, this.timings.signallingMs * 2));
    if (/^\+?0+$/.test(target)) throw new Error('Transfer failed: the transfer target did not answer');
    this.finish(call, 'local-hangup', 'transferred');
  }

  private track(id: string, direction: DemoCall['direction']): DemoCall {
    const call: DemoCall = { id, direction, state: 'ringing', timers: new Set(), tones: '' };
    this.calls.set(id, call);
    return call;
  }

  private connect(call: DemoCall): void {
    if (call.state !== 'ringing') return;
    this.clearTimers(call);
    call.state = 'connected';
    this.emit({ type: 'connected', callId: call.id });
  }

  private finish(call: DemoCall, cause: EndCause, detail?: string): void {
    if (call.state === 'ended') return;
    this.clearTimers(call);
    call.state = 'ended';
    // Keep the record of tones for tests, but never grow without bound.
    if (this.calls.size > 50) this.calls.delete(this.calls.keys().next().value as string);
    this.emit(
      detail ? { type: 'ended', callId: call.id, cause, detail } : { type: 'ended', callId: call.id, cause }
    );
  }

  private later(call: DemoCall, ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      fn();
    }, ms);
    call.timers.add(timer);
  }

  private clearTimers(call: DemoCall): void {
    for (const t of call.timers) clearTimeout(t);
    call.timers.clear();
  }

  private emit(event: ProviderEvent): void {
    this.listener(event);
  }
}
