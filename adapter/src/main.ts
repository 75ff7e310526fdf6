import { render, h } from 'preact';
import { Softphone } from './app/softphone';
import { createConsoleLogger } from './logging/logger';
import { createOpenCtiPort, findOpenCti, PANEL_HEIGHT_RANGE } from './opencti/port';
import type { SforceGlobal } from './opencti/types';
import { parseSettings } from './settings/settings';
import { DemoProvider } from './telephony/demo/demo-provider';
import type { TelephonyProvider } from './telephony/provider';
import type { ViewActions } from './ui/actions';
import { App } from './ui/app';
import { setIconAssets } from './ui/icon';

/** Composition root: builds the port, the provider, the softphone and the view. Nothing else. */

const PANEL_WIDTH = 340;

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

  // Only the demo line exists in this build; SIP joins here behind the same port.
  const provider: TelephonyProvider & Partial<DemoProvider> = new DemoProvider();
  const demo = provider instanceof DemoProvider ? provider : null;

  let rendered = false;
  let lastHeight = 0;
  const softphone: Softphone = new Softphone({ host, provider, settings, logger, onChange: () => draw() });
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
    render(h(App, { state: softphone.state, now: Date.now(), provider: provider.kind, actions }), root as HTMLElement);
    if (!rendered) {
      rendered = true;
      void host.setSoftphonePanelWidth(PANEL_WIDTH).catch((e: unknown) => logger.warn('setSoftphonePanelWidth failed', String(e)));
    }
    fitHeight();
  }

  /** The panel follows the content, within the platform's limits, so nothing scrolls inside a call. */
  function fitHeight(): void {
    const wanted = Math.ceil((root as HTMLElement).getBoundingClientRect().height) + 2;
    const height = Math.min(PANEL_HEIGHT_RANGE.max, Math.max(PANEL_HEIGHT_RANGE.min, wanted));
    if (Math.abs(height - lastHeight) < 4) return;
    lastHeight = height;
    void host.setSoftphonePanelHeight(height).catch((e: unknown) => logger.warn('setSoftphonePanelHeight failed', String(e)));
  }

  new ResizeObserver(() => fitHeight()).observe(root);
  draw();
  await softphone.start();
  draw();
}

main().catch((error: unknown) => {
  console.error('[switchboard] start-up failed', error instanceof Error ? error.message : error);
  const root = document.getElementById('softphone-root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = `Switchboard could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
});
