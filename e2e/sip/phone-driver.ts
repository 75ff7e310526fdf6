import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EndCause, ProviderEvent } from '../../adapter/src/telephony/provider';
import type { SipConfig } from '../../adapter/src/telephony/sip/sip-config';
import type { CallMedia, SipHarnessApi, TimedEvent } from './harness/harness-api';

type Harness = { sipHarness: SipHarnessApi };
type EventMatch = Partial<Record<string, string | boolean>> & { type: ProviderEvent['type'] };

/** Test-side handle on one softphone page (its own browser context, so its own mic and storage). */
export class Phone {
  private constructor(
    readonly user: string,
    private readonly context: BrowserContext,
    private readonly page: Page
  ) {}

  static async open(browser: Browser, pageUrl: string, user: string): Promise<Phone> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl, { timeout: 10_000 });
    return new Phone(user, context, page);
  }

  start(config: SipConfig): Promise<string | null> {
    return this.page.evaluate((c) => (window as unknown as Harness).sipHarness.start(c), config);
  }

  async stop(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as Harness).sipHarness.stop());
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  dial(callId: string, number: string) {
    return this.page.evaluate(([id, n]) => (window as unknown as Harness).sipHarness.dial(id, n), [
      callId,
      number
    ] as const);
  }
  answer(callId: string) {
    return this.page.evaluate((id) => (window as unknown as Harness).sipHarness.answer(id), callId);
  }
  decline(callId: string) {
    return this.page.evaluate((id) => (window as unknown as Harness).sipHarness.decline(id), callId);
  }
  hangup(callId: string) {
    return this.page.evaluate((id) => (window as unknown as Harness).sipHarness.hangup(id), callId);
  }
  setHold(callId: string, held: boolean) {
    return this.page.evaluate(([id, h]) => (window as unknown as Harness).sipHarness.setHold(id, h), [
      callId,
      held
    ] as const);
  }
  setMute(callId: string, muted: boolean) {
    return this.page.evaluate(([id, m]) => (window as unknown as Harness).sipHarness.setMute(id, m), [
      callId,
      muted
    ] as const);
  }
  sendDtmf(callId: string, tones: string) {
    return this.page.evaluate(([id, t]) => (window as unknown as Harness).sipHarness.sendDtmf(id, t), [
      callId,
      tones
    ] as const);
  }
  transfer(callId: string, target: string) {
    return this.page.evaluate(([id, t]) => (window as unknown as Harness).sipHarness.transfer(id, t), [
      callId,
      target
    ] as const);
  }
  media(callId: string): Promise<CallMedia | null> {
    return this.page.evaluate((id) => (window as unknown as Harness).sipHarness.media(id), callId);
  }
  events(): Promise<TimedEvent[]> {
    return this.page.evaluate(() => (window as unknown as Harness).sipHarness.events);
  }
  dtmfReceived(): Promise<Array<{ callId: string; tone: string }>> {
    return this.page.evaluate(() => (window as unknown as Harness).sipHarness.dtmfReceived);
  }
  dtmfSent(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as Harness).sipHarness.dtmfSent);
  }

  /** First event (after `since`, a timestamp) whose fields all equal `match`; bounded wait. */
  async waitEvent<T extends ProviderEvent['type']>(
    match: EventMatch & { type: T },
    timeoutMs = 5000,
    since = 0
  ): Promise<Extract<TimedEvent, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.events()).find(
        (event) =>
          event.at >= since &&
          Object.entries(match).every(([key, value]) => (event as Record<string, unknown>)[key] === value)
      );
      if (found) return found as Extract<TimedEvent, { type: T }>;
      if (Date.now() > deadline) {
        throw new Error(
          `${this.user}: no event ${JSON.stringify(match)} within ${timeoutMs} ms; saw ${JSON.stringify(await this.events())}`
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async waitEnded(callId: string, cause: EndCause, timeoutMs = 5000) {
    const ended = await this.waitEvent({ type: 'ended', callId }, timeoutMs);
    if (ended.cause !== cause)
      throw new Error(
        `${this.user}: call ${callId} ended with ${ended.cause} (${ended.detail ?? ''}), expected ${cause}`
      );
    return ended;
  }

  /** Polls getStats until `ok` holds; bounded. */
  async waitMedia(
    callId: string,
    what: string,
    ok: (media: CallMedia) => boolean,
    timeoutMs = 5000
  ): Promise<CallMedia> {
    const deadline = Date.now() + timeoutMs;
    let last: CallMedia | null = null;
    for (;;) {
      last = await this.media(callId);
      if (last && ok(last)) return last;
      if (Date.now() > deadline)
        throw new Error(
          `${this.user}: ${what} not reached within ${timeoutMs} ms; last media ${JSON.stringify(last)}`
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface PhoneConfigOptions {
  password?: string;
  dtmfTransport?: SipConfig['dtmfTransport'];
}

export function phoneConfig(webSocketUrl: string, user: string, options: PhoneConfigOptions = {}): SipConfig {
  const config: SipConfig = {
    webSocketUrl,
    sipUri: `sip:${user}@127.0.0.1`,
    iceServers: [],
    registerExpires: 300,
    iceGatheringTimeoutMs: 2000,
    // Short, explicit backoff so the recovery test stays fast: retry after 1 s, never wait more than 2 s.
    reconnect: { minIntervalSeconds: 1, maxIntervalSeconds: 2 },
    startTimeoutMs: 5000
  };
  if (options.password !== undefined) config.password = options.password;
  if (options.dtmfTransport) config.dtmfTransport = options.dtmfTransport;
  return config;
}
