import { OpenCtiError } from './open-cti-error';
import type {
  AppViewInfo,
  CallCenterSettings,
  ClickToDialPayload,
  NavigationPayload,
  OpenCtiResponse,
  SaveLogReturn,
  SaveLogValue,
  ScreenPopParams,
  SearchAndScreenPopArgs,
  SearchAndScreenPopResult,
  SforceGlobal,
  SforceOpenCti,
  Subscription
} from './types';

/**
 * The one door to the host. Everything the adapter asks of Lightning goes through this
 * interface, so moving off Open CTI (retiring Feb 2028) means writing one new implementation.
 */
export interface HostPort {
  enableClickToDial(): Promise<void>;
  disableClickToDial(): Promise<void>;
  onClickToDial(listener: (payload: ClickToDialPayload) => void): void;
  screenPop(pop: ScreenPopParams): Promise<void>;
  searchAndScreenPop(args: SearchAndScreenPopArgs): Promise<SearchAndScreenPopResult>;
  saveLog(value: SaveLogValue): Promise<string>;
  getCallCenterSettings(): Promise<CallCenterSettings>;
  getSoftphoneLayout(): Promise<Record<string, unknown>>;
  getAppViewInfo(): Promise<AppViewInfo>;
  onNavigationChange(listener: (payload: NavigationPayload) => void): void;
  refreshView(): Promise<void>;
  runApex(apexClass: string, methodName: string, methodParams: string): Promise<string>;
  notifyInitializationComplete(): Promise<void>;
  setSoftphonePanelHeight(heightPX: number): Promise<void>;
  setSoftphonePanelWidth(widthPX: number): Promise<void>;
  setSoftphonePanelVisibility(visible: boolean): Promise<void>;
  isSoftphonePanelVisible(): Promise<boolean>;
  setSoftphoneItemLabel(label: string): Promise<void>;
  setSoftphoneItemIcon(key: string): Promise<void>;
  setSoftphonePanelLabel(label: string): Promise<void>;
  setSoftphonePanelIcon(key: string): Promise<void>;
  subscribe(channelName: string, listener: (message: unknown) => void): Promise<Subscription>;
  unsubscribe(subscription: Subscription): Promise<void>;
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

  /** Runs one callback-style method as a promise; sync throws become CLIENT_VALIDATION errors. */
  function call<T>(method: string, invoke: (callback: (r: OpenCtiResponse<T>) => void) => void, timeout = timeoutMs): Promise<T | null> {
    return new Promise<T | null>((resolve, reject) => {
      let settled = false;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              settled = true;
              reject(new OpenCtiError(method, [{ code: 'TIMEOUT', description: `Salesforce did not answer ${method} within ${timeout} ms.` }]));
            }, timeout)
          : undefined;
      try {
        invoke((response) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (response && response.success) resolve(response.returnValue);
          else reject(new OpenCtiError(method, response?.errors ?? []));
        });
      } catch (thrown) {
        settled = true;
        clearTimeout(timer);
        const description = thrown instanceof Error ? thrown.message : String(thrown);
        reject(new OpenCtiError(method, [{ code: 'CLIENT_VALIDATION', description }]));
      }
    });
  }

  const done = (p: Promise<unknown>): Promise<void> => p.then(() => undefined);

  return {
    enableClickToDial: () => done(call('enableClickToDial', (callback) => api.enableClickToDial({ callback }))),
    disableClickToDial: () => done(call('disableClickToDial', (callback) => api.disableClickToDial({ callback }))),
    onClickToDial: (listener) => api.onClickToDial({ listener: (payload) => listener(unwrapListenerPayload(payload)) }),
    screenPop: (pop) => done(call('screenPop', (callback) => api.screenPop({ ...pop, callback }))),
    searchAndScreenPop: async (args) =>
      (await call<SearchAndScreenPopResult>('searchAndScreenPop', (callback) => api.searchAndScreenPop({ ...args, callback }))) ?? {},
    saveLog: async (value) => {
      const result = await call<SaveLogReturn>('saveLog', (callback) => api.saveLog({ value, callback }), 0);
      const id = typeof result === 'string' ? result : result?.recordId;
      if (!id) throw new OpenCtiError('saveLog', [{ code: 'GENERIC_ERROR', description: 'Salesforce saved the log but returned no record Id.' }]);
      return id;
    },
    getCallCenterSettings: async () => (await call<CallCenterSettings>('getCallCenterSettings', (callback) => api.getCallCenterSettings({ callback }))) ?? {},
    getSoftphoneLayout: async () => (await call<Record<string, unknown>>('getSoftphoneLayout', (callback) => api.getSoftphoneLayout({ callback }))) ?? {},
    getAppViewInfo: async () => (await call<AppViewInfo>('getAppViewInfo', (callback) => api.getAppViewInfo({ callback }))) ?? { url: '' },
    onNavigationChange: (listener) => api.onNavigationChange({ listener: (payload) => listener(unwrapListenerPayload(payload)) }),
    refreshView: () => done(call('refreshView', (callback) => api.refreshView({ callback }))),
    runApex: async (apexClass, methodName, methodParams) =>
      (await call<{ runApex: string }>('runApex', (callback) => api.runApex({ apexClass, methodName, methodParams, callback })))?.runApex ?? '',
    notifyInitializationComplete: () => done(call('notifyInitializationComplete', (callback) => api.notifyInitializationComplete({ callback }))),
    setSoftphonePanelHeight: (heightPX) =>
      done(call('setSoftphonePanelHeight', (callback) => api.setSoftphonePanelHeight({ heightPX: clamp(heightPX, PANEL_HEIGHT_RANGE), callback }))),
    setSoftphonePanelWidth: (widthPX) =>
      done(call('setSoftphonePanelWidth', (callback) => api.setSoftphonePanelWidth({ widthPX: clamp(widthPX, PANEL_WIDTH_RANGE), callback }))),
    setSoftphonePanelVisibility: (visible) => done(call('setSoftphonePanelVisibility', (callback) => api.setSoftphonePanelVisibility({ visible, callback }))),
    isSoftphonePanelVisible: async () =>
      (await call<{ visible: boolean }>('isSoftphonePanelVisible', (callback) => api.isSoftphonePanelVisible({ callback })))?.visible ?? false,
    setSoftphoneItemLabel: (label) => done(call('setSoftphoneItemLabel', (callback) => api.setSoftphoneItemLabel({ label, callback }))),
    setSoftphoneItemIcon: (key) => done(call('setSoftphoneItemIcon', (callback) => api.setSoftphoneItemIcon({ key, callback }))),
    setSoftphonePanelLabel: (label) => done(call('setSoftphonePanelLabel', (callback) => api.setSoftphonePanelLabel({ label, callback }))),
    setSoftphonePanelIcon: (key) => done(call('setSoftphonePanelIcon', (callback) => api.setSoftphonePanelIcon({ key, callback }))),
    subscribe: async (channelName, listener) => {
      const result = await call<{ subscription: Subscription }>('subscribe', (callback) => api.subscribe({ channelName, listener, callback }));
      return result?.subscription ?? {};
    },
    unsubscribe: (subscription) => done(call('unsubscribe', (callback) => api.unsubscribe({ subscription, callback }))),
    publish: (channelName, message) => done(call('publish', (callback) => api.publish({ channelName, message, callback })))
  };
}

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

/** An API 44-era sample wrapped listener payloads in `returnValue`; accept both shapes. */
function unwrapListenerPayload<T extends object>(payload: T): T {
  const wrapped = payload as { returnValue?: unknown };
  if (wrapped && typeof wrapped.returnValue === 'object' && wrapped.returnValue !== null && !('number' in payload) && !('url' in payload)) {
    return wrapped.returnValue as T;
  }
  return payload;
}
