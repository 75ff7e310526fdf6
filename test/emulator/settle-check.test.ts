/**
 * The check every fault-matrix row ends with (e2e/support/emulator-session.ts): it must fail on a
 * duplicate that arrives during the settle period, on a missing Task, and pass on one Task per call.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Org } from '../../emulator/server/org';
import { assertOneTaskPerCallAfterSettle } from '../../e2e/support/emulator-session';

const task = (callObject: string) => ({
  entityApiName: 'Task',
  Subject: 'Call',
  TaskSubtype: 'Call',
  CallObject: callObject,
  CallDisposition: 'Completed'
});

describe('assertOneTaskPerCallAfterSettle', () => {
  it('passes with exactly one Task per expected call', async () => {
    const org = new Org();
    await org.saveLog(task('a'));
    await org.saveLog(task('b'));
    await assertOneTaskPerCallAfterSettle(org, 2, 10);
  });

  it('fails on a duplicate written during the settle period, naming the call', async () => {
    const org = new Org();
    await org.saveLog(task('a'));
    setTimeout(() => void org.saveLog(task('a')), 20); // after the first count would have passed
    await assert.rejects(
      assertOneTaskPerCallAfterSettle(org, 1, 80),
      /duplicate Tasks after 80 ms: a ×2 \(Completed, Completed\)/
    );
  });

  it('fails when a call has no Task, or an unexpected call has one', async () => {
    const org = new Org();
    await org.saveLog(task('a'));
    await assert.rejects(
      assertOneTaskPerCallAfterSettle(org, 2, 10),
      /expected 2 call\(s\) with a Task .* found 1: a/
    );
    await org.saveLog(task('b'));
    await assert.rejects(
      assertOneTaskPerCallAfterSettle(org, 1, 10),
      /expected 1 call\(s\) with a Task .* found 2/
    );
  });
});
