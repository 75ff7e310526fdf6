import type { CallLog } from '../call/types';
import type { SaveLogValue } from '../opencti/types';
import { quarantine } from '../persistence/quarantine';
import { SafeStorage } from '../persistence/safe-storage';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { parseStoredEntry } from './outbox-schema';
import { t } from '../i18n/labels';

/**
 * The durable call-log outbox: every log the softphone owes Salesforce is written here before
 * `saveLog` is called and stays until Salesforce confirms it, so a reload, a crash or a failed
 * save never loses a call, and a retry never creates a second Task. Sending is log-delivery.ts's job;
 * this module is the stored record and its rules.
 *
 * Idempotency rule (see docs/reliability.md):
 *  - one entry per call id (stable across reloads and handovers); the lookup (findCallLog) asks for the
 *    `CallObject` in the entry's value as built: the SIP Call-ID on a SIP line, else the call id;
 *  - once a Task Id is known every later send is an UPDATE: `Id` is sent, `entityApiName` and
 *    `TaskSubtype` (create-only) are not;
 *  - a CREATE is re-sent only when no Task Id was ever returned.
 *
 * One status and one attempt counter per log: `attempts` counts sends started, and each send carries
 * its attempt number as a claim token, so the answer to an older send can never overwrite a newer claim.
 *
 * Times (`now`) are the delivery's monotonic epoch (performance.timeOrigin + performance.now()), not
 * the wall clock, so a clock set back cannot keep a lease alive for an hour; a stored time further
 * ahead than any lease or backoff could make it (written before a clock jump) is treated as now.
 */

/** Entry names under the user's store: `outbox:v2:entry:<callId>`. */
export const OUTBOX_ENTRY_PREFIX = 'outbox:v2:entry:';

export type OutboxStatus = 'pending' | 'saving' | 'saved' | 'failed';

/** What the log is about, so a restored page can show it before the call is gone from memory. */
export type LogSummary = CallLog['call'];

export interface OutboxEntry {
  schema: 2;
  callId: string;
  /** The Task as built for a create (`entityApiName: 'Task'`, `TaskSubtype: 'Call'`, …). */
  value: SaveLogValue;
  /** Bumped by every put: a send of an older revision leaves the entry due again when it returns. */
  revision: number;
  /** The revision the last claimed send carried. */
  sentRevision: number;
  taskId: string | null;
  status: OutboxStatus;
  /** Sends started; also the claim token of the send in flight. */
  attempts: number;
  error: string | null;
  /** When the next automatic attempt is due; null = only when the agent asks (permanent failure). */
  nextAttemptAt: number | null;
  createdAt: number;
  savedAt: number | null;
  /** The tab that is sending it right now, until `claimedUntil` (renewed while the send is in flight). */
  claimedBy: string | null;
  claimedUntil: number;
  summary: LogSummary | null;
}

export interface NewOutboxEntry {
  callId: string;
  value: SaveLogValue;
  summary?: LogSummary | null;
  /** Known when a Task was already created for this call (e.g. updating a log after more wrap-up). */
  taskId?: string | null;
}

/** A send this tab may start: the exact value, and the token its answer must carry. */
export interface Claim {
  request: SaveLogValue;
  attempt: number;
  /** No answer ever came for an earlier create: look the Task up before creating it again. */
  uncertain: boolean;
}

/** How long a claim lives without renewal before another tab may take the send over. */
export const DEFAULT_LEASE_MS = 30_000;
/** Saved entries are kept this long as a record of which calls already have a Task. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface OutboxOptions {
  /** The user's store (persistence/storage-scope.ts); a memory store when omitted. */
  store?: SafeStorage;
  /** This tab's id, written into claims. */
  owner: string;
  /** [0, 1); injectable so tests get exact delays. */
  random?: () => number;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  retentionMs?: number;
}

/**
 * The saveLog value to send for an entry: a create while no Task Id is known, an update by Id
 * afterwards. TaskSubtype is create-only (sending it on update fails the save) and
 * entityApiName with Id is at best ignored, so both are left out of updates.
 */
export function saveLogRequest(entry: Pick<OutboxEntry, 'value' | 'taskId'>): SaveLogValue {
  if (!entry.taskId) return { ...entry.value };
  const update: SaveLogValue = {};
  for (const [field, v] of Object.entries(entry.value)) {
    if (field !== 'entityApiName' && field !== 'TaskSubtype' && field !== 'Id') update[field] = v;
  }
  update['Id'] = entry.taskId;
  return update;
}

export class Outbox {
  readonly store: SafeStorage;
  private readonly owner: string;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  readonly leaseMs: number;
  private readonly retentionMs: number;

  constructor(options: OutboxOptions) {
    this.store = options.store ?? new SafeStorage(null, 'switchboard:memory:');
    this.owner = options.owner;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  /** False once storage failed and the outbox lives in memory only. */
  get isDurable(): boolean {
    return this.store.isDurable;
  }

  /**
   * Records a log to send (due now). Putting a call id again replaces the value (new wrap-up data) but
   * keeps the Task Id, so the next send updates that Task. A send in flight keeps its claim and status:
   * the new revision goes out after it returns.
   */
  put(input: NewOutboxEntry, now: number): OutboxEntry {
    const existing = this.get(input.callId);
    const inFlight = existing?.status === 'saving';
    const entry: OutboxEntry = {
      schema: 2,
      callId: input.callId,
      value: { ...input.value },
      revision: (existing?.revision ?? 0) + 1,
      sentRevision: existing?.sentRevision ?? 0,
      taskId: input.taskId ?? existing?.taskId ?? null,
      status: inFlight ? 'saving' : 'pending',
      attempts: existing?.attempts ?? 0,
      error: null,
      nextAttemptAt: now,
      createdAt: existing?.createdAt ?? now,
      savedAt: null,
      claimedBy: inFlight ? existing.claimedBy : null,
      claimedUntil: inFlight ? existing.claimedUntil : 0,
      summary: input.summary ?? existing?.summary ?? null
    };
    this.write(entry);
    return entry;
  }

  get(callId: string): OutboxEntry | null {
    return this.readName(OUTBOX_ENTRY_PREFIX + callId, Date.now());
  }

  /** Every valid entry, oldest first. Corrupt ones are quarantined and reported on the way. */
  all(): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (const name of this.store.names()) {
      if (!name.startsWith(OUTBOX_ENTRY_PREFIX)) continue;
      const entry = this.readName(name, Date.now());
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.callId < b.callId ? -1 : 1));
  }

  /** When the next entry becomes due, or null when nothing will be sent without the agent. */
  nextDueAt(now: number, skip: ReadonlySet<string> = new Set()): number | null {
    let next: number | null = null;
    for (const entry of this.all()) {
      if (skip.has(entry.callId)) continue;
      const at = this.dueAt(entry, now);
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Entries due for an automatic send now and not being sent by another live tab. */
  pending(now: number): OutboxEntry[] {
    return this.all().filter((e) => this.isDue(e, now));
  }

  isDue(entry: OutboxEntry, now: number): boolean {
    const at = this.dueAt(entry, now);
    return at !== null && at <= now;
  }

  /**
   * Claims an entry for sending, or null when it is not due, already saved, or another tab holds a live
   * claim. Re-reads after writing so that, of two tabs racing, the one whose claim was overwritten backs off.
   */
  claim(callId: string, now: number): Claim | null {
    const entry = this.get(callId);
    if (!entry || !this.isDue(entry, now)) return null;
    // A create whose answer never came (the sender died or lost it) may have made the Task already.
    const uncertain = entry.status === 'saving' && !entry.taskId;
    const claimed: OutboxEntry = {
      ...entry,
      status: 'saving',
      attempts: entry.attempts + 1,
      sentRevision: entry.revision,
      claimedBy: this.owner,
      claimedUntil: now + this.leaseMs
    };
    this.write(claimed);
    const check = this.get(callId);
    if (!check || check.claimedBy !== this.owner || check.attempts !== claimed.attempts) return null;
    return { request: saveLogRequest(claimed), attempt: claimed.attempts, uncertain };
  }

  /** Kept for callers that only need the value (tests, tools): `claim(…)?.request`. */
  markSaving(callId: string, now: number): SaveLogValue | null {
    return this.claim(callId, now)?.request ?? null;
  }

  /** Extends this tab's claim while its send is in flight. False when the claim is no longer ours. */
  renew(callId: string, attempt: number, now: number): boolean {
    const entry = this.get(callId);
    if (!entry || entry.status !== 'saving' || entry.attempts !== attempt || entry.claimedBy !== this.owner)
      return false;
    this.write({ ...entry, claimedUntil: now + this.leaseMs });
    return true;
  }

  /**
   * Salesforce confirmed a save. The Task exists whoever sent it, so its Id is always kept; but the answer
   * to an older attempt (`attempt` given and not the latest) leaves the newer claim alone. When the wrap-up
   * changed while the send was in flight, the entry is due again at once, as an update.
   */
  markSaved(callId: string, taskId: string, now: number, attempt?: number): OutboxEntry | null {
    const entry = this.get(callId);
    if (!entry) return null;
    if (attempt !== undefined && attempt !== entry.attempts) {
      if (!entry.taskId) this.write({ ...entry, taskId });
      return null;
    }
    const changedMeanwhile = entry.revision > entry.sentRevision;
    const next: OutboxEntry = {
      ...entry,
      status: changedMeanwhile ? 'pending' : 'saved',
      taskId,
      error: null,
      savedAt: changedMeanwhile ? null : now,
      nextAttemptAt: changedMeanwhile ? now : null,
      claimedBy: null,
      claimedUntil: 0
    };
    this.write(next);
    return next;
  }

  /**
   * The save failed. `retry: 'auto'` schedules the next attempt with exponential backoff; `'manual'`
   * (an error a retry cannot fix, e.g. a validation rule) waits for the agent. Ignored for a saved entry
   * and for the answer to an older attempt.
   */
  markFailed(
    callId: string,
    error: string,
    now: number,
    retry: 'auto' | 'manual' = 'auto',
    attempt?: number
  ): OutboxEntry | null {
    const entry = this.get(callId);
    if (!entry || entry.status === 'saved') return null;
    if (attempt !== undefined && attempt !== entry.attempts) return null;
    const failed: OutboxEntry = {
      ...entry,
      status: 'failed',
      error,
      nextAttemptAt:
        retry === 'auto' ? now + backoffDelay(Math.max(1, entry.attempts), this.backoff, this.random) : null,
      claimedBy: null,
      claimedUntil: 0
    };
    this.write(failed);
    return failed;
  }

  /** The agent pressed Retry: due now, whatever the backoff said. */
  retryNow(callId: string, now: number): OutboxEntry | null {
    const entry = this.get(callId);
    if (!entry || entry.status === 'saved' || entry.status === 'saving') return null;
    const due: OutboxEntry = { ...entry, nextAttemptAt: now };
    this.write(due);
    return due;
  }

  /** Drops saved entries older than the retention; returns how many went. */
  prune(now: number): number {
    let dropped = 0;
    for (const entry of this.all()) {
      if (entry.status === 'saved' && entry.savedAt !== null && now - entry.savedAt >= this.retentionMs) {
        this.store.remove(OUTBOX_ENTRY_PREFIX + entry.callId);
        dropped += 1;
      }
    }
    return dropped;
  }

  // ---- internals ---------------------------------------------------------------------------

  /** When an entry may be sent automatically: null for saved ones and those waiting for the agent. */
  private dueAt(entry: OutboxEntry, now: number): number | null {
    if (entry.status === 'saved') return null;
    if (entry.status === 'saving') return this.leaseEnd(entry, now); // the sender died mid-send once the lease ends
    if (entry.nextAttemptAt === null) return null;
    // No backoff is longer than the cap: a later time was written before the clock went back.
    const next = entry.nextAttemptAt - now > this.backoff.capMs ? now : entry.nextAttemptAt;
    return entry.claimedBy !== null && entry.claimedBy !== this.owner
      ? Math.max(next, this.leaseEnd(entry, now))
      : next;
  }

  /** A lease never reaches further than one lease from now; one that does was written before the clock went back. */
  private leaseEnd(entry: OutboxEntry, now: number): number {
    return entry.claimedUntil - now > this.leaseMs ? now : entry.claimedUntil;
  }

  private write(entry: OutboxEntry): void {
    this.store.set(OUTBOX_ENTRY_PREFIX + entry.callId, JSON.stringify(entry));
  }

  private readName(name: string, wallNow: number): OutboxEntry | null {
    const raw = this.store.get(name);
    if (raw === null) return null;
    const entry = parseStoredEntry(raw);
    if (!entry || OUTBOX_ENTRY_PREFIX + entry.callId !== name) {
      quarantine(this.store, name, raw, wallNow, t('Switchboard_Logs_SetAside'));
      return null;
    }
    return entry;
  }
}
