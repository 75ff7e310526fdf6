/**
 * The emulator host page's implementation of what the compiled component's platform modules need
 * (emulator/lwc/platform.ts): click-to-dial state and the onClickToDial path, the message bus, the
 * records (the host's store, which the server's org replicates into) and navigation.
 */
import type { Json, JsonObject } from '../shared/protocol';
import { recordName } from '../host/data';
import type { MessageBus } from '../host/message-bus';
import type { Store } from '../host/store';
import type { ClickToDialRequest, LwcHost } from './platform';
import { getRecentCalls } from './recent-calls';
import { uiObjectInfo, uiRecord } from './record-ui';

export interface HostPlatformDeps {
  store: Store;
  bus: MessageBus;
  /** Fires the softphone's onClickToDial listeners with this payload. */
  clickToDial(payload: JsonObject): void;
  /** Opens a record page, as the agent clicking a link would. */
  openRecord(recordId: string): void;
}

/**
 * What Lightning sends onClickToDial for a lightning-click-to-dial click: the number, and with a
 * recordId the record's id, name and object type; params only when the component was given some.
 */
export function clickToDialPayload(store: Store, request: ClickToDialRequest): JsonObject {
  const payload: JsonObject = { number: request.number };
  if (request.recordId) {
    const record = store.findRecord(request.recordId);
    payload.recordId = record?.Id ?? request.recordId;
    if (record) {
      payload.recordName = recordName(record);
      payload.objectType = record.objectType;
    }
  }
  if (request.params) payload.params = request.params;
  return payload;
}

/** Calls `fn` only when `read()` changes, checked on every store change. */
function watchStore<T>(store: Store, read: () => T): (listener: (value: T) => void) => () => void {
  const listeners = new Set<(value: T) => void>();
  let last = read();
  store.onChange(() => {
    const next = read();
    if (Object.is(next, last)) return;
    last = next;
    for (const listener of [...listeners]) listener(next);
  });
  return (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

export function createHostPlatform(deps: HostPlatformDeps): LwcHost {
  const { store, bus } = deps;
  const onClickToDialChange = watchStore(store, () => store.state.clickToDialEnabled);
  // A new record (a Task written) or a new replica from the server: enough for LDS to re-read.
  const onRecordsChange = watchStore(
    store,
    () => `${store.state.records.length}:${store.state.records.at(-1)?.Id ?? ''}`
  );

  return {
    clickToDial: {
      enabled: () => store.state.clickToDialEnabled,
      onChange: (listener) => onClickToDialChange(listener),
      dial: (request) => {
        if (!store.state.clickToDialEnabled || typeof request.number !== 'string' || request.number === '')
          return false;
        deps.clickToDial(clickToDialPayload(store, request));
        return true;
      }
    },
    messages: {
      subscribe: (channel, listener) => bus.subscribeHost(channel, (message: Json) => listener(message)),
      publish: (channel, message) => bus.publishFromHost(channel, message)
    },
    records: {
      getRecord: async (recordId, request) => uiRecord(store.findRecord(recordId), request),
      getObjectInfo: async (objectApiName) => uiObjectInfo(objectApiName, store.state.records),
      onChange: (listener) => onRecordsChange(() => listener())
    },
    apex: {
      call: async (classAndMethod, params) => {
        if (classAndMethod === 'SwitchboardCallLogController.getRecentCalls')
          return getRecentCalls(params, store.state.records);
        return {
          error: {
            status: 404,
            statusText: 'Not Found',
            body: { message: `No Apex action available for ${classAndMethod}` }
          }
        };
      }
    },
    navigate: (pageReference) => {
      const attributes = pageReference.attributes;
      if (
        pageReference.type === 'standard__recordPage' &&
        typeof attributes === 'object' &&
        attributes !== null &&
        !Array.isArray(attributes) &&
        typeof attributes.recordId === 'string'
      ) {
        deps.openRecord(attributes.recordId);
        return;
      }
      console.warn('The emulator navigates to record pages only', pageReference);
    }
  };
}
