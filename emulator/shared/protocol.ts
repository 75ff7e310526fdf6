import { isRecord } from '../../adapter/src/shared/is-record';
/**
 * The Open CTI postMessage protocol as Salesforce's opencti_min.js speaks it
 * (as documented in docs/emulator.md). Shared by the emulator's client library
 * (runs in the adapter iframe) and its host page (the Lightning stand-in), so both ends agree
 * on one definition of every message.
 */

/** The client library's own API number. It travels in every message; it is not the URL's `66.0`. */
export const API_VERSION = 66;
export const API_TYPE = 'opencti';

/** Thrown (as a string, like the real library) when the page was not framed the way Lightning frames it. */
export const INIT_FAILURE =
  'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';

/** A JSON-like value: what crosses postMessage in this protocol (functions never travel). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };

export interface OpenCtiError {
  code: string;
  description: string;
  details?: Json;
}

/** The documented response envelope every callback receives. */
export interface OpenCtiResponse {
  success: boolean;
  returnValue: Json | null;
  errors: OpenCtiError[] | null;
  /** Added by the client library to a successful `subscribe` response (the local handle). */
  subscription?: object;
}

/** Adapter → host: one message per method call. */
export interface MethodCallMessage {
  methodName: string;
  callId: number;
  apiVersion: number;
  apiType: string;
  args: JsonObject;
  isCallbackRegistered: boolean;
  isListenerRegistered: boolean;
}

/** Host → adapter: the answer to one call that registered a callback. */
export interface CallbackReplyMessage {
  methodName: string;
  callId: number;
  apiVersion: number;
  apiType: string;
  shouldExecuteCallback: true;
  response: OpenCtiResponse;
}

/** Host → adapter: an event for every listener of `methodName` (and of `eventName` for LMS). */
export interface ListenerEventMessage {
  methodName: string;
  apiVersion: number;
  apiType: string;
  shouldExecuteListener: true;
  eventName?: string;
  response: Json;
}

export type HostToAdapterMessage = CallbackReplyMessage | ListenerEventMessage;

/** Runtime values of `sforce.opencti.SCREENPOP_TYPE` (upper-case keys, lower/camel-case values). */
export const SCREENPOP_TYPE = {
  SOBJECT: 'sobject',
  URL: 'url',
  OBJECTHOME: 'objecthome',
  LIST: 'list',
  SEARCH: 'search',
  NEW_RECORD_MODAL: 'newRecord',
  FLOW: 'flow'
} as const;
export type ScreenPopType = (typeof SCREENPOP_TYPE)[keyof typeof SCREENPOP_TYPE];

export const CALL_TYPE = {
  INBOUND: 'inbound',
  OUTBOUND: 'outbound',
  INTERNAL: 'internal'
} as const;
export type CallType = (typeof CALL_TYPE)[keyof typeof CALL_TYPE];

/** Methods whose message carries `isListenerRegistered: true`. */
export const LISTENER_METHODS: readonly string[] = [
  'onClickToDial',
  'onNavigationChange',
  'onWorkStart',
  'subscribe'
];

// The one definition, shared with the adapter.
export { isRecord };

/** Shape check for a message the host receives; anything else is not Open CTI traffic. */
export function isMethodCallMessage(data: unknown): data is MethodCallMessage {
  return (
    isRecord(data) &&
    typeof data.methodName === 'string' &&
    typeof data.callId === 'number' &&
    data.apiType === API_TYPE &&
    typeof data.apiVersion === 'number' &&
    isRecord(data.args) &&
    typeof data.isCallbackRegistered === 'boolean' &&
    typeof data.isListenerRegistered === 'boolean'
  );
}
