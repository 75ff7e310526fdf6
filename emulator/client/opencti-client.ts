/**
 * The emulator's own Open CTI client library, served at /support/api/66.0/lightning/opencti_min.js.
 * Written from the protocol description (never copied from Salesforce's file): it builds
 * `window.sforce.opencti`, checks the frame parameters at load exactly like the real library,
 * validates arguments synchronously, posts one message per call to the Lightning host and routes
 * the host's replies to callbacks and listeners.
 */
import {
  API_TYPE,
  API_VERSION,
  CALL_TYPE,
  LISTENER_METHODS,
  SCREENPOP_TYPE,
  isRecord,
  type JsonObject,
  type MethodCallMessage,
  type OpenCtiResponse
} from '../shared/protocol';
import { readFrameParams } from './frame-params';
import {
  MSG_CALLBACK,
  MSG_LISTENER,
  MSG_SUBSCRIPTION,
  MSG_VALUE,
  isFunction,
  optionalArgObject,
  requireArgObject,
  requireChannelName,
  requireFunction,
  serializeMessage
} from './validation';

export type OpenCtiCallback = (response: OpenCtiResponse) => void;
export type OpenCtiListener = (payload: unknown) => void;
/** Every method takes one argument object; validation rejects anything else at runtime. */
export type OpenCtiMethod = (...callArgs: unknown[]) => void;

export interface OpenCtiLibrary {
  readonly SCREENPOP_TYPE: typeof SCREENPOP_TYPE;
  readonly CALL_TYPE: typeof CALL_TYPE;
  enableClickToDial: OpenCtiMethod;
  disableClickToDial: OpenCtiMethod;
  onClickToDial: OpenCtiMethod;
  screenPop: OpenCtiMethod;
  searchAndScreenPop: OpenCtiMethod;
  saveLog: OpenCtiMethod;
  getCallCenterSettings: OpenCtiMethod;
  getSoftphoneLayout: OpenCtiMethod;
  getAppViewInfo: OpenCtiMethod;
  onNavigationChange: OpenCtiMethod;
  refreshView: OpenCtiMethod;
  runApex: OpenCtiMethod;
  notifyInitializationComplete: OpenCtiMethod;
  setSoftphonePanelHeight: OpenCtiMethod;
  setSoftphonePanelWidth: OpenCtiMethod;
  setSoftphonePanelVisibility: OpenCtiMethod;
  isSoftphonePanelVisible: OpenCtiMethod;
  setSoftphoneItemLabel: OpenCtiMethod;
  setSoftphoneItemIcon: OpenCtiMethod;
  setSoftphonePanelLabel: OpenCtiMethod;
  setSoftphonePanelIcon: OpenCtiMethod;
  subscribe: OpenCtiMethod;
  unsubscribe: OpenCtiMethod;
  publish: OpenCtiMethod;
  readonly hvs: { onWorkStart: OpenCtiMethod; completeWork: OpenCtiMethod };
}

export interface SforceNamespace {
  opencti?: OpenCtiLibrary;
}

type WindowWithSforce = Window & { sforce?: SforceNamespace };

/** Set once `initialize()` succeeded; until then nothing is posted (like the real library, nothing works). */
let hostOrigin: string | null = null;
let nextCallId = 0;
/** Keyed `methodName_callId`; each runs once. */
const callbacks = new Map<string, OpenCtiCallback>();
/** Keyed by method name; they accumulate (there is no way to remove one). */
const listeners = new Map<string, OpenCtiListener[]>();
/** LMS: channel → local subscription handle → listener. */
const channelListeners = new Map<string, Map<object, OpenCtiListener>>();
const channelOfHandle = new WeakMap<object, string>();

function asCallback(value: unknown): OpenCtiCallback | undefined {
  return isFunction(value) ? (value as unknown as OpenCtiCallback) : undefined;
}

function asListener(value: unknown): OpenCtiListener {
  return requireFunction(value, MSG_LISTENER) as unknown as OpenCtiListener;
}

function post(
  methodName: string,
  args: Record<string, unknown>,
  callback: OpenCtiCallback | undefined
): void {
  if (hostOrigin === null) return;
  const callId = nextCallId++;
  if (callback) callbacks.set(`${methodName}_${callId}`, callback);
  const message: MethodCallMessage = {
    methodName,
    callId,
    apiVersion: API_VERSION,
    apiType: API_TYPE,
    args: args as JsonObject,
    isCallbackRegistered: callback !== undefined,
    isListenerRegistered: LISTENER_METHODS.includes(methodName)
  };
  window.parent.postMessage(message, hostOrigin);
}

function addListener(methodName: string, listener: OpenCtiListener): void {
  const list = listeners.get(methodName) ?? [];
  list.push(listener);
  listeners.set(methodName, list);
}

/** A method whose only argument may be omitted and whose only field is an optional callback. */
function optionalCallbackMethod(methodName: string): OpenCtiMethod {
  return (...callArgs) => {
    const arg = optionalArgObject(callArgs);
    post(methodName, {}, asCallback(arg.callback));
  };
}

/** A getter: the callback is the whole point, so it is required. */
function requiredCallbackMethod(methodName: string): OpenCtiMethod {
  return (...callArgs) => {
    const arg = requireArgObject(callArgs);
    requireFunction(arg.callback, MSG_CALLBACK);
    post(methodName, {}, asCallback(arg.callback));
  };
}

/** A listener registration: the library never registers a callback for these, even when one is given. */
function listenerMethod(methodName: string): OpenCtiMethod {
  return (...callArgs) => {
    const arg = requireArgObject(callArgs);
    addListener(methodName, asListener(arg.listener));
    post(methodName, {}, undefined);
  };
}

/** notifyInitializationComplete: the library checks nothing and reads `callback` off whatever it got. */
const notifyInitializationComplete: OpenCtiMethod = (...callArgs) => {
  const [arg] = callArgs;
  const callback = arg ? (Object(arg) as { callback?: unknown }).callback : undefined;
  post('notifyInitializationComplete', {}, asCallback(callback));
};

/** A method that forwards named fields only (the callback never travels). */
function fieldsMethod(methodName: string, fields: Record<string, string>): OpenCtiMethod {
  return (...callArgs) => {
    const arg = requireArgObject(callArgs);
    const args: Record<string, unknown> = {};
    for (const [sent, read] of Object.entries(fields)) args[sent] = arg[read];
    post(methodName, args, asCallback(arg.callback));
  };
}

const saveLog: OpenCtiMethod = (...callArgs) => {
  const arg = requireArgObject(callArgs);
  // typeof only, as in the library: `value: null` passes here and is refused by the host instead.
  if (typeof arg.value !== 'object') throw new Error(MSG_VALUE);
  post('saveLog', { object: arg.value }, asCallback(arg.callback));
};

const subscribe: OpenCtiMethod = (...callArgs) => {
  const arg = requireArgObject(callArgs);
  // The library checks the listener before the channel name.
  const listener = asListener(arg.listener);
  const channel = requireChannelName(arg.channelName);
  const userCallback = asCallback(arg.callback);
  // The opaque handle the caller keeps for unsubscribe; it reaches the host as `{}`.
  const handle = Object.freeze({});
  const local = channelListeners.get(channel) ?? new Map<object, OpenCtiListener>();
  local.set(handle, listener);
  channelListeners.set(channel, local);
  channelOfHandle.set(handle, channel);
  // Always registered (the wrapper is a function), so the host always answers.
  post('subscribe', { eventName: channel, subscription: handle }, (response) => {
    if (response.success) {
      response.subscription = handle;
    } else {
      local.delete(handle);
      channelOfHandle.delete(handle);
    }
    userCallback?.(response);
  });
};

const unsubscribe: OpenCtiMethod = (...callArgs) => {
  const arg = requireArgObject(callArgs);
  const handle = arg.subscription;
  if (typeof handle !== 'object' || handle === null) throw new Error(MSG_SUBSCRIPTION);
  const channel = channelOfHandle.get(handle);
  if (channel === undefined) return;
  channelOfHandle.delete(handle);
  const local = channelListeners.get(channel);
  local?.delete(handle);
  // Several local subscriptions share one platform subscription: only the last one tells the host.
  if (local && local.size > 0) return;
  channelListeners.delete(channel);
  post('unsubscribe', { eventName: channel }, asCallback(arg.callback));
};

const publish: OpenCtiMethod = (...callArgs) => {
  const arg = requireArgObject(callArgs);
  const channel = requireChannelName(arg.channelName);
  const message = serializeMessage(arg.message);
  post('publish', { eventName: channel, message }, asCallback(arg.callback));
};

const library: OpenCtiLibrary = {
  SCREENPOP_TYPE: Object.freeze({ ...SCREENPOP_TYPE }),
  CALL_TYPE: Object.freeze({ ...CALL_TYPE }),
  enableClickToDial: optionalCallbackMethod('enableClickToDial'),
  disableClickToDial: optionalCallbackMethod('disableClickToDial'),
  onClickToDial: listenerMethod('onClickToDial'),
  // A top-level defaultFieldValues is dropped, as in the real library: it belongs in params.
  screenPop: fieldsMethod('screenPop', { type: 'type', params: 'params' }),
  searchAndScreenPop: fieldsMethod('searchAndScreenPop', {
    searchParams: 'searchParams',
    callType: 'callType',
    queryParams: 'queryParams',
    defaultFieldValues: 'defaultFieldValues',
    deferred: 'deferred',
    params: 'params'
  }),
  saveLog,
  getCallCenterSettings: requiredCallbackMethod('getCallCenterSettings'),
  getSoftphoneLayout: requiredCallbackMethod('getSoftphoneLayout'),
  getAppViewInfo: requiredCallbackMethod('getAppViewInfo'),
  onNavigationChange: listenerMethod('onNavigationChange'),
  refreshView: optionalCallbackMethod('refreshView'),
  runApex: fieldsMethod('runApex', {
    apexClass: 'apexClass',
    methodName: 'methodName',
    methodParams: 'methodParams'
  }),
  notifyInitializationComplete,
  setSoftphonePanelHeight: fieldsMethod('setSoftphonePanelHeight', { heightPX: 'heightPX' }),
  setSoftphonePanelWidth: fieldsMethod('setSoftphonePanelWidth', { widthPX: 'widthPX' }),
  setSoftphonePanelVisibility: fieldsMethod('setSoftphonePanelVisibility', { visible: 'visible' }),
  isSoftphonePanelVisible: requiredCallbackMethod('isSoftphonePanelVisible'),
  setSoftphoneItemLabel: fieldsMethod('setSoftphoneItemLabel', { label: 'label' }),
  setSoftphoneItemIcon: fieldsMethod('setSoftphoneItemIcon', { key: 'key' }),
  setSoftphonePanelLabel: fieldsMethod('setSoftphonePanelLabel', { label: 'label' }),
  setSoftphonePanelIcon: fieldsMethod('setSoftphonePanelIcon', { key: 'key' }),
  subscribe,
  unsubscribe,
  publish,
  hvs: {
    onWorkStart: listenerMethod('onWorkStart'),
    completeWork: fieldsMethod('completeWork', { workId: 'workId', attributes: 'attributes' })
  }
};

function runListeners(list: Iterable<OpenCtiListener>, payload: unknown): void {
  for (const listener of [...list]) listener(payload);
}

/**
 * Only the framing Lightning page, speaking this library's API version, is listened to. Like the
 * library, a callback gets `response` as it came (no shape check), and an event carrying an
 * `eventName` reaches only the channel listeners of that name (LMS); one without reaches the
 * method's listeners.
 */
function onMessage(event: MessageEvent<unknown>): void {
  const data = event.data;
  if (event.origin !== hostOrigin || !isRecord(data)) return;
  if (data.apiType !== API_TYPE || data.apiVersion !== API_VERSION) return;
  const methodName = String(data.methodName);
  if (data.shouldExecuteCallback === true) {
    const key = `${methodName}_${String(data.callId)}`;
    const callback = callbacks.get(key);
    callbacks.delete(key);
    callback?.(data.response as OpenCtiResponse);
  }
  if (data.shouldExecuteListener === true) {
    if (data.eventName) {
      if (methodName === 'subscribe')
        runListeners(channelListeners.get(String(data.eventName))?.values() ?? [], data.response);
    } else {
      runListeners(listeners.get(methodName) ?? [], data.response);
    }
  }
}

function initialize(): void {
  const params = readFrameParams(window.location.search, window.location.protocol);
  hostOrigin = params.sfdcIframeOrigin;
  window.addEventListener('message', onMessage);
}

const host = window as WindowWithSforce;
host.sforce = host.sforce ?? {};
host.sforce.opencti = library;
// Throws the init-failure string straight out of the script tag when the frame is wrong.
initialize();
