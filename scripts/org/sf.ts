// The one process boundary of the org scripts: every Salesforce CLI call goes through an `SfRunner`.
// The scripts receive the runner as a parameter, so tests inject a fake and assert the exact commands.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SF_BIN = join(ROOT, 'node_modules/@salesforce/cli/bin/run.js');

/** The `--json` envelope every sf command prints: `result` on success, `name`/`message` on failure. */
export interface SfJson {
  status: number;
  result?: unknown;
  name?: string;
  message?: string;
  code?: string;
  data?: unknown;
  warnings?: unknown[];
}

export interface SfResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed `--json` output, or null when stdout was not JSON (a crash before the CLI started). */
  json: SfJson | null;
}

/** Runs `sf <args> --json`. `args` never contain `--json`: they are the command a person would type. */
export type SfRunner = (args: readonly string[]) => Promise<SfResult>;

/**
 * Keeps the CLI quiet and offline-safe: no telemetry lookup, no npm update check, no autoupdate
 * and no log file in ~/.sf (tooling notes §1). Exported so tests can run the real CLI the same way.
 */
export const SF_ENV = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_DISABLE_LOG_FILE: 'true'
} as const;

export function parseSfJson(stdout: string): SfJson | null {
  // Warnings can precede the JSON on some commands; the envelope is the first top-level object.
  const start = stdout.indexOf('{');
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(stdout.slice(start));
    if (value !== null && typeof value === 'object' && 'status' in value) return value as SfJson;
    return null;
  } catch {
    return null;
  }
}

/** The real runner: the project's pinned CLI (node_modules), so no global `sf` is needed. */
export const runSf: SfRunner = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [SF_BIN, ...args, '--json'], {
      cwd: ROOT,
      env: { ...process.env, ...SF_ENV },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => resolve({ code: 127, stdout, stderr: stderr + String(e), json: null }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, json: parseSfJson(stdout) }));
  });

/** `sf a b "c d"` as a person would paste it into a POSIX shell. */
export function renderCommand(args: readonly string[]): string {
  return ['sf', ...args.map(quoteArg)].join(' ');
}

function quoteArg(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  // Double quotes keep the SOQL's single quotes readable; escape what the shell expands inside them.
  return `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;
}
