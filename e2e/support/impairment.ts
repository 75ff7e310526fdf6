import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Impairment, MediaRelay } from './media-relay';

const run = promisify(execFile);

/**
 * Impairing the call's media on loopback, the kernel's way when it can and the relay's way otherwise.
 *
 * Preferred: `tc qdisc … netem` on `lo` inside the test's own network namespace (`.ci/run` starts the suite
 * in `unshare -n`), limited to UDP by a u32 filter so the SIP signalling (WebSocket, TCP) stays clean. It
 * is only tried when `lo` is the namespace's one interface: netem on a shared host's loopback would slow
 * every process on the machine. Kernels without netem ("Specified qdisc kind is unknown", no modules) fall
 * back to the userspace relay, which always carries the media in this suite either way.
 */
export interface LoopbackImpairment {
  readonly kind: 'netem' | 'relay';
  /** Why netem was not used, for the test's diagnostics; null when it is. */
  readonly netemUnavailable: string | null;
  apply(settings: Impairment): Promise<void>;
  clear(): Promise<void>;
}

const tc = (...args: string[]) => run('tc', args, { timeout: 5000 });

/** Null when netem can be used here, or why not. Leaves no qdisc behind either way. */
async function probeNetem(): Promise<string | null> {
  // /proc/net/dev lists this network namespace's interfaces (sysfs keeps showing the host's after unshare -n).
  let interfaces: string[];
  try {
    interfaces = readFileSync('/proc/net/dev', 'utf8')
      .split('\n')
      .slice(2)
      .map((line) => line.split(':')[0]!.trim())
      .filter((name) => name.length > 0);
  } catch {
    return 'cannot list network interfaces';
  }
  if (interfaces.join(',') !== 'lo')
    return `not in a private network namespace (interfaces: ${interfaces.join(', ')})`;
  try {
    await tc('qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'prio');
    await tc('qdisc', 'add', 'dev', 'lo', 'parent', '1:3', 'handle', '30:', 'netem', 'delay', '0ms');
    await tc(
      'filter',
      'add',
      'dev',
      'lo',
      'parent',
      '1:',
      'protocol',
      'ip',
      'prio',
      '1',
      'u32',
      'match',
      'ip',
      'protocol',
      '17',
      '0xff',
      'flowid',
      '1:3'
    );
    return null;
  } catch (error) {
    await tc('qdisc', 'del', 'dev', 'lo', 'root').catch(() => undefined);
    const text = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    return `tc netem failed: ${text}`;
  }
}

/**
 * Through the relay every packet crosses `lo` twice, so netem gets half the delay and the per-hop loss
 * that compounds to the requested end-to-end loss.
 */
function netemArgs({ lossPercent, delayMs, jitterMs }: Impairment): string[] {
  const perHopLoss = 100 * (1 - Math.sqrt(1 - Math.min(lossPercent, 99.9) / 100));
  return [
    'delay',
    `${delayMs / 2 + jitterMs / 2}ms`,
    `${jitterMs / 2}ms`,
    'loss',
    `${perHopLoss.toFixed(2)}%`
  ];
}

export async function loopbackImpairment(relay: MediaRelay): Promise<LoopbackImpairment> {
  const netemUnavailable = await probeNetem();
  if (netemUnavailable === null) {
    return {
      kind: 'netem',
      netemUnavailable,
      apply: async (settings) => {
        await tc(
          'qdisc',
          'change',
          'dev',
          'lo',
          'parent',
          '1:3',
          'handle',
          '30:',
          'netem',
          ...netemArgs(settings)
        );
      },
      clear: async () => {
        await tc('qdisc', 'del', 'dev', 'lo', 'root').catch(() => undefined);
      }
    };
  }
  return {
    kind: 'relay',
    netemUnavailable,
    apply: (settings) => {
      relay.impair(settings);
      return Promise.resolve();
    },
    clear: () => {
      relay.impair({ lossPercent: 0, delayMs: 0, jitterMs: 0 });
      return Promise.resolve();
    }
  };
}
