// What the three org scripts share: how they talk to the person running them, how they report each
// step, and how they turn the CLI's error names into advice an admin can act on.
import { createInterface } from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { renderCommand, type SfResult, type SfRunner } from './sf';

export interface Io {
  out(line: string): void;
  /** True when a person can answer a prompt; false in CI or when stdin is piped. */
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export const consoleIo: Io = {
  out: (line) => console.log(line),
  interactive: Boolean(process.stdin.isTTY),
  async ask(question) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
};

/** Everything a script needs from the outside world; tests pass fakes. */
export interface Deps {
  sf: SfRunner;
  io: Io;
}

/** A failure the admin can act on; `main` prints the message and exits 1 without a stack trace. */
export class StepError extends Error {}

/** A bad command line; exits 2. */
export class UsageError extends Error {}

export interface PlannedCommand {
  args: string[];
  why: string;
}

export function printPlan(io: Io, title: string, plan: readonly PlannedCommand[]): void {
  io.out(title);
  plan.forEach((p, i) => {
    io.out(`  ${i + 1}. ${renderCommand(p.args)}`);
    io.out(`     ${p.why}`);
  });
  io.out('');
}

/** Prints each command before it runs and one line after, so a log reads as what happened. */
export class Steps {
  constructor(private readonly deps: Deps) {}

  run(args: string[]): Promise<SfResult> {
    this.deps.io.out(`$ ${renderCommand(args)}`);
    return this.deps.sf(args);
  }

  done(message: string): void {
    this.deps.io.out(`  ✓ ${message}`);
  }

  skipped(message: string): void {
    this.deps.io.out(`  – ${message} (nothing to do)`);
  }
}

/** The CLI's error name (`NoDefaultDevHubError`, `NamedOrgNotFoundError`, …), or '' on success. */
export function errorName(r: SfResult): string {
  if (r.code === 0 && (r.json === null || r.json.status === 0)) return '';
  return r.json?.name ?? r.json?.code ?? 'UnknownError';
}

/** The CLI's own message, first line only: the rest is `See more help with --help` noise. */
export function errorMessage(r: SfResult): string {
  const text = r.json?.message ?? (r.stderr.trim() || r.stdout.trim() || `sf exited with code ${r.code}`);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('See more help'))
    .join(' ');
}

export function resultOf(r: SfResult): Record<string, unknown> {
  const value = r.json?.result;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export function stringField(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const LOGIN_DEV_HUB = 'sf org login web --set-default-dev-hub --alias devhub';

/** Advice for an org the CLI does not know (NamedOrgNotFoundError) or no default org (NoDefaultEnvError). */
export function orgNotFoundAdvice(r: SfResult, org: string | undefined, rerun: string): string {
  const what = org
    ? `No Salesforce org is authorised as "${org}" on this machine`
    : 'No org was given and no default org is set';
  return [
    `${what} (${errorName(r)}: ${errorMessage(r)}).`,
    `Log in to the org first (add --instance-url https://test.salesforce.com for a sandbox), then run this again:`,
    `  sf org login web --alias my-org`,
    `  ${rerun}`,
    '`sf org list` shows the orgs this machine knows.'
  ].join('\n');
}

export function noDevHubAdvice(r: SfResult, devHub: string | undefined): string {
  if (devHub) {
    return [
      `The Dev Hub "${devHub}" is not authorised on this machine (${errorName(r)}: ${errorMessage(r)}).`,
      `Log in to your Dev Hub org (a production or Developer Edition org with Dev Hub enabled in Setup → Dev Hub):`,
      `  sf org login web --set-default-dev-hub --alias ${/^[\w-]+$/.test(devHub) ? devHub : 'devhub'}`
    ].join('\n');
  }
  return [
    `No Dev Hub is authorised on this machine (${errorName(r)}: ${errorMessage(r)}).`,
    `Scratch orgs and package versions are created by a Dev Hub (a production or Developer Edition org with`,
    `Dev Hub enabled in Setup → Dev Hub). Log in to it once and make it the default:`,
    `  ${LOGIN_DEV_HUB}`,
    `or pass --dev-hub <username or alias> to use another authorised Dev Hub.`
  ].join('\n');
}

/**
 * Runs a script body: prints StepError messages plainly and maps them to exit codes
 * (0 done, 1 failed, 2 bad command line), so `npm run …` ends with a clear last line.
 */
export async function exitCodeOf(io: Io, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.out(`✗ ${error.message}`);
      return 2;
    }
    if (error instanceof StepError) {
      io.out('');
      io.out(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** A Salesforce username for SOQL `Username = '…'`: no quotes or backslashes can reach the query. */
export function checkUsername(u: string): string {
  const trimmed = u.trim();
  if (!/^[^\s'"\\,]+@[^\s'"\\,]+$/.test(trimmed))
    throw new UsageError(`"${u}" is not a Salesforce username (name@domain).`);
  return trimmed.toLowerCase();
}

type Flags = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into a usage message (exit 2). */
export function parseFlags<T extends Flags>(argv: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values;
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
}
