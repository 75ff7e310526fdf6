import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort, freeLoopbackUdpRange } from './free-port';
import { requireBinary, spawnManaged, type ManagedProcess } from './managed-process';

export const SIPP_PACKAGE = 'sip-tester';

export type SippScenario =
  | 'uas-busy'
  | 'uas-ring-until-cancel'
  | 'uas-answer-then-bye'
  | 'uas-bad-sdp'
  | 'uac-register'
  | 'uac-call-then-bye'
  | 'uac-call-then-cancel';

export function scenarioPath(scenario: SippScenario): string {
  return fileURLToPath(new URL(`../fixtures/sipp/${scenario}.xml`, import.meta.url));
}

export interface SippRun {
  readonly process: ManagedProcess;
  /** Resolves with SIPp's exit code (0 = every call of the scenario succeeded); bounded by timeoutMs. */
  result(timeoutMs: number): Promise<number | null>;
  stop(): Promise<void>;
}

interface SippOptions {
  scenario: SippScenario;
  /** Local UDP port for this SIPp; a free one when omitted. */
  port?: number;
  /** Kamailio's UDP port, for UAC scenarios. */
  proxyPort?: number;
  /** [service] in the scenario: the user to call or register. */
  user?: string;
  keys?: Record<string, string>;
  /** SIPp's own global timeout, so a stuck SIPp always ends by itself too. */
  globalTimeoutSeconds?: number;
}

/** Runs one call of a scenario on 127.0.0.1 (-m 1), in a scratch dir so SIPp's files never land in the repo. */
export async function runSipp(options: SippOptions): Promise<SippRun> {
  const binary = requireBinary('sipp', SIPP_PACKAGE);
  const port = options.port ?? (await freeLoopbackPort());
  const mediaPort = await freeLoopbackUdpRange(4);
  const cwd = mkdtempSync(join(tmpdir(), 'switchboard-sipp-'));
  const args = [
    '-sf',
    scenarioPath(options.scenario),
    '-i',
    '127.0.0.1',
    '-mi',
    '127.0.0.1',
    '-mp',
    String(mediaPort),
    '-p',
    String(port),
    '-m',
    '1',
    '-nostdin'
  ];
  args.push('-timeout', String(options.globalTimeoutSeconds ?? 30), '-timeout_error');
  if (options.user) args.push('-s', options.user);
  for (const [key, value] of Object.entries(options.keys ?? {})) args.push('-key', key, value);
  if (options.proxyPort !== undefined) args.push(`127.0.0.1:${options.proxyPort}`);
  const proc = spawnManaged(`sipp ${options.scenario}`, binary, args, { cwd });
  const cleanup = () => rmSync(cwd, { recursive: true, force: true });
  proc.exited.then(cleanup, cleanup);
  return {
    process: proc,
    async result(timeoutMs) {
      const timedOut = Symbol('timeout');
      const outcome = await Promise.race([
        proc.exited,
        new Promise<symbol>((resolve) => setTimeout(() => resolve(timedOut), timeoutMs).unref())
      ]);
      if (outcome === timedOut) {
        await proc.stop();
        throw new Error(
          `SIPp ${options.scenario} did not finish within ${timeoutMs} ms:\n${proc.output().slice(-3000)}`
        );
      }
      return outcome as number | null;
    },
    stop: () => proc.stop()
  };
}

/** SIPp's exit code when it cannot start at all (e.g. a port it wants for RTP was taken meanwhile). */
const SIPP_FATAL = 254;
const START_ATTEMPTS = 3;

/**
 * A SIPp UAS on its own UDP port, registered at Kamailio as `user` so calls to sip:user@... reach it.
 * Ports are picked free but can be taken before SIPp binds them (Chromium opens UDP ports all the time),
 * so a start-up failure is retried on fresh ports, a bounded number of times.
 */
export async function startRegisteredUas(
  scenario: SippScenario,
  user: string,
  proxyPort: number
): Promise<SippRun> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const uasPort = await freeLoopbackPort();
    const uas = await runSipp({ scenario, port: uasPort, globalTimeoutSeconds: 30 });
    try {
      const register = await runSipp({
        scenario: 'uac-register',
        user,
        proxyPort,
        keys: { uas_port: String(uasPort) },
        globalTimeoutSeconds: 10
      });
      const code = await register.result(10_000);
      if (code === 0 && !uas.process.hasExited()) return uas;
      const uasCode = uas.process.hasExited() ? await uas.result(1000) : null;
      lastError = new Error(
        `SIPp REGISTER for ${user} failed (exit ${code}, UAS ${uasCode === null ? 'running' : `exit ${uasCode}`}):\n${register.process.output().slice(-2000)}`
      );
      await uas.stop();
      if (code !== SIPP_FATAL && uasCode !== SIPP_FATAL) break;
    } catch (error) {
      await uas.stop();
      throw error;
    }
  }
  throw lastError;
}
