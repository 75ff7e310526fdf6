/** JsSIP's UA as the tests' network sees it: see fake-session.ts for what the fakes promise. */
import { EventEmitter } from 'node:events';
import type { UAConfiguration } from 'jssip/lib/UA';
import type { SipUserAgent } from '../../../../adapter/src/telephony/sip/sip-provider';
import { FakeSession, isDialable, request, response } from './fake-session';

export class FakeUserAgent extends EventEmitter implements SipUserAgent {
  readonly sessions: FakeSession[] = [];
  started = 0;
  stopped = 0;
  private connected = false;
  private registered = false;
  /** The peer connection the next outgoing session gets (JsSIP creates it inside connect()). */
  nextConnection: unknown;
  /** Call-IDs of the INVITEs so far, oldest first (JsSIP's own are random tokens; these are easier to read). */
  readonly callIds: string[] = [];

  constructor(readonly configuration: UAConfiguration) {
    super();
  }

  start(): void {
    this.started += 1;
  }

  stop(): void {
    this.stopped += 1;
    // JsSIP un-REGISTERs, then closes the socket once its transactions are done.
    setImmediate(() => {
      if (this.registered) {
        this.registered = false;
        this.emit('unregistered', { response: response(200), cause: null });
      }
      this.connected = false;
      this.emit('disconnected', { socket: {}, error: false });
    });
  }

  isConnected(): boolean {
    return this.connected;
  }

  call(target: string, options: Record<string, unknown> = {}): FakeSession {
    if (!isDialable(target)) throw new TypeError(`Invalid target: ${target}`);
    return this.startOutgoing(target, options);
  }

  startOutgoing(target: string, options: Record<string, unknown>): FakeSession {
    const session = new FakeSession((to, opts) => this.startOutgoing(to, opts), 'outgoing', target, options);
    session.connection = this.nextConnection;
    this.sessions.push(session);
    // JsSIP's OutgoingRequest carries the Call-ID it generated as `call_id`.
    const invite = { ...request('INVITE'), call_id: this.newCallId() };
    this.emit('newRTCSession', { originator: 'local', session, request: invite });
    return session;
  }

  private newCallId(callId = `fake-${this.callIds.length + 1}@pbx.test`): string {
    this.callIds.push(callId);
    return callId;
  }

  // --- what the network does ---

  connect(): void {
    this.connected = true;
    this.emit('connected', { socket: {} });
  }

  /** Socket up and 200 OK to REGISTER. */
  register(): void {
    if (!this.connected) this.connect();
    this.registered = true;
    this.emit('registered', { response: response(200) });
  }

  /** A final REGISTER failure (statusCode) or none at all (null: timeout / transport error). */
  failRegistration(statusCode: number | null, cause: string): void {
    this.emit('registrationFailed', { response: statusCode === null ? null : response(statusCode), cause });
    if (this.registered) {
      this.registered = false;
      this.emit('unregistered', { response: statusCode === null ? null : response(statusCode), cause });
    }
  }

  /** The WebSocket closes (or a reconnect attempt fails): JsSIP's order is disconnected, then unregistered {}. */
  dropTransport(): void {
    this.connected = false;
    this.emit('disconnected', { socket: {}, error: true, code: 1006, reason: '' });
    if (this.registered) {
      this.registered = false;
      this.emit('unregistered', {});
    }
  }

  /** An inbound INVITE; `callId` is its Call-ID header exactly as the network sent it. */
  offer(user: string | null, displayName?: string, callId?: string): FakeSession {
    const identity = displayName === undefined ? { user } : { user, displayName };
    const session = new FakeSession(
      (to, opts) => this.startOutgoing(to, opts),
      'incoming',
      user ?? '',
      {},
      identity
    );
    this.sessions.push(session);
    // JsSIP's IncomingRequest: getHeader returns the raw header value, undefined when absent.
    const header = this.newCallId(callId);
    const invite = {
      ...request('INVITE'),
      getHeader: (name: string) => (name.toLowerCase() === 'call-id' ? header : undefined)
    };
    this.emit('newRTCSession', { originator: 'remote', session, request: invite });
    return session;
  }

  lastSession(): FakeSession {
    const session = this.sessions.at(-1);
    if (!session) throw new Error('no session yet');
    return session;
  }
}
