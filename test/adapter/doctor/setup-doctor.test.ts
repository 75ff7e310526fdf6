import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SetupDoctor, type SetupDoctorDeps } from '../../../adapter/src/doctor/setup-doctor';
import { finding, type Check } from '../../../adapter/src/doctor/types';
import { doctorLineStatus } from '../../../adapter/src/doctor/line-status';
import { browserCheck, storageWritable } from '../../../adapter/src/doctor/browser-checks';
import { MemoryStorage } from '../../../adapter/src/persistence/safe-storage';

function doctor(overrides: Partial<SetupDoctorDeps> = {}) {
  let redraws = 0;
  let release = (): void => undefined;
  const slow: Check = {
    id: 'apex',
    anchor: 'doctor-apex-service',
    run: () =>
      new Promise((resolve) => (release = () => resolve(finding('fail', 'Switchboard_Doctor_ApexMissing'))))
  };
  const quick: Check = {
    id: 'sound',
    anchor: 'doctor-sound',
    run: () => Promise.resolve(finding('pass', 'Switchboard_Doctor_SoundPass'))
  };
  const written: string[] = [];
  const sd = new SetupDoctor({
    checks: () => [slow, quick],
    facts: () => ({
      resourceVersion: null,
      openCtiVersion: null,
      userAgent: 'UA',
      provider: 'demo',
      pbxOrigin: null,
      iceServerCount: 0,
      orgId: null,
      userId: null
    }),
    text: (m) => m,
    clipboard: {
      writeText: (text) => {
        written.push(text);
        return Promise.resolve();
      }
    },
    redraw: () => (redraws += 1),
    guideUrl: null,
    timeoutMs: 1000,
    ...overrides
  });
  return { sd, release: () => release(), written, redraws: () => redraws };
}

test('a run lists every check at once and fills each row as it answers', async () => {
  const { sd, release } = doctor();
  const running = sd.run();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(sd.view.status, 'running');
  assert.deepEqual(
    sd.view.rows.map((r) => [r.id, r.result?.status ?? 'pending']),
    [
      ['apex', 'pending'],
      ['sound', 'pass']
    ]
  );
  release();
  await running;
  assert.equal(sd.view.status, 'done');
  assert.equal(sd.view.rows[0]?.result?.message, 'Switchboard_Doctor_ApexMissing');
});

test('Copy report writes the report to the clipboard', async () => {
  const { sd, release, written } = doctor();
  const running = sd.run();
  release();
  await running;
  await sd.copyReport();
  assert.equal(sd.view.copy, 'copied');
  assert.equal(written.length, 1);
  assert.match(written[0] ?? '', /\[FAIL\] apex .*Switchboard_Doctor_ApexMissing/);
});

test('a refused clipboard (or none) falls back to showing the report for the agent to select', async () => {
  for (const clipboard of [
    null,
    { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }
  ]) {
    const { sd } = doctor({ clipboard });
    await sd.copyReport();
    assert.equal(sd.view.copy, 'manual');
    assert.match(sd.view.report ?? '', /^Switchboard setup report/);
  }
});

test('closing hides the rows, and a run closed midway does not come back', async () => {
  const { sd, release } = doctor();
  const running = sd.run();
  sd.view.close();
  release();
  await running;
  assert.equal(sd.view.status, 'idle');
  assert.deepEqual(sd.view.rows, []);
});

test('the SIP check reads the machine first, then the line and its reason', () => {
  const state = (registration: 'registered' | 'failed' | 'registering', reason: string | null = null) => ({
    registration,
    registrationReason: reason
  });
  assert.deepEqual(doctorLineStatus(state('registered'), { status: 'connected', error: null }, false), {
    status: 'connected',
    error: null
  });
  assert.deepEqual(doctorLineStatus(state('failed', 'auth'), { status: 'connected', error: null }, false), {
    status: 'connecting',
    error: 'auth'
  });
  assert.equal(
    doctorLineStatus(state('registered'), { status: 'connected', error: null }, true).status,
    'elsewhere'
  );
});

test('browser support: missing WebRTC fails a SIP line; missing locks or storage only warn', async () => {
  const throwing = new MemoryStorage();
  throwing.setItem = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };
  assert.equal(storageWritable(throwing), false);
  assert.equal(storageWritable(null), false);
  const storage = new MemoryStorage();
  assert.equal(storageWritable(storage), true);
  assert.equal(storage.length, 0, 'the probe item is removed');
  const all = { provider: 'sip' as const, hasWebRtc: true, hasWebLocks: true, storage };
  assert.equal((await browserCheck(all).run()).status, 'pass');
  assert.deepEqual(await browserCheck({ ...all, hasWebRtc: false }).run(), {
    status: 'fail',
    message: 'Switchboard_Doctor_BrowserMissing',
    values: { missing: 'WebRTC' }
  });
  assert.deepEqual(
    await browserCheck({ ...all, provider: 'demo', hasWebLocks: false, storage: throwing }).run(),
    {
      status: 'warning',
      message: 'Switchboard_Doctor_BrowserMissing',
      values: { missing: 'Web Locks, localStorage' }
    }
  );
});
