// Leader election in real Chromium: two pages of one origin in one browser context share a Web
// Lock; exactly one leads, and when it closes the other takes over within a bounded time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';

const ENTRY = fileURLToPath(new URL('./fixtures/leader-page.ts', import.meta.url));
const HANDOVER_LIMIT_MS = 3000;

let server: Server | null = null;
let browser: Browser | null = null;
let origin = '';

before(async () => {
  const bundle = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: ['chrome110']
  });
  const js = bundle.outputFiles[0]!.text;
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>pending</title></head><body><script src="/leader.js"></script></body></html>';
  server = createServer((req, res) => {
    if (req.url === '/leader.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

interface Probe {
  tabId: string;
  role: string;
  mode: string;
  heard: Array<{ from: string; message: { type: string } }>;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __leader: Probe }).__leader);

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.waitForFunction(
    () => (window as unknown as { __leader?: Probe }).__leader?.role !== 'pending',
    undefined,
    { timeout: 5000 }
  );
  return page;
}

describe('leader election in Chromium', () => {
  test('exactly one of two tabs leads; closing it hands leadership to the other', async () => {
    const context = await browser!.newContext();
    try {
      const first = await openTab(context);
      const second = await openTab(context);
      const [p1, p2] = [await probe(first), await probe(second)];
      assert.equal(p1.mode, 'locks', 'Chromium has Web Locks');
      assert.deepEqual([p1.role, p2.role].sort(), ['follower', 'leader']);
      assert.equal(p1.role, 'leader', 'the first tab wins');

      // Messages flow both ways and a tab never hears itself.
      await second.evaluate(() =>
        (window as unknown as { __leader: { send(m: unknown): void } }).__leader.send({ type: 'takeOver' })
      );
      await first.waitForFunction(
        () =>
          (window as unknown as { __leader: Probe }).__leader.heard.some(
            (h) => h.message.type === 'takeOver'
          ),
        undefined,
        { timeout: 2000 }
      );

      const started = Date.now();
      await first.close();
      await second.waitForFunction(
        () => (window as unknown as { __leader: Probe }).__leader.role === 'leader',
        undefined,
        { timeout: HANDOVER_LIMIT_MS }
      );
      const took = Date.now() - started;
      assert.ok(took < HANDOVER_LIMIT_MS, `handover took ${took} ms`);
      console.log(`# leader handover after close: ${took} ms`);
    } finally {
      await context.close();
    }
  });

  test('three tabs: never two leaders at once while leaders close one by one', async () => {
    const context = await browser!.newContext();
    try {
      const pages = [await openTab(context), await openTab(context), await openTab(context)];
      for (let round = 0; round < 2; round += 1) {
        const roles = await Promise.all(pages.map(async (p) => (await probe(p)).role));
        assert.equal(roles.filter((r) => r === 'leader').length, 1, `round ${round}: ${roles.join(',')}`);
        const leaderIndex = roles.indexOf('leader');
        await pages[leaderIndex]!.close();
        pages.splice(leaderIndex, 1);
        await Promise.race(
          pages.map((p) =>
            p.waitForFunction(
              () => (window as unknown as { __leader: Probe }).__leader.role === 'leader',
              undefined,
              { timeout: HANDOVER_LIMIT_MS }
            )
          )
        );
      }
      const last = await probe(pages[0]!);
      assert.equal(last.role, 'leader');
    } finally {
      await context.close();
    }
  });
});
