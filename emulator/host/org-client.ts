/**
 * The host page's side of the server's org (emulator/server/org.ts): writes and lookups go to the
 * server over loopback HTTP; reads that must be synchronous (rendering, search, click-to-dial,
 * `window.emulator.state`) use a replica in `store.state.records`, fed by the server's event
 * stream. Each record keeps the org version it was written at, so a late event never overwrites a
 * newer answer.
 */
import type { OpenCtiResponse } from '../shared/protocol';
import type { FieldValue, SRecord } from './data';
import type { Store } from './store';

/** What the server sends on every change (emulator/server/org.ts `OrgChange`). */
export interface OrgChange {
  version: number;
  reset: boolean;
  records: SRecord[];
}

export interface SaveLogCommit {
  afterMs: number;
  answer: 'afterCommit' | 'never';
}

interface SaveLogOutcome {
  response: OpenCtiResponse;
  record: SRecord | null;
  version: number;
  deliver: boolean;
}

export interface OrgSnapshot {
  version: number;
  records: SRecord[];
  tasks: SRecord[];
}

const ORG = '/emulator/org';

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${ORG}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`org ${path}: ${data.error ?? res.status}`);
  return data;
}

export class OrgClient {
  /** Org version each replicated record was last written at. */
  private readonly revs = new Map<string, number>();
  private events: EventSource | null = null;

  constructor(
    private readonly store: Store,
    initial: OrgChange
  ) {
    this.apply(initial);
  }

  /** Follows the server's changes (writes made through other tabs included). */
  connect(): void {
    this.events = new EventSource(`${ORG}/events`);
    this.events.onmessage = (event: MessageEvent<string>) => this.apply(JSON.parse(event.data) as OrgChange);
  }

  disconnect(): void {
    this.events?.close();
    this.events = null;
  }

  /** The adapter's saveLog; null means the org committed but its answer is lost (never delivered). */
  async saveLog(object: unknown): Promise<OpenCtiResponse | null> {
    const outcome = await post<SaveLogOutcome>('/save-log', { object: object ?? null });
    if (outcome.record) this.apply({ version: outcome.version, reset: false, records: [outcome.record] });
    return outcome.deliver ? outcome.response : null;
  }

  /** SwitchboardSoftphoneService.findCallLog, answered by the server's org (never by the replica). */
  async findCallLog(callObject: string): Promise<string> {
    return (await post<{ taskId: string }>('/find-call-log', { callObject })).taskId;
  }

  async createRecord(objectType: string, fields: Record<string, FieldValue>): Promise<SRecord> {
    const { record, version } = await post<{ record: SRecord; version: number }>('/records', {
      objectType,
      fields
    });
    this.apply({ version, reset: false, records: [record] });
    return record;
  }

  async failNextSaveLogs(count: number, description?: string): Promise<void> {
    await post('/faults', { failNextSaveLogs: { count, description } });
  }

  async setSaveLogCommit(commit: SaveLogCommit): Promise<void> {
    await post('/faults', { saveLogCommit: commit });
  }

  /** Back to the seed data; resolves once this page's replica shows it. */
  async reset(): Promise<void> {
    this.apply(await post<OrgChange>('/reset', {}));
  }

  /** The server's org as it is now (not the replica). */
  async fetch(): Promise<OrgSnapshot> {
    const res = await fetch(ORG);
    if (!res.ok) throw new Error(`org: ${res.status}`);
    const { version, records } = (await res.json()) as { version: number; records: SRecord[] };
    return { version, records, tasks: records.filter((r) => r.objectType === 'Task') };
  }

  private apply(change: OrgChange): void {
    this.store.update((s) => {
      if (change.reset) {
        // Keep what this page learnt after the snapshot was taken; drop everything older.
        const newer = s.records.filter((r) => (this.revs.get(r.Id) ?? -1) > change.version);
        const newerIds = new Set(newer.map((r) => r.Id));
        const kept = new Map(newer.map((r) => [r.Id, this.revs.get(r.Id) ?? change.version]));
        this.revs.clear();
        for (const [id, rev] of kept) this.revs.set(id, rev);
        s.records = [...change.records.filter((r) => !newerIds.has(r.Id)), ...newer];
        for (const r of change.records) if (!newerIds.has(r.Id)) this.revs.set(r.Id, change.version);
        return;
      }
      for (const record of change.records) {
        if ((this.revs.get(record.Id) ?? -1) >= change.version) continue;
        this.revs.set(record.Id, change.version);
        const at = s.records.findIndex((r) => r.Id === record.Id);
        if (at >= 0) s.records[at] = record;
        else s.records.push(record);
      }
    });
  }
}
