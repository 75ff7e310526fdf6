// What the softphone keeps in the browser: bound to one org and one Salesforce user, drafts apart from the
// outbox, storage that fills up mid-call, and the admin switch for remembered SIP passwords.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Softphone } from '../../adapter/src/app/softphone';
import { initialState } from '../../adapter/src/call/machine';
import type { Call, MachineState } from '../../adapter/src/call/types';
import type { Logger } from '../../adapter/src/logging/logger';
import { Outbox } from '../../adapter/src/logging/outbox';
import type { HostPort } from '../../adapter/src/opencti/port';
import type { SaveLogValue } from '../../adapter/src/opencti/types';
import { CallDrafts } from '../../adapter/src/persistence/call-drafts';
import { quarantined } from '../../adapter/src/persistence/quarantine';
import {
  MemoryStorage,
  SafeStorage,
  type StorageLike,
  type StorageProblem
} from '../../adapter/src/persistence/safe-storage';
import {
  clearForeignItems,
  openUserStorage,
  scopePrefix,
  userFromPage,
  type SalesforceUser
} from '../../adapter/src/persistence/storage-scope';
import { parseSettings } from '../../adapter/src/settings/settings';
import { DemoProvider } from '../../adapter/src/telephony/demo/demo-provider';
import { localCredentialStore } from '../../adapter/src/telephony/sip-credentials-store';
import {
  EMULATOR_ORG_ID,
  EMULATOR_USER_ID,
  PageRenderError,
  renderAdapterPage,
  userIdFromQuery
} from '../../emulator/server/adapter-page';
import { DEFAULT_DIR } from '../metadata/paths';
import { useEnglishLabels } from '../adapter/helpers';

useEnglishLabels();

const T0 = 1_700_000_000_000;
const ADA: SalesforceUser = { orgId: '00D000000000001AAA', userId: '005000000000001AAA' };
const GRACE: SalesforceUser = { orgId: '00D000000000001AAA', userId: '005000000000002AAA' };
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function call(id = 'call-1', patch: Partial<Call> = {}): Call {
  return {
    id,
    sipCallId: null,
    direction: 'outbound',
    dial: '+14155550101',
    display: '(415) 555-0101',
    callerName: null,
    startedAt: T0,
    connectedAt: T0 + 2000,
    endedAt: null,
    endCause: null,
    muted: false,
    held: false,
    who: { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact' },
    what: null,
    params: null,
    screenPop: { status: 'none' },
    transferTo: null,
    disposition: '',
    notes: '',
    quality: null,
    ...patch
  };
}

/** localStorage that throws QuotaExceededError on writes once `full` is set; reads and removals still work. */
class FillableStorage extends MemoryStorage {
  full = false;
  override setItem(key: string, value: string): void {
    if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    super.setItem(key, value);
  }
}

/** Refuses to be read: proves a function deletes without reading. */
class UnreadableStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new Error('read');
  }
}

describe('storage bound to the Salesforce user', () => {
  test('the page must name a real org (00D) and user (005); anything else is no user', () => {
    assert.deepEqual(userFromPage({ orgId: ADA.orgId, userId: ADA.userId }), ADA);
    for (const bad of [
      {},
      { orgId: ADA.orgId },
      { orgId: '{!$Organization.Id}', userId: ADA.userId },
      { orgId: ADA.orgId, userId: '003000000000001AAA' },
      { orgId: '005000000000001AAA', userId: ADA.userId },
      { orgId: ADA.orgId, userId: '005000000000001AAA"><script>' }
    ])
      assert.equal(userFromPage(bad), null, JSON.stringify(bad));
  });

  test('15- and 18-character forms of the same ids share one prefix; another user has another', () => {
    assert.equal(
      scopePrefix(ADA),
      scopePrefix({ orgId: ADA.orgId.slice(0, 15), userId: ADA.userId.slice(0, 15) })
    );
    assert.notEqual(scopePrefix(ADA), scopePrefix(GRACE));
  });

  test("another user's items and the unscoped items of earlier versions are deleted unread; other apps' keys stay", () => {
    const storage = new UnreadableStorage();
    const mine = `${scopePrefix(GRACE)}outbox:v2:entry:x`;
    storage.setItem(`${scopePrefix(ADA)}sip-credentials:v1`, '{"user":"1001","password":"s3cret"}');
    storage.setItem(`${scopePrefix(ADA)}draft:v2`, '{}');
    storage.setItem('switchboard:sip-credentials:v1', '{}');
    storage.setItem('switchboard:outbox:v1:entry:y', '{}');
    storage.setItem(mine, '{}');
    storage.setItem('someone-else:key', 'kept');
    assert.equal(clearForeignItems(storage, scopePrefix(GRACE)), 4);
    const left: string[] = [];
    for (let i = 0; i < storage.length; i += 1) left.push(storage.key(i)!);
    assert.deepEqual(left.sort(), [mine, 'someone-else:key'].sort());
  });

  test("the next user of the browser gets none of the last agent's remembered password, draft or logs", () => {
    const browser = new MemoryStorage();
    const ada = openUserStorage(browser, ADA).store;
    localCredentialStore(ada).save({ user: '1001', password: 's3cret' });
    new CallDrafts(ada).save(
      {
        phase: 'wrapUp',
        call: call('ada-call', { notes: "Ada's private notes" }),
        waiting: null,
        parked: null
      },
      T0
    );
    new Outbox({ store: ada, owner: 'tab' }).put({ callId: 'ada-log', value: { Subject: 'x' } }, T0);
    assert.equal(localCredentialStore(ada).load()?.password, 's3cret');

    const { store: grace, cleared } = openUserStorage(browser, GRACE);
    assert.equal(cleared, 3);
    assert.equal(localCredentialStore(grace).load(), null);
    assert.equal(new CallDrafts(grace).load(), null);
    assert.deepEqual(new Outbox({ store: grace, owner: 'tab' }).all(), []);
    assert.ok(
      !JSON.stringify(
        [...Array(browser.length).keys()].map((i) => browser.getItem(browser.key(i)!))
      ).includes('s3cret'),
      'gone from the browser, not just hidden'
    );
  });

  test('the same user after a reload finds their own items', () => {
    const browser = new MemoryStorage();
    localCredentialStore(openUserStorage(browser, ADA).store).save({
      user: '1001',
      password: 's3cret',
      displayName: 'Ada'
    });
    assert.deepEqual(localCredentialStore(openUserStorage(browser, ADA).store).load(), {
      user: '1001',
      password: 's3cret',
      displayName: 'Ada'
    });
  });

  test('a page that names no user: nothing durable is read or written, and the agent is told why', () => {
    const browser = new MemoryStorage();
    browser.setItem(`${scopePrefix(ADA)}sip-credentials:v1`, '{"user":"1001","password":"s3cret"}');
    const problems: StorageProblem[] = [];
    const { store } = openUserStorage(browser, null, (p) => problems.push(p));
    assert.equal(store.isDurable, false);
    assert.equal(localCredentialStore(store).load(), null);
    new CallDrafts(store).save({ phase: 'connected', call: call(), waiting: null, parked: null }, T0);
    assert.equal(browser.length, 1, 'nothing written, nothing deleted');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /did not say which Salesforce user/);
  });

  test('unreadable remembered credentials are removed, not used', () => {
    const store = new SafeStorage(new MemoryStorage(), 'p:');
    for (const raw of [
      '{nope',
      '{"user":"","password":"x"}',
      '{"user":"1001"}',
      JSON.stringify({ user: 'x'.repeat(129), password: 'p' })
    ]) {
      store.set('sip-credentials:v1', raw);
      assert.equal(localCredentialStore(store).load(), null, raw);
      assert.equal(store.get('sip-credentials:v1'), null);
    }
  });
});

describe('call center setting switchboard/allowRememberPassword', () => {
  test('default true; "false" forbids; anything else is a problem and falls back to true', () => {
    assert.equal(parseSettings({}).allowRememberPassword, true);
    assert.equal(
      parseSettings({ '/switchboard/allowRememberPassword': 'false' }).allowRememberPassword,
      false
    );
    assert.equal(
      parseSettings({ '/switchboard/allowRememberPassword': ' FALSE ' }).allowRememberPassword,
      false
    );
    assert.equal(parseSettings({ '/switchboard/allowRememberPassword': 'true' }).allowRememberPassword, true);
    const bad = parseSettings({ '/switchboard/allowRememberPassword': 'no' });
    assert.equal(bad.allowRememberPassword, true);
    assert.ok(bad.problems.some((p) => p.includes('allowRememberPassword') && p.includes('true or false')));
  });
});

describe('call drafts (their own module and key)', () => {
  const drafts = (storage: StorageLike = new MemoryStorage()) => {
    const problems: StorageProblem[] = [];
    const store = new SafeStorage(storage, 'p:', (p) => problems.push(p));
    return { drafts: new CallDrafts(store), store, storage, problems };
  };

  test('a call mid-wrap-up survives a reload exactly', () => {
    const { drafts: box, storage } = drafts();
    const c = call('call-9', {
      disposition: 'Left voicemail',
      notes: 'half-typed <b>notes</b> ✓ مرحبا',
      screenPop: {
        status: 'found',
        matches: [{ id: '003000000000001AAA', name: null, objectType: 'Contact' }]
      }
    });
    box.save({ phase: 'wrapUp', call: c, waiting: null, parked: null }, T0);
    assert.deepEqual(drafts(storage).drafts.load(), {
      schema: 2,
      phase: 'wrapUp',
      call: c,
      waiting: null,
      parked: null,
      savedAt: T0
    });
  });

  test('call waiting: the offered and the parked call come back too', () => {
    const { drafts: box, storage } = drafts();
    const parked = call('first', { held: true });
    const waiting = call('second', { direction: 'inbound', connectedAt: null, who: null });
    box.save({ phase: 'connected', call: call('third'), waiting, parked }, T0);
    const draft = drafts(storage).drafts.load();
    assert.deepEqual([draft?.call.id, draft?.waiting, draft?.parked], ['third', waiting, parked]);
  });

  test('idle clears the draft; drafts are not outbox entries', () => {
    const { drafts: box, store } = drafts();
    box.save({ phase: 'connected', call: call(), waiting: null, parked: null }, T0);
    assert.deepEqual(new Outbox({ store, owner: 't' }).all(), []);
    box.save(initialState(), T0);
    assert.equal(box.load(), null);
    assert.deepEqual(store.names(), []);
  });

  for (const [name, raw] of [
    [
      'an unknown end cause',
      JSON.stringify({ schema: 2, phase: 'connected', savedAt: T0, call: { ...call(), endCause: 'made-up' } })
    ],
    [
      'notes that are not text',
      JSON.stringify({ schema: 2, phase: 'wrapUp', savedAt: T0, call: { ...call(), notes: 42 } })
    ],
    ['an idle draft', JSON.stringify({ schema: 2, phase: 'idle', savedAt: T0, call: call() })],
    ['not JSON', '{"schema":2,']
  ] as const) {
    test(`${name}: set aside (quarantined) and reported, never restored`, () => {
      const { drafts: box, store, problems } = drafts();
      store.set('draft:v2', raw);
      assert.equal(box.load(), null);
      assert.deepEqual(
        problems.map((p) => p.kind),
        ['corrupt-entry']
      );
      assert.equal(store.get('draft:v2'), null);
      assert.equal(quarantined(store).length, 1);
      assert.equal(box.load(), null);
      assert.equal(problems.length, 1, 'reported once');
    });
  }
});

/** A host whose org keeps Tasks; nothing else matters here. */
function orgHost() {
  const tasks: SaveLogValue[] = [];
  const stub = () => Promise.resolve();
  const host = {
    saveLog: async (value: SaveLogValue) => {
      tasks.push(value);
      return `00T${String(tasks.length).padStart(15, '0')}`;
    },
    runApex: async () => '',
    onClickToDial: () => undefined,
    subscribe: async () => ({}),
    searchAndScreenPop: async () => ({}),
    notifyInitializationComplete: stub,
    publish: stub,
    setSoftphoneItemLabel: stub,
    setSoftphoneItemIcon: stub,
    enableClickToDial: stub,
    disableClickToDial: stub,
    refreshView: stub,
    setSoftphonePanelVisibility: stub
  } as unknown as HostPort;
  return { host, tasks };
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function phoneOn(browser: StorageLike, problems: StorageProblem[] = []) {
  const { store } = openUserStorage(browser, ADA, (p) => problems.push(p));
  const org = orgHost();
  const phone = new Softphone({
    host: org.host,
    providerKind: 'demo',
    settings: parseSettings({}),
    logger: quiet,
    outbox: new Outbox({ store, owner: crypto.randomUUID() }),
    drafts: new CallDrafts(store),
    onChange: (state: MachineState) => void state
  });
  await phone.start();
  phone.restore();
  const line = new DemoProvider({
    answerAfterMs: 20,
    noAnswerAfterMs: 5000,
    inboundGiveUpAfterMs: 5000,
    signallingMs: 5
  });
  await phone.connect(line);
  return { phone, line, org, store };
}

describe('storage full in the middle of a call', () => {
  test('the stale "ringing" draft is removed when the write fails, so a reload does not log the call a second time as Missed', async () => {
    const browser = new FillableStorage();
    const problems: StorageProblem[] = [];
    const first = await phoneOn(browser, problems);
    let second: Awaited<ReturnType<typeof phoneOn>> | null = null;
    try {
      first.line.simulateInbound('+14155550101');
      await settle();
      assert.equal(first.phone.state.phase, 'ringing');
      assert.ok(
        [...Array(browser.length).keys()].some((i) => browser.key(i)!.endsWith('draft:v2')),
        'the ringing call is stored'
      );

      browser.full = true; // another Visualforce page of the org filled localStorage
      first.phone.dispatch({ type: 'ANSWER' });
      await settle();
      assert.equal(first.phone.state.phase, 'connected');
      assert.equal(browser.length, 0, 'every durable copy that can no longer be kept current is gone');
      assert.equal(problems.length, 1, 'the agent is told when it happens, once');
      assert.match(problems[0]!.message, /QuotaExceededError.*this page only/);

      first.phone.dispatch({ type: 'HANGUP' });
      first.phone.dispatch({
        type: 'WRAP_UP_EDITED',
        disposition: 'Completed',
        notes: 'Answered and logged'
      });
      first.phone.dispatch({ type: 'SUBMIT_WRAP_UP' });
      await settle();
      assert.equal(first.org.tasks.length, 1);
      assert.equal(problems.length, 1, 'still once');
      await first.phone.stop();

      // The page reloads; storage has room again.
      browser.full = false;
      second = await phoneOn(browser);
      await settle();
      assert.equal(second.phone.state.phase, 'idle', 'no stale call comes back');
      assert.equal(second.org.tasks.length, 0, 'no second (Missed) Task');
    } finally {
      // Every phone a test starts, it stops, even when an assertion failed.
      await first.phone.stop();
      await second?.phone.stop();
    }
  });
});

describe('the adapter page hands org and user ids to the bundle (emulator rendering)', () => {
  const resourceDir = mkdtempSync(join(tmpdir(), 'sb-res-'));
  writeFileSync(join(resourceDir, 'softphone.js'), '');
  const pagePath = join(DEFAULT_DIR, 'pages/Softphone_Adapter.page');

  test('the real page renders {!$Organization.Id} and {!$User.Id} onto #softphone-root', () => {
    const html = renderAdapterPage({
      pagePath,
      staticResourceDir: resourceDir,
      userId: '005000000000009AAA'
    });
    const root = /<div\s+id="softphone-root"[^>]*>/.exec(html)?.[0] ?? '';
    assert.match(root, new RegExp(`data-org-id="${EMULATOR_ORG_ID}"`));
    assert.match(root, /data-user-id="005000000000009AAA"/);
    const dataset = {
      orgId: /data-org-id="([^"]*)"/.exec(root)?.[1],
      userId: /data-user-id="([^"]*)"/.exec(root)?.[1]
    };
    assert.deepEqual(
      userFromPage(dataset),
      { orgId: EMULATOR_ORG_ID, userId: '005000000000009AAA' },
      'what the bundle reads'
    );
  });

  test('?user= picks the user; absent means the default user; anything but a User id is refused', () => {
    assert.equal(userIdFromQuery(''), EMULATOR_USER_ID);
    assert.equal(userIdFromQuery('mode=Lightning&user=005000000000002AAA'), '005000000000002AAA');
    for (const bad of ['user=003000000000001AAA', 'user=005%22%3E%3Cscript%3E', 'user=005'])
      assert.throws(() => userIdFromQuery(bad), PageRenderError, bad);
  });
});
