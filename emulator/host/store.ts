/**
 * The host page's whole state and the one place that changes it; the UI re-renders on every change.
 * `records` is a replica of the server's org (emulator/server/org.ts), kept by OrgClient: the page
 * reads it, only the server writes it.
 */
import type { Json, JsonObject } from '../shared/protocol';
import { recordName, type SRecord } from './data';

export type Page =
  | { kind: 'home' }
  | { kind: 'record'; recordId: string }
  | { kind: 'objecthome'; scope: string }
  | { kind: 'list'; scope: string; listViewId: string }
  | { kind: 'search'; searchString: string }
  | { kind: 'url'; url: string }
  | { kind: 'flow'; flowDevName: string; flowArgs: Json };

export interface NavigationEntry {
  at: number;
  kind: Page['kind'] | 'newRecord';
  url: string;
  /** Who navigated: a method name, `user` (clicks in the host page) or `emulator` (driver API). */
  source: string;
  recordId?: string;
  detail?: JsonObject;
}

export interface NewRecordModal {
  entityName: string;
  defaultFieldValues: Record<string, Json>;
}

export interface ChannelLogEntry {
  at: number;
  direction: 'adapter→host' | 'host→adapter';
  channel: string;
  message: Json;
  deliveredToAdapter: boolean;
}

export interface ReceivedCall {
  at: number;
  methodName: string;
  callId: number;
  args: JsonObject;
}

export interface ProtocolError {
  at: number;
  reason: string;
  data: Json;
}

export interface PanelState {
  visible: boolean;
  height: number;
  width: number;
  label: string;
  icon: string;
}

export interface EmulatorState {
  /** The org's records as this page last heard of them (a replica; the server's org is the truth). */
  records: SRecord[];
  page: Page;
  modal: NewRecordModal | null;
  navigation: NavigationEntry[];
  clickToDialEnabled: boolean;
  initialized: boolean;
  panel: PanelState;
  item: { label: string; icon: string };
  channelLog: ChannelLogEntry[];
  protocolErrors: ProtocolError[];
  calls: ReceivedCall[];
  /** Listener registrations received, by method (`subscribe` counts are per channel in adapterChannels). */
  listenersRegistered: Record<string, number>;
  adapterChannels: string[];
  refreshCount: number;
  completedWork: JsonObject[];
}

export function initialState(panelHeight: number, panelWidth: number): EmulatorState {
  return {
    records: [],
    page: { kind: 'home' },
    modal: null,
    navigation: [],
    clickToDialEnabled: false,
    initialized: false,
    panel: { visible: false, height: panelHeight, width: panelWidth, label: 'Phone', icon: 'call' },
    item: { label: 'Phone', icon: 'call' },
    channelLog: [],
    protocolErrors: [],
    calls: [],
    listenersRegistered: {},
    adapterChannels: [],
    refreshCount: 0,
    completedWork: []
  };
}

export class Store {
  state: EmulatorState;
  private readonly listeners = new Set<() => void>();

  constructor(state: EmulatorState) {
    this.state = state;
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  /** Apply a change and re-render; every mutation goes through here so the page never goes stale. */
  update(mutate: (state: EmulatorState) => void): void {
    mutate(this.state);
    for (const fn of this.listeners) fn();
  }

  findRecord(id: unknown): SRecord | undefined {
    if (typeof id !== 'string') return undefined;
    // Salesforce accepts the 15-char form too.
    return this.state.records.find((r) => r.Id === id || r.Id.slice(0, 15) === id);
  }

  nameOf(id: unknown): string {
    const record = this.findRecord(id);
    return record ? recordName(record) : '';
  }
}
