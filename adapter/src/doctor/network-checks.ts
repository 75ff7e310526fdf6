import { finding, type Check, type Finding } from './types';

/** The part of a WebSocket the probe uses. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  close(): void;
}

/** A `securitypolicyviolation` event, reduced to what identifies a blocked connection. */
export interface CspViolation {
  blockedURI: string;
  effectiveDirective: string;
}

/** The part of an RTCPeerConnection the ICE probe uses. */
export interface PeerConnectionLike {
  /** Each gathered candidate's line, then null when gathering is complete. */
  onCandidate(listener: ((line: string | null) => void) | null): void;
  createDataChannel(label: string): unknown;
  createOffer(): Promise<RTCSessionDescriptionInit>;
  setLocalDescription(description: RTCSessionDescriptionInit): Promise<void>;
  close(): void;
}

export interface NetworkCheckDeps {
  provider: 'demo' | 'sip';
  webSocketUrl: string;
  iceServers: readonly string[];
  /** The line as it is now: connected, signed out, connecting or mirrored from another tab, and its error. */
  line: () => { status: string; error: string | null };
  openWebSocket: (url: string) => SocketLike;
  /** Listens for CSP violations on the document; returns the unsubscribe. */
  onCspViolation: (listener: (violation: CspViolation) => void) => () => void;
  createPeerConnection: ((config: RTCConfiguration) => PeerConnectionLike) | null;
  /** How long the WebSocket and ICE probes wait, each. */
  probeMs: number;
}

const NOT_APPLICABLE = 'Switchboard_Doctor_NotApplicableDemo';
/** A violation event may arrive a task after the socket's error: wait this long before calling it unreachable. */
const VIOLATION_GRACE_MS = 150;

/** Scheme, host and port only: paths and queries may carry tokens, and CSP trusted sites are origins. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(not a URL)';
  }
}

function sameHost(blockedURI: string, url: string): boolean {
  try {
    return new URL(blockedURI).host === new URL(url).host;
  } catch {
    // Browsers may report only a scheme ("wss") when they strip a cross-origin URL.
    return blockedURI === '' || !blockedURI.includes(':') || blockedURI.startsWith('ws');
  }
}

export function webSocketCheck(deps: NetworkCheckDeps): Check {
  return {
    id: 'pbx-websocket',
    anchor: 'doctor-pbx-websocket',
    run: () => {
      if (deps.provider !== 'sip') return Promise.resolve(finding('skip', NOT_APPLICABLE));
      const origin = originOf(deps.webSocketUrl);
      const blocked = finding('fail', 'Switchboard_Doctor_WebSocketCsp', { origin });
      return new Promise<Finding>((resolve) => {
        let settled = false;
        let socket: SocketLike | null = null;
        let violated = false;
        const timers: ReturnType<typeof setTimeout>[] = [];
        const finish = (result: Finding): void => {
          if (settled) return;
          settled = true;
          stopListening();
          timers.forEach(clearTimeout);
          if (socket) {
            socket.onopen = socket.onerror = socket.onclose = null;
            socket.close();
          }
          resolve(result);
        };
        const stopListening = deps.onCspViolation((violation) => {
          if (!violation.effectiveDirective.startsWith('connect-src')) return;
          if (!sameHost(violation.blockedURI, deps.webSocketUrl)) return;
          violated = true;
          finish(blocked);
        });
        const failedSoon = (): void => {
          timers.push(
            setTimeout(
              () =>
                finish(
                  violated ? blocked : finding('fail', 'Switchboard_Doctor_WebSocketUnreachable', { origin })
                ),
              VIOLATION_GRACE_MS
            )
          );
        };
        timers.push(
          setTimeout(
            () =>
              finish(
                finding('fail', 'Switchboard_Doctor_WebSocketTimeout', {
                  origin,
                  seconds: deps.probeMs / 1000
                })
              ),
            deps.probeMs
          )
        );
        try {
          socket = deps.openWebSocket(deps.webSocketUrl);
        } catch {
          // Older browsers threw a SecurityError from the constructor for a CSP block; the event still says which.
          failedSoon();
          return;
        }
        socket.onopen = () => finish(finding('pass', 'Switchboard_Doctor_WebSocketPass', { origin }));
        socket.onerror = failedSoon;
        socket.onclose = failedSoon;
      });
    }
  };
}

export function sipRegistrationCheck(deps: NetworkCheckDeps): Check {
  return {
    id: 'sip-registration',
    anchor: 'doctor-sip-registration',
    run: () => {
      if (deps.provider !== 'sip') return Promise.resolve(finding('skip', NOT_APPLICABLE));
      const line = deps.line();
      if (line.status === 'connected') return Promise.resolve(finding('pass', 'Switchboard_Doctor_SipPass'));
      if (line.status === 'elsewhere')
        return Promise.resolve(finding('skip', 'Switchboard_Doctor_SipElsewhere'));
      if (line.error)
        return Promise.resolve(finding('fail', 'Switchboard_Doctor_SipFailed', { error: line.error }));
      return Promise.resolve(finding('warning', 'Switchboard_Doctor_SipSignedOut'));
    }
  };
}

/** The candidate type in an ICE candidate line ("… typ srflx raddr …"). */
export function candidateType(line: string): string | null {
  return /\styp\s(\w+)/.exec(line)?.[1] ?? null;
}

export function stunTurnCheck(deps: NetworkCheckDeps): Check {
  return {
    id: 'stun-turn',
    anchor: 'doctor-stun-turn',
    run: async () => {
      if (deps.provider !== 'sip') return finding('skip', NOT_APPLICABLE);
      if (deps.iceServers.length === 0) return finding('skip', 'Switchboard_Doctor_IceNone');
      const create = deps.createPeerConnection;
      if (!create) return finding('fail', 'Switchboard_Doctor_IceNoWebRtc');
      const servers = deps.iceServers.length;
      const pc = create({ iceServers: deps.iceServers.map((urls) => ({ urls })) });
      const found = new Set<string>();
      try {
        const done = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deps.probeMs);
          pc.onCandidate((line) => {
            if (line === null) {
              clearTimeout(timer);
              resolve();
              return;
            }
            const type = candidateType(line);
            if (type) found.add(type);
            if (found.has('srflx') || found.has('relay')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        pc.createDataChannel('switchboard-doctor');
        await pc.setLocalDescription(await pc.createOffer());
        await done;
      } finally {
        pc.onCandidate(null);
        pc.close();
      }
      if (found.has('relay')) return finding('pass', 'Switchboard_Doctor_IceRelay', { servers });
      if (found.has('srflx')) return finding('pass', 'Switchboard_Doctor_IceSrflx', { servers });
      return finding('fail', 'Switchboard_Doctor_IceUnreachable', { servers });
    }
  };
}
