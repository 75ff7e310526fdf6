import type { Browser, Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import { makeRow, ratioRow, upTo } from '../lib/report';
import { hostCalls, newBenchContext, probe, waitReady } from '../lib/session';
import { summarize } from '../lib/stats';
import type { BenchRow } from '../lib/types';

/** One page load, all times in ms from the host page's navigation start (its performance.timeOrigin). */
export interface LoadSample {
  /** ready = both the host state (initialized && clickToDialEnabled) and the frame's status badge "Ready". */
  ready: number;
  /** The host has seen all four start-up calls (issue 15's "ready", the one a minimal adapter can be held to). */
  hostReady: number;
  /** Host received notifyInitializationComplete / the first enableClickToDial (emulator state.calls[].at). */
  hostInitialized: number;
  hostClickToDial: number;
  /** The frame's own navigation start, its DOMContentLoaded, and its status badge turning Ready. */
  frameStart: number;
  frameDomContentLoaded: number;
  frameReady: number;
  /** Per resource of the frame: duration and transfer size (0 = served from cache). */
  frameResources: Array<{ name: string; startMs: number; endMs: number; transferKb: number }>;
  /** Main-thread tasks over 50 ms in the frame, [start, duration] in ms from host navigation start. */
  frameLongTasks: Array<[number, number]>;
  hostLongTasks: Array<[number, number]>;
  /** Each Open CTI method's first arrival at the host, in ms from host navigation start (start-up sequence). */
  hostTimeline: Array<[string, number]>;
  /** The frame's status badge texts over time (ms from host navigation start). */
  frameStatus: Array<[string, number]>;
}

async function sample(page: Page, frame: Frame): Promise<LoadSample> {
  const host = await probe(page);
  const framed = await probe(frame);
  const calls = await hostCalls(page);
  const firstAt = (method: string) => calls.find((c) => c.methodName === method)?.at ?? Number.NaN;
  const nav = await frame.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: new URL(r.name).pathname.split('/').slice(-1)[0] ?? r.name,
      startMs: r.startTime,
      endMs: r.responseEnd,
      transferKb: Math.round((r.transferSize / 1024) * 10) / 10
    }));
    return { dcl: entry?.domContentLoadedEventEnd ?? Number.NaN, resources };
  });
  // Frame-relative performance times → ms from host navigation start (both origins on the Date.now() clock).
  const fromFrame = (ms: number) => Math.round((framed.timeOrigin + ms - host.timeOrigin) * 10) / 10;
  const hostTimeline: Array<[string, number]> = [];
  for (const c of calls)
    if (!hostTimeline.some(([m]) => m === c.methodName))
      hostTimeline.push([c.methodName, c.at - host.timeOrigin]);
  const t0 = host.timeOrigin;
  const hostInitialized = firstAt('notifyInitializationComplete') - t0;
  const hostClickToDial = firstAt('enableClickToDial') - t0;
  const frameReady = (framed.readyAt ?? Number.NaN) - t0;
  return {
    ready: Math.max(hostInitialized, hostClickToDial, frameReady),
    hostReady: Math.max(...START_UP_CALLS.map((m) => firstAt(m) - t0)),
    hostInitialized,
    hostClickToDial,
    frameStart: framed.timeOrigin - t0,
    frameDomContentLoaded: framed.timeOrigin + nav.dcl - t0,
    frameReady,
    frameResources: nav.resources.map((r) => ({
      ...r,
      startMs: fromFrame(r.startMs),
      endMs: fromFrame(r.endMs)
    })),
    frameLongTasks: framed.longTasks.map(([start, duration]) => [fromFrame(start), Math.round(duration)]),
    hostLongTasks: host.longTasks.map(([start, duration]) => [Math.round(start), Math.round(duration)]),
    hostTimeline: hostTimeline.map(([m, at]) => [m, Math.round(at)]),
    frameStatus: framed.statusLog.map(([text, at]) => [text, Math.round(at - t0)])
  };
}

/** What a host needs from any adapter before it is usable; the minimal page makes exactly these, at once. */
const START_UP_CALLS = [
  'getCallCenterSettings',
  'onClickToDial',
  'enableClickToDial',
  'notifyInitializationComplete'
] as const;

/** The baseline: the emulator frames its minimal adapter page (emulator/server/minimal-adapter-page.ts); it has no UI, so only the host's view counts. */
async function minimalSample(browser: Browser, hostUrl: string): Promise<number> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${hostUrl}?adapter=minimal`);
    await page.waitForFunction(
      () => {
        const s = (window as WindowWithEmulator).emulator?.state;
        return s?.initialized === true && s.clickToDialEnabled === true;
      },
      undefined,
      { timeout: 15_000, polling: 10 }
    );
    const t0 = (await probe(page)).timeOrigin;
    const calls = await hostCalls(page);
    return Math.max(
      ...START_UP_CALLS.map((m) => (calls.find((c) => c.methodName === m)?.at ?? Number.NaN) - t0)
    );
  } finally {
    await context.close();
  }
}

function breakdown(samples: LoadSample[]): Record<string, number> {
  const keys = [
    'hostReady',
    'frameStart',
    'frameDomContentLoaded',
    'frameReady',
    'hostInitialized',
    'hostClickToDial',
    'ready'
  ] as const;
  return Object.fromEntries(
    keys.map((k) => [`${k}Median`, Math.round(summarize(samples.map((s) => s[k])).median * 10) / 10])
  );
}

export async function measurePageLoad(
  browser: Browser,
  hostUrl: string,
  repeats: number
): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const cold: LoadSample[] = [];
  const warm: LoadSample[] = [];
  const minimal: number[] = [];
  // Cold: a new browser context (empty cache, new renderer processes) per load, each followed by a
  // minimal-adapter load so load noise hits the baseline and Switchboard alike.
  for (let i = 0; i < repeats; i += 1) {
    if (i === 0) await minimalSample(browser, hostUrl); // untimed: the first load of the run pays for browser start-up
    const context = await newBenchContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(hostUrl);
      cold.push(await sample(page, await waitReady(page)));
    } finally {
      await context.close();
    }
    minimal.push(await minimalSample(browser, hostUrl));
  }
  // Warm: one context, first load discarded, then reloads (HTTP cache and processes warm).
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostUrl);
    await waitReady(page);
    for (let i = 0; i < repeats; i += 1) {
      await page.reload();
      warm.push(await sample(page, await waitReady(page)));
    }
  } finally {
    await context.close();
  }
  const note =
    'in-page: host navigation start → max(host got notifyInitializationComplete and enableClickToDial, frame status badge "Ready")';
  return {
    rows: [
      makeRow(
        'load.cold',
        'load',
        'page load → ready, cold (new context)',
        'ms',
        cold.map((s) => s.ready),
        upTo(150, 'ms'),
        note
      ),
      makeRow(
        'load.coldHostReady',
        'load',
        'page load → host saw all four start-up calls, cold',
        'ms',
        cold.map((s) => s.hostReady),
        null,
        `${START_UP_CALLS.join(', ')}: the last one's arrival at the host, from host navigation start`
      ),
      makeRow(
        'load.minimalHostReady',
        'load',
        'baseline: minimal adapter page → host saw all four, cold',
        'ms',
        minimal,
        null,
        'same library, the four calls at once, no UI (emulator/server/minimal-adapter-page.ts); interleaved with the Switchboard loads'
      ),
      ratioRow(
        'load.readyRatio',
        'load',
        'ready, Switchboard ÷ minimal adapter (cold)',
        cold.map((s) => s.hostReady),
        minimal,
        1.3
      ),
      makeRow(
        'load.warm',
        'load',
        'page load → ready, warm (reload)',
        'ms',
        warm.map((s) => s.ready),
        upTo(150, 'ms')
      ),
      makeRow(
        'load.frameCold',
        'load',
        'softphone frame navigation → ready, cold (adapter share)',
        'ms',
        cold.map((s) => s.ready - s.frameStart),
        upTo(150, 'ms'),
        "the same end point, from the iframe's own navigation start: excludes the emulator host page's boot"
      ),
      makeRow(
        'load.frameWarm',
        'load',
        'softphone frame navigation → ready, warm (adapter share)',
        'ms',
        warm.map((s) => s.ready - s.frameStart),
        upTo(150, 'ms')
      )
    ],
    details: {
      cold: breakdown(cold),
      warm: breakdown(warm),
      lastCold: cold.at(-1) ?? null,
      lastWarm: warm.at(-1) ?? null
    }
  };
}
