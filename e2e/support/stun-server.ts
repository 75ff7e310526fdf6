import { createSocket, type Socket } from 'node:dgram';

/**
 * A minimal STUN server on loopback (RFC 8489 Binding only) for tests of ICE gathering. It answers
 * every Binding request with the address it is told to report (TEST-NET-3 by default), not the
 * sender's, so the server-reflexive candidate the browser makes from it is unmistakably this answer.
 */
export interface StunServer {
  url: string;
  /** Binding requests answered so far. */
  answered(): number;
  close(): Promise<void>;
}

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const XOR_MAPPED_ADDRESS = 0x0020;

export async function startStunServer(
  reported = { address: '203.0.113.7', port: 40000 }
): Promise<StunServer> {
  const socket: Socket = createSocket('udp4');
  let answered = 0;
  socket.on('message', (message, sender) => {
    if (message.length < 20 || message.readUInt16BE(0) !== BINDING_REQUEST) return;
    if (message.readUInt32BE(4) !== MAGIC_COOKIE) return;
    const reply = Buffer.alloc(20 + 12);
    reply.writeUInt16BE(BINDING_SUCCESS, 0);
    reply.writeUInt16BE(12, 2);
    reply.writeUInt32BE(MAGIC_COOKIE, 4);
    message.copy(reply, 8, 8, 20); // transaction id
    reply.writeUInt16BE(XOR_MAPPED_ADDRESS, 20);
    reply.writeUInt16BE(8, 22);
    reply.writeUInt8(0, 24);
    reply.writeUInt8(0x01, 25); // IPv4
    reply.writeUInt16BE(reported.port ^ (MAGIC_COOKIE >>> 16), 26);
    const octets = reported.address.split('.').map(Number);
    const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
    reply.writeUInt32BE((address ^ MAGIC_COOKIE) >>> 0, 28);
    answered += 1;
    socket.send(reply, sender.port, sender.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  return {
    url: `stun:127.0.0.1:${port}`,
    answered: () => answered,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve()))
  };
}
