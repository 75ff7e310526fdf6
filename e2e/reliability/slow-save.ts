/**
 * The slow-saveLog rows: Salesforce commits the Task long after the request (triggers, flows, a busy
 * org) — longer than the adapter's lease — and answers after the commit, or never. Each file runs
 * one or two of these in its own process, because they are slow by nature.
 */
import assert from 'node:assert/strict';
import type { SaveLogCommit } from '../../emulator/host/org-client';
import { assertOneTaskPerCallAfterSettle, hostState, openPhone, type EmulatorSession } from '../support/emulator-session';
import { callOut, emu, hangUpAndSave, until } from './rows';

export async function slowSaveRow(session: EmulatorSession, commit: SaveLogCommit): Promise<void> {
  const { page, phone } = await session.newPage();
  await openPhone(page);
  await emu(page).commitSaveLog(commit);
  await callOut(page, phone, '+1 212 555 0143');
  await page.waitForTimeout(1000);
  const sentAt = Date.now();
  await hangUpAndSave(page, phone);
  await until('Salesforce to commit the Task', () => session.org.tasks().length >= 1, commit.afterMs + 15_000);
  const committedAfter = Date.now() - sentAt;
  assert.ok(committedAfter >= commit.afterMs - 500, `committed after ${committedAfter} ms, configured ${commit.afterMs} ms`);
  // With an answer, the panel says saved as soon as it arrives; without one, only the runApex lookup can tell.
  await phone.locator('li[data-status="saved"]').waitFor({ timeout: commit.answer === 'afterCommit' ? 10_000 : 60_000 });
  await assertOneTaskPerCallAfterSettle(session.org, 1);
  const saveLogs = (await hostState(page)).calls.filter((c) => c.methodName === 'saveLog');
  console.log(`# ${commit.afterMs} ms commit, answer ${commit.answer}: ${saveLogs.length} saveLog call(s) from the tab, org saw ${JSON.stringify(session.org.saveLogRequests().map((r) => r.outcome))}`);
  await page.close();
}
