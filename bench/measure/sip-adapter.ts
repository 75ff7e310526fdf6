import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import type { CustomerApi } from '../../emulator/customer/main';
import { SEED_IDS } from '../../emulator/host/data';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { CUSTOMER_USER, sipModeUrls } from '../../emulator/server/sip-mode';
import { startKamailio, type Kamailio } from '../../e2e/support/kamailio';
import { NAME_SHIM } from '../lib/session';
import type { BareJsSipApi, BareCallTimes } from '../baseline/bare-jssip-phone';
import { serveBareJsSipPage, type BareJsSipPage } from '../baseline/serve-bare-jssip';
import type { SipPath, SipSample } from './sip';

type BareWindow = Window & { bareJsSip: BareJsSipApi; __bareResult?: BareCallTimes | string };
type Probe = Window & {
  __benchWs?: Array<{ at: number; line: string }>;
  __benchPhase?: Array<{ at: number; phase: string }>;
};

/**
 * In every frame: timestamp each SIP request as it is handed to the WebSocket, and every softphone
 * phase change as it reaches the DOM. Date.now(): the click is timed in the host page, another process.
 */
function probe(): void {
  const w = window as unknown as Probe;
  w.__benchWs = [];
  w.__benchPhase = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (
    this: WebSocket,
    data: string | ArrayBufferLike | Blob | ArrayBufferView
  ) {
    if (typeof data === 'string') {
      const log = w.__benchWs as Array<{ at: number; line: string }>;
      log.push({ at: Date.now(), line: data.slice(0, data.indexOf('\r\n')) });
      if (log.length > 200) log.splice(0, 100);
    }
    return send.call(this, data);
  };
  const watch = () => {
    const root = document.getElementById('softphone-root');
    if (!root) return;
    new MutationObserver(() => {
      const phase = root.querySelector('[data-id="softphone"]')?.getAttribute('data-phase');
      const log = w.__benchPhase as Array<{ at: number; phase: string }>;
      if (phase && log.at(-1)?.phase !== phase) log.push({ at: Date.now(), phase });
      if (log.length > 200) log.splice(0, 100);
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-phase'], childList: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
}

/**
 * The agent's real softphone in the emulator in SIP mode, dialling the customer phone page by a
 * click-to-dial on Ada Lovelace (the customer registers as her number); the customer answers on offer.
 */
export class AdapterSipPath implements SipPath {
  readonly label = 'adapter in the emulator';
  private kamailio: Kamailio | null = null;
  private emulator: RunningEmulator | null = null;
  private contexts: BrowserContext[] = [];
  private agent: Page | null = null;
  private phone: Frame | null = null;
  private customer: Page | null = null;
  private barePage: BareJsSipPage | null = null;
  private bare: Page | null = null;

  constructor(private readonly browser: Browser) {}

  async setup(): Promise<void> {
    this.kamailio = await startKamailio();
    this.emulator = await startEmulator({ port: 0, quiet: true });
    const urls = sipModeUrls(this.emulator.hostUrl, this.kamailio.webSocketUrl);
    const open = async (url: string): Promise<Page> => {
      const context = await this.browser.newContext({ viewport: { width: 1280, height: 860 } });
      await context.addInitScript(NAME_SHIM);
      await context.addInitScript(probe);
      this.contexts.push(context);
      const page = await context.newPage();
      await page.goto(url, { timeout: 10_000 });
      return page;
    };
    this.customer = await open(`${urls.customerUrl}&autoAnswer=1`);
    await this.customer.waitForFunction(
      () => (window as unknown as { customer: CustomerApi }).customer.state.registration === 'registered',
      undefined,
      { timeout: 10_000 }
    );
    this.agent = await open(urls.agentUrl);
    await this.agent.waitForFunction(
      () => (window as WindowWithEmulator).emulator?.state.initialized === true,
      undefined,
      { timeout: 15_000 }
    );
    this.phone = this.agent.frames().find((f) => f.url().includes('/apex/Softphone_Adapter')) ?? null;
    if (!this.phone) throw new Error('softphone frame not found');
    await this.agent.locator('[data-id="utility-item"]').click();
    await this.phone.locator('[data-id="sip-user"]').fill('agent');
    await this.phone.locator('[data-id="sip-password"]').fill('bench');
    await this.phone.locator('[data-id="sip-login-button"]').click();
    await this.agent.waitForFunction(
      () => (window as WindowWithEmulator).emulator?.state.clickToDialEnabled === true,
      undefined,
      { timeout: 15_000 }
    );
    await this.agent.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
    // The baseline caller: JsSIP alone, on its own loopback page (no emulator), same Kamailio, same customer.
    this.barePage = await serveBareJsSipPage();
    this.bare = await open(this.barePage.url(this.kamailio.webSocketUrl, '127.0.0.1', 'bare'));
    await this.bare.waitForFunction(() => (window as unknown as BareWindow).bareJsSip.registered, undefined, {
      timeout: 10_000
    });
  }

  /** Polls the customer page until the call's first inbound audio bytes; Date.now() of that moment. */
  private customerAudioAt(): Promise<number> {
    return (this.customer as Page).evaluate(async (deadline) => {
      const api = (window as unknown as { customer: CustomerApi }).customer;
      while (Date.now() < deadline) {
        if ((await api.audioBytes()).received > 0) return Date.now();
        await new Promise((r) => setTimeout(r, 5));
      }
      return Number.NaN;
    }, Date.now() + 10_000);
  }

  /** One call from the bare JsSIP page to the customer, timed like call(): t0 is the dial, audio at the customer. */
  async baselineCall(): Promise<SipSample> {
    const bare = this.bare as Page;
    const customer = this.customer as Page;
    const t0 = await bare.evaluate((target) => {
      const w = window as unknown as BareWindow;
      delete w.__bareResult;
      const at = Date.now();
      w.bareJsSip.call(target, 10_000).then(
        (r) => (w.__bareResult = r),
        (e: unknown) => (w.__bareResult = String(e))
      );
      return at;
    }, CUSTOMER_USER);
    const audioAt = await this.customerAudioAt();
    const result = await bare
      .waitForFunction(() => (window as unknown as BareWindow).__bareResult ?? null, undefined, {
        timeout: 10_000,
        polling: 10
      })
      .then((h) => h.jsonValue());
    if (typeof result === 'string' || result === null) throw new Error(`bare JsSIP call: ${String(result)}`);
    if ([result.invite, audioAt].some(Number.isNaN))
      throw new Error(`bare JsSIP call incomplete (invite ${result.invite}, audio ${audioAt})`);
    await bare.evaluate(() => (window as unknown as BareWindow).bareJsSip.hangup());
    await customer.waitForFunction(
      () => (window as unknown as { customer: CustomerApi }).customer.state.call?.state === 'ended',
      undefined,
      { timeout: 10_000, polling: 20 }
    );
    return {
      dialToInvite: result.invite - t0,
      inviteToConfirmed: result.confirmed - result.invite,
      inviteToAudio: audioAt - result.invite
    };
  }

  async call(): Promise<SipSample> {
    const agent = this.agent as Page;
    const phone = this.phone as Frame;
    const customer = this.customer as Page;
    const t0 = await agent.evaluate((id) => {
      const at = Date.now();
      (window as WindowWithEmulator).emulator!.clickToDial(id, 'Phone');
      return at;
    }, SEED_IDS.ada);
    const audioAt = await this.customerAudioAt();
    const [ws, phases] = await phone.evaluate(
      () =>
        [
          (window as unknown as Probe).__benchWs ?? [],
          (window as unknown as Probe).__benchPhase ?? []
        ] as const
    );
    const invite = ws.find((m) => m.at >= t0 && m.line.startsWith('INVITE '))?.at ?? Number.NaN;
    const confirmed = phases.find((p) => p.at >= t0 && p.phase === 'connected')?.at ?? Number.NaN;
    if ([invite, confirmed, audioAt].some(Number.isNaN))
      throw new Error(
        `adapter SIP call incomplete (invite ${invite}, connected ${confirmed}, audio ${audioAt})`
      );
    await phone.locator('[data-id="hangup-button"]').click();
    await phone.locator('[data-id="save-log"]').click();
    await phone.locator('[data-id="dial-input"]').waitFor({ timeout: 10_000 });
    await customer.waitForFunction(
      () => (window as unknown as { customer: CustomerApi }).customer.state.call?.state === 'ended',
      undefined,
      { timeout: 10_000, polling: 20 }
    );
    return {
      dialToInvite: invite - t0,
      inviteToConfirmed: confirmed - invite,
      inviteToAudio: audioAt - invite
    };
  }

  async teardown(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.barePage?.close();
    await this.emulator?.close();
    await this.kamailio?.stop();
  }
}
