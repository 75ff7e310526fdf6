/**
 * What the Lightning stand-in does for each Open CTI method (opencti-protocol.md §4). Every
 * handler validates what the platform validates and answers with the documented envelope;
 * none of them throws at the adapter.
 */
import {
  CALL_TYPE,
  SCREENPOP_TYPE,
  isRecord,
  type Json,
  type JsonObject,
  type MethodCallMessage,
  type OpenCtiResponse
} from '../shared/protocol';
import type { HostAnswer } from './bridge';
import type { MessageBus } from './message-bus';
import type { Navigator } from './navigation';
import { expectBoolean, expectRange, expectString, fail, genericError, invalidParam, ok } from './responses';
import type { OrgClient } from './org-client';
import { SEARCHABLE_OBJECTS, searchMatch, searchRecords } from './search';
import type { Store } from './store';

export interface HostContext {
  store: Store;
  navigator: Navigator;
  bus: MessageBus;
  /** The server's org: saveLog and the findCallLog lookup go there. */
  org: OrgClient;
  settings: Record<string, string>;
  /** runApex answers keyed `Class.method` (or just `Class`); null: that class is not in the org. */
  apexResponses: Map<string, string | null>;
  /** When set, searchAndScreenPop answers from this map (by search string, or `*`) instead of searching. */
  searchOverride: Record<string, JsonObject> | null;
}

type Handler = (args: JsonObject, ctx: HostContext) => HostAnswer;

function firstError(...errors: ReturnType<typeof expectString>[]): OpenCtiResponse | null {
  const error = errors.find((e) => e !== null);
  return error ? fail(error) : null;
}

const SCREENPOP_TYPES: readonly string[] = Object.values(SCREENPOP_TYPE);
const CALL_TYPES: readonly string[] = Object.values(CALL_TYPE);

function screenPop(args: JsonObject, ctx: HostContext, source = 'screenPop'): OpenCtiResponse {
  const { type, params } = args;
  if (typeof type !== 'string' || !SCREENPOP_TYPES.includes(type)) {
    return fail(invalidParam('type', `One of ${SCREENPOP_TYPES.join(', ')}`, type));
  }
  if (!isRecord(params)) return fail(invalidParam('params', 'An object', params));
  const nav = ctx.navigator;
  switch (type) {
    case SCREENPOP_TYPE.SOBJECT: {
      const bad = firstError(expectString('params.recordId', params.recordId));
      if (bad) return bad;
      nav.go({ kind: 'record', recordId: String(params.recordId) }, source);
      return ok();
    }
    case SCREENPOP_TYPE.URL: {
      const bad = firstError(expectString('params.url', params.url));
      if (bad) return bad;
      nav.go({ kind: 'url', url: String(params.url) }, source);
      return ok();
    }
    case SCREENPOP_TYPE.OBJECTHOME: {
      const bad = firstError(expectString('params.scope', params.scope));
      if (bad) return bad;
      nav.go({ kind: 'objecthome', scope: String(params.scope) }, source);
      return ok();
    }
    case SCREENPOP_TYPE.LIST: {
      const bad = firstError(
        expectString('params.listViewId', params.listViewId),
        expectString('params.scope', params.scope)
      );
      if (bad) return bad;
      nav.go({ kind: 'list', scope: String(params.scope), listViewId: String(params.listViewId) }, source);
      return ok();
    }
    case SCREENPOP_TYPE.SEARCH: {
      const bad = firstError(expectString('params.searchString', params.searchString, 3));
      if (bad) return bad;
      nav.go({ kind: 'search', searchString: String(params.searchString) }, source);
      return ok();
    }
    case SCREENPOP_TYPE.NEW_RECORD_MODAL: {
      const bad = firstError(expectString('params.entityName', params.entityName));
      if (bad) return bad;
      const defaults = isRecord(params.defaultFieldValues)
        ? (params.defaultFieldValues as Record<string, Json>)
        : {};
      nav.openNewRecord(String(params.entityName), defaults, source);
      return ok();
    }
    default: {
      const bad = firstError(expectString('params.flowDevName', params.flowDevName));
      if (bad) return bad;
      nav.go(
        { kind: 'flow', flowDevName: String(params.flowDevName), flowArgs: params.flowArgs ?? null },
        source
      );
      return ok();
    }
  }
}

function searchAndScreenPop(args: JsonObject, ctx: HostContext): OpenCtiResponse {
  const { callType, searchParams, deferred } = args;
  if (typeof callType !== 'string' || !CALL_TYPES.includes(callType)) {
    return fail(invalidParam('callType', `One of ${CALL_TYPES.join(', ')}`, callType));
  }
  if (searchParams !== undefined && typeof searchParams !== 'string') {
    return fail(invalidParam('searchParams', 'A string', searchParams));
  }
  if (deferred !== undefined && typeof deferred !== 'boolean')
    return fail(invalidParam('deferred', 'A boolean value', deferred));
  const query = searchParams ?? '';
  let result: JsonObject;
  if (ctx.searchOverride) {
    result = { ...(ctx.searchOverride[query] ?? ctx.searchOverride['*'] ?? {}) };
  } else {
    result = {};
    for (const record of searchRecords(ctx.store.state.records, query))
      result[record.Id] = searchMatch(record);
  }
  const ids = Object.keys(result).filter((k) => k !== 'SCREEN_POP_DATA');
  // The layout pops to the record on a single match and to search otherwise (see getSoftphoneLayout).
  const only = ids.length === 1 ? ids[0] : undefined;
  const popData: JsonObject =
    only !== undefined
      ? { type: SCREENPOP_TYPE.SOBJECT, params: { recordId: only } }
      : { type: SCREENPOP_TYPE.SEARCH, params: { searchString: query } };
  if (deferred === true) {
    result.SCREEN_POP_DATA = popData;
  } else if (only !== undefined) {
    ctx.navigator.go({ kind: 'record', recordId: only }, 'searchAndScreenPop', {
      searchParams: query,
      callType
    });
  } else {
    ctx.navigator.go({ kind: 'search', searchString: query }, 'searchAndScreenPop', {
      searchParams: query,
      callType,
      matches: ids.length
    });
  }
  return ok(result);
}

/**
 * What SwitchboardSoftphoneService.findCallLog (force-app/main/default/classes) returns: one JSON
 * string, never an exception. Blank or over-long input finds nothing, as in the Apex.
 */
export function findCallLogAnswer(callObject: string, taskId: string): string {
  return JSON.stringify({ ok: true, taskId: isLookupInput(callObject) && taskId !== '' ? taskId : null });
}

/** String.isBlank and the 255-character CallObject limit, as the Apex checks them. */
function isLookupInput(callObject: string): boolean {
  return callObject.trim() !== '' && callObject.length <= 255;
}

function softphoneLayout(): JsonObject {
  const objects: JsonObject = {};
  for (const name of SEARCHABLE_OBJECTS) {
    objects[name] = [
      { displayName: 'Name', apiName: 'Name' },
      { displayName: 'Phone', apiName: 'Phone' }
    ];
  }
  const screenPopSettings = {
    screenPopsOpenWithin: 'ExistingWindow',
    NoMatch: { screenPopType: 'PopToSearch' },
    SingleMatch: { screenPopType: 'PopToEntity' },
    MultipleMatches: { screenPopType: 'PopToSearch' }
  };
  const layout = (related: string[]): JsonObject => ({
    callRelatedFields: related,
    objects,
    screenPopSettings
  });
  return { Inbound: layout(['ANI', 'DNIS']), Outbound: layout(['DNIS']), Internal: layout(['ANI']) };
}

function countListener(ctx: HostContext, methodName: string): OpenCtiResponse {
  ctx.store.update((s) => {
    s.listenersRegistered[methodName] = (s.listenersRegistered[methodName] ?? 0) + 1;
  });
  return ok();
}

const handlers: Record<string, Handler> = {
  enableClickToDial: (_args, ctx) => {
    ctx.store.update((s) => (s.clickToDialEnabled = true));
    return ok();
  },
  disableClickToDial: (_args, ctx) => {
    ctx.store.update((s) => (s.clickToDialEnabled = false));
    return ok();
  },
  onClickToDial: (_args, ctx) => countListener(ctx, 'onClickToDial'),
  onNavigationChange: (_args, ctx) => countListener(ctx, 'onNavigationChange'),
  onWorkStart: (_args, ctx) => countListener(ctx, 'onWorkStart'),
  screenPop: (args, ctx) => screenPop(args, ctx),
  searchAndScreenPop,
  saveLog: (args, ctx) => ctx.org.saveLog(args.object),
  getCallCenterSettings: (_args, ctx) => ok({ ...ctx.settings }),
  getSoftphoneLayout: () => ok(softphoneLayout()),
  getAppViewInfo: (_args, ctx) => ok(ctx.navigator.viewInfo()),
  refreshView: (_args, ctx) => {
    ctx.store.update((s) => (s.refreshCount += 1));
    return ok();
  },
  runApex: (args, ctx) => {
    const bad = firstError(
      expectString('apexClass', args.apexClass),
      expectString('methodName', args.methodName),
      typeof args.methodParams === 'string'
        ? null
        : invalidParam('methodParams', 'A string', args.methodParams)
    );
    if (bad) return bad;
    const apexClass = String(args.apexClass);
    const configured =
      ctx.apexResponses.get(`${apexClass}.${String(args.methodName)}`) ?? ctx.apexResponses.get(apexClass);
    // Switchboard's own Apex, answered by the server's org unless a test configured another answer.
    if (
      apexClass === 'SwitchboardSoftphoneService' &&
      args.methodName === 'findCallLog' &&
      configured === undefined
    ) {
      const callObject = new URLSearchParams(String(args.methodParams)).get('callObject') ?? '';
      // The Apex answers blank or over-long input before it queries; so does the stand-in.
      if (!isLookupInput(callObject)) return ok({ runApex: findCallLogAnswer(callObject, '') });
      return ctx.org
        .findCallLog(callObject)
        .then((taskId) => ok({ runApex: findCallLogAnswer(callObject, taskId) }));
    }
    // What Switchboard's Apex answers a user who may create Tasks and set every call field.
    if (
      apexClass === 'SwitchboardSoftphoneService' &&
      args.methodName === 'checkAccess' &&
      configured === undefined
    )
      return ok({ runApex: JSON.stringify({ ok: true, taskCreateable: true, fieldsNotCreateable: [] }) });
    // The error page ties this description to a server error (opencti-api.md §3.1); the code is read as SERVER_ERROR.
    if (configured === undefined || configured === null)
      return fail({ code: 'SERVER_ERROR', description: `Could not load Apex class: ${apexClass}.` });
    return ok({ runApex: configured });
  },
  notifyInitializationComplete: (_args, ctx) => {
    ctx.store.update((s) => (s.initialized = true));
    return ok();
  },
  setSoftphonePanelHeight: (args, ctx) => {
    const bad = firstError(expectRange('heightPX', args.heightPX, 240, 2560));
    if (bad) return bad;
    ctx.store.update((s) => (s.panel.height = Number(args.heightPX)));
    return ok();
  },
  setSoftphonePanelWidth: (args, ctx) => {
    const bad = firstError(expectRange('widthPX', args.widthPX, 200, 1920));
    if (bad) return bad;
    ctx.store.update((s) => (s.panel.width = Number(args.widthPX)));
    return ok();
  },
  setSoftphonePanelVisibility: (args, ctx) => {
    const bad = firstError(expectBoolean('visible', args.visible));
    if (bad) return bad;
    ctx.store.update((s) => (s.panel.visible = args.visible === true));
    return ok();
  },
  isSoftphonePanelVisible: (_args, ctx) => ok({ visible: ctx.store.state.panel.visible }),
  setSoftphoneItemLabel: (args, ctx) => {
    const bad = firstError(expectString('label', args.label));
    if (bad) return bad;
    ctx.store.update((s) => (s.item.label = String(args.label)));
    return ok();
  },
  setSoftphoneItemIcon: (args, ctx) => {
    const bad = firstError(expectString('key', args.key));
    if (bad) return bad;
    ctx.store.update((s) => (s.item.icon = String(args.key)));
    return ok();
  },
  setSoftphonePanelLabel: (args, ctx) => {
    const bad = firstError(expectString('label', args.label));
    if (bad) return bad;
    ctx.store.update((s) => (s.panel.label = String(args.label)));
    return ok();
  },
  setSoftphonePanelIcon: (args, ctx) => {
    const bad = firstError(expectString('key', args.key));
    if (bad) return bad;
    ctx.store.update((s) => (s.panel.icon = String(args.key)));
    return ok();
  },
  completeWork: (args, ctx) => {
    const bad = firstError(expectString('workId', args.workId));
    if (bad) return bad;
    ctx.store.update((s) => s.completedWork.push({ ...args }));
    return ok();
  },
  subscribe: (args, ctx) => {
    const bad = firstError(expectString('eventName', args.eventName));
    if (bad) return bad;
    ctx.bus.adapterSubscribed(String(args.eventName));
    return ok();
  },
  unsubscribe: (args, ctx) => {
    const bad = firstError(expectString('eventName', args.eventName));
    if (bad) return bad;
    ctx.bus.adapterUnsubscribed(String(args.eventName));
    return ok();
  },
  publish: (args, ctx) => {
    const bad = firstError(expectString('eventName', args.eventName));
    if (bad) return bad;
    ctx.bus.publishFromAdapter(String(args.eventName), args.message ?? null);
    return ok();
  }
};

export function handleCall(call: MethodCallMessage, ctx: HostContext): HostAnswer {
  const handler = Object.prototype.hasOwnProperty.call(handlers, call.methodName)
    ? handlers[call.methodName]
    : undefined;
  if (!handler) {
    ctx.store.update((s) =>
      s.protocolErrors.push({
        at: Date.now(),
        reason: `Unknown method ${call.methodName}`,
        data: { methodName: call.methodName, callId: call.callId }
      })
    );
    return fail(genericError());
  }
  return handler(call.args, ctx);
}
