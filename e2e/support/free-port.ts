import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 for both TCP and UDP right now (the OS picks; we check the other protocol). */
export async function freeLoopbackPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
        );
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free loopback port found');
}

/** A run of `count` consecutive UDP ports free on 127.0.0.1 (SIPp binds its RTP echo at mp and mp+2). */
export async function freeLoopbackUdpRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = await freeLoopbackPort();
    let free = true;
    for (let offset = 1; offset < count && free; offset += 1) {
      free = await new Promise<boolean>((resolve) => {
        const socket = createSocket('udp4');
        socket.once('error', () => resolve(false));
        socket.bind(base + offset, '127.0.0.1', () => socket.close(() => resolve(true)));
      });
    }
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free loopback UDP ports found`);
}
