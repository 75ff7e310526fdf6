import type { Call, CallLog, MachineState, Phase } from '../call/types';
import type { SaveLogValue } from '../opencti/types';
import type { EndCause } from '../telephony/provider';
import { SafeStorage, type StorageLike, type StorageProblem } from '../persistence/safe-storage';

/**
 * The durable call-log outbox: every log the softphone owes Salesforce is written here before
 * `saveLog` is called and stays until Salesforce confirms it, so a reload, a crash or a failed
 * save never loses a call, and a retry never creates a second Task.
 *
 * Idempotency rule (see docs/reliability.md):
 *  - the call's id is the Task's `CallObject`, one entry per call id;
 *  - once a Task Id is known every later send is an UPDATE: `Id` is sent, `entityApiName` and
 *    `TaskSubtype` (create-only) are not;
 *  - a CREATE is re-sent only when no Task Id was ever returned.
 *
 * Several tabs can share one storage. Only the leader tab (app/leader.ts) drains the outbox;
 * the claim/lease fields are the second line of defence for the moment leadership moves, and
 * for browsers without Web Locks. localStorage has no compare-and-swap, so a lease narrows
 * the window for a double send to a few milliseconds; it cannot close it alone.
 */

export const OUTBOX_PREFIX = 'switchboard:outbox:v1:';
const ENTRY_PREFIX = `${OUTBOX_PREFIX}entry:`;
const DRAFT_KEY = `${OUTBOX_PREFIX}draft`;

export type OutboxStatus = 'pending' | 'saving' | 'saved' | 'failed';

/** What the log is about, so a restored page can show it before the call is gone from memory. */
export type LogSummary = CallLog['call'];

export interface OutboxEntry {
  schema: 1;
  callId: string;
  /** The Task as built for a create (`entityApiName: 'Task'`, `TaskSubtype: 'Call'`, …). */
  value: SaveLogValue;
  taskId: string | null;
  status: OutboxStatus;
  attempts: number;
  error: string | null;
  /** When the next automatic attempt is due; null = only when the agent asks (permanent failure). */
  nextAttemptAt: number | null;
  createdAt: number;
  savedAt: number | null;
  /** The tab that is sending it right now, until `claimedUntil`. */
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

/** A call interrupted by a reload: the phase and the call exactly as the machine had them. */
export interface CallDraft {
  schema: 1;
  phase: Exclude<Phase, 'idle'>;
  call: Call;
  /** Call waiting: the second call offered, and the first call parked on hold. */
  waiting: Call | null;
  parked: Call | null;
  savedAt: number;
}

/** The part of the machine state a draft keeps. */
export type DraftSource = Pick<MachineState, 'phase' | 'call' | 'waiting' | 'parked'>;

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** 0.2 = each delay is spread ±20 % so tabs and agents don't retry in lockstep. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60_000, jitter: 0.2 };
/** How long a send may be in flight before another tab may take it over. */
export const DEFAULT_LEASE_MS = 30_000;
/** Saved entries are kept this long as a record of which calls already have a Task. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface OutboxOptions {
  /** `window.localStorage` in the adapter (via browserLocalStorage()); null = memory only. */
  storage: StorageLike | null;
  /** This tab's id, written into claims. */
  owner: string;
  onProblem?: (problem: StorageProblem) => void;
  /** [0, 1); injectable so tests get exact delays. */
  random?: () => number;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  retentionMs?: number;
}

/** Delay before attempt `failures + 1`, after `failures` failed attempts (1 → base, doubling, capped). */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const raw = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const spread = 1 - policy.jitter + 2 * policy.jitter * clamp01(random());
  return Math.round(Math.min(policy.capMs, raw * spread));
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
  private readonly store: SafeStorage;
  private readonly owner: string;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;
  private readonly retentionMs: number;
  private readonly onProblem: (problem: StorageProblem) => void;

  constructor(options: OutboxOptions) {
    this.onProblem = options.onProblem ?? (() => undefined);
    this.store = new SafeStorage(options.storage, OUTBOX_PREFIX, (p) => this.onProblem(p));
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
   * Records a log to send (status `pending`, due now). Putting a call id again replaces the
   * value (new wrap-up data) but keeps the Task Id, so the next send updates that Task.
   */
  put(input: NewOutboxEntry, now: number): OutboxEntry {
    const existing = this.get(input.callId);
    const entry: OutboxEntry = {
      schema: 1,
      callId: input.callId,
      value: { ...input.value },
      taskId: input.taskId ?? existing?.taskId ?? null,
      status: 'pending',
      attempts: existing?.attempts ?? 0,
      error: null,
      nextAttemptAt: now,
      createdAt: existing?.createdAt ?? now,
      savedAt: null,
      // A send in flight keeps its claim: the new value goes out after it returns.
      claimedBy: existing?.status === 'saving' ? existing.claimedBy : null,
      claimedUntil: existing?.status === 'saving' ? existing.claimedUntil : 0,
      summary: input.summary ?? existing?.summary ?? null
    };
    this.write(entry);
    return entry;
  }

  get(callId: string): OutboxEntry | null {
    const key = ENTRY_PREFIX + callId;
    return this.readKey(key);
  }

  /** Every valid entry, oldest first. Corrupt ones are dropped and reported on the way. */
  all(): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (const key of this.store.keys()) {
      if (!key.startsWith(ENTRY_PREFIX)) continue;
      const entry = this.readKey(key);
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.callId < b.callId ? -1 : 1));
  }

  /**
   * When the next entry becomes due (the same rules as `pending`), or null when nothing will be sent
   * without the agent: lets the sender sleep until then instead of polling.
   */
  nextDueAt(now: number): number | null {
    let next: number | null = null;
    for (const entry of this.all()) {
      const at = this.dueAt(entry, now);
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Entries due for an automatic send now and not being sent by another live tab. */
  pending(now: number): OutboxEntry[] {
    return this.all().filter((e) => this.isDue(e, now));
  }

  /**
   * Claims an entry for sending and returns the exact saveLog value to send, or null when it is
   * not due, already saved, or another tab holds a live claim. Re-reads after writing so that,
   * of two tabs racing, the one whose claim was overwritten backs off.
   */
  markSaving(callId: string, now: number): SaveLogValue | null {
    const entry = this.get(callId);
    if (!entry || !this.isDue(entry, now)) return null;
    const claimed: OutboxEntry = {
      ...entry,
      status: 'saving',
      attempts: entry.attempts + 1,
      claimedBy: this.owner,
      claimedUntil: now + this.leaseMs
    };
    this.write(claimed);
    const check = this.get(callId);
    if (!check || check.claimedBy !== this.owner || check.attempts !== claimed.attempts) return null;
    return saveLogRequest(claimed);
  }

  /** Salesforce confirmed the save. Applies whichever tab sent it: the Task exists either way. */
  markSaved(callId: string, taskId: string, now: number): OutboxEntry | null {
    const entry = this.get(callId);
    if (!entry) return null;
    const saved: OutboxEntry = {
      ...entry,
      status: 'saved',
      taskId,
      error: null,
      savedAt: now,
      nextAttemptAt: null,
      claimedBy: null,
      claimedUntil: 0
    };
    this.write(saved);
    return saved;
  }

  /**
   * The save failed. `retry: 'auto'` schedules the next attempt with exponential backoff;
   * `'manual'` (an error a retry cannot fix, e.g. a validation rule) waits for the agent.
   */
  markFailed(
    callId: string,
    error: string,
    now: number,
    retry: 'auto' | 'manual' = 'auto'
  ): OutboxEntry | null {
    const entry = this.get(callId);
    if (!entry || entry.status === 'saved') return null;
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
        this.store.remove(ENTRY_PREFIX + entry.callId);
        dropped += 1;
      }
    }
    return dropped;
  }

  // ---- the call in progress ------------------------------------------------------------

  /** Call after every state change (cheap: one key). Idle with no call clears it. */
  saveDraft(state: DraftSource, now: number): void {
    const { phase, call } = state;
    if (phase === 'idle' || !call) return this.clearDraft();
    const draft: CallDraft = {
      schema: 1,
      phase,
      call,
      waiting: state.waiting ?? null,
      parked: state.parked ?? null,
      savedAt: now
    };
    this.store.set(DRAFT_KEY, JSON.stringify(draft));
  }

  loadDraft(): CallDraft | null {
    const raw = this.store.get(DRAFT_KEY);
    if (raw === null) return null;
    const draft = parseDraft(raw);
    if (!draft) this.drop(DRAFT_KEY, 'The saved call in progress was unreadable and was discarded.');
    return draft;
  }

  clearDraft(): void {
    this.store.remove(DRAFT_KEY);
  }

  // ---- internals ---------------------------------------------------------------------------

  private isDue(entry: OutboxEntry, now: number): boolean {
    const at = this.dueAt(entry, now);
    return at !== null && at <= now;
  }

  /** When an entry may be sent automatically: null for saved ones and those waiting for the agent. */
  private dueAt(entry: OutboxEntry, now: number): number | null {
    if (entry.status === 'saved') return null;
    if (entry.status === 'saving') return entry.claimedUntil; // the sender died mid-send once the lease ends
    if (entry.nextAttemptAt === null) return null;
    return this.claimedByOther(entry, now) ? Math.max(entry.nextAttemptAt, entry.claimedUntil) : entry.nextAttemptAt;
  }

  private claimedByOther(entry: OutboxEntry, now: number): boolean {
    return entry.claimedBy !== null && entry.claimedBy !== this.owner && entry.claimedUntil > now;
  }

  private write(entry: OutboxEntry): void {
    this.store.set(ENTRY_PREFIX + entry.callId, JSON.stringify(entry));
  }

  private readKey(key: string): OutboxEntry | null {
    const raw = this.store.get(key);
    if (raw === null) return null;
    const entry = parseEntry(raw);
    if (!entry || ENTRY_PREFIX + entry.callId !== key) {
      this.drop(key, 'A stored call log was unreadable and was discarded.');
      return null;
    }
    return entry;
  }

  private drop(key: string, message: string): void {
    this.store.remove(key);
    try {
      this.onProblem({ kind: 'corrupt-entry', message, key });
    } catch {
      // Reporting must not break reading.
    }
  }
}

// ---- parsing: stored JSON is untrusted (another version, a browser extension, a bad write) ---

type Json = Record<string, unknown>;

const STATUSES: readonly OutboxStatus[] = ['pending', 'saving', 'saved', 'failed'];
/** A Record, not a list, so adding an EndCause fails to compile here until it is added. */
const END_CAUSES: Record<EndCause, true> = {
  'local-hangup': true,
  'remote-hangup': true,
  busy: true,
  'no-answer': true,
  rejected: true,
  canceled: true,
  'not-found': true,
  unavailable: true,
  'auth-failed': true,
  'bad-media': true,
  'connection-lost': true,
  'invalid-number': true,
  error: true
};
const DRAFT_PHASES: readonly Phase[] = ['dialing', 'ringing', 'connected', 'held', 'wrapUp'];
/** Salesforce field API names; also keeps `__proto__` and friends out of rebuilt objects. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

function parseJson(raw: string): Json | null {
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function parseEntry(raw: string): OutboxEntry | null {
  const j = parseJson(raw);
  if (!j || j['schema'] !== 1) return null;
  const value = parseSaveLogValue(j['value']);
  const status = j['status'];
  if (
    !isNonEmptyString(j['callId']) ||
    !value ||
    !STATUSES.includes(status as OutboxStatus) ||
    !isNullable(j['taskId'], isNonEmptyString) ||
    !isCount(j['attempts']) ||
    !isNullable(j['error'], isString) ||
    !isNullable(j['nextAttemptAt'], isFiniteNumber) ||
    !isFiniteNumber(j['createdAt']) ||
    !isNullable(j['savedAt'], isFiniteNumber) ||
    !isNullable(j['claimedBy'], isString) ||
    !isFiniteNumber(j['claimedUntil'])
  ) {
    return null;
  }
  const summary = j['summary'] === null || j['summary'] === undefined ? null : parseSummary(j['summary']);
  if (summary === undefined) return null;
  return {
    schema: 1,
    callId: j['callId'],
    value,
    taskId: j['taskId'],
    status: status as OutboxStatus,
    attempts: j['attempts'],
    error: j['error'],
    nextAttemptAt: j['nextAttemptAt'],
    createdAt: j['createdAt'],
    savedAt: j['savedAt'],
    claimedBy: j['claimedBy'],
    claimedUntil: j['claimedUntil'],
    summary
  };
}

function parseSaveLogValue(v: unknown): SaveLogValue | null {
  if (!isRecord(v)) return null;
  const out: SaveLogValue = {};
  for (const [field, x] of Object.entries(v)) {
    if (!FIELD_NAME.test(field)) return null;
    if (x === null || typeof x === 'string' || typeof x === 'boolean' || isFiniteNumber(x)) out[field] = x;
    else return null;
  }
  return out;
}

/** undefined = present but invalid. */
function parseSummary(v: unknown): LogSummary | undefined {
  if (!isRecord(v)) return undefined;
  const { id, direction, display, startedAt, connectedAt, endedAt, recordId } = v;
  if (
    !isNonEmptyString(id) ||
    (direction !== 'inbound' && direction !== 'outbound') ||
    !isString(display) ||
    !isFiniteNumber(startedAt) ||
    !isNullable(connectedAt, isFiniteNumber) ||
    !isNullable(endedAt, isFiniteNumber) ||
    !isNullable(recordId, isString)
  ) {
    return undefined;
  }
  return { id, direction, display, startedAt, connectedAt, endedAt, recordId };
}

function parseDraft(raw: string): CallDraft | null {
  const j = parseJson(raw);
  if (!j || j['schema'] !== 1 || !DRAFT_PHASES.includes(j['phase'] as Phase) || !isFiniteNumber(j['savedAt']))
    return null;
  const call = parseCall(j['call']);
  // Absent in drafts from before call waiting: nothing was waiting or parked then.
  const waiting = j['waiting'] === undefined || j['waiting'] === null ? null : parseCall(j['waiting']);
  const parked = j['parked'] === undefined || j['parked'] === null ? null : parseCall(j['parked']);
  if (!call || (j['waiting'] && !waiting) || (j['parked'] && !parked)) return null;
  return { schema: 1, phase: j['phase'] as CallDraft['phase'], call, waiting, parked, savedAt: j['savedAt'] };
}

/** Checks the fields the machine relies on; rebuilds the object so no stray keys ride along. */
function parseCall(v: unknown): Call | null {
  if (!isRecord(v)) return null;
  const c = v;
  const ok =
    isNonEmptyString(c['id']) &&
    (c['direction'] === 'inbound' || c['direction'] === 'outbound') &&
    isString(c['dial']) &&
    isString(c['display']) &&
    isNullable(c['callerName'], isString) &&
    isFiniteNumber(c['startedAt']) &&
    isNullable(c['connectedAt'], isFiniteNumber) &&
    isNullable(c['endedAt'], isFiniteNumber) &&
    (c['endCause'] === null ||
      (typeof c['endCause'] === 'string' && Object.hasOwn(END_CAUSES, c['endCause']))) &&
    typeof c['muted'] === 'boolean' &&
    typeof c['held'] === 'boolean' &&
    isNullable(c['params'], isString) &&
    isNullable(c['transferTo'] ?? null, isString) &&
    isString(c['disposition']) &&
    isString(c['notes']);
  if (!ok) return null;
  const who = parseRef(c['who']);
  const what = parseRef(c['what']);
  const screenPop = parseScreenPop(c['screenPop']);
  if (who === undefined || what === undefined || !screenPop) return null;
  return {
    id: c['id'] as string,
    direction: c['direction'] as Call['direction'],
    dial: c['dial'] as string,
    display: c['display'] as string,
    callerName: c['callerName'] as string | null,
    startedAt: c['startedAt'] as number,
    connectedAt: c['connectedAt'] as number | null,
    endedAt: c['endedAt'] as number | null,
    endCause: c['endCause'] as Call['endCause'],
    muted: c['muted'] as boolean,
    held: c['held'] as boolean,
    who,
    what,
    params: c['params'] as string | null,
    screenPop,
    // Absent in drafts written before transfers existed: no transfer then.
    transferTo: (c['transferTo'] as string | null | undefined) ?? null,
    disposition: c['disposition'] as string,
    notes: c['notes'] as string
  };
}

function parseRef(v: unknown): Call['who'] | undefined {
  if (v === null) return null;
  if (
    !isRecord(v) ||
    !isNonEmptyString(v['id']) ||
    !isNullable(v['name'], isString) ||
    !isNullable(v['objectType'], isString)
  )
    return undefined;
  return { id: v['id'], name: v['name'], objectType: v['objectType'] };
}

function parseScreenPop(v: unknown): Call['screenPop'] | null {
  if (!isRecord(v)) return null;
  switch (v['status']) {
    case 'none':
    case 'searching':
      return { status: v['status'] };
    case 'failed':
      return isString(v['error']) ? { status: 'failed', error: v['error'] } : null;
    case 'found': {
      const raw = v['matches'];
      if (!Array.isArray(raw)) return null;
      const matches = raw.map(parseRef);
      return matches.every((m): m is NonNullable<typeof m> => m !== null && m !== undefined)
        ? { status: 'found', matches }
        : null;
    }
    default:
      return null;
  }
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}
function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isCount(v: unknown): v is number {
  return isFiniteNumber(v) && Number.isInteger(v) && v >= 0;
}
function isNullable<T>(v: unknown, check: (x: unknown) => x is T): v is T | null {
  return v === null || check(v);
}
function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 0.999_999) : 0.5;
}
