import type { Browser, Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { makeRow, upTo } from '../lib/report';
import {
  frameCdp,
  hostState,
  memorySample,
  newBenchContext,
  waitReady,
  type MemorySample
} from '../lib/session';
import { summarize } from '../lib/stats';
import type { BenchRow } from '../lib/types';

export type SoakKind = 'inbound-declined' | 'outbound-cancelled' | 'outbound-answered';

/** The call mix: every `answeredEvery`-th call answered (1 s demo ring), every `outboundEvery`-th cancelled while ringing, the rest inbound declines. */
export function soakPlan(calls: number, outboundEvery: number, answeredEvery: number): SoakKind[] {
  return Array.from({ length: calls }, (_, i): SoakKind => {
    const n = i + 1;
    if (answeredEvery > 0 && n % answeredEvery === 0) return 'outbound-answered';
    if (outboundEvery > 0 && n % outboundEvery === 0) return 'outbound-cancelled';
    return 'inbound-declined';
  });
}

interface BatchResult {
  cycleMs: number[];
  error: string | null;
}

/**
 * Runs in the softphone frame and drives its real UI with DOM clicks (no Playwright round trip per
 * step). Inbound: pick a sample caller, Ring me, wait for the caller's records, Decline. Outbound: type
 * a number, Call, Hang up (while ringing, or once connected), Save the wrap-up. Each call ends when the
 * phase is idle and no log is still "saving" (the saveLog reply came back).
 */
async function runBatch(args: {
  kinds: SoakKind[];
  numbers: string[];
  offset: number;
  stepTimeoutMs: number;
}): Promise<BatchResult> {
  const q = (selector: string): HTMLElement | null => document.querySelector<HTMLElement>(selector);
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const waitFor = (what: string, test: () => boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (test()) return resolve();
      const done = (error: Error | null) => {
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (test()) done(null);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true
      });
      const poll = setInterval(check, 25);
      const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), args.stepTimeoutMs);
    });
  const click = (selector: string) => {
    const el = q(selector);
    if (!el) throw new Error(`no ${selector}`);
    el.click();
  };
  const type = async (selector: string, value: string) => {
    const input = q(selector) as HTMLInputElement | null;
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(); // let the component re-render so its handlers see the new value
  };
  const idle = () =>
    q('[data-id="softphone"]')?.getAttribute('data-phase') === 'idle' && !q('li[data-status="saving"]');
  const cycleMs: number[] = [];
  try {
    for (let i = 0; i < args.kinds.length; i += 1) {
      const kind = args.kinds[i];
      const number = args.numbers[(args.offset + i) % args.numbers.length] ?? '+1 415 555 0132';
      const start = performance.now();
      await waitFor('idle before the call', idle);
      if (kind === 'inbound-declined') {
        await type('[data-id="demo-inbound-number"]', number);
        click('[data-id="demo-inbound-button"]');
        await waitFor(
          'the caller search result',
          () =>
            !!q('[data-id="incoming-banner"]') &&
            !!q(
              '[data-id="record-chosen"], [data-id="match-list"], [data-id="no-match"], [data-id="records-failed"]'
            )
        );
        click('[data-id="decline-button"]');
      } else {
        await type('[data-id="dial-input"]', number);
        click('[data-id="dial-button"]');
        const phase = kind === 'outbound-answered' ? 'connected' : 'dialing';
        await waitFor(`call state ${phase}`, () => !!q(`[data-id="call-state"][data-phase="${phase}"]`));
        click('[data-id="hangup-button"]');
        await waitFor('the wrap-up form', () => !!q('[data-id="wrapup-form"]'));
        click('[data-id="save-log"]');
      }
      await waitFor('idle with the log saved', idle);
      cycleMs.push(performance.now() - start);
    }
    return { cycleMs, error: null };
  } catch (error) {
    return {
      cycleMs,
      error: `call ${args.offset + cycleMs.length + 1}: ${error instanceof Error ? error.message : String(error)}`
    };
  }
}

/** Callers that hit one record, several records, none, and an international number. */
const NUMBERS = [
  '+1 415 555 0132',
  '(415) 555-0100',
  '+1 212 555 0142',
  '+44 20 7946 0958',
  '+1 757 555 0123'
];

export interface SoakOptions {
  calls: number;
  outboundEvery: number;
  answeredEvery: number;
  warmupCalls: number;
  /** Heap samples (with forced GC) every this many calls. */
  sampleEvery: number;
  /** Stop (and report the shortfall) when the soak runs longer than this. */
  timeBudgetMs: number;
}

export async function measureSoak(
  browser: Browser,
  hostUrl: string,
  options: SoakOptions
): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const context = await newBenchContext(browser);
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(hostUrl);
    const phone: Frame = await waitReady(page);
    const cdp = await frameCdp(page, phone);
    // The soak drives the frame directly; open the panel as an agent would so the UI is laid out.
    if (!(await hostState(page)).panel.visible) await page.locator('[data-id="utility-item"]').click();

    // The org is the emulator server's, shared with the groups measured before this one: start from the
    // seed data, or their Tasks would be counted as this soak's calls.
    await page.evaluate(() => (window as WindowWithEmulator).emulator!.reset());

    const plan = soakPlan(options.calls, options.outboundEvery, options.answeredEvery);
    const warmup = Math.min(options.warmupCalls, plan.length);
    const cycles: number[] = [];
    const curve: Array<{ calls: number } & MemorySample> = [];
    const initial = await memorySample(phone, cdp);
    const deadline = Date.now() + options.timeBudgetMs;
    const callObjects: string[] = [];
    const byType: Record<string, number> = {};
    let saveLogCalls = 0;
    let protocolErrors = 0;
    let done = 0;
    let failure: string | null = null;
    let baseline: MemorySample = initial;
    /**
     * Moves the Tasks out of the emulator and resets it. The emulator re-renders its whole Tasks table
     * (and formats every log time) on each Open CTI message, so letting 500 Tasks pile up makes the
     * host, not the adapter, the bottleneck (O(calls²)). The frame is idle with no log saving here.
     */
    const harvest = async () => {
      const got = await page.evaluate(async () => {
        const emu = (window as WindowWithEmulator).emulator!;
        const s = emu.state;
        const result = {
          objects: s.tasks.map((t) => String(t.fields.CallObject ?? '')),
          types: s.tasks.map((t) => `${String(t.fields.CallType)}/${String(t.fields.CallDisposition)}`),
          saveLogCalls: s.calls.filter((c) => c.methodName === 'saveLog').length,
          protocolErrors: s.protocolErrors.length
        };
        await emu.reset(); // the org is on the server now: wait until it is back to the seed data
        return result;
      });
      callObjects.push(...got.objects);
      for (const t of got.types) byType[t] = (byType[t] ?? 0) + 1;
      saveLogCalls += got.saveLogCalls;
      protocolErrors += got.protocolErrors;
    };
    const runTo = async (target: number) => {
      while (done < target && failure === null) {
        if (Date.now() > deadline) {
          failure = `time budget of ${options.timeBudgetMs / 1000} s used up after ${done} calls`;
          break;
        }
        const kinds = plan.slice(done, Math.min(target, done + 25));
        const result = await phone.evaluate(runBatch, {
          kinds,
          numbers: NUMBERS,
          offset: done,
          stepTimeoutMs: 10_000
        });
        cycles.push(...result.cycleMs);
        done += result.cycleMs.length;
        failure = result.error;
        // Let the last saveLog's refreshView land before the host is reset.
        await page.waitForTimeout(30);
        await harvest();
      }
    };
    await runTo(warmup);
    if (warmup > 0) baseline = await memorySample(phone, cdp);
    curve.push({ calls: done, ...baseline });
    const step = Math.max(1, options.sampleEvery);
    while (done < plan.length && failure === null) {
      await runTo(Math.min(plan.length, done + step));
      curve.push({ calls: done, ...(await memorySample(phone, cdp)) });
    }
    const final = curve.at(-1) as MemorySample & { calls: number };
    await cdp.detach();

    // Let any late saveLog land, then account for every call.
    await page.waitForTimeout(200);
    await harvest();
    const uniqueCallObjects = new Set(callObjects.filter((o) => o !== '')).size;
    const counts = {
      tasks: callObjects.length,
      uniqueCallObjects,
      emptyCallObjects: callObjects.filter((o) => o === '').length,
      saveLogCalls,
      byType,
      protocolErrors
    };
    const failedLogs = await phone.locator('li[data-status="failed"]').count();
    const made = done;
    const lost = made - counts.uniqueCallObjects;
    const duplicates = counts.tasks - counts.uniqueCallObjects;
    const tenth = Math.max(1, Math.floor(cycles.length / 10));
    const firstTenth = summarize(cycles.slice(0, tenth)).median;
    const lastTenth = summarize(cycles.slice(-tenth)).median;
    const mix = plan
      .slice(0, made)
      .reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
    const mixText = Object.entries(mix)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    const rows = [
      makeRow('soak.calls', 'soak', `soak: calls made (${mixText})`, 'count', [made]),
      makeRow(
        'soak.lostLogs',
        'soak',
        'soak: calls without a Task (made − distinct CallObjects)',
        'count',
        [lost],
        upTo(0, 'count')
      ),
      // With the row above, equality: a Task whose call this soak never made is as wrong as a missing one.
      makeRow(
        'soak.strayLogs',
        'soak',
        'soak: Tasks for calls the soak did not make (distinct CallObjects − made)',
        'count',
        [counts.uniqueCallObjects - made],
        upTo(0, 'count')
      ),
      makeRow(
        'soak.duplicateLogs',
        'soak',
        'soak: duplicate CallObject Tasks',
        'count',
        [duplicates],
        upTo(0, 'count')
      ),
      makeRow(
        'soak.heapGrowth',
        'soak',
        `soak: frame JS heap growth after GC (call ${warmup} → ${made})`,
        'MB',
        [final.heapUsedMb - baseline.heapUsedMb],
        upTo(5, 'MB'),
        `Runtime.getHeapUsage on the frame's CDP target after gc(); ${baseline.heapUsedMb.toFixed(2)} → ${final.heapUsedMb.toFixed(2)} MB (${initial.heapUsedMb.toFixed(2)} MB before the warm-up)`
      ),
      makeRow(
        'soak.domNodeGrowth',
        'soak',
        'soak: frame DOM node growth (Memory.getDOMCounters)',
        'count',
        [final.nodes - baseline.nodes],
        null,
        `${baseline.nodes} → ${final.nodes}`
      ),
      makeRow(
        'soak.listenerGrowth',
        'soak',
        'soak: frame JS event listener growth (Memory.getDOMCounters)',
        'count',
        [final.jsEventListeners - baseline.jsEventListeners],
        null,
        `${baseline.jsEventListeners} → ${final.jsEventListeners}; on window+document subtree (DOMDebugger): ${baseline.listenersOnDom} → ${final.listenersOnDom}`
      ),
      makeRow(
        'soak.cycle',
        'soak',
        'soak: one call, start → log saved (in-frame)',
        'ms',
        cycles,
        null,
        `first 10% median ${firstTenth.toFixed(1)} ms, last 10% median ${lastTenth.toFixed(1)} ms`
      )
    ];
    // A "calls made" row is a count to read, not a target: make it pass iff every planned call ran.
    const callsRow = rows[0] as BenchRow;
    callsRow.target = { stat: 'max', max: plan.length, text: `= ${plan.length}` };
    callsRow.pass = made === plan.length && failure === null;
    return {
      rows,
      details: {
        plan: mix,
        failure,
        pageErrors: errors.slice(0, 10),
        failedLogsInPanel: failedLogs,
        counts,
        initial,
        curve,
        cycleFirstTenthMedian: firstTenth,
        cycleLastTenthMedian: lastTenth
      }
    };
  } finally {
    await context.close();
  }
}
