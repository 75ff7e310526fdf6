/**
 * The slow-saveLog rows: Salesforce commits the Task long after the request (triggers, flows, a busy
 * org) — longer than the adapter's lease — and answers after the commit, or never. Each file runs
 * one or two of these in its own process, because they are slow by nature.
 */
import assert from 'node:assert/strict';
import type { SaveLogCommit } from '../../emulator/host/org-client';
import {
  assertOneTaskPerCallAfterSettle,
  hostState,
  openPhone,
  type EmulatorSession
} from '../support/emulator-session';
import { callOut, emu, hangUpAndSave, phoneFrame, until } from './rows';

export async function slowSaveRow(session: EmulatorSession, commit: SaveLogCommit): Promise<void> {
  const { page, phone } = await session.newPage();
  await openPhone(page);
  await emu(page).commitSaveLog(commit);
  await callOut(page, phone, '+1 212 555 0143');
  await page.waitForTimeout(1000);
  const sentAt = Date.now();
  await hangUpAndSave(page, phone);
  await until(
    'Salesforce to commit the Task',
    () => session.org.tasks().length >= 1,
    commit.afterMs + 15_000
  );
  const committedAfter = Date.now() - sentAt;
  assert.ok(
    committedAfter >= commit.afterMs - 500,
    `committed after ${committedAfter} ms, configured ${commit.afterMs} ms`
  );
  if (commit.answer === 'afterCommit') {
    await phone.locator('li[data-status="saved"]').waitFor({ timeout: 10_000 });
  } else {
    // The tab that sent it keeps its claim while the send is in flight, so it waits (showing "saving")
    // rather than sending again. A reload is the agent's way out: the next page finds the lease
    // expired, asks runApex whether the Task exists, and confirms it without a second create.
    await page.waitForTimeout(3000);
    assert.equal(
      await phone.locator('li[data-status="saved"]').count(),
      0,
      'no answer came, so the tab cannot know yet'
    );
    await emu(page).reload();
    const fresh = await phoneFrame(page);
    await fresh.locator('li[data-status="saved"]').waitFor({ timeout: 30_000 });
  }
  await assertOneTaskPerCallAfterSettle(session.org, 1);
  const calls = (await hostState(page)).calls;
  const count = (method: string) => calls.filter((c) => c.methodName === method).length;
  console.log(
    `# ${commit.afterMs} ms commit, answer ${commit.answer}: this page sent ${count('saveLog')} saveLog, ${count('runApex')} runApex; the org saw ${JSON.stringify(session.org.saveLogRequests().map((r) => r.outcome))}`
  );
  await page.close();
}
