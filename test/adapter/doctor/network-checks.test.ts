import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  candidateType,
  originOf,
  sipRegistrationCheck,
  stunTurnCheck,
  webSocketCheck,
  type CspViolation,
  type NetworkCheckDeps,
  type PeerConnectionLike,
  type SocketLike
} from '../../../adapter/src/doctor/network-checks';

const URL_ = 'wss://pbx.example.org:8089/ws?token=secret';

class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function deps(overrides: Partial<NetworkCheckDeps> = {}) {
  const sockets: FakeSocket[] = [];
  const listeners = new Set<(v: CspViolation) => void>();
  const d: NetworkCheckDeps = {
    provider: 'sip',
    webSocketUrl: URL_,
    iceServers: ['stun:stun.example.org:3478'],
    line: () => ({ status: 'connected', error: null }),
    openWebSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onCspViolation: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    createPeerConnection: null,
    probeMs: 200,
    ...overrides
  };
  const violate = (v: CspViolation) => [...listeners].forEach((l) => l(v));
  return { d, sockets, listeners, violate };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('WebSocket: an open connection passes and is closed again; only the origin is named', async () => {
  const { d, sockets, listeners } = deps();
  const running = webSocketCheck(d).run();
  await tick();
  sockets[0]!.onopen?.(new Event('open'));
  assert.deepEqual(await running, {
    status: 'pass',
    message: 'Switchboard_Doctor_WebSocketPass',
    values: { origin: 'wss://pbx.example.org:8089' }
  });
  assert.ok(sockets[0]!.closed);
  assert.equal(listeners.size, 0, 'the CSP listener is removed');
});

test('WebSocket: a connect-src violation for the PBX is named as a missing CSP trusted site, even after the error', async () => {
  const { d, sockets, violate } = deps();
  const running = webSocketCheck(d).run();
  await tick();
  sockets[0]!.onerror?.(new Event('error'));
  violate({ blockedURI: 'https://elsewhere.example.com/x', effectiveDirective: 'connect-src' });
  violate({ blockedURI: 'wss://pbx.example.org:8089/ws', effectiveDirective: 'img-src' });
  violate({ blockedURI: 'wss://pbx.example.org:8089/ws', effectiveDirective: 'connect-src' });
  assert.deepEqual(await running, {
    status: 'fail',
    message: 'Switchboard_Doctor_WebSocketCsp',
    values: { origin: 'wss://pbx.example.org:8089' }
  });
});

test('WebSocket: an error without a violation is unreachable; silence is a timeout; a throwing constructor is handled', async () => {
  const refused = deps();
  const running = webSocketCheck(refused.d).run();
  await tick();
  refused.sockets[0]!.onclose?.({} as CloseEvent);
  assert.equal((await running).message, 'Switchboard_Doctor_WebSocketUnreachable');

  const silent = deps({ probeMs: 30 });
  assert.deepEqual(await webSocketCheck(silent.d).run(), {
    status: 'fail',
    message: 'Switchboard_Doctor_WebSocketTimeout',
    values: { origin: 'wss://pbx.example.org:8089', seconds: 0.03 }
  });

  const throwing = deps({
    openWebSocket: () => {
      throw new DOMException('Refused to connect', 'SecurityError');
    }
  });
  const blocked = webSocketCheck(throwing.d).run();
  await tick();
  throwing.violate({ blockedURI: 'wss', effectiveDirective: 'connect-src' });
  assert.equal((await blocked).message, 'Switchboard_Doctor_WebSocketCsp');
});

test('on the demo line the PBX, SIP and STUN checks do not apply', async () => {
  const { d } = deps({ provider: 'demo' });
  for (const check of [webSocketCheck(d), sipRegistrationCheck(d), stunTurnCheck(d)])
    assert.deepEqual(await check.run(), { status: 'skip', message: 'Switchboard_Doctor_NotApplicableDemo' });
});

test('SIP registration follows the line', async () => {
  const line = (status: string, error: string | null = null) =>
    sipRegistrationCheck(deps({ line: () => ({ status, error }) }).d).run();
  assert.equal((await line('connected')).status, 'pass');
  assert.equal((await line('elsewhere')).status, 'skip');
  assert.deepEqual(await line('loggedOut', '403 Forbidden'), {
    status: 'fail',
    message: 'Switchboard_Doctor_SipFailed',
    values: { error: '403 Forbidden' }
  });
  assert.equal((await line('loggedOut')).status, 'warning');
});

class FakePeer implements PeerConnectionLike {
  listener: ((line: string | null) => void) | null = null;
  closed = false;
  constructor(private readonly lines: (string | null)[]) {}
  onCandidate(listener: ((line: string | null) => void) | null): void {
    this.listener = listener;
  }
  createDataChannel(): unknown {
    return {};
  }
  createOffer(): Promise<RTCSessionDescriptionInit> {
    return Promise.resolve({ type: 'offer', sdp: 'v=0' });
  }
  setLocalDescription(): Promise<void> {
    setTimeout(() => this.lines.forEach((l) => this.listener?.(l)), 0);
    return Promise.resolve();
  }
  close(): void {
    this.closed = true;
  }
}

const HOST = 'candidate:1 1 udp 2122260223 10.0.0.5 50000 typ host generation 0';
const SRFLX = 'candidate:2 1 udp 1686052607 203.0.113.7 50000 typ srflx raddr 10.0.0.5 rport 50000';

test('STUN/TURN: a srflx candidate passes; only host candidates fail; the peer connection is always closed', async () => {
  const peers: FakePeer[] = [];
  const withLines = (lines: (string | null)[], probeMs = 200) =>
    stunTurnCheck(
      deps({
        probeMs,
        createPeerConnection: () => {
          const p = new FakePeer(lines);
          peers.push(p);
          return p;
        }
      }).d
    ).run();
  assert.equal((await withLines([HOST, SRFLX])).message, 'Switchboard_Doctor_IceSrflx');
  assert.equal((await withLines([HOST, null])).message, 'Switchboard_Doctor_IceUnreachable');
  assert.equal((await withLines([HOST], 30)).status, 'fail', 'gathering that never completes is bounded');
  assert.ok(peers.every((p) => p.closed));
  assert.equal(candidateType(SRFLX), 'srflx');
  assert.equal(candidateType('garbage'), null);
});

test('STUN/TURN: none configured skips; no WebRTC fails', async () => {
  assert.equal((await stunTurnCheck(deps({ iceServers: [] }).d).run()).message, 'Switchboard_Doctor_IceNone');
  assert.equal((await stunTurnCheck(deps().d).run()).message, 'Switchboard_Doctor_IceNoWebRtc');
  assert.equal(originOf('not a url'), '(not a URL)');
});
