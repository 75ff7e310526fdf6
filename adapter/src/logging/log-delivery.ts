import type { CallLog, EventInput } from '../call/types';
import { agentText, OpenCtiError } from '../opencti/open-cti-error';
import { describeError as describe } from './fire-and-log';
import type { HostPort } from '../opencti/port';
import { findCallLog } from '../opencti/call-log-lookup';
import type { SaveLogValue } from '../opencti/types';
import type { Logger } from './logger';
import { writtenCallObject } from './task-log';
import type { Claim, LogSummary, Outbox, OutboxEntry } from './outbox';
import { t } from '../i18n/labels';

/**
 * Log delivery, in one place: the outbox, the drain, the send, the runApex lookup and the schedule.
 *
 * - A log goes into the outbox before saveLog is called, and stays until Salesforce confirms it.
 * - A send in flight is never sent again by the tab that started it, however long saveLog takes
 *   (triggers, flows, a busy org): this tab tracks its sends in memory and renews their lease while
 *   they are in flight, so no other tab takes them over either. A tab that dies stops renewing; the
 *   next leader takes the send over after one lease, and asks Salesforce (runApex) whether the Task
 *   exists before creating it again.
 * - Each send carries its attempt number; an answer to an older attempt never overwrites a newer claim.
 * - The outbox is the one record of a log's status and attempts; the machine hears about it through
 *   LOG_SENDING / LOG_SAVED / LOG_FAILED, including results another tab wrote (after a handover).
 * - Times for leases and due dates come from a monotonic clock (performance.timeOrigin + now()).
 */

/** The Apex the softphone calls to de-duplicate logs (force-app/main/default/classes/SwitchboardSoftphoneService.cls). */
export { FIND_CALL_LOG } from '../opencti/call-log-lookup';

export type LogEvent = Extract<EventInput, { type: 'LOG_SENDING' | 'LOG_SAVED' | 'LOG_FAILED' }>;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LogDeliveryOptions {
  host: Pick<HostPort, 'saveLog' | 'runApex'>;
  outbox: Outbox;
  logger: Logger;
  /** Monotonic epoch milliseconds; the default is performance.timeOrigin + performance.now(). */
  clock?: () => number;
  /** What happened to a log, as machine events. */
  report: (event: LogEvent) => void;
  timers?: Timers;
}

/** The retry wake-up never comes sooner than this, so a burst of due entries cannot spin. */
const MIN_WAKE_MS = 250;

export function monotonicClock(): number {
  return performance.timeOrigin + performance.now();
}

const globalTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export class LogDelivery {
  private readonly outbox: Outbox;
  private readonly clock: () => number;
  private readonly timers: Timers;
  /** Sends this tab started and has not had an answer for: never started again while here. */
  private readonly inFlight = new Map<string, { attempt: number; renewal: unknown }>();
  /** The settled status each log last had when this tab told its machine, so each is told once. */
  private readonly told = new Map<string, string>();
  private wake: unknown = null;
  private draining = false;
  private active = false;

  constructor(private readonly options: LogDeliveryOptions) {
    this.outbox = options.outbox;
    this.clock = options.clock ?? monotonicClock;
    this.timers = options.timers ?? globalTimers;
  }

  /** Sends in flight in this tab (for tests and the status of a handover). */
  get sending(): ReadonlySet<string> {
    return new Set(this.inFlight.keys());
  }

  /** The leader drains; a follower only finishes the sends it already started. */
  setActive(active: boolean): void {
    this.active = active;
    if (active) return;
    if (this.wake !== null) this.timers.clearTimeout(this.wake);
    this.wake = null;
  }

  /**
   * The machine's saveLog effect: a new log (or new wrap-up data for a logged call) goes into the
   * outbox; the same log again is the agent's Retry, due now.
   */
  submit(callId: string, value: SaveLogValue, summary: LogSummary | null): void {
    const now = this.clock();
    const existing = this.outbox.get(callId);
    if (existing && sameValue(existing.value, value)) this.outbox.retryNow(callId, now);
    else this.outbox.put({ callId, value, summary }, now);
    this.drain();
  }

  /** What a restoring leader shows: every log still in the outbox. Prunes old saved ones first. */
  restoredLogs(): CallLog[] {
    this.outbox.prune(this.clock());
    const logs = this.outbox
      .all()
      .filter((e) => e.summary !== null)
      .map(logFromEntry);
    for (const log of logs) this.told.set(log.callId, settledKey(log.status, log.taskId));
    return logs;
  }

  /**
   * Sends every log that is due, once each, and tells the machine about logs whose status another tab
   * (or an earlier page) settled. Then sleeps until the next due time.
   */
  drain(): void {
    if (!this.active || this.draining) return;
    this.draining = true;
    try {
      const now = this.clock();
      for (const entry of this.outbox.all()) {
        if (this.inFlight.has(entry.callId)) continue;
        if (this.outbox.isDue(entry, now)) {
          const claim = this.outbox.claim(entry.callId, now);
          if (claim) this.start(entry.callId, claim);
        } else {
          this.reportSettled(entry);
        }
      }
    } finally {
      this.draining = false;
    }
    this.schedule();
  }

  stop(): void {
    this.setActive(false);
    for (const flight of this.inFlight.values())
      if (flight.renewal !== null) this.timers.clearTimeout(flight.renewal);
  }

  private start(callId: string, claim: Claim): void {
    const flight = { attempt: claim.attempt, renewal: null as unknown };
    this.inFlight.set(callId, flight);
    // saveLog leaves first; only then does the machine hear "sending" (and re-render). deliver() never
    // settles synchronously, so LOG_SENDING always comes before this attempt's LOG_SAVED / LOG_FAILED.
    const delivery = this.deliver(callId, claim);
    this.report({ type: 'LOG_SENDING', callId, attempts: claim.attempt });
    const renew = (): void => {
      flight.renewal = null;
      // A claim someone else overwrote is theirs now; this send is still never repeated here.
      if (this.inFlight.get(callId) !== flight || !this.outbox.renew(callId, claim.attempt, this.clock()))
        return;
      flight.renewal = this.timers.setTimeout(renew, this.outbox.leaseMs / 3);
    };
    flight.renewal = this.timers.setTimeout(renew, this.outbox.leaseMs / 3);
    void delivery.finally(() => {
      if (flight.renewal !== null) this.timers.clearTimeout(flight.renewal);
      if (this.inFlight.get(callId) === flight) this.inFlight.delete(callId);
      this.drain();
    });
  }

  /** One attempt: the lookup when an earlier create went unanswered, then saveLog; the answer goes to the outbox and the machine. */
  private async deliver(callId: string, claim: Claim): Promise<void> {
    const { host, logger } = this.options;
    if (claim.uncertain) {
      // Looked up by the CallObject the unanswered create carried (the SIP Call-ID on a SIP line), never re-derived.
      const existing = await this.findExisting(writtenCallObject(claim.request) ?? callId);
      if (existing) return this.saved(callId, existing, claim.attempt);
    }
    let taskId: string;
    try {
      // Called now, but a synchronous throw surfaces as a rejection after LOG_SENDING (see start()).
      const answer = (async () => host.saveLog(claim.request))();
      taskId = await answer;
    } catch (error) {
      logger.error('saveLog failed', describe(error));
      const failed = this.outbox.markFailed(
        callId,
        agentText(error),
        this.clock(),
        isPermanent(error) ? 'manual' : 'auto',
        claim.attempt
      );
      if (failed) this.report({ type: 'LOG_FAILED', callId, error: agentText(error) });
      return;
    }
    this.saved(callId, taskId, claim.attempt);
  }

  private saved(callId: string, taskId: string, attempt: number): void {
    const entry = this.outbox.markSaved(callId, taskId, this.clock(), attempt);
    // Pending again = the wrap-up changed while this send was in flight: the update goes out next.
    if (entry?.status === 'saved' || (!entry && !this.outbox.get(callId)))
      this.report({ type: 'LOG_SAVED', callId, taskId });
  }

  /**
   * Asks Salesforce (runApex → SwitchboardSoftphoneService.findCallLog) whether the call's Task exists.
   * If the check itself fails, the log is sent: a rare duplicate is better than a lost call.
   */
  private async findExisting(callObject: string): Promise<string | null> {
    // The Apex answers JSON ({ok, taskId} or {ok:false, error}); opencti/call-log-lookup.ts reads it and never rejects.
    const lookup = await findCallLog(this.options.host, callObject);
    if (lookup.kind === 'found') return lookup.taskId;
    if (lookup.kind === 'failed')
      this.options.logger.warn('Could not check for an existing call log; sending it again', lookup.error);
    return null;
  }

  /** A status settled elsewhere (another tab's send, before a handover) reaches this tab's machine. */
  private reportSettled(entry: OutboxEntry): void {
    if (entry.status === 'saved' && entry.taskId)
      this.report({ type: 'LOG_SAVED', callId: entry.callId, taskId: entry.taskId });
    else if (entry.status === 'failed')
      this.report({
        type: 'LOG_FAILED',
        callId: entry.callId,
        error: entry.error ?? t('Switchboard_Logs_NotSaved')
      });
  }

  private report(event: LogEvent): void {
    if (event.type !== 'LOG_SENDING') {
      const key = settledKey(
        event.type === 'LOG_SAVED' ? 'saved' : 'failed',
        event.type === 'LOG_SAVED' ? event.taskId : null
      );
      if (this.told.get(event.callId) === key) return;
      this.told.set(event.callId, key);
    } else {
      this.told.delete(event.callId);
    }
    this.options.report(event);
  }

  /** Wakes up for the next automatic retry or lease end, and only then: no polling when nothing is owed. */
  private schedule(): void {
    if (this.wake !== null) this.timers.clearTimeout(this.wake);
    this.wake = null;
    if (!this.active) return;
    const now = this.clock();
    const due = this.outbox.nextDueAt(now, new Set(this.inFlight.keys()));
    if (due === null) return;
    this.wake = this.timers.setTimeout(
      () => {
        this.wake = null;
        this.drain();
      },
      Math.max(MIN_WAKE_MS, due - now)
    );
  }
}

function settledKey(status: string, taskId: string | null): string {
  return `${status}:${taskId ?? ''}`;
}

export function logFromEntry(entry: OutboxEntry): CallLog {
  const status: CallLog['status'] =
    entry.status === 'saved' ? 'saved' : entry.status === 'failed' ? 'failed' : 'saving';
  return {
    callId: entry.callId,
    value: entry.value,
    status,
    taskId: entry.taskId,
    error: entry.error,
    attempts: entry.attempts,
    call: entry.summary ?? {
      id: entry.callId,
      direction: 'outbound',
      display: '',
      startedAt: entry.createdAt,
      connectedAt: null,
      endedAt: null,
      recordId: null
    }
  };
}

/** Validation failures will fail the same way again: only the agent (after fixing data) retries those. */
export function isPermanent(error: unknown): boolean {
  if (!(error instanceof OpenCtiError)) return false;
  const text = `${error.description} ${JSON.stringify(error.details ?? '')}`;
  return (
    error.code === 'INVALID_PARAM' ||
    /FIELD_CUSTOM_VALIDATION_EXCEPTION|REQUIRED_FIELD_MISSING|INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|STRING_TOO_LONG/.test(
      text
    )
  );
}

function sameValue(a: SaveLogValue, b: SaveLogValue): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
