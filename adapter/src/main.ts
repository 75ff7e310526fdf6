import { h, render } from 'preact';
import { LeaveGuard } from './app/leave-guard';
import { Line } from './app/line';
import { PanelSize } from './app/panel-size';
import { Softphone } from './app/softphone';
import { HostStartUp, nextTask } from './app/start-up';
import { siteDataNotice } from './app/tab-site-data';
import { TabRouting } from './app/tab-routing';
import { createBrowserRinger } from './ringer/browser-ringer';
import { createBrowserDoctor } from './doctor/browser-doctor';
import { doctorLineStatus } from './doctor/line-status';
import { createConsoleLogger } from './logging/logger';
import { Outbox } from './logging/outbox';
import { createOpenCtiPort, findOpenCti } from './opencti/port';
import type { SforceGlobal } from './opencti/types';
import { CallDrafts } from './persistence/call-drafts';
import { browserLocalStorage, noStorageMessage, type StorageProblem } from './persistence/safe-storage';
import { openUserStorage, userFromPage } from './persistence/storage-scope';
import { parseSettings } from './settings/settings';
import type { ViewActions } from './ui/actions';
import { App } from './ui/app';
import { setIconAssets } from './ui/icon';
import { startLanguage } from './i18n/page-language';
import { t } from './i18n/labels';

/** Composition root: builds the port, the store, the softphone, the line, the tab routing and the view, and starts them. */

// Captured now: currentScript is only set while this file first runs; the SIP script sits beside it.
const SCRIPT_URL = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

async function main(): Promise<void> {
  const logger = createConsoleLogger();
  const root = document.getElementById('softphone-root');
  if (!root) throw new Error('Switchboard: #softphone-root is missing from the adapter page.');
  setIconAssets(root.dataset.sldsAssets ?? '');
  startLanguage(root.dataset, document, logger);

  const api = findOpenCti(window as unknown as { sforce?: SforceGlobal });
  if (!api) {
    root.textContent = t('Switchboard_Start_NoOpenCti');
    root.setAttribute('role', 'alert');
    return;
  }
  const host = createOpenCtiPort(api);
  // What Lightning waits for goes first, before anything of ours (start-up.ts).
  const startUp = new HostStartUp(host, logger);
  const settings = parseSettings(await startUp.begin());
  startUp.lineKnown(settings.provider);
  // Our messages reach Lightning only when this task ends: let them go before building and rendering.
  await nextTask();
  // Problems found before the softphone can show them wait here; afterwards each becomes a notice when it happens.
  const earlyProblems: StorageProblem[] = [];
  let tellAgent = (problem: StorageProblem): void => void earlyProblems.push(problem);
  // Every stored item belongs to the Salesforce user the page names; other users' items are deleted unread.
  const user = userFromPage(root.dataset);
  const { store, cleared } = openUserStorage(browserLocalStorage(), user, (problem) => {
    logger.warn(problem.message);
    tellAgent(problem);
  });
  if (cleared > 0)
    logger.info(
      `Removed ${cleared} item(s) another Salesforce user or an older version left in this browser.`
    );
  const tabId = crypto.randomUUID();
  // A short lease, renewed while a send is in flight: a dead leader's send is taken over soon, and checked with runApex first.
  const outbox = new Outbox({ store, owner: tabId, leaseMs: 8000 });

  // Exactly one Salesforce tab owns the line and the logs; the others mirror it and forward their agent's actions.
  const tabs = new TabRouting({ tabId, settings, logger, redraw: () => changed() });
  const softphone = new Softphone({
    host,
    providerKind: settings.provider,
    settings,
    logger,
    outbox,
    drafts: new CallDrafts(store),
    leadership: tabs.election,
    forward: (event) => tabs.forward(event),
    clickToDialAhead: () => startUp.clickToDialAhead,
    onChange: (state) => {
      tabs.stateChanged(state);
      changed();
    }
  });
  const line = new Line({
    softphone,
    settings,
    logger,
    store,
    scriptUrl: SCRIPT_URL,
    takeOver: () => tabs.takeOver(),
    redraw: () => draw()
  });
  tabs.attach(softphone, line);
  startUp.deliverTo((payload) => softphone.clickToDial(payload));

  // Rings for the tab that owns the line, driven by the state each draw shows; its own changes redraw later.
  const ringer = createBrowserRinger({ host, logger, store, onChange: () => queueMicrotask(draw) });
  const panel = new PanelSize(host, root, logger);
  // Closing or reloading the tab that carries a live SIP call asks first (leave-guard.ts says when).
  const leaveGuard = new LeaveGuard(window);
  const actions: ViewActions = {
    dispatch: (event) => softphone.dispatch(event),
    newCallId: () => crypto.randomUUID(),
    demo: line.farEnd,
    // "Check setup" probes sound at the page's first idle moment, before the agent's first click.
    doctor: createBrowserDoctor({
      host,
      settings,
      line: () => doctorLineStatus(softphone.state, line.view, tabs.follows),
      scriptUrl: SCRIPT_URL,
      user,
      redraw: () => draw(),
      logger
    }).view
  };
  /** A click held at start-up goes through once the line can take it; then the view catches up. */
  function changed(): void {
    startUp.settled(softphone.state, tabs.follows);
    draw();
  }
  function draw(): void {
    // A tab that only mirrors the phone has no line of its own to simulate calls on; who leads is the election's to say.
    const elsewhere = tabs.follows;
    leaveGuard.follow({ state: softphone.state, line: settings.provider, leads: tabs.election.isLeader });
    const view = { ...line.view, status: elsewhere ? ('elsewhere' as const) : line.view.status };
    ringer.update(softphone.state, !elsewhere);
    render(
      h(App, {
        state: softphone.state,
        now: Date.now(),
        line: view,
        actions: elsewhere ? { ...actions, demo: null } : actions,
        ringer: ringer.view
      }),
      root as HTMLElement
    );
    panel.rendered();
  }

  panel.observe();
  // The first render (after the host calls above left): it sizes the panel before anything else does.
  draw();
  // The machine's first state goes to the host (item, channel) while the tab election runs: the line can
  // connect while Lightning is still answering.
  const started = softphone.start();
  const elected = tabs.election.start();
  addEventListener('pagehide', () => tabs.election.stop());
  // Another tab settled a log (e.g. the old leader's send finished after a handover): show it now.
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(store.prefix)) softphone.recheckLogs();
  });
  await Promise.all([started, elected]);
  tellAgent = (problem) =>
    softphone.dispatch({
      type: 'NOTICE',
      notice: { kind: problem.kind === 'corrupt-entry' ? 'error' : 'warning', text: problem.message }
    });
  // "No storage at all" is part of the site-data notice below; the rest (unknown user, set-aside entries) is said here.
  for (const problem of earlyProblems.splice(0))
    if (problem.message !== noStorageMessage()) tellAgent(problem);
  // Without a known user nothing is stored on purpose (said above), which is not the browser blocking storage.
  const siteData = siteDataNotice({
    storageDurable: outbox.isDurable || user === null,
    election: tabs.election.mode
  });
  if (siteData) softphone.dispatch({ type: 'NOTICE', notice: { kind: 'warning', text: siteData } });
  if (tabs.election.mode === 'no-locks')
    logger.warn('Web Locks unavailable: every tab of this browser acts as the phone.');
}

main().catch((error: unknown) => {
  console.error('[switchboard] start-up failed', error instanceof Error ? error.message : error);
  const root = document.getElementById('softphone-root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = t('Switchboard_Start_Failed', {
      error: error instanceof Error ? error.message : String(error)
    });
  }
});
