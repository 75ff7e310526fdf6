import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from './free-port';
import { requireBinary, spawnManaged, waitFor, type ManagedProcess } from './managed-process';

export const KAMAILIO_CONFIG = fileURLToPath(new URL('../fixtures/kamailio/kamailio.cfg', import.meta.url));

export interface KamailioOptions {
  /** Challenge browser REGISTER/INVITE; every user's password is "secret". */
  withAuth?: boolean;
  /** INVITE ring timeout at the proxy (tm fr_inv_timer) before it answers 408. */
  inviteTimeoutMs?: number;
  /** Fixed ports (a restart must reuse them); free ones are picked otherwise. */
  sipPort?: number;
  wsPort?: number;
}

export interface Kamailio {
  readonly sipPort: number;
  readonly wsPort: number;
  readonly webSocketUrl: string;
  readonly process: ManagedProcess;
  readonly options: KamailioOptions;
  stop(): Promise<void>;
}

export const KAMAILIO_PACKAGES = 'kamailio kamailio-websocket-modules';

/** Starts Kamailio in the foreground on loopback and waits (bounded) until its WebSocket port accepts connections. */
export async function startKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const binary = requireBinary('kamailio', KAMAILIO_PACKAGES);
  const sipPort = options.sipPort ?? (await freeLoopbackPort());
  const wsPort = options.wsPort ?? (await freeLoopbackPort());
  const args = ['-DD', '-E', '-f', KAMAILIO_CONFIG, '-A', `SIP_PORT=${sipPort}`, '-A', `WS_PORT=${wsPort}`];
  if (options.withAuth) args.push('-A', 'WITH_AUTH');
  if (options.inviteTimeoutMs !== undefined) args.push('-A', `FR_INV_MS=${options.inviteTimeoutMs}`);
  // Kamailio wants a writable runtime dir for its (unused) control files; keep it out of /var/run.
  const proc = spawnManaged('kamailio', binary, [...args, '-Y', '/tmp'], { cwd: '/tmp' });
  try {
    await waitFor('Kamailio to accept WebSocket connections', 5000, async () => {
      if (proc.hasExited())
        throw new Error(`Kamailio exited during start-up:\n${proc.output().slice(-3000)}`);
      return (await tcpAccepts(wsPort)) ? true : undefined;
    });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return {
    sipPort,
    wsPort,
    webSocketUrl: `ws://127.0.0.1:${wsPort}`,
    process: proc,
    options: { ...options, sipPort, wsPort },
    stop: () => proc.stop()
  };
}

/** Same ports and options again, e.g. after a simulated crash. */
export function restartKamailio(previous: Kamailio): Promise<Kamailio> {
  return startKamailio(previous.options);
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
