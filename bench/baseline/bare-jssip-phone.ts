/**
 * Browser entry of the bench's SIP baseline (issue 15): a caller written against JsSIP alone, the way an
 * integrator following JsSIP's own docs would — no adapter, no emulator, no Switchboard code. It registers
 * at the same Kamailio and calls the customer page, so Switchboard's SIP timings have a floor to be held to.
 * Configured by query string: ?ws=ws://127.0.0.1:PORT&domain=127.0.0.1&user=bare
 */
import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';

export interface BareCallTimes {
  /** Date.now() at each point: the clock the adapter path uses too (its click and its INVITE are in different processes). */
  t0: number;
  invite: number;
  confirmed: number;
}

export interface BareJsSipApi {
  registered: boolean;
  /** Starts a call; resolves once JsSIP reports it up (200 OK received), with the times. */
  call(target: string, timeoutMs: number): Promise<BareCallTimes>;
  hangup(): void;
}

const params = new URLSearchParams(location.search);
const domain = params.get('domain') ?? '127.0.0.1';
const socket = new JsSIP.WebSocketInterface(params.get('ws') ?? '');
const ua = new JsSIP.UA({
  sockets: [socket],
  uri: `sip:${params.get('user') ?? 'bare'}@${domain}`,
  register: true,
  session_timers: false
});
let invitedAt = Number.NaN;
// The INVITE "on the wire" is timed where the adapter path times it: as JsSIP hands it to the WebSocket.
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (
  this: WebSocket,
  data: string | ArrayBufferLike | Blob | ArrayBufferView
) {
  if (typeof data === 'string' && data.startsWith('INVITE ')) invitedAt = Date.now();
  return send.call(this, data);
};

let session: RTCSession | null = null;
const api: BareJsSipApi = {
  registered: false,
  call(target, timeoutMs) {
    return new Promise((resolve, reject) => {
      invitedAt = Number.NaN;
      const t0 = Date.now();
      const timer = setTimeout(
        () => reject(new Error(`bare JsSIP call not up after ${timeoutMs} ms`)),
        timeoutMs
      );
      const up = () => {
        clearTimeout(timer);
        resolve({ t0, invite: invitedAt, confirmed: Date.now() });
      };
      session = ua.call(`sip:${target}@${domain}`, {
        mediaConstraints: { audio: true, video: false },
        pcConfig: { iceServers: [] },
        eventHandlers: {
          accepted: up,
          failed: (e: { cause?: string }) => {
            clearTimeout(timer);
            reject(new Error(`bare JsSIP call failed: ${e.cause ?? 'unknown'}`));
          }
        }
      });
    });
  },
  hangup() {
    if (session && !session.isEnded()) session.terminate();
    session = null;
  }
};
ua.on('registered', () => {
  api.registered = true;
});
(window as unknown as { bareJsSip: BareJsSipApi }).bareJsSip = api;
ua.start();
