import { h, render } from 'preact';
import { LeaderElection, type TabMessage } from './app/leader';
import { FollowerRefusals } from './app/tab-refusals';
import { siteDataNotice } from './app/tab-site-data';
import type { EventInput } from './call/types';
import { Softphone } from './app/softphone';
import { Outbox } from './logging/outbox';
import { CallDrafts } from './persistence/call-drafts';
import { browserLocalStorage, NO_STORAGE_MESSAGE, type StorageProblem } from './persistence/safe-storage';
import { openUserStorage, userFromPage } from './persistence/storage-scope';
import { createConsoleLogger } from './logging/logger';
import { createOpenCtiPort, findOpenCti, PANEL_HEIGHT_RANGE } from './opencti/port';
import type { SforceGlobal } from './opencti/types';
import { parseSettings } from './settings/settings';
import { DemoProvider } from './telephony/demo/demo-provider';
import { listAudioDevices, loadDeviceChoice, saveDeviceChoice } from './telephony/audio-devices';
import { checkMicrophone } from './telephony/microphone';
import type { TelephonyProvider } from './telephony/provider';
import { localCredentialStore } from './telephony/sip-credentials-store';
import { loadSipModule } from './telephony/sip-loader';
import type { SipCredentials } from './telephony/sip/sip-config';
import { endCauseMessage } from './telephony/end-cause-message';
import type { LineView, ViewActions } from './ui/actions';
import { App } from './ui/app';
import { setIconAssets } from './ui/icon';

/** Composition root: builds the port, the line, the softphone and the view. Nothing else. */

const PANEL_WIDTH = 340;
/** setSoftphonePanelHeight sizes the whole utility panel, whose header (label, minimise) sits above our frame. */
const PANEL_HEADER_PX = 40;
// Captured now: currentScript is only set while this file first runs; the SIP script sits beside it.
const SCRIPT_URL = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

async function main(): Promise<void> {
  const logger = createConsoleLogger();
  const root = document.getElementById('softphone-root');
  if (!root) throw new Error('Switchboard: #softphone-root is missing from the adapter page.');
  setIconAssets(root.dataset.sldsAssets ?? '');

  const api = findOpenCti(window as unknown as { sforce?: SforceGlobal });
  if (!api) {
    root.textContent =
      'Switchboard could not reach Salesforce: opencti_min.js did not load. This page must be opened by the Phone utility of a Lightning app, with the call center assigned to your user.';
    root.setAttribute('role', 'alert');
    return;
  }
  const host = createOpenCtiPort(api);
  const settings = parseSettings(await host.getCallCenterSettings().catch(() => ({})));
  const demo = settings.provider === 'demo' ? new DemoProvider() : null;
  // Problems found before the softphone can show them wait here; afterwards each becomes a notice when it happens.
  const earlyProblems: StorageProblem[] = [];
  let tellAgent = (problem: StorageProblem): void => void earlyProblems.push(problem);
  // Every stored item belongs to the Salesforce user the page names; other users' items are deleted unread.
  const user = userFromPage(root.dataset);
  const { store, cleared } = openUserStorage(browserLocalStorage(), user, (problem) => {
    logger.warn(problem.message);
    tellAgent(problem);
  });
  if (cleared > 0) logger.info(`Removed ${cleared} item(s) another Salesforce user or an older version left in this browser.`);
  const storage = { getItem: (name: string) => store.get(name), setItem: (name: string, value: string) => store.set(name, value) };
  const credentials = localCredentialStore(store);
  // Admins may forbid keeping SIP passwords in the browser: then none is kept, including one kept before.
  if (!settings.allowRememberPassword) credentials.forget();
  let sipProvider: TelephonyProvider | null = null;
  const tabId = crypto.randomUUID();
  // A short lease, renewed while a send is in flight: a dead leader's send is taken over soon, and checked with runApex first.
  const outbox = new Outbox({ store, owner: tabId, leaseMs: 8000 });
  const drafts = new CallDrafts(store);
  // Exactly one Salesforce tab owns the line and the logs; the others mirror it and forward their agent's actions.
  const refusals = new FollowerRefusals(settings.defaultCountry);
  const election: LeaderElection = new LeaderElection({
    tabId,
    // A follower's wrap-up offers the call center's list plus the result the call already has (e.g. Transferred).
    rules: { defaultCountry: settings.defaultCountry, dispositions: () => [...softphone.state.dispositions, softphone.state.call?.disposition ?? ''] },
    onRoleChange: (role) => void becomeRole(role),
    onMessage: (message) => onTabMessage(message),
    onRejected: (reason) => logger.warn(reason)
  });

  let rendered = false;
  let lastHeight = 0;
  const softphone: Softphone = new Softphone({
    host,
    providerKind: settings.provider,
    settings,
    logger,
    outbox,
    drafts,
    forward: (event) => forwardToLeader(event),
    onChange: (state) => {
      if (election.isLeader) election.send({ type: 'mirror', state });
      draw();
    }
  });

  const line: LineView = {
    kind: settings.provider,
    status: 'loggedOut',
    error: null,
    allowRemember: settings.allowRememberPassword,
    login: (creds, remember) => void login(creds, remember && settings.allowRememberPassword),
    logout: () => void logout(),
    takeOver: () => election.send({ type: 'takeOver' }),
    devices: null,
    chooseDevices: (devices) => {
      saveDeviceChoice(storage, devices);
      if (line.devices) line.devices = { ...line.devices, selected: devices };
      void sipProvider?.setAudioDevices?.(devices).catch((e: unknown) => logger.warn('Switching audio devices failed', String(e)));
      draw();
    }
  };

  async function refreshDevices(): Promise<void> {
    const listed = await listAudioDevices(navigator.mediaDevices);
    line.devices = { ...listed, selected: loadDeviceChoice(storage) };
    draw();
  }

  async function login(creds: SipCredentials, remember: boolean): Promise<void> {
    line.status = 'connecting';
    line.error = null;
    draw();
    const mic = await checkMicrophone(navigator.mediaDevices);
    if (!mic.ok) return loginFailed(mic.reason);
    try {
      const sip = await loadSipModule(SCRIPT_URL);
      const provider = sip.createSipProvider(sip.sipConfigFromSettings(settings, creds), { logger });
      await provider.setAudioDevices(loadDeviceChoice(storage));
      await softphone.connect(provider);
      sipProvider = provider;
      void refreshDevices();
      if (remember) credentials.save(creds);
      else credentials.forget();
      line.status = 'connected';
      draw();
    } catch (error) {
      const reason = softphone.state.registrationReason;
      await softphone.disconnect();
      loginFailed(reason === 'auth-failed' ? endCauseMessage('auth-failed') : `Could not connect to the phone system: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function loginFailed(reason: string): void {
    credentials.forget();
    line.status = 'loggedOut';
    line.error = reason;
    draw();
  }

  async function logout(): Promise<void> {
    credentials.forget();
    sipProvider = null;
    await softphone.disconnect();
    line.status = 'loggedOut';
    draw();
  }

  /** Checked here by the leader's own rules, so a refused dial shows its reason in this tab instead of vanishing. */
  function forwardToLeader(event: EventInput): void {
    const checked = election.checkForwardable(event);
    if (checked.ok) {
      refusals.forwarded();
      return election.send({ type: 'event', event: checked.value });
    }
    logger.warn(`Not forwarded to the leading tab (${checked.reason}).`);
    if (refusals.refused(event)) softphone.mirror(refusals.overlay(softphone.state));
  }

  function onTabMessage(message: TabMessage): void {
    if (message.type === 'mirror') softphone.mirror(refusals.overlay(message.state));
    else if (message.type === 'event' && election.isLeader) softphone.dispatch(message.event);
    else if (message.type === 'hello' && election.isLeader) election.send({ type: 'mirror', state: softphone.state });
    else if (message.type === 'takeOver' && election.isLeader && softphone.state.phase === 'idle') void handOver();
  }

  /** Another tab asked for the phone while this one is idle: log out here and let it lead. */
  async function handOver(): Promise<void> {
    await softphone.disconnect();
    softphone.setRole('follower');
    await election.resign();
  }

  async function becomeRole(role: 'leader' | 'follower'): Promise<void> {
    if (role === 'follower') {
      softphone.setRole('follower');
      // Ask the leader for its state now that we can take it (its answer to our first hello may have come too early).
      election.send({ type: 'hello' });
      draw();
      return;
    }
    softphone.setRole('leader');
    softphone.restore();
    line.status = 'loggedOut';
    if (demo) {
      await softphone.connect(demo);
      line.status = 'connected';
    } else {
      const remembered = credentials.load();
      if (remembered) await login(remembered, true);
    }
    draw();
  }

  const actions: ViewActions = {
    dispatch: (event) => softphone.dispatch(event),
    newCallId: () => crypto.randomUUID(),
    demo: demo && {
      simulateInbound: (from: string, name?: string) => demo.simulateInbound(from, name),
      simulateRemoteHangup: () => demo.simulateRemoteHangup(),
      setNextOutcome: (o) => demo.setNextOutcome(o),
      nextOutcome: () => demo.nextOutcome
    }
  };

  function draw(): void {
    // A tab that only mirrors the phone has no line of its own to simulate calls on.
    // The election is the one place that knows who leads; the view only follows it.
    const elsewhere = election.role === 'follower';
    const viewActions = elsewhere ? { ...actions, demo: null } : actions;
    render(h(App, { state: softphone.state, now: Date.now(), line: { ...line, status: elsewhere ? 'elsewhere' : line.status }, actions: viewActions }), root as HTMLElement);
    if (!rendered) {
      rendered = true;
      void host.setSoftphonePanelWidth(PANEL_WIDTH).catch((e: unknown) => logger.warn('setSoftphonePanelWidth failed', String(e)));
    }
    fitHeight();
  }

  /** The panel follows the content, within the platform's limits, so nothing scrolls inside a call. */
  function fitHeight(): void {
    const wanted = Math.ceil((root as HTMLElement).getBoundingClientRect().height) + PANEL_HEADER_PX + 2;
    const height = Math.min(PANEL_HEIGHT_RANGE.max, Math.max(PANEL_HEIGHT_RANGE.min, wanted));
    if (Math.abs(height - lastHeight) < 4) return;
    lastHeight = height;
    void host.setSoftphonePanelHeight(height).catch((e: unknown) => logger.warn('setSoftphonePanelHeight failed', String(e)));
  }

  new ResizeObserver(() => fitHeight()).observe(root);
  draw();
  // Host start-up (listeners, channel, initialised) and the tab election run side by side: the line can
  // connect while Lightning is still answering.
  const started = softphone.start();
  addEventListener('pagehide', () => election.stop());
  // Another tab settled a log (e.g. the old leader's send finished after a handover): show it now.
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(store.prefix)) softphone.recheckLogs();
  });
  await Promise.all([started, election.start()]);
  tellAgent = (problem) => softphone.dispatch({ type: 'NOTICE', notice: { kind: problem.kind === 'corrupt-entry' ? 'error' : 'warning', text: problem.message } });
  // "No storage at all" is part of the site-data notice below; the rest (unknown user, set-aside entries) is said here.
  for (const problem of earlyProblems.splice(0)) if (problem.message !== NO_STORAGE_MESSAGE) tellAgent(problem);
  // Without a known user nothing is stored on purpose (said above), which is not the browser blocking storage.
  const siteData = siteDataNotice({ storageDurable: outbox.isDurable || user === null, election: election.mode });
  if (siteData) softphone.dispatch({ type: 'NOTICE', notice: { kind: 'warning', text: siteData } });
  if (election.mode === 'no-locks') logger.warn('Web Locks unavailable: every tab of this browser acts as the phone.');
}

main().catch((error: unknown) => {
  console.error('[switchboard] start-up failed', error instanceof Error ? error.message : error);
  const root = document.getElementById('softphone-root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = `Switchboard could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
});
