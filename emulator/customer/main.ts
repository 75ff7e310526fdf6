/**
 * The "customer" phone for `npm run start:sip` and the SIP end-to-end suite: a bare WebRTC phone
 * on the same Kamailio as the agent, so a person (or a test) can call the agent and be called.
 * Configured by query string: ?ws=ws://127.0.0.1:PORT&domain=127.0.0.1&user=customer&agent=agent
 */
import { createSipProvider, type SipProvider } from '../../adapter/src/telephony/sip/sip-provider';
import { endCauseMessage } from '../../adapter/src/call/end-cause-text';
import type { ProviderEvent } from '../../adapter/src/telephony/provider';
import { pointCandidatesAt, relayPorts } from './relay-sdp';

interface CustomerState {
  registration: string;
  call: {
    id: string;
    direction: 'inbound' | 'outbound';
    state: 'ringing' | 'connected' | 'ended';
    cause?: string;
  } | null;
  autoAnswer: boolean;
  events: ProviderEvent[];
}

export interface CustomerApi {
  readonly state: CustomerState;
  call(target?: string): string;
  answer(): void;
  hangup(): void;
  setAutoAnswer(on: boolean): void;
  /** RTP bytes of the current call, from getStats. */
  audioBytes(): Promise<{ sent: number; received: number }>;
}

const params = new URLSearchParams(location.search);
const ws = params.get('ws') ?? '';
const domain = params.get('domain') ?? '127.0.0.1';
const user = params.get('user') ?? 'customer';
const agent = params.get('agent') ?? 'agent';
// The call-quality suite routes this phone's media through a relay on loopback (e2e/support/media-relay.ts).
const relay = relayPorts(params.get('relay'));

const state: CustomerState = {
  registration: 'unregistered',
  call: null,
  autoAnswer: params.get('autoAnswer') === '1',
  events: []
};
const provider: SipProvider = createSipProvider(
  {
    webSocketUrl: ws,
    sipUri: `sip:${user}@${domain}`,
    displayName: 'Customer',
    iceServers: [],
    registerExpires: 600
  },
  relay
    ? {
        filterLocalSdp: (sdp) => pointCandidatesAt(sdp, relay.local),
        filterRemoteSdp: (sdp) => pointCandidatesAt(sdp, relay.remote)
      }
    : {}
);

const el = (id: string) => document.getElementById(id) as HTMLElement;

function render(): void {
  el('registration').textContent = state.registration;
  const call = state.call;
  el('call').textContent = call
    ? `${call.direction} call: ${call.state}${call.cause ? ` (${endCauseMessage(call.cause as never)})` : ''}`
    : 'No call';
  (el('answer') as HTMLButtonElement).disabled = !(
    call &&
    call.direction === 'inbound' &&
    call.state === 'ringing'
  );
  (el('hangup') as HTMLButtonElement).disabled = !(call && call.state !== 'ended');
  (el('dial') as HTMLButtonElement).disabled =
    state.registration !== 'registered' || Boolean(call && call.state !== 'ended');
}

provider.onEvent((event) => {
  state.events.push(event);
  if (event.type === 'registration') state.registration = event.state;
  if (event.type === 'incoming') {
    state.call = { id: event.callId, direction: 'inbound', state: 'ringing' };
    if (state.autoAnswer) provider.answer(event.callId);
  }
  if (event.type === 'connected' && state.call?.id === event.callId) state.call.state = 'connected';
  if (event.type === 'ended' && state.call?.id === event.callId) {
    state.call.state = 'ended';
    state.call.cause = event.cause;
  }
  render();
});

const api: CustomerApi = {
  get state() {
    return JSON.parse(JSON.stringify(state)) as CustomerState;
  },
  call(target = agent) {
    const id = `customer-${Date.now()}`;
    state.call = { id, direction: 'outbound', state: 'ringing' };
    provider.dial({ callId: id, number: target });
    render();
    return id;
  },
  answer() {
    if (state.call) provider.answer(state.call.id);
  },
  hangup() {
    if (state.call && state.call.state !== 'ended') provider.hangup(state.call.id);
  },
  setAutoAnswer(on) {
    state.autoAnswer = on;
  },
  async audioBytes() {
    const pc = state.call ? provider.callInfo(state.call.id)?.peerConnection : undefined;
    let sent = 0;
    let received = 0;
    if (pc) {
      (await pc.getStats()).forEach(
        (r: { type: string; kind?: string; bytesSent?: number; bytesReceived?: number }) => {
          if (r.type === 'outbound-rtp' && r.kind === 'audio') sent += r.bytesSent ?? 0;
          if (r.type === 'inbound-rtp' && r.kind === 'audio') received += r.bytesReceived ?? 0;
        }
      );
    }
    return { sent, received };
  }
};
(window as unknown as { customer: CustomerApi }).customer = api;

el('dial').addEventListener('click', () => api.call((el('target') as HTMLInputElement).value || agent));
el('answer').addEventListener('click', () => api.answer());
el('hangup').addEventListener('click', () => api.hangup());
(el('target') as HTMLInputElement).value = agent;
render();
void provider.start().catch((error: unknown) => {
  state.registration = `failed: ${error instanceof Error ? error.message : String(error)}`;
  render();
});
