export { createSipProvider, SipProvider, type SipCallInfo, type SipProviderDeps } from './sip-provider';
export {
  sipConfigFromSettings,
  DEFAULT_ICE_GATHERING_TIMEOUT_MS,
  DEFAULT_RECONNECT,
  type SipConfig,
  type SipCredentials,
  type DtmfTransport,
  type ReconnectBackoff
} from './sip-config';
export { endCauseFromJsSip } from './end-cause';
export { endCauseMessage } from '../../call/end-cause-text';
export { keepCandidates, keepLoopbackCandidates } from './sdp-candidates';
