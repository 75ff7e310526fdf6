import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EmulatorSession } from '../support/emulator-session';
import type { NoGesture } from '../support/no-gesture';
import { openWithoutGesture } from '../support/no-gesture';

/**
 * The ringer against the browser's autoplay policy. Headless Chromium with no --autoplay-policy flag
 * already requires a user activation (an AudioContext made without one starts suspended: measured), so
 * "blocked" is asked for explicitly and "allowed" needs no-user-gesture-required. Nothing here may touch
 * the page through Playwright before the ring: its evaluates carry a user gesture (no-gesture.ts).
 */
const BLOCKED = ['--autoplay-policy=document-user-activation-required'];
const ALLOWED = ['--autoplay-policy=no-user-gesture-required'];
const FLASH_LABEL = 'Incoming call: open Phone';

// Runs in every frame before the page's scripts: records notifications and audio contexts the softphone makes.
const RECORDERS = `(() => {
  const Real = window.Notification;
  window.__notifications = [];
  if (Real) {
    class Recorded extends Real {
      constructor(title, options) {
        const entry = { title, body: options && options.body, closed: false };
        window.__notifications.push(entry);
        super(title, options);
        this.__entry = entry;
      }
      close() { this.__entry.closed = true; super.close(); }
    }
    window.Notification = Recorded;
  }
  const RealAudio = window.AudioContext;
  window.__audioContexts = [];
  window.AudioContext = class extends RealAudio {
    constructor(...args) { super(...args); window.__audioContexts.push(this); }
  };
})();`;

const session = new EmulatorSession(BLOCKED);
let allowedBrowser: Browser | null = null;
before(async () => {
  await session.open();
  allowedBrowser = await launchChromium(ALLOWED);
});
after(async () => {
  await allowedBrowser?.close();
  await session.close();
});

async function newContext(
  browser: Browser,
  notifications: 'granted' | 'not granted'
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // Chromium decides a cross-origin frame's notification permission by the top-level origin (measured):
  // the host page's, as Lightning's would be.
  if (notifications === 'granted')
    await context.grantPermissions(['notifications'], { origin: new URL(session.hostUrl).origin });
  await context.addInitScript(RECORDERS);
  return context;
}

/** Rings the demo line from its own button, clicked by script: an untrusted click, so no user activation. */
async function ringWithoutGesture(cdp: NoGesture): Promise<void> {
  const button = `document.querySelector('[data-id="demo-inbound-button"]')`;
  // The demo line connects once this tab has won the election, a moment after the host says initialised.
  // Click-to-dial and the panel come up before the demo line registers (issue 15): wait for Ready too.
  await cdp.waitFor(
    () =>
      cdp.inPhone<boolean>(
        `!!${button} && !!document.querySelector('[data-id="status"]')?.classList.contains('slds-theme_success')`
      ),
    (ready) => ready,
    'the demo line'
  );
  await cdp.inPhone<void>(`${button}.click()`);
}

/** AudioContexts not closed: the setup check's sound probe opens one when the page is idle and closes it at once. */
const OPEN_CONTEXTS = `window.__audioContexts.filter((c) => c.state !== 'closed').length`;

const ringStatus = (cdp: NoGesture) =>
  cdp.inPhone<string | null>(`document.querySelector('[data-id="ringer"]')?.dataset.ring ?? null`);

describe('ringer: autoplay blocked', () => {
  test('a call with no prior interaction prompts, opens the panel, flashes the item and notifies; the prompt starts the ring', async () => {
    await session.org.reset();
    const context = await newContext(session.chromium, 'granted');
    const page = await context.newPage();
    try {
      const { phone, cdp } = await openWithoutGesture(page, session.hostUrl);
      assert.equal((await cdp.host()).panel.visible, false);
      // Open contexts only: the setup check's sound probe makes one when the page is idle and closes it at once.
      const contexts = await cdp.inPhone<number>(OPEN_CONTEXTS);
      await ringWithoutGesture(cdp);
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s !== 'silent',
        'the ring to start'
      );
      assert.equal(await cdp.inPhone<number>(OPEN_CONTEXTS), contexts + 1, 'the ringer made its own context');
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s === 'blocked',
        'the ringer to find sound blocked'
      );
      assert.equal(await cdp.inPhone<boolean>(`!!document.querySelector('[data-id="ringer-prompt"]')`), true);
      const host = await cdp.waitFor(
        () => cdp.host(),
        (s) =>
          s.panel.visible &&
          s.calls.some((c) => c.methodName === 'setSoftphoneItemIcon' && c.args.key === 'alert') &&
          s.calls.filter((c) => c.methodName === 'setSoftphoneItemLabel' && c.args.label === FLASH_LABEL)
            .length >= 2,
        'the panel open and the item flashing'
      );
      assert.ok(
        host.calls.some(
          (c) => c.methodName === 'setSoftphoneItemLabel' && String(c.args.label).startsWith('Incoming: ')
        )
      );
      const shown = await cdp.inPhone<Array<{ title: string; body: string }>>('window.__notifications');
      assert.equal(shown.length, 1);
      assert.equal(shown[0]?.title, 'Incoming call');
      assert.match(shown[0]?.body ?? '', /is calling/);
      assert.equal(await cdp.inPhone<boolean>(`window.__audioContexts.at(-1)?.state === 'running'`), false);

      // The agent clicks the prompt: a real click, the gesture that lets sound play.
      await phone.locator('[data-id="ringer-enable"]').click();
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s === 'playing',
        'the ring to play'
      );
      assert.equal(await cdp.inPhone<boolean>(`window.__audioContexts.at(-1)?.state === 'running'`), true);
      assert.equal(
        await cdp.inPhone<boolean>(`!!document.querySelector('[data-id="ringer-prompt"]')`),
        false
      );
      assert.equal(
        (await cdp.host()).item.label.startsWith('Incoming: '),
        true,
        'flash stopped, item restored'
      );
      assert.equal(await cdp.inPhone<boolean>('window.__notifications.every((n) => n.closed)'), true);

      await phone.locator('[data-id="decline-button"]').click();
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s === 'silent',
        'the ring to stop on decline'
      );
      await cdp.detach();
    } finally {
      await context.close();
    }
  });

  test('without notification permission nothing is asked on load and no notification is made; the prompt still shows', async () => {
    await session.org.reset();
    const context = await newContext(session.chromium, 'not granted');
    const page = await context.newPage();
    try {
      const { cdp } = await openWithoutGesture(page, session.hostUrl);
      await ringWithoutGesture(cdp);
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s === 'blocked',
        'the ringer to find sound blocked'
      );
      assert.deepEqual(await cdp.inPhone<unknown[]>('window.__notifications'), []);
      // The caller gives up: the prompt and the flash go, and the item shows the phone again.
      await cdp.inPhone<void>(`document.querySelector('[data-id="decline-button"]').click()`);
      await cdp.waitFor(
        () => ringStatus(cdp),
        (s) => s === 'silent',
        'the ring to stop'
      );
      const host = await cdp.waitFor(
        () => cdp.host(),
        (s) => s.item.label !== FLASH_LABEL,
        'the item restored'
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal((await cdp.host()).item.label, host.item.label, 'no flash step after the ring ended');
      await cdp.detach();
    } finally {
      await context.close();
    }
  });
});

describe('ringer: autoplay allowed', () => {
  test('the ring plays with no interaction and no prompt, in the leading tab only; answering in the other tab stops it', async () => {
    await session.org.reset();
    const context = await newContext(allowedBrowser!, 'granted');
    const first = await context.newPage();
    try {
      const leader = await openWithoutGesture(first, session.hostUrl);
      const second = await context.newPage();
      const follower = await openWithoutGesture(second, session.hostUrl);
      await follower.cdp.waitFor(
        () => follower.cdp.inPhone<boolean>(`!!document.querySelector('[data-id="elsewhere"]')`),
        (shown) => shown,
        'the second tab to follow'
      );
      // Open contexts only, as above: the setup check's idle sound probe opens and closes one in every tab.
      const followerContexts = await follower.cdp.inPhone<number>(OPEN_CONTEXTS);
      await ringWithoutGesture(leader.cdp);
      await leader.cdp.waitFor(
        () => ringStatus(leader.cdp),
        (s) => s === 'playing',
        'the ring to play'
      );
      assert.equal(
        await leader.cdp.inPhone<boolean>(`!!document.querySelector('[data-id="ringer-prompt"]')`),
        false
      );
      assert.deepEqual(await leader.cdp.inPhone<unknown[]>('window.__notifications'), []);
      assert.ok(
        !(await leader.cdp.host()).calls.some(
          (c) => c.methodName === 'setSoftphoneItemIcon' && c.args.key === 'alert'
        )
      );
      // The follower shows the call but stays silent.
      await follower.cdp.waitFor(
        () => follower.cdp.inPhone<boolean>(`!!document.querySelector('[data-id="answer-button"]')`),
        (shown) => shown,
        'the call in the second tab'
      );
      assert.equal(await ringStatus(follower.cdp), 'silent');
      // The setup doctor probes sound with a context of its own at start-up; the ringer adds none here.
      assert.equal(await follower.cdp.inPhone<number>(OPEN_CONTEXTS), followerContexts);

      await follower.phone.locator('[data-id="answer-button"]').click();
      await leader.cdp.waitFor(
        () => ringStatus(leader.cdp),
        (s) => s === 'silent',
        'the ring to stop in the leading tab'
      );
      await leader.cdp.detach();
      await follower.cdp.detach();
    } finally {
      await context.close();
    }
  });
});
