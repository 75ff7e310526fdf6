import type { Logger } from './logger';

/** The message of an Error, or the thing itself as text: what goes after "failed" in a console line. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts host or line work nobody waits for, and logs its failure as "<what> failed": a rejected call
 * to the host must never become an unhandled rejection, nor vanish without a console line.
 */
export function fireAndLog(
  logger: Logger,
  what: string,
  work: Promise<unknown>,
  level: 'warn' | 'error' = 'warn'
): void {
  void work.catch((error: unknown) => logger[level](`${what} failed`, describeError(error)));
}
