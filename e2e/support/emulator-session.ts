import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import type { Org } from '../../emulator/server/org';
import type { EmulatorSnapshot, WindowWithEmulator } from '../../emulator/host/api';
import { launchChromium } from './browser';

export const ARTIFACTS = join(process.cwd(), 'e2e/artifacts');

/**
 * One emulator + one browser for a test file. The emulator has one org, shared by every page (as
 * every tab of one Salesforce org); each `newPage` resets it to the seed data, so each test starts
 * from a clean org — tests of one file run one after the other.
 */
export class EmulatorSession {
  private emulator: RunningEmulator | null = null;
  private browser: Browser | null = null;

  /** Chromium flags on top of CHROMIUM_FLAGS (e.g. to block site data for a test file). */
  constructor(private readonly extraFlags: string[] = []) {}

  async open(): Promise<void> {
    // E2E_STATIC_RESOURCE_DIR runs the suites against another build of the adapter (e.g. one from before
    // a fix, to see a fault-matrix row fail: docs/reliability.md).
    const otherBuild = process.env['E2E_STATIC_RESOURCE_DIR'];
    this.emulator = await startEmulator({
      port: 0,
      quiet: true,
      ...(otherBuild ? { staticResourceDir: otherBuild } : {})
    });
    this.browser = await launchChromium(this.extraFlags);
    mkdirSync(ARTIFACTS, { recursive: true });
  }

  /** The server's org: what Salesforce holds, whichever tab wrote it. */
  get org(): Org {
    if (!this.emulator) throw new Error('session not open');
    return this.emulator.org;
  }

  get hostUrl(): string {
    if (!this.emulator) throw new Error('session not open');
    return this.emulator.hostUrl;
  }

  get adapterOrigin(): string {
    if (!this.emulator) throw new Error('session not open');
    return this.emulator.adapterOrigin;
  }

  get chromium(): Browser {
    if (!this.browser) throw new Error('session not open');
    return this.browser;
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.emulator?.close();
  }

  /** A second tab in the same browser profile as `page` (shared storage and locks). */
  async newPageInSameContext(page: Page): Promise<Page> {
    const second = await page.context().newPage();
    await second.goto(page.url());
    return second;
  }

  /** Opens the Lightning stand-in and waits until the softphone has initialised and enabled click-to-dial. */
  async newPage(
    query = '',
    options: { keepOrg?: boolean; context?: BrowserContext } = {}
  ): Promise<{ page: Page; phone: Frame; errors: string[] }> {
    if (!this.browser || !this.emulator) throw new Error('session not open');
    if (options.keepOrg !== true) this.emulator.org.reset();
    const context =
      options.context ?? (await this.browser.newContext({ viewport: { width: 1280, height: 860 } }));
    const page = await context.newPage();
    // The context goes with its last page (a test may open a second tab in it).
    context.on('page', (p) => p.on('close', () => closeIfEmpty(p)));
    page.on('close', () => closeIfEmpty(page));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(this.emulator.hostUrl + query);
    const phone = await page
      .waitForFunction(
        () => {
          const s = (window as WindowWithEmulator).emulator?.state;
          return s?.initialized === true && s.clickToDialEnabled === true;
        },
        undefined,
        { timeout: 15_000 }
      )
      .then(() => page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter')))
      .catch(async (err: unknown) => {
        const frame = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
        const shows = frame
          ? (
              (await frame
                .locator('body')
                .textContent()
                .catch(() => '')) ?? ''
            )
              .replace(/\s+/g, ' ')
              .slice(0, 300)
          : '(no softphone frame)';
        throw new Error(
          `the softphone did not initialise and turn click-to-dial on within 15 s; it shows: ${shows} (${String(err).split('\n')[0]})`
        );
      });
    if (!phone) throw new Error('softphone frame not found');
    return { page, phone, errors };
  }
}

export { type Page };

function closeIfEmpty(page: Page): void {
  const context = page.context();
  if (context.pages().length === 0) void context.close().catch(() => undefined);
}

export function hostState(page: Page): Promise<EmulatorSnapshot> {
  return page.evaluate(() => (window as WindowWithEmulator).emulator!.state);
}

/** Polls the host state until `check` holds (bounded), returning the state that satisfied it. */
export async function waitForHost(
  page: Page,
  check: (s: EmulatorSnapshot) => boolean,
  what: string,
  timeoutMs = 10_000
): Promise<EmulatorSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: EmulatorSnapshot | null = null;
  while (Date.now() < deadline) {
    last = await hostState(page);
    if (check(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `timed out waiting for ${what}; last host state: ${JSON.stringify({ item: last?.item, panel: last?.panel, tasks: last?.tasks?.length })}`
  );
}

/** Opens the Phone utility panel the way an agent does: by clicking the utility item. */
export async function openPhone(page: Page): Promise<void> {
  if (!(await hostState(page)).panel.visible) await page.locator('[data-id="utility-item"]').click();
  await waitForHost(page, (s) => s.panel.visible, 'the phone panel to open');
}

/**
 * Waits until the phone panel has stopped resizing. The panel grows upwards as the softphone's content
 * grows (as in Lightning), so a button can move between "visible" and the click; agents see the same.
 */
export async function settle(page: Page, quietMs = 120, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = (await hostState(page)).panel.height;
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(30);
    const height = (await hostState(page)).panel.height;
    if (height !== last) {
      last = height;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/** Clicks in the softphone once the panel holds still. */
export async function tap(page: Page, phone: Frame, selector: string): Promise<void> {
  await phone.locator(selector).first().waitFor({ timeout: 5000 });
  await settle(page);
  await phone.locator(selector).first().click();
}

export function phoneState(phone: Frame): Promise<string | null> {
  return phone.locator('[data-id="softphone"]').getAttribute('data-phase');
}

/**
 * How long a row waits, after its Task is there, before counting again: longer than the adapter's
 * lease (8 s) plus the first retry's backoff (2 s + 20 % jitter), so a send the adapter wrongly takes
 * for lost, or a retry of it, has had time to write a second Task.
 */
export const SETTLE_MS = 12_000;

/** The Tasks in the server's org, by CallObject. */
export function tasksByCall(org: Org): Map<string, string[]> {
  const byCall = new Map<string, string[]>();
  for (const task of org.tasks()) {
    const key = String(task.fields.CallObject ?? '(no CallObject)');
    byCall.set(key, [...(byCall.get(key) ?? []), task.Id]);
  }
  return byCall;
}

/**
 * Waits SETTLE_MS, then counts in the server's org — not in a snapshot a wait already returned:
 * exactly `calls` calls have a Task, and each has exactly one.
 */
export async function assertOneTaskPerCallAfterSettle(
  org: Org,
  calls: number,
  settleMs = SETTLE_MS
): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const byCall = tasksByCall(org);
  const disposition = (id: string): string =>
    String(org.tasks().find((t) => t.Id === id)?.fields.CallDisposition ?? '');
  const duplicated = [...byCall]
    .filter(([, ids]) => ids.length > 1)
    .map(([call, ids]) => `${call} ×${ids.length} (${ids.map(disposition).join(', ')})`);
  const sends = (): string =>
    JSON.stringify(org.saveLogRequests().map((r) => `${r.callObject ?? '?'}: ${r.outcome}`));
  if (duplicated.length > 0)
    throw new Error(
      `duplicate Tasks after ${settleMs} ms: ${duplicated.join(', ')}; saveLogs the org received: ${sends()}`
    );
  if (byCall.size !== calls)
    throw new Error(
      `expected ${calls} call(s) with a Task after ${settleMs} ms, found ${byCall.size}: ${[...byCall.keys()].join(', ')}; saveLogs the org received: ${sends()}`
    );
}
