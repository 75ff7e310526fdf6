import * as JsSIP from 'jssip';
import type {
  CallOptions,
  RTCSessionEvent,
  UAConfiguration,
  UAEventMap,
  UnRegisteredEvent
} from 'jssip/lib/UA';
import type { Logger } from '../../logging/logger';
import type { EndCause, ProviderEvent, RegistrationState } from '../provider';
import { endCauseFromJsSip } from './end-cause';
import { DEFAULT_RECONNECT, DEFAULT_START_TIMEOUT_MS, type SipConfig } from './sip-config';

/**
 * The part of JsSIP's UA the provider uses. A real `JsSIP.UA` fits it; unit tests pass a fake
 * that emits the same events with the same argument shapes.
 */
export interface SipUserAgent {
  on<T extends keyof UAEventMap>(type: T, listener: UAEventMap[T]): unknown;
  once(type: 'disconnected', listener: () => void): unknown;
  start(): void;
  stop(): void;
  /** Emits `newRTCSession` (originator local) synchronously, before it returns. */
  call(target: string, options?: CallOptions): unknown;
  isConnected(): boolean;
}

export type CreateUserAgent = (configuration: UAConfiguration) => SipUserAgent;

export interface RegistrationDeps {
  logger: Logger;
  emit: (event: ProviderEvent) => void;
  /** Every session JsSIP creates, ours (dial, accepted REFER) or offered by the network. */
  onSession: (event: RTCSessionEvent) => void;
  /** Hangs up what is still up before the UA closes (stop()). */
  endCalls: () => void;
  createUserAgent?: CreateUserAgent | undefined;
}

/** How long stop() waits for the socket to close before it lets go anyway. */
const STOP_WAIT_MS = 2000;

/** The UA's life: connect, REGISTER, report the registration, reconnect (JsSIP's), stop. */
export class SipRegistration {
  private ua: SipUserAgent | undefined;
  private stopping = false;
  private state: { state: RegistrationState; reason: string | undefined } = {
    state: 'unregistered',
    reason: undefined
  };
  private pendingStart: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly config: SipConfig,
    private readonly deps: RegistrationDeps
  ) {}

  /** The running UA, or undefined before start() and after stop(). */
  get userAgent(): SipUserAgent | undefined {
    return this.ua;
  }

  start(): Promise<void> {
    if (this.state.state === 'registered') return Promise.resolve();
    // A second start() while the first is pending shares its outcome.
    if (this.starting) return this.starting;
    const timeoutMs = this.config.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingStart = undefined;
        reject(new Error(`SIP registration did not complete within ${timeoutMs} ms (still retrying)`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.pendingStart = undefined;
      };
      this.pendingStart = {
        resolve: () => {
          settle();
          resolve();
        },
        reject: (error) => {
          settle();
          reject(error);
        }
      };
    });
    if (!this.ua) {
      this.stopping = false;
      this.ua = this.createUserAgent();
      this.wire(this.ua);
      this.setState('registering');
      this.ua.start();
    }
    this.starting = started;
    const clear = () => {
      if (this.starting === started) this.starting = undefined;
    };
    started.then(clear, clear);
    return started;
  }

  async stop(): Promise<void> {
    const ua = this.ua;
    if (!ua) return;
    this.stopping = true;
    this.deps.endCalls();
    const closed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_WAIT_MS);
      ua.once('disconnected', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    ua.stop();
    await closed;
    this.ua = undefined;
    this.pendingStart?.reject(new Error('SIP provider stopped'));
    this.setState('unregistered');
  }

  private createUserAgent(): SipUserAgent {
    const configuration = userAgentConfiguration(this.config);
    return this.deps.createUserAgent ? this.deps.createUserAgent(configuration) : new JsSIP.UA(configuration);
  }

  private wire(ua: SipUserAgent): void {
    ua.on('registered', () => {
      this.setState('registered');
      this.pendingStart?.resolve();
    });
    ua.on('unregistered', (event: UnRegisteredEvent) => {
      // JsSIP also reports 'unregistered' when the socket drops; that case was already reported as 'registering'.
      if (!this.stopping && !ua.isConnected()) return;
      this.setState('unregistered', event.cause ? registrationReason(event) : undefined);
    });
    ua.on('registrationFailed', (event: UnRegisteredEvent) => {
      const reason = registrationReason(event);
      this.setState('failed', reason);
      this.pendingStart?.reject(new Error(`SIP registration failed: ${reason}`));
    });
    ua.on('disconnected', () => {
      // JsSIP reconnects by itself with the configured backoff and re-registers once connected.
      if (!this.stopping) this.setState('registering', 'connection-lost');
    });
    ua.on('newRTCSession', (event: RTCSessionEvent) => this.deps.onSession(event));
  }

  private setState(state: RegistrationState, reason?: string): void {
    if (this.state.state === state && this.state.reason === reason) return;
    this.state = { state, reason };
    this.deps.logger.info('SIP registration', { state, reason });
    this.deps.emit(
      reason === undefined ? { type: 'registration', state } : { type: 'registration', state, reason }
    );
  }
}

export function userAgentConfiguration(config: SipConfig): UAConfiguration {
  const reconnect = config.reconnect ?? DEFAULT_RECONNECT;
  const configuration: UAConfiguration = {
    sockets: [new JsSIP.WebSocketInterface(config.webSocketUrl)],
    uri: config.sipUri,
    register: true,
    register_expires: config.registerExpires,
    // The registrars we target do not need RFC 4028 timers and SIPp fixtures do not speak them.
    session_timers: false,
    connection_recovery_min_interval: reconnect.minIntervalSeconds,
    connection_recovery_max_interval: reconnect.maxIntervalSeconds,
    user_agent: 'Switchboard'
  };
  if (config.authorizationUser) configuration.authorization_user = config.authorizationUser;
  if (config.password) configuration.password = config.password;
  if (config.displayName) configuration.display_name = config.displayName;
  return configuration;
}

/** JsSIP passes `response: null` when no response came (timeout, transport error), despite its typings. */
function registrationReason(event: UnRegisteredEvent): EndCause {
  const statusCode = event.response ? event.response.status_code : undefined;
  const end = { cause: event.cause ?? '', originator: 'remote' as const };
  return endCauseFromJsSip(statusCode === undefined ? end : { ...end, statusCode });
}
