import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SipHarnessApi, TimedEvent } from '../../e2e/sip/harness/harness-api';
import { phoneConfig } from '../../e2e/sip/phone-driver';
import { startKamailio, type Kamailio } from '../../e2e/support/kamailio';
import { serveSipTestPage, type SipTestPage } from '../../e2e/support/sip-test-page';
import { makeRow, ratioRow, upTo } from '../lib/report';
import { NAME_SHIM } from '../lib/session';
import type { BenchRow } from '../lib/types';
import { AdapterSipPath } from './sip-adapter';

/**
 * SIP call set-up timings. Two paths share one sample shape so the rows stay comparable:
 *  - `provider`: the SIP provider alone (e2e/sip/harness) in two browser pages, through Kamailio on loopback;
 *  - `adapter`: the agent's real softphone in the emulator in SIP mode, dialled by a click-to-dial,
 *    against the customer phone page (sip-adapter.ts).
 * All times are taken in the caller's page (timeOrigin + performance.now(), one document).
 */
export interface SipSample {
  /** dial() (provider) or the click (adapter) → the INVITE leaves on the WebSocket. */
  dialToInvite: number;
  /** INVITE sent → call confirmed (JsSIP `confirmed`/`accepted` → provider `connected`); the callee answers as soon as it is offered the call. */
  inviteToConfirmed: number;
  /** INVITE sent → first inbound RTP audio bytes in getStats (polled every 5 ms). */
  inviteToAudio: number;
}

export interface SipPath {
  readonly label: string;
  setup(): Promise<void>;
  call(index: number): Promise<SipSample>;
  teardown(): Promise<void>;
  /** The same call made by a bare JsSIP page (no adapter) to the same callee; paths that have one interleave it. */
  baselineCall?(): Promise<SipSample>;
}

type HarnessWindow = Window & { sipHarness: SipHarnessApi; __benchWs?: Array<{ at: number; line: string }> };

/** Wraps WebSocket.prototype.send in the page so outgoing SIP requests are timestamped as they hit the socket. */
function hookWebSocket(): void {
  const w = window as unknown as HarnessWindow;
  w.__benchWs = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (
    this: WebSocket,
    data: string | ArrayBufferLike | Blob | ArrayBufferView
  ) {
    if (typeof data === 'string') {
      const log = w.__benchWs as Array<{ at: number; line: string }>;
      log.push({ at: performance.timeOrigin + performance.now(), line: data.slice(0, data.indexOf('\r\n')) });
      if (log.length > 100) log.splice(0, 50);
    }
    return send.call(this, data);
  };
}

/** In the callee's page: answer every incoming call the moment the provider reports it. */
function autoAnswer(): void {
  const h = (window as unknown as HarnessWindow).sipHarness;
  const events = h.events;
  const push = events.push.bind(events);
  events.push = (...items: TimedEvent[]) => {
    const n = push(...items);
    for (const e of items) if (e.type === 'incoming') h.answer(e.callId);
    return n;
  };
}

/** In the caller's page: dial, then watch the socket, the provider events and getStats until audio arrives. */
async function timedCall(args: {
  callId: string;
  target: string;
  timeoutMs: number;
}): Promise<{ t0: number; invite: number; confirmed: number; audio: number } | string> {
  const w = window as unknown as HarnessWindow;
  const now = () => performance.timeOrigin + performance.now();
  const t0 = now();
  w.sipHarness.dial(args.callId, args.target);
  let invite = Number.NaN;
  let confirmed = Number.NaN;
  let audio = Number.NaN;
  while (now() - t0 < args.timeoutMs) {
    if (Number.isNaN(invite))
      invite = w.__benchWs?.find((m) => m.at >= t0 && m.line.startsWith('INVITE '))?.at ?? Number.NaN;
    if (Number.isNaN(confirmed))
      confirmed =
        w.sipHarness.events.find((e) => e.at >= t0 && e.type === 'connected' && e.callId === args.callId)
          ?.at ?? Number.NaN;
    const ended = w.sipHarness.events.find(
      (e) => e.at >= t0 && e.type === 'ended' && e.callId === args.callId
    );
    if (ended) return `call ended early: ${JSON.stringify(ended)}`;
    if (Number.isNaN(audio)) {
      const media = await w.sipHarness.media(args.callId).catch(() => null);
      if (media && media.bytesReceived > 0) audio = now();
    }
    if (!Number.isNaN(invite) && !Number.isNaN(confirmed) && !Number.isNaN(audio))
      return { t0, invite, confirmed, audio };
    await new Promise((r) => setTimeout(r, 5));
  }
  return `timed out after ${args.timeoutMs} ms (invite ${invite}, confirmed ${confirmed}, audio ${audio})`;
}

async function waitEnded(page: Page, callId: string, timeoutMs = 5000): Promise<void> {
  await page.waitForFunction(
    (id) =>
      (window as unknown as HarnessWindow).sipHarness.events.some(
        (e) => e.type === 'ended' && e.callId === id
      ),
    callId,
    { timeout: timeoutMs, polling: 20 }
  );
}

export class ProviderSipPath implements SipPath {
  readonly label = 'provider level';
  private kamailio: Kamailio | null = null;
  private testPage: SipTestPage | null = null;
  private contexts: BrowserContext[] = [];
  private caller: Page | null = null;
  private callee: Page | null = null;

  constructor(private readonly browser: Browser) {}

  async setup(): Promise<void> {
    this.kamailio = await startKamailio();
    this.testPage = await serveSipTestPage();
    const open = async (user: string): Promise<Page> => {
      const context = await this.browser.newContext();
      await context.addInitScript(NAME_SHIM);
      this.contexts.push(context);
      const page = await context.newPage();
      await page.goto((this.testPage as SipTestPage).url, { timeout: 10_000 });
      const error = await page.evaluate(
        (c) => (window as unknown as HarnessWindow).sipHarness.start(c),
        phoneConfig((this.kamailio as Kamailio).webSocketUrl, user)
      );
      if (error !== null) throw new Error(`${user} could not register: ${error}`);
      return page;
    };
    this.caller = await open('alice');
    this.callee = await open('bob');
    await this.caller.evaluate(hookWebSocket);
    await this.callee.evaluate(autoAnswer);
  }

  async call(index: number): Promise<SipSample> {
    const caller = this.caller as Page;
    const callee = this.callee as Page;
    const callId = `bench-${index}`;
    const result = await caller.evaluate(timedCall, { callId, target: 'bob', timeoutMs: 10_000 });
    if (typeof result === 'string') throw new Error(`SIP call ${callId}: ${result}`);
    await caller.evaluate((id) => (window as unknown as HarnessWindow).sipHarness.hangup(id), callId);
    await waitEnded(caller, callId);
    const incoming = await callee.evaluate(
      () =>
        (window as unknown as HarnessWindow).sipHarness.events.filter((e) => e.type === 'incoming').at(-1)
          ?.callId ?? null
    );
    if (incoming) await waitEnded(callee, incoming);
    return {
      dialToInvite: result.invite - result.t0,
      inviteToConfirmed: result.confirmed - result.invite,
      inviteToAudio: result.audio - result.invite
    };
  }

  async teardown(): Promise<void> {
    for (const page of [this.caller, this.callee])
      await page
        ?.evaluate(() => (window as unknown as HarnessWindow).sipHarness.stop())
        .catch(() => undefined);
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.testPage?.close();
    await this.kamailio?.stop();
  }
}

export const SIP_PATHS: Record<'provider' | 'adapter', ((browser: Browser) => SipPath) | null> = {
  provider: (browser) => new ProviderSipPath(browser),
  adapter: (browser) => new AdapterSipPath(browser)
};

export async function measureSip(
  browser: Browser,
  calls: number,
  pathName: 'provider' | 'adapter'
): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const factory = SIP_PATHS[pathName];
  if (!factory) throw new Error(`SIP path "${pathName}" is not implemented yet (bench/measure/sip.ts)`);
  const path = factory(browser);
  const samples: SipSample[] = [];
  const baseline: SipSample[] = [];
  try {
    await path.setup();
    await path.call(0); // untimed: the first call pays for getUserMedia, codecs, JIT
    await path.baselineCall?.();
    // Interleaved, baseline first on odd calls, so load drift hits both alike.
    for (let i = 1; i <= calls; i += 1) {
      if (path.baselineCall && i % 2 === 1) baseline.push(await path.baselineCall());
      samples.push(await path.call(i));
      if (path.baselineCall && i % 2 === 0) baseline.push(await path.baselineCall());
    }
  } finally {
    await path.teardown();
  }
  const tag = `(${path.label})`;
  const note =
    pathName === 'adapter'
      ? 'the softphone in the emulator (SIP mode) and the customer page through Kamailio on 127.0.0.1; the customer answers on offer; click timed in the host page'
      : 'two Chromium pages through Kamailio on 127.0.0.1, callee answers on offer; times in the caller page';
  const of = (list: SipSample[], key: keyof SipSample) => list.map((s) => s[key]);
  const rows = [
    makeRow(
      'sip.dialToInvite',
      'sip',
      `SIP click → INVITE on the wire ${tag}`,
      'ms',
      of(samples, 'dialToInvite'),
      pathName === 'adapter' ? upTo(30, 'ms') : null,
      `${note}; "on the wire" = WebSocket.send of the INVITE`
    ),
    makeRow(
      'sip.inviteToConfirmed',
      'sip',
      `SIP INVITE → confirmed ${tag}`,
      'ms',
      of(samples, 'inviteToConfirmed')
    ),
    makeRow(
      'sip.inviteToAudio',
      'sip',
      `SIP INVITE → first audio bytes ${tag}`,
      'ms',
      of(samples, 'inviteToAudio'),
      null,
      'first inbound-rtp audio bytesReceived > 0 (getStats polled every 5 ms)'
    )
  ];
  if (baseline.length > 0) {
    rows.push(
      makeRow(
        'sip.bare.dialToInvite',
        'sip',
        'baseline: bare JsSIP call() → INVITE on the wire',
        'ms',
        of(baseline, 'dialToInvite'),
        null,
        'bench/baseline/bare-jssip-phone.ts: JsSIP alone on its own page, same Kamailio, same customer page; plain JsSIP waits for ICE gathering to complete'
      ),
      makeRow(
        'sip.bare.inviteToConfirmed',
        'sip',
        'baseline: bare JsSIP INVITE → confirmed',
        'ms',
        of(baseline, 'inviteToConfirmed'),
        null,
        "JsSIP `accepted` (200 OK) in the bare page; Switchboard's is the softphone showing Connected"
      ),
      makeRow(
        'sip.bare.inviteToAudio',
        'sip',
        'baseline: bare JsSIP INVITE → first audio bytes',
        'ms',
        of(baseline, 'inviteToAudio'),
        null,
        'first audio bytes at the customer page, as for Switchboard'
      ),
      ratioRow(
        'sip.confirmedRatio',
        'sip',
        'INVITE → confirmed, Switchboard ÷ bare JsSIP',
        of(samples, 'inviteToConfirmed'),
        of(baseline, 'inviteToConfirmed'),
        1.1
      ),
      ratioRow(
        'sip.audioRatio',
        'sip',
        'INVITE → first audio, Switchboard ÷ bare JsSIP',
        of(samples, 'inviteToAudio'),
        of(baseline, 'inviteToAudio'),
        1.1
      )
    );
  }
  return { rows, details: { path: pathName, samples, baseline } };
}
