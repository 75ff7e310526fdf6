import { isRecord } from '../shared/is-record';
import { OpenCtiError } from './open-cti-error';
import type {
  CallCenterSettings,
  ClickToDialPayload,
  OpenCtiErrorItem,
  OpenCtiResponse,
  SaveLogReturn,
  SaveLogValue,
  ScreenPopParams,
  SearchAndScreenPopArgs,
  SearchAndScreenPopResult,
  SforceGlobal,
  SforceOpenCti,
  SubscribeResponse,
  Subscription
} from './types';
import { t } from '../i18n/labels';

/**
 * The one door to the host. Everything the adapter asks of Lightning goes through this
 * interface, so moving off Open CTI (retiring Feb 2028) means writing one new implementation.
 * It lists only what the adapter calls; the rest of the library's API (the emulator's client
 * library implements all of it) stays out until something needs it.
 */
export interface HostPort {
  enableClickToDial(): Promise<void>;
  disableClickToDial(): Promise<void>;
  onClickToDial(listener: (payload: ClickToDialPayload) => void): void;
  screenPop(pop: ScreenPopParams): Promise<void>;
  searchAndScreenPop(args: SearchAndScreenPopArgs): Promise<SearchAndScreenPopResult>;
  saveLog(value: SaveLogValue): Promise<string>;
  getCallCenterSettings(): Promise<CallCenterSettings>;
  refreshView(): Promise<void>;
  runApex(apexClass: string, methodName: string, methodParams: string): Promise<string>;
  notifyInitializationComplete(): Promise<void>;
  setSoftphonePanelHeight(heightPX: number): Promise<void>;
  setSoftphonePanelWidth(widthPX: number): Promise<void>;
  setSoftphonePanelVisibility(visible: boolean): Promise<void>;
  setSoftphoneItemLabel(label: string): Promise<void>;
  setSoftphoneItemIcon(key: string): Promise<void>;
  subscribe(channelName: string, listener: (message: unknown) => void): Promise<Subscription>;
  publish(channelName: string, message: object | null): Promise<void>;
}

export interface OpenCtiPortOptions {
  /** The library never times out; we do, except for saveLog, where a late answer must not become a retry. */
  timeoutMs?: number;
}

/** Panel limits documented for setSoftphonePanelHeight/Width and reqSoftphoneHeight/Width. */
export const PANEL_HEIGHT_RANGE = { min: 240, max: 2560 } as const;
export const PANEL_WIDTH_RANGE = { min: 200, max: 1920 } as const;

/** Finds `sforce.opencti` on the page; the only place in the adapter that reads the global. */
export function findOpenCti(win: { sforce?: SforceGlobal }): SforceOpenCti | null {
  return win.sforce?.opencti ?? null;
}

export function createOpenCtiPort(api: SforceOpenCti, options: OpenCtiPortOptions = {}): HostPort {
  const timeoutMs = options.timeoutMs ?? 15_000;

  /**
   * Runs one callback-style method as a promise of its whole successful response (subscribe's handle
   * is outside returnValue). Sync throws become CLIENT_VALIDATION errors; `timeout` 0 waits forever.
   */
  function call<R extends OpenCtiResponse<unknown>>(
    method: string,
    invoke: (callback: (r: R) => void) => void,
    timeout = timeoutMs
  ): Promise<R | null> {
    return new Promise<R | null>((resolve, reject) => {
      let settled = false;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              settled = true;
              reject(
                new OpenCtiError(method, [
                  {
                    code: 'TIMEOUT',
                    description: t('Switchboard_OpenCti_Timeout', { method, ms: timeout })
                  }
                ])
              );
            }, timeout)
          : undefined;
      try {
        invoke((response) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (isRecord(response) && response.success === true) resolve(response);
          else reject(new OpenCtiError(method, readErrors(response)));
        });
      } catch (thrown) {
        settled = true;
        clearTimeout(timer);
        const description = thrown instanceof Error ? thrown.message : String(thrown);
        reject(new OpenCtiError(method, [{ code: 'CLIENT_VALIDATION', description }]));
      }
    });
  }

  /** The returnValue of a call whose answer is the documented envelope. */
  async function returnValueOf<T>(
    method: string,
    invoke: (callback: (r: OpenCtiResponse<T>) => void) => void,
    timeout = timeoutMs
  ): Promise<T | null> {
    const response = await call<OpenCtiResponse<T>>(method, invoke, timeout);
    return response?.returnValue ?? null;
  }

  const done = (p: Promise<unknown>): Promise<void> => p.then(() => undefined);

  return {
    enableClickToDial: () =>
      done(returnValueOf('enableClickToDial', (callback) => api.enableClickToDial({ callback }))),
    disableClickToDial: () =>
      done(returnValueOf('disableClickToDial', (callback) => api.disableClickToDial({ callback }))),
    // Listener methods never call back (the library registers no callback for them): nothing to wait for.
    onClickToDial: (listener) =>
      api.onClickToDial({ listener: (payload) => listener(unwrapListenerPayload(payload)) }),
    screenPop: (pop) => done(returnValueOf('screenPop', (callback) => api.screenPop({ ...pop, callback }))),
    searchAndScreenPop: async (args) =>
      (await returnValueOf<SearchAndScreenPopResult>('searchAndScreenPop', (callback) =>
        api.searchAndScreenPop({ ...args, callback })
      )) ?? {},
    saveLog: async (value) => {
      const result = await returnValueOf<SaveLogReturn>(
        'saveLog',
        (callback) => api.saveLog({ value, callback }),
        0
      );
      const id = typeof result === 'string' ? result : result?.recordId;
      if (!id)
        throw new OpenCtiError('saveLog', [
          { code: 'GENERIC_ERROR', description: t('Switchboard_OpenCti_NoRecordId') }
        ]);
      return id;
    },
    getCallCenterSettings: async () =>
      (await returnValueOf<CallCenterSettings>('getCallCenterSettings', (callback) =>
        api.getCallCenterSettings({ callback })
      )) ?? {},
    refreshView: () => done(returnValueOf('refreshView', (callback) => api.refreshView({ callback }))),
    runApex: async (apexClass, methodName, methodParams) =>
      apexResult(
        await returnValueOf<{ runApex: string | null }>('runApex', (callback) =>
          api.runApex({ apexClass, methodName, methodParams, callback })
        )
      ),
    notifyInitializationComplete: () =>
      done(
        returnValueOf('notifyInitializationComplete', (callback) =>
          api.notifyInitializationComplete({ callback })
        )
      ),
    setSoftphonePanelHeight: (heightPX) =>
      done(
        returnValueOf('setSoftphonePanelHeight', (callback) =>
          api.setSoftphonePanelHeight({ heightPX: clamp(heightPX, PANEL_HEIGHT_RANGE), callback })
        )
      ),
    setSoftphonePanelWidth: (widthPX) =>
      done(
        returnValueOf('setSoftphonePanelWidth', (callback) =>
          api.setSoftphonePanelWidth({ widthPX: clamp(widthPX, PANEL_WIDTH_RANGE), callback })
        )
      ),
    setSoftphonePanelVisibility: (visible) =>
      done(
        returnValueOf('setSoftphonePanelVisibility', (callback) =>
          api.setSoftphonePanelVisibility({ visible, callback })
        )
      ),
    setSoftphoneItemLabel: (label) =>
      done(
        returnValueOf('setSoftphoneItemLabel', (callback) => api.setSoftphoneItemLabel({ label, callback }))
      ),
    setSoftphoneItemIcon: (key) =>
      done(returnValueOf('setSoftphoneItemIcon', (callback) => api.setSoftphoneItemIcon({ key, callback }))),
    subscribe: async (channelName, listener) => {
      const response = await call<SubscribeResponse>('subscribe', (callback) =>
        api.subscribe({ channelName, listener, callback })
      );
      const subscription = response?.subscription;
      // A made-up handle would be unknown to the library, so a later unsubscribe would silently do nothing.
      if (typeof subscription !== 'object' || subscription === null) {
        throw new OpenCtiError('subscribe', [
          {
            code: 'GENERIC_ERROR',
            description: t('Switchboard_OpenCti_NoSubscription')
          }
        ]);
      }
      return subscription;
    },
    publish: (channelName, message) =>
      done(returnValueOf('publish', (callback) => api.publish({ channelName, message, callback })))
  };
}

/** `errors` as documented; `error` as two method pages label it; anything else is described, not lost. */
function readErrors(response: unknown): OpenCtiErrorItem[] {
  if (!isRecord(response)) return [];
  const raw = Array.isArray(response.errors)
    ? response.errors
    : Array.isArray(response.error)
      ? response.error
      : null;
  if (raw) return raw.map(toErrorItem);
  if (typeof response.error === 'string' && response.error !== '')
    return [{ code: 'GENERIC_ERROR', description: response.error }];
  return [];
}

function toErrorItem(item: unknown): OpenCtiErrorItem {
  if (isRecord(item) && typeof item.code === 'string' && typeof item.description === 'string') {
    return item.details === undefined
      ? { code: item.code, description: item.description }
      : { code: item.code, description: item.description, details: item.details };
  }
  return {
    code: 'GENERIC_ERROR',
    description: typeof item === 'string' ? item : (JSON.stringify(item) ?? String(item))
  };
}

/** runApex's returnValue is `{runApex: <what the Apex method returned>}`; null when it returned nothing. */
function apexResult(returnValue: { runApex: string | null } | string | null): string {
  const result = typeof returnValue === 'string' ? returnValue : returnValue?.runApex;
  if (result === null || result === undefined) return '';
  return typeof result === 'string' ? result : JSON.stringify(result);
}

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

/** An API 44-era sample wrapped listener payloads in `returnValue`; accept both shapes. */
function unwrapListenerPayload<T extends object>(payload: T): T {
  const wrapped = payload as { returnValue?: unknown };
  if (
    wrapped &&
    typeof wrapped.returnValue === 'object' &&
    wrapped.returnValue !== null &&
    !('number' in payload) &&
    !('url' in payload)
  ) {
    return wrapped.returnValue as T;
  }
  return payload;
}
