import type { LabelName } from '../i18n/labels';
import { errorText, type Check, type CheckResult, type Finding } from './types';

export interface RunnerOptions {
  /** Upper bound for any one check; a check still running then is reported as timed out. */
  timeoutMs: number;
  /** Called as each check finishes, in finishing order, so the list can fill in as results come. */
  onResult?: (result: CheckResult) => void;
  now?: () => number;
}

export const TIMED_OUT: LabelName = 'Switchboard_Doctor_TimedOut';
export const CHECK_CRASHED: LabelName = 'Switchboard_Doctor_CheckCrashed';

/**
 * Runs every check side by side, each bounded by `timeoutMs`, and returns the results in the
 * checks' order. A check that hangs or throws becomes a `fail` of its own and never holds up the
 * list; its late answer, if one ever comes, is dropped.
 */
export async function runChecks(checks: readonly Check[], options: RunnerOptions): Promise<CheckResult[]> {
  const now = options.now ?? (() => performance.now());
  return Promise.all(
    checks.map(async (check) => {
      const started = now();
      const found = await bounded(check, options.timeoutMs);
      const result: CheckResult = {
        ...found,
        id: check.id,
        anchor: check.anchor,
        ms: Math.max(0, Math.round(now() - started))
      };
      options.onResult?.(result);
      return result;
    })
  );
}

function bounded(check: Check, timeoutMs: number): Promise<Finding> {
  return new Promise<Finding>((resolve) => {
    const timer = setTimeout(
      () => resolve({ status: 'fail', message: TIMED_OUT, values: { seconds: timeoutMs / 1000 } }),
      timeoutMs
    );
    let running: Promise<Finding>;
    try {
      running = check.run();
    } catch (error) {
      running = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    running.then(
      (found) => {
        clearTimeout(timer);
        resolve(found);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'fail', message: CHECK_CRASHED, values: { error: errorText(error) } });
      }
    );
  });
}
