/**
 * Shared set-up for the emulator's browser tests: the emulator on a free port with the fixture
 * adapter page, one headless Chromium, and typed helpers to drive the fixture harness inside
 * the softphone iframe (fixtures/staticresources/Softphone_Adapter/softphone.js).
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/support/browser';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/server/server';
import type { EmulatorApi, EmulatorSnapshot } from '../../emulator/host/api';
import type { OpenCtiResponse } from '../../emulator/shared/protocol';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const fixtureOptions: EmulatorOptions = {
  port: 0,
  quiet: true,
  pagePath: `${FIXTURES}Softphone_Adapter.page`,
  staticResourceDir: `${FIXTURES}staticresources/Softphone_Adapter`,
  callCenterPath: `${FIXTURES}Switchboard.callCenter-meta.xml`
};

/** The same Chromium as every browser suite (flags and the Debian binary in one place). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface FixtureEvent {
  tag: string;
  payload: unknown;
}

/** What the fixture harness puts on the adapter window. */
export interface FixtureApi {
  events: FixtureEvent[];
  call(path: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<OpenCtiResponse>;
  tryCall(path: string, ...args: unknown[]): string | null;
  listen(path: string, tag: string): void;
  /** `hasSubscription`: the handle on the whole response; `returnValue`: what the host answered. */
  subscribe(
    channel: string,
    tag: string
  ): Promise<{ success: boolean; hasSubscription: boolean; returnValue: unknown }>;
  unsubscribe(tag: string): Promise<OpenCtiResponse>;
}

export type FixtureWindow = Window & { fixture: FixtureApi; fixtureReady?: boolean };
export type HostWindow = Window & { emulator: EmulatorApi };

export interface Session {
  page: Page;
  frame: Frame;
  /** Pages errors (uncaught exceptions) of the host page and its frames. */
  errors: string[];
  state(): Promise<EmulatorSnapshot>;
  call(path: string, args?: Record<string, unknown>): Promise<OpenCtiResponse>;
  tryCall(path: string, ...args: unknown[]): Promise<string | null>;
  events(tag: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 3000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens the host page and waits until the fixture adapter in the eager iframe is ready. */
/** Pages opened in one shared context reuse the HTTP cache (SLDS is large), which keeps tests fast. */
export async function openHost(
  context: BrowserContext,
  emulator: RunningEmulator,
  query = ''
): Promise<Session> {
  // One org per emulator run, shared by every page: each test starts from the seed data.
  emulator.org.reset();
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${emulator.hostUrl}${query}`);
  const frame = await waitFor('the softphone frame', async () =>
    page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'))
  );
  await frame.waitForFunction(() => (window as unknown as FixtureWindow).fixtureReady === true, undefined, {
    timeout: 5000
  });
  return {
    page,
    frame,
    errors,
    state: () => page.evaluate(() => (window as unknown as HostWindow).emulator.state),
    call: (path, args) =>
      frame.evaluate(([p, a]) => (window as unknown as FixtureWindow).fixture.call(p, a), [
        path,
        args ?? {}
      ] as const),
    tryCall: (path, ...args) =>
      frame.evaluate(([p, a]) => (window as unknown as FixtureWindow).fixture.tryCall(p, ...a), [
        path,
        args
      ] as const),
    events: (tag) =>
      frame.evaluate(
        (t) =>
          (window as unknown as FixtureWindow).fixture.events
            .filter((e) => e.tag === t)
            .map((e) => e.payload),
        tag
      ),
    close: () => page.close()
  };
}
