/**
 * Types for the part of Salesforce's `opencti_min.js` (Lightning) that exists at runtime.
 * Shapes follow the Open CTI developer guide and the library itself; where the two disagree the
 * library wins, because that is what runs. No official typings exist.
 */

export interface OpenCtiErrorItem {
  code: string;
  description: string;
  details?: unknown;
}

export interface OpenCtiResponse<T> {
  success: boolean;
  returnValue: T | null;
  errors: OpenCtiErrorItem[] | null;
  /**
   * Not sent by the library; the getCallCenterSettings and getAppViewInfo pages name the error field
   * `error` in their response tables, so a failure is read from either (opencti-api.md §2.0).
   */
  error?: unknown;
}

export type Callback<T> = (response: OpenCtiResponse<T>) => void;

/**
 * subscribe's callback gets the host's envelope with `subscription` added by the library itself on
 * success — the handle lives on the whole response, not in `returnValue` (opencti-api.md §4.1, §4.2).
 */
export interface SubscribeResponse extends OpenCtiResponse<unknown> {
  subscription?: Subscription;
}

/** Runtime values of `sforce.opencti.SCREENPOP_TYPE` (the keys are upper case, the values are not). */
export type ScreenPopType = 'sobject' | 'url' | 'objecthome' | 'list' | 'search' | 'newRecord' | 'flow';
/** Runtime values of `sforce.opencti.CALL_TYPE`. */
export type OpenCtiCallType = 'inbound' | 'outbound' | 'internal';

/** The record a payload is about; person accounts add the account/contact pair. */
export interface RecordContext {
  recordId?: string;
  recordName?: string;
  objectType?: string;
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}

export interface ClickToDialPayload extends RecordContext {
  /** Documented as a number; `lightning-click-to-dial` sends the string it was given. */
  number: string | number;
  params?: string;
}

export interface NavigationPayload extends RecordContext {
  url?: string;
}

export interface AppViewInfo extends NavigationPayload {
  url: string;
}

export type CallCenterSettings = Record<string, string>;

export interface SearchMatch {
  Id: string;
  Name?: string;
  RecordType?: string;
  [field: string]: unknown;
}

/** Keyed by record Id, plus `SCREEN_POP_DATA` when the search was deferred. */
export type SearchAndScreenPopResult = Record<string, SearchMatch | unknown>;

export type ScreenPopParams =
  | { type: 'sobject'; params: { recordId: string } }
  | { type: 'url'; params: { url: string } }
  | { type: 'objecthome'; params: { scope: string } }
  | { type: 'list'; params: { listViewId: string; scope: string } }
  | { type: 'search'; params: { searchString: string } }
  | { type: 'newRecord'; params: { entityName: string; defaultFieldValues?: Record<string, unknown> } }
  | {
      type: 'flow';
      params: { flowDevName: string; flowArgs?: Array<{ name: string; type: string; value: unknown }> };
    };

export interface SearchAndScreenPopArgs {
  searchParams?: string;
  queryParams?: string;
  params?: Record<string, unknown>;
  defaultFieldValues?: Record<string, unknown>;
  callType: OpenCtiCallType;
  deferred?: boolean;
}

/** A Task (or any object) as saveLog takes it: `entityApiName` to create, `Id` to update. */
export type SaveLogValue = Record<string, string | number | boolean | null>;

/** `returnValue` of saveLog: documented as "ID", observed as `{ recordId }`. */
export type SaveLogReturn = { recordId: string } | string;

export interface Subscription {
  readonly __brand?: 'OpenCtiSubscription';
}

type Opt<T> = { callback?: Callback<T> };
type Req<T> = { callback: Callback<T> };

/** The global `sforce.opencti` object for Lightning, as the library builds it. */
export interface SforceOpenCti {
  SCREENPOP_TYPE: Record<
    'SOBJECT' | 'URL' | 'OBJECTHOME' | 'LIST' | 'SEARCH' | 'NEW_RECORD_MODAL' | 'FLOW',
    ScreenPopType
  >;
  CALL_TYPE: Record<'INBOUND' | 'OUTBOUND' | 'INTERNAL', OpenCtiCallType>;

  enableClickToDial(args?: Opt<null>): void;
  disableClickToDial(args?: Opt<null>): void;
  onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
  screenPop(args: ScreenPopParams & Opt<null>): void;
  searchAndScreenPop(args: SearchAndScreenPopArgs & Opt<SearchAndScreenPopResult>): void;
  saveLog(args: { value: SaveLogValue } & Opt<SaveLogReturn>): void;
  getCallCenterSettings(args: Req<CallCenterSettings>): void;
  getSoftphoneLayout(args: Req<Record<string, unknown>>): void;
  getAppViewInfo(args: Req<AppViewInfo>): void;
  onNavigationChange(args: { listener: (payload: NavigationPayload) => void }): void;
  refreshView(args?: Opt<null>): void;
  /** returnValue `{runApex: <the Apex method's return value>}` (the guide's sample); no fixed format is documented. */
  runApex(
    args: { apexClass: string; methodName: string; methodParams: string } & Opt<{ runApex: string | null }>
  ): void;
  notifyInitializationComplete(args?: Opt<null>): void;
  setSoftphonePanelHeight(args: { heightPX: number } & Opt<null>): void;
  setSoftphonePanelWidth(args: { widthPX: number } & Opt<null>): void;
  setSoftphonePanelVisibility(args: { visible: boolean } & Opt<null>): void;
  isSoftphonePanelVisible(args: Req<{ visible: boolean }>): void;
  setSoftphoneItemLabel(args: { label: string } & Opt<null>): void;
  setSoftphoneItemIcon(args: { key: string } & Opt<null>): void;
  setSoftphonePanelLabel(args: { label: string } & Opt<null>): void;
  setSoftphonePanelIcon(args: { key: string } & Opt<null>): void;
  subscribe(args: {
    channelName: string;
    listener: (message: unknown) => void;
    callback?: (response: SubscribeResponse) => void;
  }): void;
  /** Calls back only when the last local listener of the channel goes (the library posts nothing before). */
  unsubscribe(args: { subscription: Subscription } & Opt<null>): void;
  publish(args: { channelName: string; message?: object | null } & Opt<null>): void;
  hvs?: {
    onWorkStart(args: {
      listener: (payload: {
        workId: string;
        completeWorkWhen?: string;
        attributes?: { to?: string };
      }) => void;
    }): void;
    completeWork(args: { workId: string; attributes: Record<string, unknown> } & Opt<unknown>): void;
  };
}

export interface SforceGlobal {
  opencti?: SforceOpenCti;
}
