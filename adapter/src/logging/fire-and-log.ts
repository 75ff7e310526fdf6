import type { Logger } from './logger';

type Level = 'warn' | 'error';

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
  level: Level = 'warn'
): void {
  void work.catch(logFailure(logger, what, level));
}

/** The same console line as a rejection handler, for work that is awaited but whose failure is not fatal. */
export function logFailure(logger: Logger, what: string, level: Level = 'warn'): (error: unknown) => void {
  return (error) => logger[level](`${what} failed`, describeError(error));
}
