import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECK_CRASHED, runChecks, TIMED_OUT } from '../../../adapter/src/doctor/runner';
import { finding, type Check, type CheckResult } from '../../../adapter/src/doctor/types';

const passing = (id: Check['id'], delayMs = 0): Check => ({
  id,
  anchor: `a-${id}`,
  run: () =>
    new Promise((resolve) =>
      setTimeout(() => resolve(finding('pass', 'Switchboard_Doctor_ApexPass')), delayMs)
    )
});

test('a check that never answers is reported as timed out, and the others still come back', async () => {
  const hung: Check = { id: 'apex', anchor: 'x', run: () => new Promise(() => undefined) };
  const started = Date.now();
  const results = await runChecks([passing('open-cti'), hung, passing('sound', 5)], { timeoutMs: 60 });
  assert.ok(Date.now() - started < 2000, 'the run is bounded by the timeout, not by the hung check');
  assert.deepEqual(
    results.map((r) => [r.id, r.status, r.message]),
    [
      ['open-cti', 'pass', 'Switchboard_Doctor_ApexPass'],
      ['apex', 'fail', TIMED_OUT],
      ['sound', 'pass', 'Switchboard_Doctor_ApexPass']
    ]
  );
  assert.deepEqual(results[1]?.values, { seconds: 0.06 });
});

test('a check that throws, synchronously or not, becomes a failure that quotes the error', async () => {
  const throwsNow: Check = {
    id: 'settings',
    anchor: 'x',
    run: () => {
      throw new Error('boom now');
    }
  };
  const rejects: Check = { id: 'browser', anchor: 'x', run: () => Promise.reject(new Error('boom later')) };
  const results = await runChecks([throwsNow, rejects], { timeoutMs: 1000 });
  assert.deepEqual(
    results.map((r) => [r.status, r.message, r.values]),
    [
      ['fail', CHECK_CRASHED, { error: 'boom now' }],
      ['fail', CHECK_CRASHED, { error: 'boom later' }]
    ]
  );
});

test('results keep the checks order while onResult hears them as they finish, with the anchor and time', async () => {
  const heard: CheckResult[] = [];
  let clock = 0;
  const results = await runChecks([passing('apex', 30), passing('sound', 0)], {
    timeoutMs: 1000,
    onResult: (r) => heard.push(r),
    now: () => (clock += 7)
  });
  assert.deepEqual(
    heard.map((r) => r.id),
    ['sound', 'apex']
  );
  assert.deepEqual(
    results.map((r) => r.id),
    ['apex', 'sound']
  );
  assert.equal(results[0]?.anchor, 'a-apex');
  assert.ok(results.every((r) => r.ms > 0));
});
