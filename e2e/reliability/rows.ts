/**
 * What the fault-matrix rows (e2e/reliability/*.test.ts) share: driving the real softphone in the
 * emulator like an agent, and reaching the emulator's faults. The counting that decides a row is
 * `assertOneTaskPerCallAfterSettle` in e2e/support/emulator-session.ts.
 */
import type { Frame, Page } from 'playwright-core';
import type { WindowWithEmulator } from '../../emulator/host/api';
import type { SaveLogCommit } from '../../emulator/host/org-client';
import { tap, waitForHost } from '../support/emulator-session';

/** The emulator's fault switches, from a host page (the faults live in the server's org: every tab gets them). */
export const emu = (page: Page) => ({
  reload: () => page.evaluate(() => (window as WindowWithEmulator).emulator!.reloadSoftphone()),
  failSaves: (n: number) =>
    page.evaluate((count) => (window as WindowWithEmulator).emulator!.failNextSaveLogs(count), n),
  delaySaveLogAnswer: (ms: number) =>
    page.evaluate((d) => (window as WindowWithEmulator).emulator!.setReplyDelay({ saveLog: d }), ms),
  commitSaveLog: (commit: SaveLogCommit) =>
    page.evaluate((c) => (window as WindowWithEmulator).emulator!.setSaveLogCommit(c), commit)
});

/** The softphone frame as it is now (a reload replaces it). */
export async function phoneFrame(page: Page): Promise<Frame> {
  await waitForHost(page, (s) => s.initialized, 'the softphone to initialise', 15_000);
  const frame = page.frames().find((f) => f.url().includes('/apex/Softphone_Adapter'));
  if (!frame) throw new Error('softphone frame not found');
  await frame.locator('[data-id="softphone"]').waitFor({ timeout: 10_000 });
  return frame;
}

/** Dials from the phone's keypad and waits until the (demo) line connects. */
export async function callOut(page: Page, phone: Frame, number: string): Promise<void> {
  await phone.locator('[data-id="dial-input"]').fill(number);
  await tap(page, phone, '[data-id="dial-button"]');
  await phone.locator('[data-id="call-state"][data-phase="connected"]').waitFor({ timeout: 5000 });
}

/** Hangs up and saves the wrap-up as it is. */
export async function hangUpAndSave(page: Page, phone: Frame, notes?: string): Promise<void> {
  await tap(page, phone, '[data-id="hangup-button"]');
  await phone.locator('[data-id="wrapup-form"]').waitFor({ timeout: 5000 });
  if (notes !== undefined) await phone.locator('[data-id="notes"]').fill(notes);
  await tap(page, phone, '[data-id="save-log"]');
}

/** Every frame of the page's origin `origin` — where the softphone runs, and where an attacker page would. */
export function framesOf(page: Page, origin: string): Frame[] {
  return page.frames().filter((f) => f.url().startsWith(origin));
}

/** Polls a condition in the test process (e.g. on the server's org), bounded. */
export async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
