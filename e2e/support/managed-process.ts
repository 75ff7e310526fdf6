import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * A child process the test owns: started in its own process group (Kamailio forks workers),
 * stopped by PID with SIGTERM, then SIGKILL to the group if it does not exit in time.
 */
export interface ManagedProcess {
  readonly pid: number;
  readonly name: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  hasExited(): boolean;
  /** Last ~64 kB of stdout+stderr, for failure messages. */
  output(): string;
  stop(timeoutMs?: number): Promise<void>;
  /** Simulates a crash: SIGKILL to the whole process group. */
  kill(): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {}
): ManagedProcess {
  const child: ChildProcess = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
    child.once('error', (error) => {
      collect(Buffer.from(`\n[spawn error] ${error.message}\n`));
      done = true;
      resolve(null);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Group already gone.
    }
  };
  const waitExit = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())
    ]);
  return {
    pid,
    name,
    exited,
    hasExited: () => done,
    output: () => log,
    async stop(timeoutMs = 3000) {
      if (!done) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        if (!(await waitExit(timeoutMs))) {
          signalGroup('SIGKILL');
          await waitExit(2000);
        }
      }
      // Workers of a forking server (Kamailio) may outlive the main PID by a moment.
      signalGroup('SIGKILL');
    },
    async kill() {
      signalGroup('SIGKILL');
      await waitExit(3000);
    }
  };
}

const EXTRA_PATHS = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

/** Absolute path of a required tool, or an error that tells CI which Debian package provides it. */
export function requireBinary(binary: string, debianPackages: string): string {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), ...EXTRA_PATHS].filter((d) => d.length > 0);
  for (const dir of dirs) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Keep looking.
    }
  }
  throw new Error(
    `${binary} is not installed. The SIP E2E suite needs it: apt-get install -y --no-install-recommends ${debianPackages}`
  );
}

export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
  intervalMs = 50
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
