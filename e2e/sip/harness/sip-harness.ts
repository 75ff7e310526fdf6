// Bundled by esbuild into the E2E test page: a thin shell that exposes the real SIP provider to Playwright.
import {
  createSipProvider,
  keepLoopbackCandidates,
  type SipProvider
} from '../../../adapter/src/telephony/sip';
import type { SipConfig } from '../../../adapter/src/telephony/sip/sip-config';
import type { CallMedia, SipHarnessApi, TimedEvent } from './harness-api';

const events: TimedEvent[] = [];
const dtmfReceived: Array<{ callId: string; tone: string }> = [];
const dtmfSent: string[] = [];
const audioElements = new Set<HTMLAudioElement>();
let provider: SipProvider | undefined;

const now = () => performance.timeOrigin + performance.now();

function current(): SipProvider {
  if (!provider) throw new Error('harness: start() first');
  return provider;
}

function watchDtmfSender(connection: RTCPeerConnection): void {
  for (const sender of connection.getSenders()) {
    const dtmf = sender.dtmf;
    if (dtmf && !dtmf.ontonechange) {
      dtmf.ontonechange = (event) => {
        if (event.tone) dtmfSent.push(event.tone);
      };
    }
  }
}

const api: SipHarnessApi = {
  events,
  dtmfReceived,
  dtmfSent,
  async start(config: SipConfig) {
    provider = createSipProvider(config, {
      // Media must stay on 127.0.0.1 even outside a network namespace: drop every other candidate.
      filterLocalSdp: keepLoopbackCandidates,
      createAudioElement: () => {
        const element = document.createElement('audio');
        element.autoplay = true;
        document.body.append(element);
        audioElements.add(element);
        return element;
      }
    });
    provider.onEvent((event) => events.push({ ...event, at: now() }));
    provider.onDtmfReceived((callId, tone) => dtmfReceived.push({ callId, tone }));
    try {
      await provider.start();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  stop: () => current().stop(),
  dial: (callId, number) => current().dial({ callId, number }),
  answer: (callId) => current().answer(callId),
  decline: (callId) => current().decline(callId),
  hangup: (callId) => current().hangup(callId),
  setHold: (callId, held) => current().setHold(callId, held),
  setMute: (callId, muted) => current().setMute(callId, muted),
  sendDtmf(callId, tones) {
    const connection = current().callInfo(callId)?.peerConnection;
    if (connection) watchDtmfSender(connection);
    current().sendDtmf(callId, tones);
  },
  async transfer(callId, target) {
    try {
      await current().transfer(callId, target);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  async media(callId): Promise<CallMedia | null> {
    const info = current().callInfo(callId);
    const connection = info?.peerConnection;
    if (!info || !connection) return null;
    let bytesReceived = 0;
    let bytesSent = 0;
    const report = await connection.getStats();
    report.forEach((stat: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number }) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') bytesReceived += stat.bytesReceived ?? 0;
      if (stat.type === 'outbound-rtp' && stat.kind === 'audio') bytesSent += stat.bytesSent ?? 0;
    });
    const tracks = connection
      .getSenders()
      .flatMap((sender) => (sender.track && sender.track.kind === 'audio' ? [sender.track] : []));
    return {
      connectionState: connection.connectionState,
      bytesReceived,
      bytesSent,
      outboundAudioEnabled: tracks.length > 0 && tracks.every((track) => track.enabled),
      localHold: info.localHold,
      remoteHold: info.remoteHold,
      remoteAudioAttached: [...audioElements].some(
        (element) => element.isConnected && element.srcObject instanceof MediaStream
      )
    };
  }
};

(window as unknown as { sipHarness: SipHarnessApi }).sipHarness = api;
