import type { SwitchboardSettings } from '../../settings/settings';

/** How the browser reaches the PBX and who it registers as. Built from call center settings + agent login. */
export interface SipConfig {
  /** wss:// (ws:// only on loopback in tests) endpoint of the PBX's SIP-over-WebSocket listener. */
  webSocketUrl: string;
  /** Address of record, sip:user@domain. */
  sipUri: string;
  /** Digest user name when it differs from the user part of sipUri. */
  authorizationUser?: string;
  password?: string;
  displayName?: string;
  iceServers: RTCIceServer[];
  /** Seconds a registration lasts; JsSIP refreshes it before expiry. */
  registerExpires: number;
  /** Longest wait for ICE candidates before the INVITE / 200 OK is sent anyway. */
  iceGatheringTimeoutMs?: number;
  /** RFC 4733 telephone-events in the RTP stream (default) or SIP INFO for PBXs that need it. */
  dtmfTransport?: DtmfTransport;
  /** WebSocket reconnect backoff; JsSIP picks a random delay that doubles per attempt, clipped to these bounds. */
  reconnect?: ReconnectBackoff;
  /** start() rejects when not registered within this time (the UA keeps retrying after that). */
  startTimeoutMs?: number;
}

export type DtmfTransport = 'rfc4733' | 'info';

export interface ReconnectBackoff {
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
}

export const DEFAULT_ICE_GATHERING_TIMEOUT_MS = 3000;
export const DEFAULT_RECONNECT: ReconnectBackoff = { minIntervalSeconds: 2, maxIntervalSeconds: 30 };
export const DEFAULT_START_TIMEOUT_MS = 15_000;

/** What the agent types at login; kept in memory only, never stored or logged. */
export interface SipCredentials {
  user: string;
  password: string;
  authorizationUser?: string;
  displayName?: string;
}

type SipSettings = Pick<SwitchboardSettings, 'webSocketUrl' | 'sipDomain' | 'iceServers' | 'registerExpires'>;

export function sipConfigFromSettings(settings: SipSettings, credentials: SipCredentials): SipConfig {
  const config: SipConfig = {
    webSocketUrl: settings.webSocketUrl,
    sipUri: `sip:${credentials.user}@${settings.sipDomain}`,
    password: credentials.password,
    iceServers: settings.iceServers.map((urls) => ({ urls })),
    registerExpires: settings.registerExpires
  };
  if (credentials.authorizationUser) config.authorizationUser = credentials.authorizationUser;
  if (credentials.displayName) config.displayName = credentials.displayName;
  return config;
}
