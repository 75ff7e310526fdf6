import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

/**
 * A UDP relay on loopback between two WebRTC endpoints, impairing the media on its way through: the
 * userspace stand-in for `tc qdisc … netem` where the kernel has no netem (e2e/support/impairment.ts).
 *
 * Side A is what the agent is told the customer's address is; side B is what the customer is told the
 * agent's address is (emulator/customer/relay-sdp.ts rewrites both SDPs). Each side learns its peer from
 * the first packets it receives (ICE checks), so no ports need to be known in advance. Only packets from
 * 127.0.0.1 count: media never leaves loopback.
 *
 * Loss applies to RTP/RTCP only (first byte 128–191, RFC 7983): STUN consent checks and DTLS must get
 * through or the browser drops the call instead of letting it sound bad. Delay and jitter apply to
 * everything, so RTCP and consent round trips show the delay the audio has.
 */
export interface Impairment {
  lossPercent: number;
  delayMs: number;
  /** Each packet gets an extra random delay in [0, 2·jitterMs): the mean is jitterMs, and order suffers. */
  jitterMs: number;
}

export const NO_IMPAIRMENT: Impairment = { lossPercent: 0, delayMs: 0, jitterMs: 0 };

export interface MediaRelay {
  /** The port the customer's SDP advertises to the agent. */
  readonly agentFacingPort: number;
  /** The port the agent's SDP is rewritten to, for the customer. */
  readonly customerFacingPort: number;
  readonly counts: { toCustomer: number; toAgent: number; dropped: number };
  impair(settings: Impairment): void;
  stop(): Promise<void>;
}

const isRtpOrRtcp = (packet: Buffer): boolean => packet.length > 0 && packet[0]! >= 128 && packet[0]! <= 191;

function bind(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

export async function startMediaRelay(random: () => number = Math.random): Promise<MediaRelay> {
  const [a, b] = [await bind(), await bind()];
  let settings: Impairment = NO_IMPAIRMENT;
  const peers: { a: RemoteInfo | null; b: RemoteInfo | null } = { a: null, b: null };
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const counts = { toCustomer: 0, toAgent: 0, dropped: 0 };
  let stopped = false;

  const forward = (packet: Buffer, out: Socket, to: RemoteInfo | null, counter: 'toCustomer' | 'toAgent') => {
    if (!to || stopped) return;
    if (isRtpOrRtcp(packet) && random() * 100 < settings.lossPercent) {
      counts.dropped += 1;
      return;
    }
    const send = () => {
      if (stopped) return;
      counts[counter] += 1;
      out.send(packet, to.port, to.address);
    };
    const wait = settings.delayMs + random() * 2 * settings.jitterMs;
    if (wait <= 0) return send();
    const timer = setTimeout(() => {
      pending.delete(timer);
      send();
    }, wait);
    pending.add(timer);
  };

  a.on('message', (packet, from) => {
    if (from.address !== '127.0.0.1') return;
    peers.a = from;
    forward(packet, b, peers.b, 'toCustomer');
  });
  b.on('message', (packet, from) => {
    if (from.address !== '127.0.0.1') return;
    peers.b = from;
    forward(packet, a, peers.a, 'toAgent');
  });

  return {
    agentFacingPort: a.address().port,
    customerFacingPort: b.address().port,
    counts,
    impair(next) {
      settings = { ...next };
    },
    async stop() {
      stopped = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      await Promise.all([a, b].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    }
  };
}
