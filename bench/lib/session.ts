import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Frame,
  type Page
} from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../e2e/support/browser';
import type { EmulatorSnapshot, WindowWithEmulator } from '../../emulator/host/api';
import type { ReceivedCall } from '../../emulator/host/store';

/** The e2e flags plus what memory measurements need: `gc()` in every frame and unquantised performance.memory. */
export const BENCH_FLAGS = [...CHROMIUM_FLAGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'];

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: BENCH_FLAGS,
    timeout: 20_000
  });
}

export const ADAPTER_PATH = '/apex/Softphone_Adapter';

/** What the init script leaves on `window.__bench` in the host page and in the softphone frame. */
export interface BenchProbe {
  /**
   * This document's navigation start on the Date.now() clock (Date.now() − performance.now()).
   * Everything compared across processes uses Date.now(): performance.timeOrigin is derived from a
   * per-process monotonic clock and can be tens of ms off between the host and the frame's renderer.
   */
  timeOrigin: number;
  /** Date.now() when the softphone's status badge first said Ready (frame only). */
  readyAt: number | null;
  /** Every click, captured on window in the capture phase before any page handler runs. */
  clicks: Array<{ at: number; precise: number; id: string | null }>;
  /** Main-thread tasks over 50 ms, [startTime, duration] in this document's performance.now() ms (first 50). */
  longTasks: Array<[number, number]>;
  /** Each distinct text of the softphone's status badge, with Date.now() (frame only, until Ready). */
  statusLog: Array<[string, number]>;
}
type BenchWindow = Window & { __bench?: BenchProbe };

/**
 * Installed with context.addInitScript, so it runs in the host page and in the (cross-origin) softphone
 * frame before their own scripts. Timestamps: `at` is Date.now() (same clock as the emulator's
 * `state.calls[].at`, comparable across processes), `precise` is timeOrigin + performance.now() (same document only).
 */
export function benchProbe(adapterPath: string): void {
  const probe: BenchProbe = {
    timeOrigin: Date.now() - performance.now(),
    readyAt: null,
    clicks: [],
    longTasks: [],
    statusLog: []
  };
  (window as BenchWindow).__bench = probe;
  window.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('[data-id]') : null;
      probe.clicks.push({
        at: Date.now(),
        precise: performance.timeOrigin + performance.now(),
        id: target?.getAttribute('data-id') ?? null
      });
      if (probe.clicks.length > 200) probe.clicks.splice(0, 100);
    },
    true
  );
  // Long tasks never reach the performance timeline buffer; only an observer sees them.
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries())
        if (probe.longTasks.length < 50) probe.longTasks.push([t.startTime, t.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: the breakdown just has no long tasks.
  }
  if (!location.pathname.startsWith(adapterPath)) return;
  const observer = new MutationObserver(() => {
    const status = document.querySelector('[data-id="status"]');
    const text = status?.textContent?.trim() ?? '';
    if (text !== '' && probe.statusLog.at(-1)?.[0] !== text) probe.statusLog.push([text, Date.now()]);
    if (text === 'Ready') {
      probe.readyAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * tsx (esbuild, keepNames) compiles `const f = () => …` inside functions we hand to page.evaluate into
 * `__name(…)` calls; the page has no such helper, so give every document an identity one.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(NAME_SHIM);
  await context.addInitScript(benchProbe, ADAPTER_PATH);
  return context;
}

export function softphoneFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes(ADAPTER_PATH));
  if (!frame) throw new Error('softphone frame not found');
  return frame;
}

export function probe(target: Page | Frame): Promise<BenchProbe> {
  return target.evaluate(() => {
    const p = (window as BenchWindow).__bench;
    if (!p) throw new Error('bench probe not installed');
    return p;
  });
}

/** The last click on an element with this data-id (throws if there is none). */
export async function lastClick(
  target: Page | Frame,
  dataId: string
): Promise<{ at: number; precise: number }> {
  const clicks = (await probe(target)).clicks.filter((c) => c.id === dataId);
  const click = clicks.at(-1);
  if (!click) throw new Error(`no click on [data-id="${dataId}"] was captured`);
  return click;
}

/** Reads only the emulator's received-call log (still a full snapshot inside the page, so keep it small with reset()). */
export function hostCalls(page: Page): Promise<ReceivedCall[]> {
  return page.evaluate(() => (window as WindowWithEmulator).emulator!.state.calls);
}

export function hostState(page: Page): Promise<EmulatorSnapshot> {
  return page.evaluate(() => (window as WindowWithEmulator).emulator!.state);
}

/** Bounded poll on the page (cheap fields only). */
export async function waitHost(
  page: Page,
  check: (s: EmulatorSnapshot) => boolean,
  what: string,
  timeoutMs = 10_000
): Promise<EmulatorSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await hostState(page);
    if (check(s)) return s;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waitReady(page: Page, timeoutMs = 15_000): Promise<Frame> {
  await page.waitForFunction(
    () => {
      const s = (window as WindowWithEmulator).emulator?.state;
      return s?.initialized === true && s.clickToDialEnabled === true;
    },
    undefined,
    { timeout: timeoutMs, polling: 10 }
  );
  const frame = softphoneFrame(page);
  await frame.locator('[data-id="status"]', { hasText: 'Ready' }).waitFor({ timeout: timeoutMs });
  return frame;
}

/** CDP on the softphone frame's own renderer (it is cross-origin, so an out-of-process iframe with its own target). */
export async function frameCdp(page: Page, frame: Frame): Promise<CDPSession> {
  return page.context().newCDPSession(frame);
}

export interface MemorySample {
  /** V8 heap in use after a forced GC (Runtime.getHeapUsage), MB. */
  heapUsedMb: number;
  /** performance.memory.usedJSHeapSize in the frame (precise with --enable-precise-memory-info), MB. */
  perfMemoryMb: number | null;
  /** Memory.getDOMCounters of the frame's renderer. */
  documents: number;
  nodes: number;
  jsEventListeners: number;
  /** DOMDebugger.getEventListeners on window + the whole document subtree. */
  listenersOnDom: number;
}

export async function memorySample(frame: Frame, cdp: CDPSession): Promise<MemorySample> {
  for (let i = 0; i < 3; i += 1) {
    await frame.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  const perfMemory = await frame.evaluate(
    () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null
  );
  const dom = await cdp.send('Memory.getDOMCounters');
  let listenersOnDom = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) continue;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
      depth: expression === 'document' ? -1 : 0,
      pierce: true
    });
    listenersOnDom += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  const MB = 2 ** 20;
  return {
    heapUsedMb: heap.usedSize / MB,
    perfMemoryMb: perfMemory === null ? null : perfMemory / MB,
    documents: dom.documents,
    nodes: dom.nodes,
    jsEventListeners: dom.jsEventListeners,
    listenersOnDom
  };
}
