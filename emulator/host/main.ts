/**
 * Entry of the Lightning stand-in page: reads the server's inline config, builds the page,
 * frames the adapter eagerly, answers Open CTI and exposes `window.emulator`.
 */
import { isRecord, type Json } from '../shared/protocol';
import type { EmulatorApi, EmulatorSnapshot, WindowWithEmulator } from './api';
import { Bridge } from './bridge';
import { CLICK_TO_DIAL_PARAMS, type FieldValue, type SRecord } from './data';
import { handleCall, type HostContext } from './handlers';
import { MessageBus } from './message-bus';
import { clickToDialPayload } from '../lwc/host-platform';
import { recordComponentFactory } from '../lwc/record-component';
import { Navigator } from './navigation';
import { OrgClient, type OrgChange } from './org-client';
import { Store, initialState } from './store';
import { card, fill, h } from './views/dom';
import { globalHeader, recordNav, statusBadges } from './views/layout';
import { newRecordModal } from './views/new-record-modal';
import { PageView } from './views/page-view';
import { channelLogList, navigationCard, protocolCard, tasksCard } from './views/side-panels';
import { createUtility } from './views/utility-bar';
import { languageSwitch } from './views/language-switch';

interface HostConfig {
  hostOrigin: string;
  adapterOrigin: string;
  adapterPath: string;
  settings: Record<string, string>;
  settingsError: string | null;
  /** The server's org when the page was served; the event stream keeps it current from there. */
  org: OrgChange;
  /** The user's language and locale (?lang=, ?locale=); emulator/lwc/salesforce/i18n.js reads the rest. */
  i18n: { language: string; locale: string };
}

const DEFAULT_CHANNEL = 'Switchboard_Call__c';

function readConfig(): HostConfig {
  const el = document.getElementById('emulator-config');
  return JSON.parse(el?.textContent ?? '{}') as HostConfig;
}

/** `?settings=<json>` overrides call center values for this page load (documented in docs/emulator.md). */
function settingsWithOverrides(base: Record<string, string>): {
  settings: Record<string, string>;
  error: string | null;
} {
  const raw = new URLSearchParams(window.location.search).get('settings');
  if (raw === null) return { settings: { ...base }, error: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed)) throw new Error('not an object');
    const merged = { ...base };
    for (const [key, value] of Object.entries(parsed)) merged[key] = String(value);
    return { settings: merged, error: null };
  } catch (err) {
    return {
      settings: { ...base },
      error: `Ignoring ?settings=: ${err instanceof Error ? err.message : String(err)}`
    };
  }
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** The query string Lightning appends to the adapter URL (same keys, same order). */
function adapterSrc(config: Pick<HostConfig, 'hostOrigin' | 'adapterOrigin' | 'adapterPath'>): string {
  // Lightning leaves ':' unescaped in the origin (https:%2F%2Fna85.lightning.force.com).
  const origin = encodeURIComponent(config.hostOrigin).replace(/%3A/gi, ':');
  // ?user=005… on the host page signs the emulator in as another Salesforce user (the adapter page renders {!$User.Id} from it).
  const user = new URLSearchParams(location.search).get('user');
  const userParam = user ? `&user=${encodeURIComponent(user)}` : '';
  // ?cspConnectSrc=… serves the adapter page with a CSP, as an org does for its trusted sites (server.ts).
  const csp = new URLSearchParams(location.search).get('cspConnectSrc');
  const cspParam = csp === null ? '' : `&cspConnectSrc=${encodeURIComponent(csp)}`;
  // The same user's language and locale (?lang=, ?locale=): the page renders $Label and $User from them.
  // Passed only when set, so the default URL keeps Lightning's exact query string.
  const languageParam = ['lang', 'locale']
    .map((key) => [key, new URLSearchParams(location.search).get(key)] as const)
    .filter(([, value]) => value)
    .map(([key, value]) => `&${key}=${encodeURIComponent(value ?? '')}`)
    .join('');
  return `${config.adapterOrigin}${config.adapterPath}?mode=Lightning&isdtp=vw&sfdcIframeOrigin=${origin}&nonce=${randomHex(20)}&ltn_app_id=06m000000000001&clc=0${userParam}${languageParam}${cspParam}`;
}

function sizeSetting(settings: Record<string, string>, key: string, fallback: number): number {
  const value = Number(settings[`/reqGeneralInfo/${key}`]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function boot(): void {
  const config = readConfig();
  const { settings, error: overrideError } = settingsWithOverrides(config.settings);
  const store = new Store(
    initialState(
      sizeSetting(settings, 'reqSoftphoneHeight', 480),
      sizeSetting(settings, 'reqSoftphoneWidth', 340)
    )
  );

  let iframe: HTMLIFrameElement | null = null;
  const bridgeRef: { current: Bridge | null } = { current: null };
  const emit = (methodName: string, payload: Json, eventName?: string): void =>
    bridgeRef.current?.emit(methodName, payload, eventName);

  const navigator = new Navigator(store, config.hostOrigin, (payload) => emit('onNavigationChange', payload));
  const bus = new MessageBus(store, (channel, message) => emit('subscribe', message, channel));
  const org = new OrgClient(store, config.org);
  org.connect();
  const ctx: HostContext = {
    store,
    navigator,
    bus,
    org,
    settings,
    apexResponses: new Map(),
    searchOverride: null
  };
  const bridge = new Bridge(
    config.adapterOrigin,
    () => iframe?.contentWindow ?? null,
    store,
    (call) => handleCall(call, ctx)
  );
  bridgeRef.current = bridge;

  function dial(record: SRecord, field: string): boolean {
    const value = record.fields[field];
    if (!store.state.clickToDialEnabled || typeof value !== 'string' || value === '') return false;
    // The same payload rule as the component's lightning-click-to-dial (emulator/lwc/host-platform.ts).
    emit(
      'onClickToDial',
      clickToDialPayload(store, { number: value, recordId: record.Id, params: CLICK_TO_DIAL_PARAMS[field] })
    );
    return true;
  }
  const openRecord = (id: string): void => navigator.go({ kind: 'record', recordId: id }, 'user');
  const recordComponent = recordComponentFactory({
    store,
    bus,
    clickToDial: (payload) => emit('onClickToDial', payload),
    openRecord
  });
  const pageActions = {
    openRecord,
    dial: (record: SRecord, field: string) => void dial(record, field)
  };
  const togglePanel = (): void => store.update((s) => (s.panel.visible = !s.panel.visible));

  // ---- layout (built once; regions are refilled on every state change) ----
  const status = h('div', { class: 'slds-grid slds-grid_vertical-align-center' });
  const navRegion = h('div', { class: 'emu-nav' });
  const pageRegion = h('div', { class: 'emu-page slds-card' });
  const pageView = new PageView(pageRegion, recordComponent);
  const tasksRegion = h('div', {});
  const navLogRegion = h('div', {});
  const protocolRegion = h('div', {});
  const channelLogRegion = h('div', { dataId: 'channel-log' });
  const modalRoot = h('div', {});
  const channelInput = h('input', {
    class: 'slds-input',
    dataId: 'channel-name',
    attrs: { type: 'text', 'aria-label': 'Channel' }
  });
  channelInput.value = DEFAULT_CHANNEL;
  const messageInput = h('textarea', {
    class: 'slds-textarea emu-json-input',
    dataId: 'channel-message',
    attrs: { rows: '2', 'aria-label': 'Message JSON' }
  });
  messageInput.value = '{"type":"ping"}';
  const publishButton = h(
    'button',
    {
      class: 'slds-button slds-button_neutral slds-m-top_x-small',
      dataId: 'channel-publish',
      onClick: () => {
        try {
          bus.publishFromHost(channelInput.value, JSON.parse(messageInput.value) as Json);
          messageInput.setCustomValidity('');
        } catch {
          messageInput.setCustomValidity('Not valid JSON');
          messageInput.reportValidity();
        }
      }
    },
    'Publish to softphone'
  );
  const channelCard = card(
    'Message channel',
    'socialshare',
    'channel-panel',
    channelInput,
    h('div', { class: 'slds-m-top_x-small' }, messageInput),
    publishButton,
    channelLogRegion
  );

  const utility = createUtility(store, adapterSrc(config), togglePanel);
  iframe = utility.iframe;
  const warnings = [config.settingsError, overrideError].filter((w): w is string => w !== null);
  const root = document.getElementById('emulator-root') ?? document.body;
  fill(
    root,
    globalHeader(
      status,
      languageSwitch(config.i18n.language, (href) => location.assign(href))
    ),
    ...warnings.map((w) =>
      h('div', { class: 'slds-notify slds-notify_alert slds-alert_warning', attrs: { role: 'alert' } }, w)
    ),
    h(
      'div',
      { class: 'emu-body' },
      h('aside', { class: 'emu-left' }, navRegion),
      h('main', { class: 'emu-center' }, pageRegion, tasksRegion),
      h('aside', { class: 'emu-right' }, channelCard, navLogRegion, protocolRegion)
    ),
    utility.panel,
    utility.bar,
    modalRoot
  );

  let shownModal: object | null = null;
  function render(): void {
    fill(status, ...statusBadges(store));
    fill(navRegion, recordNav(store, openRecord));
    pageView.render(store, store.state.page, pageActions);
    fill(tasksRegion, tasksCard(store));
    fill(navLogRegion, navigationCard(store));
    fill(protocolRegion, protocolCard(store));
    fill(channelLogRegion, channelLogList(store));
    utility.render();
    // Re-create the modal only when a different one opens, so typing in it survives re-renders.
    const modal = store.state.modal;
    if (modal !== shownModal) {
      shownModal = modal;
      fill(
        modalRoot,
        modal
          ? newRecordModal(modal, {
              save: (entityName: string, fields: Record<string, FieldValue>) => {
                org.createRecord(entityName, fields).then(
                  (record) => navigator.go({ kind: 'record', recordId: record.Id }, 'user'),
                  (err: unknown) =>
                    store.update((s) =>
                      s.protocolErrors.push({
                        at: Date.now(),
                        reason: `Could not create the ${entityName}: ${err instanceof Error ? err.message : String(err)}`,
                        data: null
                      })
                    )
                );
              },
              cancel: () => store.update((s) => (s.modal = null))
            })
          : null
      );
    }
  }
  let scheduled = false;
  store.onChange(() => {
    // Several changes in one task render once. Not later than that: the panel must resize in the same
    // frame as the adapter asks, or whatever the agent is about to click moves under the pointer.
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      render();
    });
  });
  render();
  bridge.start();

  const api: EmulatorApi = {
    get state(): EmulatorSnapshot {
      const s = store.state;
      return JSON.parse(
        JSON.stringify({ ...s, tasks: s.records.filter((r) => r.objectType === 'Task'), settings })
      ) as EmulatorSnapshot;
    },
    org: () => org.fetch(),
    failNextSaveLogs: (count, description) => org.failNextSaveLogs(count, description),
    setSaveLogCommit: (commit) => org.setSaveLogCommit(commit),
    setReplyDelay: (delay) => bridge.setReplyDelay(delay),
    clickToDial: (recordId, field) => {
      const record = store.findRecord(recordId);
      return record ? dial(record, field) : false;
    },
    navigateTo: (recordId) => {
      if (!store.findRecord(recordId)) return false;
      navigator.go({ kind: 'record', recordId }, 'emulator');
      return true;
    },
    publish: (channel, message) => bus.publishFromHost(channel, message),
    subscribe: (channel, fn) => bus.subscribeHost(channel, fn),
    setApexResponses: (map) => {
      ctx.apexResponses = new Map(Object.entries(map));
    },
    setSearchResults: (map) => {
      ctx.searchOverride = map;
    },
    startWork: (payload) => emit('onWorkStart', payload),
    reset: () => {
      const fresh = initialState(store.state.panel.height, store.state.panel.width);
      store.update((s) => {
        Object.assign(s, {
          ...fresh,
          records: s.records,
          clickToDialEnabled: s.clickToDialEnabled,
          initialized: s.initialized,
          panel: s.panel,
          item: s.item,
          listenersRegistered: s.listenersRegistered,
          adapterChannels: s.adapterChannels
        });
      });
      bridge.resetDelays();
      ctx.apexResponses = new Map();
      ctx.searchOverride = null;
      return org.reset();
    },
    reloadSoftphone: () => {
      const fresh = initialState(
        sizeSetting(settings, 'reqSoftphoneHeight', 480),
        sizeSetting(settings, 'reqSoftphoneWidth', 340)
      );
      store.update((s) => {
        Object.assign(s, {
          clickToDialEnabled: false,
          initialized: false,
          panel: { ...fresh.panel, visible: s.panel.visible },
          item: fresh.item,
          listenersRegistered: {},
          adapterChannels: []
        });
      });
      utility.iframe.src = adapterSrc(config);
    }
  };
  (window as WindowWithEmulator).emulator = api;
}

boot();
