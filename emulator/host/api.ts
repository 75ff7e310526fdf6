/**
 * `window.emulator`: the driver API for tests and for people poking at the console.
 * Documented in docs/emulator.md. Everything it returns is plain JSON so Playwright can read it.
 */
import type { Json, JsonObject } from '../shared/protocol';
import type { ReplyDelay } from './bridge';
import type { SRecord } from './data';
import type { HostSubscriber } from './message-bus';
import type { OrgSnapshot, SaveLogCommit } from './org-client';
import type { EmulatorState } from './store';

export type EmulatorSnapshot = Omit<EmulatorState, 'records'> & {
  records: SRecord[];
  tasks: SRecord[];
  settings: Record<string, string>;
};

export interface EmulatorApi {
  /**
   * A fresh, serialisable copy of the whole state on every read. `records`/`tasks` come from this
   * page's replica of the server's org (updated within milliseconds of a write through any tab).
   */
  readonly state: EmulatorSnapshot;
  /** The server's org itself (shared by every tab): use it to count Tasks after a settle period. */
  org(): Promise<OrgSnapshot>;
  /** The next `count` saveLogs — from any tab: the fault lives in the server's org — fail. */
  failNextSaveLogs(count: number, description?: string): Promise<void>;
  /** saveLog commits `afterMs` after it arrives; its answer comes after the commit, or never. */
  setSaveLogCommit(commit: SaveLogCommit): Promise<void>;
  setReplyDelay(delay: ReplyDelay): void;
  /** Same as clicking the click-to-dial link; false when click-to-dial is disabled or there is no number. */
  clickToDial(recordId: string, field: string): boolean;
  navigateTo(recordId: string): boolean;
  publish(channel: string, message: Json): void;
  subscribe(channel: string, fn: HostSubscriber): () => void;
  /**
   * runApex answers keyed `Class.method` or `Class`; the value is the string the Apex method returns.
   * A `SwitchboardSoftphoneService.findCallLog` entry replaces the org-backed stand-in (e.g. a NO_ACCESS answer);
   * null makes that class or method missing, as in an org without it ("Could not load Apex class").
   */
  setApexResponses(map: Record<string, string | null>): void;
  /** Canned searchAndScreenPop results keyed by search string (or `*`); null returns to searching the records. */
  setSearchResults(map: Record<string, JsonObject> | null): void;
  /** Fires hvs.onWorkStart listeners. */
  startWork(payload: JsonObject): void;
  /**
   * Back to the seed data and empty logs; state the adapter set (init, click-to-dial, panel, listeners)
   * is kept. Resets the server's org, which every tab shares.
   */
  reset(): Promise<void>;
  /** Reloads the softphone iframe and forgets everything the adapter had set. */
  reloadSoftphone(): void;
}

export type WindowWithEmulator = Window & { emulator?: EmulatorApi };
