// A slow saveLog (triggers, flows, a busy org) must still give exactly one Task per call: the tab that
// sends a log never sends it again while that send is in flight, however long Salesforce takes.
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { Softphone } from '../../adapter/src/app/softphone';
import { Outbox } from '../../adapter/src/logging/outbox';
import type { Logger } from '../../adapter/src/logging/logger';
import type { HostPort } from '../../adapter/src/opencti/port';
import type { SaveLogValue } from '../../adapter/src/opencti/types';
import { MemoryStorage, SafeStorage } from '../../adapter/src/persistence/safe-storage';
import { parseSettings } from '../../adapter/src/settings/settings';
import { DemoProvider } from '../../adapter/src/telephony/demo/demo-provider';

const T0 = 1_700_000_000_000;
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An org whose saveLog commits the Task only when it answers, `saveMs` after the request. */
function slowOrg(saveMs: number) {
  const tasks: Array<{ id: string; value: SaveLogValue }> = [];
  let seq = 0;
  const stub = () => Promise.resolve();
  const host = {
    saveLog: (value: SaveLogValue) =>
      new Promise<string>((resolve) => {
        setTimeout(() => {
          seq += 1;
          const id = typeof value.Id === 'string' ? value.Id : `00T${String(seq).padStart(15, '0')}`;
          if (typeof value.Id !== 'string') tasks.push({ id, value });
          resolve(id);
        }, saveMs);
      }),
    runApex: async (_cls: string, _method: string, params: string) => {
      const callObject = decodeURIComponent(params.replace(/^callObject=/, ''));
      return tasks.find((t) => t.value.CallObject === callObject)?.id ?? '';
    },
    onClickToDial: () => undefined,
    subscribe: async () => ({}),
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

/** Advances the mocked clock in small steps, letting promise callbacks run between them. */
async function advance(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 100) {
    mock.timers.tick(Math.min(100, left));
    for (let i = 0; i < 5; i += 1) await new Promise<void>((r) => setImmediate(r));
  }
}

describe('a slow saveLog in a single tab', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: T0 }));
  afterEach(() => mock.timers.reset());

  for (const saveMs of [10_000, 40_000]) {
    test(`a save that takes ${saveMs / 1000} s gives one Task, and the log ends saved`, async () => {
      const org = slowOrg(saveMs);
      const outbox = new Outbox({
        store: new SafeStorage(new MemoryStorage(), 'sb:'),
        owner: 'tab-a',
        leaseMs: 8000,
        random: () => 0.5
      });
      const phone = new Softphone({
        host: org.host,
        providerKind: 'demo',
        settings: parseSettings({}),
        logger: quiet,
        outbox,
        now: () => Date.now(),
        monotonic: () => Date.now()
      });
      await phone.start();
      phone.restore();
      await phone.connect(
        new DemoProvider({
          answerAfterMs: 20,
          noAnswerAfterMs: 50,
          inboundGiveUpAfterMs: 1000,
          signallingMs: 5
        })
      );
      phone.clickToDial({ number: '(415) 555-0101' });
      await advance(200);
      assert.equal(phone.state.phase, 'connected');
      phone.dispatch({ type: 'HANGUP' });
      phone.dispatch({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: '' });
      phone.dispatch({ type: 'SUBMIT_WRAP_UP' });
      await advance(saveMs + 30_000);
      assert.equal(org.tasks.length, 1, `Tasks created: ${org.tasks.length}`);
      assert.equal(phone.state.logs[0]?.status, 'saved');
      await phone.stop();
    });
  }

  test('handover during a slow save: the new leader shows the log saved, not "saving" forever, and one Task results', async () => {
    const org = slowOrg(20_000);
    const storage = new MemoryStorage();
    const phoneFor = (owner: string) =>
      new Softphone({
        host: org.host,
        providerKind: 'demo',
        settings: parseSettings({}),
        logger: quiet,
        outbox: new Outbox({
          store: new SafeStorage(storage, 'sb:'),
          owner,
          leaseMs: 8000,
          random: () => 0.5
        }),
        now: () => Date.now(),
        monotonic: () => Date.now()
      });
    const a = phoneFor('tab-a');
    const b = phoneFor('tab-b');
    try {
      await a.start();
      a.restore();
      b.setRole('follower');
      await a.connect(
        new DemoProvider({
          answerAfterMs: 20,
          noAnswerAfterMs: 50,
          inboundGiveUpAfterMs: 1000,
          signallingMs: 5
        })
      );
      a.clickToDial({ number: '(415) 555-0101' });
      await advance(200);
      a.dispatch({ type: 'HANGUP' });
      a.dispatch({ type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: '' });
      a.dispatch({ type: 'SUBMIT_WRAP_UP' });
      await advance(1000);
      // The agent takes the phone in the other tab while the save is still in flight.
      await a.disconnect();
      a.setRole('follower');
      b.setRole('leader');
      b.restore();
      assert.equal(b.state.logs[0]?.status, 'saving');
      await advance(60_000);
      assert.equal(b.state.logs[0]?.status, 'saved', "the new leader saw the old leader's send finish");
      assert.equal(b.state.logs[0]?.taskId, org.tasks[0]?.id);
      assert.equal(org.tasks.length, 1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
