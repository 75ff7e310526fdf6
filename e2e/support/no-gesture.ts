import type { CDPSession, Frame, Page } from 'playwright-core';
import type { EmulatorSnapshot } from '../../emulator/host/api';

/**
 * Reading and driving a page without giving it a user gesture. Every Playwright evaluate (and every
 * locator read) runs with `userGesture: true`, which gives the frame sticky user activation — and the
 * softphone's iframe (`allow="autoplay"`) inherits its parent's. A test of the autoplay policy must see
 * the page as an agent who has not touched it yet, so it goes through CDP's Runtime.evaluate, whose
 * `userGesture` is false unless asked.
 */
export class NoGesture {
  private constructor(
    private readonly top: CDPSession,
    private readonly frame: CDPSession
  ) {}

  /** The softphone frame is cross-site to the host page (127.0.0.1 vs localhost), so it has its own session. */
  static async attach(page: Page, phone: Frame): Promise<NoGesture> {
    const context = page.context();
    return new NoGesture(await context.newCDPSession(page), await context.newCDPSession(phone));
  }

  inTop<T>(expression: string): Promise<T> {
    return evaluate<T>(this.top, expression);
  }

  inPhone<T>(expression: string): Promise<T> {
    return evaluate<T>(this.frame, expression);
  }

  host(): Promise<EmulatorSnapshot> {
    return this.inTop<EmulatorSnapshot>('window.emulator.state');
  }

  /** Polls `check` (bounded) and returns the last value that passed it. */
  async waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (check(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
  }

  async detach(): Promise<void> {
    await this.top.detach().catch(() => undefined);
    await this.frame.detach().catch(() => undefined);
  }
}

async function evaluate<T>(session: CDPSession, expression: string): Promise<T> {
  const result = await session.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
    userGesture: false
  });
  if (result.exceptionDetails)
    throw new Error(
      `${expression}: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`
    );
  return result.result.value as T;
}

/** Opens the emulator and waits for the softphone to start, reading only through CDP (no gesture given). */
export async function openWithoutGesture(
  page: Page,
  hostUrl: string
): Promise<{ phone: Frame; cdp: NoGesture }> {
  await page.goto(hostUrl);
  let phone: Frame | undefined;
  const deadline = Date.now() + 15_000;
  while (!phone && Date.now() < deadline) {
    phone = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
    if (!phone) await page.waitForTimeout(50);
  }
  if (!phone) throw new Error('softphone frame not found');
  await phone.waitForLoadState('load');
  const cdp = await NoGesture.attach(page, phone);
  await cdp.waitFor(
    () =>
      cdp.inTop<boolean>(
        '(() => { const s = window.emulator?.state; return s?.initialized === true && s.clickToDialEnabled === true; })()'
      ),
    (ready) => ready,
    'the softphone to initialise'
  );
  return { phone, cdp };
}
