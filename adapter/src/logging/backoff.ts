/** Retry spacing for call logs: exponential, capped, jittered so tabs and agents don't retry in lockstep. */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** 0.2 = each delay is spread ±20 % so tabs and agents don't retry in lockstep. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60_000, jitter: 0.2 };

/** Delay before attempt `failures + 1`, after `failures` failed attempts (1 → base, doubling, capped). */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const raw = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const spread = 1 - policy.jitter + 2 * policy.jitter * clamp01(random());
  return Math.round(Math.min(policy.capMs, raw * spread));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 0.999_999) : 0.5;
}
