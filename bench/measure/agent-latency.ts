import type { Browser, Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { SEED_IDS } from '../../emulator/host/data';
import type { ReceivedCall } from '../../emulator/host/store';
import { makeRow, upTo } from '../lib/report';
import { hostCalls, hostState, lastClick, newBenchContext, waitHost, waitReady } from '../lib/session';
import type { BenchRow } from '../lib/types';

/**
 * What an agent feels, measured with the host's own receipt times (emulator `state.calls[].at`,
 * Date.now()) against click times captured in the page where the click happened (Date.now() in a
 * capture-phase listener that runs before any page handler). Both are on the same wall clock.
 */

/** The host is reset before each round, so looking a little before the click only tolerates clock rounding. */
const SKEW_MS = 20;
const C2D_ID = `c2d-${SEED_IDS.ada}-Phone`;
const INBOUND_FROM = '+1 415 555 0132'; // Ada Lovelace: one match, so the pop is a real record pop.
const emulator = (page: Page) => page.evaluateHandle(() => (window as WindowWithEmulator).emulator!);

async function firstCallAfter(
  page: Page,
  since: number,
  match: (c: ReceivedCall) => boolean,
  what: string
): Promise<ReceivedCall> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const calls = await hostCalls(page);
    const found = calls.find((c) => c.at >= since && match(c));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = calls.filter((c) => c.at >= since).map((c) => c.methodName);
      throw new Error(
        `bench: the host never received ${what} (received since the click: ${seen.join(', ') || 'nothing'})`
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function closePanel(page: Page): Promise<void> {
  if ((await hostState(page)).panel.visible) await page.locator('[data-id="utility-item"]').click();
  await waitHost(page, (s) => !s.panel.visible, 'the panel to close');
}

async function openPanel(page: Page): Promise<void> {
  if (!(await hostState(page)).panel.visible) await page.locator('[data-id="utility-item"]').click();
  await waitHost(page, (s) => s.panel.visible, 'the panel to open');
}

async function backToIdle(page: Page, phone: Frame): Promise<void> {
  await phone.locator('[data-id="softphone"][data-phase="idle"]').waitFor({ timeout: 10_000 });
  await waitHost(page, (s) => s.clickToDialEnabled, 'click-to-dial enabled again');
}

/** After a failed round: finish whatever call is up so the next round starts from idle. */
async function recover(page: Page, phone: Frame): Promise<void> {
  await openPanel(page).catch(() => undefined);
  for (const id of ['decline-button', 'hangup-button', 'save-log']) {
    const button = phone.locator(`[data-id="${id}"]`);
    if ((await button.count()) > 0) await button.click({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(100);
  }
  await backToIdle(page, phone).catch(() => undefined);
}

interface OutboundSample {
  clickToDial: number;
  /** Which host call marked "dial started" first. */
  firstSignal: string;
  saveToSaveLog: number;
}

async function outboundOnce(page: Page, phone: Frame): Promise<OutboundSample> {
  await (await emulator(page)).evaluate((emu) => emu.reset());
  await closePanel(page);
  await page.evaluate((id) => (window as WindowWithEmulator).emulator!.navigateTo(id), SEED_IDS.ada);
  const link = page.locator(`a[data-id="${C2D_ID}"]`);
  await link.click();
  const click = await lastClick(page, C2D_ID);
  const started = await firstCallAfter(
    page,
    click.at - SKEW_MS,
    (c) =>
      (c.methodName === 'setSoftphoneItemLabel' && String(c.args.label).startsWith('Calling')) ||
      c.methodName === 'disableClickToDial',
    'the dial signal (item label "Calling …" or disableClickToDial)'
  );
  await phone.locator('[data-id="call-state"][data-phase="dialing"]').waitFor({ timeout: 5000 });
  await phone.locator('[data-id="hangup-button"]').click();
  await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
  await phone.locator('[data-id="save-log"]').click();
  const save = await lastClick(phone, 'save-log');
  const saveLog = await firstCallAfter(page, save.at - SKEW_MS, (c) => c.methodName === 'saveLog', 'saveLog');
  await backToIdle(page, phone);
  return {
    clickToDial: started.at - click.at,
    firstSignal: started.methodName,
    saveToSaveLog: saveLog.at - save.at
  };
}

interface InboundSample {
  ringToSearch: number;
  declineToSaveLog: number;
}

async function inboundOnce(page: Page, phone: Frame): Promise<InboundSample> {
  await (await emulator(page)).evaluate((emu) => emu.reset());
  await openPanel(page);
  const input = phone.locator('[data-id="demo-inbound-number"]');
  if ((await input.inputValue()) !== INBOUND_FROM) await input.fill(INBOUND_FROM);
  await phone.locator('[data-id="demo-inbound-button"]').click();
  const ring = await lastClick(phone, 'demo-inbound-button');
  const search = await firstCallAfter(
    page,
    ring.at - SKEW_MS,
    (c) => c.methodName === 'searchAndScreenPop',
    'searchAndScreenPop'
  );
  // The agent sees who is calling (the search result is applied), then declines.
  await phone
    .locator(
      '[data-id="record-chosen"], [data-id="match-list"], [data-id="no-match"], [data-id="records-failed"]'
    )
    .first()
    .waitFor({ timeout: 5000 });
  await phone.locator('[data-id="decline-button"]').click();
  const decline = await lastClick(phone, 'decline-button');
  const saveLog = await firstCallAfter(
    page,
    decline.at - SKEW_MS,
    (c) => c.methodName === 'saveLog',
    'saveLog'
  );
  await backToIdle(page, phone);
  return { ringToSearch: search.at - ring.at, declineToSaveLog: saveLog.at - decline.at };
}

export async function measureAgentLatency(
  browser: Browser,
  hostUrl: string,
  repeats: number
): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostUrl);
    const phone = await waitReady(page);
    // One untimed round of each first: the first call pays for lazy work (icons, JIT) that a working agent paid long ago.
    await outboundOnce(page, phone);
    await inboundOnce(page, phone);
    const outbound: OutboundSample[] = [];
    const inbound: InboundSample[] = [];
    // A failed round is recorded and the softphone brought back to idle; too many failures fail the group.
    const errors: string[] = [];
    const attempt = async <T>(run: () => Promise<T>, into: T[]) => {
      try {
        into.push(await run());
      } catch (error) {
        errors.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
        if (errors.length > Math.max(2, Math.floor(repeats / 3)))
          throw new Error(`too many failed rounds: ${errors.join(' | ')}`);
        await recover(page, phone);
      }
    };
    for (let i = 0; i < repeats; i += 1) {
      await attempt(() => outboundOnce(page, phone), outbound);
      await attempt(() => inboundOnce(page, phone), inbound);
    }
    const signals = [...new Set(outbound.map((s) => s.firstSignal))].join(', ');
    const res = 'Date.now() resolution: 1 ms';
    return {
      rows: [
        makeRow(
          'latency.clickToDial',
          'latency',
          'click on a phone field → dial started (host sees it)',
          'ms',
          outbound.map((s) => s.clickToDial),
          upTo(30, 'ms'),
          `host click (capture listener) → first of setSoftphoneItemLabel "Calling …" / disableClickToDial at the host (was: ${signals}); ${res}`
        ),
        makeRow(
          'latency.inboundToSearch',
          'latency',
          'inbound offered → searchAndScreenPop at the host',
          'ms',
          inbound.map((s) => s.ringToSearch),
          upTo(20, 'ms'),
          `"Ring me" click in the frame → host receipt; ${res}`
        ),
        makeRow(
          'latency.declineToSaveLog',
          'latency',
          'decline (inbound) → saveLog at the host',
          'ms',
          inbound.map((s) => s.declineToSaveLog)
        ),
        makeRow(
          'latency.saveToSaveLog',
          'latency',
          'wrap-up save (outbound) → saveLog at the host',
          'ms',
          outbound.map((s) => s.saveToSaveLog)
        )
      ],
      details: { outbound, inbound, errors }
    };
  } finally {
    await context.close();
  }
}
