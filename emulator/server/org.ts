/**
 * The emulator's org: one per emulator run, shared by every host page (every "Lightning tab").
 * Records (the seed Contacts, Leads and Accounts, and every Task saveLog writes), the runApex
 * `findCallLog` lookup and the saveLog faults live here, on the server, so a duplicate Task written
 * through one tab is counted by every other tab and by the test process itself.
 *
 * Host pages keep a read replica (see emulator/host/org-client.ts) fed by `onChange`; every write
 * goes through this class and bumps `version`, which orders changes for the replicas.
 */
import { isRecord, type OpenCtiResponse } from '../shared/protocol';
import { seedRecords, type FieldValue, type SRecord } from '../host/data';
import { makeId } from '../host/ids';
import { ok, SAVELOG_DESCRIPTION } from '../host/responses';
import { isFieldValue, saveError, taskProblems } from './task-rules';

/** When saveLog commits and whether its answer ever reaches the adapter (a slow or lost answer). */
export interface SaveLogCommit {
  /** The write is committed this long after the request arrives (triggers, flows, a busy org). */
  afterMs: number;
  /** `afterCommit`: answered once committed. `never`: committed, but the answer is lost. */
  answer: 'afterCommit' | 'never';
}

export const IMMEDIATE_COMMIT: SaveLogCommit = { afterMs: 0, answer: 'afterCommit' };

/** Longest commit delay accepted: a bound, so no test can leave a timer running for hours. */
export const MAX_COMMIT_DELAY_MS = 10 * 60_000;

/** One change for the replicas: `reset` carries every record, otherwise only the ones written. */
export interface OrgChange {
  version: number;
  reset: boolean;
  records: SRecord[];
}

export interface SaveLogOutcome {
  response: OpenCtiResponse;
  /** The record as committed (null when nothing was written). */
  record: SRecord | null;
  version: number;
  /** False when the answer must never reach the adapter (`answer: 'never'`). */
  deliver: boolean;
}

/** What the org received, in order: enough to tell "sent twice" from "stored twice". */
export interface SaveLogRequestEntry {
  at: number;
  /** The Task's CallObject, when the request carried one. */
  callObject: string | null;
  outcome: 'created' | 'updated' | 'failed' | 'injected-failure' | 'dropped';
  recordId: string | null;
}

const FIRST_ID = 100;
const copy = <T>(value: T): T => structuredClone(value);

export class Org {
  private recordList: SRecord[] = seedRecords();
  private idCounter = FIRST_ID;
  private currentVersion = 0;
  private failuresLeft = 0;
  private failureDescription = SAVELOG_DESCRIPTION;
  private commit: SaveLogCommit = IMMEDIATE_COMMIT;
  private requests: SaveLogRequestEntry[] = [];
  private readonly listeners = new Set<(change: OrgChange) => void>();
  private readonly pendingCommits = new Set<{ timer: ReturnType<typeof setTimeout>; cancel: () => void }>();
  private closed = false;

  get version(): number {
    return this.currentVersion;
  }

  /** Copies: nobody outside changes the org except through its methods. */
  records(): SRecord[] {
    return copy(this.recordList);
  }

  tasks(): SRecord[] {
    return copy(this.recordList.filter((r) => r.objectType === 'Task'));
  }

  saveLogRequests(): SaveLogRequestEntry[] {
    return copy(this.requests);
  }

  get saveLogCommit(): SaveLogCommit {
    return { ...this.commit };
  }

  findRecord(id: unknown): SRecord | undefined {
    if (typeof id !== 'string') return undefined;
    // Salesforce accepts the 15-char form too.
    return this.recordList.find((r) => r.Id === id || r.Id.slice(0, 15) === id);
  }

  onChange(fn: (change: OrgChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  snapshot(): OrgChange {
    return { version: this.currentVersion, reset: true, records: this.records() };
  }

  failNextSaveLogs(count: number, description?: string): void {
    this.failuresLeft = Math.max(0, Math.floor(count));
    this.failureDescription = description ?? SAVELOG_DESCRIPTION;
  }

  setSaveLogCommit(commit: SaveLogCommit): void {
    if (!Number.isFinite(commit.afterMs) || commit.afterMs < 0 || commit.afterMs > MAX_COMMIT_DELAY_MS) {
      throw new RangeError(`afterMs must be between 0 and ${MAX_COMMIT_DELAY_MS}, got ${commit.afterMs}`);
    }
    if (commit.answer !== 'afterCommit' && commit.answer !== 'never')
      throw new RangeError(`answer must be afterCommit or never, got ${String(commit.answer)}`);
    this.commit = { afterMs: commit.afterMs, answer: commit.answer };
  }

  /** Back to the seed records, no faults, immediate commits; saves still waiting to commit are dropped. */
  reset(): void {
    this.cancelPending();
    this.recordList = seedRecords();
    this.idCounter = FIRST_ID;
    this.failuresLeft = 0;
    this.failureDescription = SAVELOG_DESCRIPTION;
    this.commit = IMMEDIATE_COMMIT;
    this.requests = [];
    this.currentVersion += 1;
    this.emit({ version: this.currentVersion, reset: true, records: this.records() });
  }

  /** Stops every pending commit timer (the server is closing). */
  close(): void {
    this.closed = true;
    this.cancelPending();
    this.listeners.clear();
  }

  /** SwitchboardSoftphoneService.findCallLog: the Id of the call's Task (by CallObject), or ''. */
  findCallLog(callObject: string): string {
    const task = this.recordList.find(
      (r) => r.objectType === 'Task' && r.fields.CallObject === callObject && r.fields.TaskSubtype === 'Call'
    );
    return task ? task.Id : '';
  }

  /** A record created by the agent in the host page (the new-record modal's Save). */
  createRecord(objectType: string, fields: Record<string, FieldValue>): { record: SRecord; version: number } {
    const record = this.insert(objectType, { ...fields });
    return { record: copy(record), version: this.currentVersion };
  }

  /**
   * saveLog as the org runs it: an injected failure answers at once; otherwise the write commits
   * after the configured delay, and the outcome says whether its answer is delivered.
   */
  saveLog(object: unknown): Promise<SaveLogOutcome> {
    const callObject = isRecord(object) && typeof object.CallObject === 'string' ? object.CallObject : null;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      this.log(callObject, 'injected-failure', null);
      const response = saveError(
        [
          {
            statusCode: 'EMULATOR_INJECTED_FAILURE',
            message: 'Failure injected by window.emulator.failNextSaveLogs()',
            fields: []
          }
        ],
        this.failureDescription
      );
      return Promise.resolve({ response, record: null, version: this.currentVersion, deliver: true });
    }
    const { afterMs, answer } = this.commit;
    const deliver = answer === 'afterCommit';
    if (afterMs === 0) return Promise.resolve({ ...this.saveNow(object, callObject), deliver });
    return new Promise((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          this.pendingCommits.delete(pending);
          resolve({ ...this.saveNow(object, callObject), deliver });
        }, afterMs),
        cancel: () => {
          this.log(callObject, 'dropped', null);
          resolve({
            response: saveError([
              {
                statusCode: 'EMULATOR_RESET',
                message: 'The emulator org was reset before this save committed.',
                fields: []
              }
            ]),
            record: null,
            version: this.currentVersion,
            deliver: false
          });
        }
      };
      this.pendingCommits.add(pending);
    });
  }

  private saveNow(object: unknown, callObject: string | null): Omit<SaveLogOutcome, 'deliver'> {
    const result = this.validateAndWrite(object);
    this.log(
      callObject,
      result.record ? (result.created ? 'created' : 'updated') : 'failed',
      result.record?.Id ?? null
    );
    return {
      response: result.response,
      record: result.record ? copy(result.record) : null,
      version: this.currentVersion
    };
  }

  private validateAndWrite(object: unknown): {
    response: OpenCtiResponse;
    record: SRecord | null;
    created: boolean;
  } {
    const failed = (response: OpenCtiResponse) => ({ response, record: null, created: false });
    if (!isRecord(object))
      return failed(
        saveError([{ statusCode: 'INVALID_INPUT', message: 'value must be an object', fields: [] }])
      );
    const { Id: id, entityApiName, ...rest } = object;
    const fields: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (!isFieldValue(value))
        return failed(
          saveError([
            { statusCode: 'INVALID_TYPE', message: `${key}: unsupported value type`, fields: [key] }
          ])
        );
      fields[key] = value;
    }
    const find = (recordId: string) => this.findRecord(recordId);
    if (id !== undefined && id !== null && id !== '') {
      const record = this.findRecord(id);
      if (!record)
        return failed(
          saveError([
            {
              statusCode: 'INVALID_CROSS_REFERENCE_KEY',
              message: `invalid cross reference id: ${String(id)}`,
              fields: ['Id']
            }
          ])
        );
      if (record.objectType === 'Task') {
        const problems = taskProblems(fields, true, find);
        if (problems.length > 0) return failed(saveError(problems));
      }
      Object.assign(record.fields, fields);
      this.changed([record]);
      return { response: ok({ recordId: record.Id }), record, created: false };
    }
    if (typeof entityApiName === 'string' && entityApiName !== '') {
      if (entityApiName === 'Task') {
        const problems = taskProblems(fields, false, find);
        if (problems.length > 0) return failed(saveError(problems));
        if (fields.Status === undefined) fields.Status = 'Not Started';
      }
      const record = this.insert(entityApiName, fields);
      return { response: ok({ recordId: record.Id }), record, created: true };
    }
    return failed(
      saveError([
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Pass entityApiName to create a record or Id to update one.',
          fields: ['entityApiName', 'Id']
        }
      ])
    );
  }

  private insert(objectType: string, fields: Record<string, FieldValue>): SRecord {
    this.idCounter += 1;
    const record: SRecord = { Id: makeId(objectType, this.idCounter), objectType, fields };
    this.recordList.push(record);
    this.changed([record]);
    return record;
  }

  private changed(records: SRecord[]): void {
    this.currentVersion += 1;
    this.emit({ version: this.currentVersion, reset: false, records: copy(records) });
  }

  private emit(change: OrgChange): void {
    for (const fn of [...this.listeners]) {
      try {
        fn(change);
      } catch {
        // A broken listener (a closed connection) must not stop the org or the other listeners.
      }
    }
  }

  private log(
    callObject: string | null,
    outcome: SaveLogRequestEntry['outcome'],
    recordId: string | null
  ): void {
    if (this.closed) return;
    this.requests.push({ at: Date.now(), callObject, outcome, recordId });
  }

  private cancelPending(): void {
    for (const pending of [...this.pendingCommits]) {
      clearTimeout(pending.timer);
      this.pendingCommits.delete(pending);
      pending.cancel();
    }
  }
}
