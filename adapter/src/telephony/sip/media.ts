import type { RTCSession } from 'jssip/lib/RTCSession';
import type { CallOptions } from 'jssip/lib/UA';
import type { Logger } from '../../logging/logger';
import type { AudioDevices } from '../provider';
import { startIceGatheringTimeout } from './ice-gathering-timeout';
import { applySpeaker, attachRemoteAudio, createHiddenAudioElement, type RemoteAudio } from './remote-audio';
import { DEFAULT_ICE_GATHERING_TIMEOUT_MS, type SipConfig } from './sip-config';

export interface MediaDeps {
  logger: Logger;
  /** Element the far end plays through; default: a hidden <audio autoplay> in document.body. */
  createAudioElement?: (() => HTMLAudioElement) | undefined;
  /** Rewrites our SDP just before it is sent. */
  filterLocalSdp?: ((sdp: string) => string) | undefined;
  /** Rewrites the far end's SDP before it is applied. */
  filterRemoteSdp?: ((sdp: string) => string) | undefined;
}

/** How long to let the rest of the host candidates (other interfaces, TCP) arrive after the first one. */
export const HOST_CANDIDATES_SETTLE_MS = 30;

/**
 * Everything about a call's audio that is not signalling: which microphone and speaker, the
 * element the far end plays through, our SDP on its way out, and when to stop waiting for ICE.
 */
export class SipMedia {
  private devices: AudioDevices = { inputId: '', outputId: '' };
  private readonly audioElements = new Set<HTMLAudioElement>();

  constructor(
    private readonly config: Pick<SipConfig, 'iceServers' | 'iceGatheringTimeoutMs'>,
    private readonly deps: MediaDeps
  ) {}

  /** Getting a session ready: remote audio once it has a peer connection, and our SDP filter. */
  prepare(session: RTCSession): void {
    let audio: RemoteAudio | undefined;
    const attach = (connection: RTCPeerConnection) => {
      if (audio) return;
      const element = this.deps.createAudioElement
        ? this.deps.createAudioElement()
        : createHiddenAudioElement();
      audio = attachRemoteAudio(connection, element);
      this.audioElements.add(element);
      void applySpeaker(element, this.devices.outputId, this.deps.logger);
    };
    const release = () => {
      if (!audio) return;
      audio.detach();
      this.audioElements.delete(audio.element);
    };
    // Outbound sessions already have their peer connection; inbound ones get it on answer().
    if (session.connection) attach(session.connection);
    session.on('peerconnection', ({ peerconnection }) => attach(peerconnection));
    session.on('ended', release);
    session.on('failed', release);
    const { filterLocalSdp, filterRemoteSdp } = this.deps;
    if (filterLocalSdp || filterRemoteSdp) {
      session.on('sdp', (event) => {
        const filter = event.originator === 'local' ? filterLocalSdp : filterRemoteSdp;
        if (filter) event.sdp = filter(event.sdp);
      });
    }
  }

  /**
   * JsSIP sends the offer/answer only once ICE gathering completes and has no timeout of its own.
   * Calls `onNoCandidates` (with a detail for the log) when the timeout passes with no candidate at all.
   */
  armIceTimeout(session: RTCSession, onNoCandidates: (detail: string) => void): void {
    const timeoutMs = this.config.iceGatheringTimeoutMs ?? DEFAULT_ICE_GATHERING_TIMEOUT_MS;
    const timeout = startIceGatheringTimeout(timeoutMs, () =>
      onNoCandidates(`no ICE candidates within ${timeoutMs} ms (no usable network)`)
    );
    // With no STUN/TURN server configured, host candidates are all there will be: they arrive within a
    // few ms, while the browser's "gathering complete" can take 100 ms+ — and JsSIP waits for it.
    const hostOnly = this.config.iceServers.length === 0;
    let early: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      timeout.cancel();
      clearTimeout(early);
    };
    session.on('icecandidate', ({ ready }) => {
      timeout.candidate(ready);
      if (hostOnly && early === undefined) early = setTimeout(ready, HOST_CANDIDATES_SETTLE_MS);
    });
    session.on('sdp', ({ originator }) => {
      if (originator === 'local') stop();
    });
    session.on('ended', stop);
    session.on('failed', stop);
  }

  /** Options for ua.call(), session.answer() and an accepted REFER's new call. */
  callOptions(): CallOptions {
    return {
      mediaConstraints: { audio: this.audioConstraint(), video: false },
      pcConfig: { iceServers: this.config.iceServers }
    };
  }

  /**
   * New calls use the chosen microphone; a call that is up swaps its outgoing track in place
   * (no re-INVITE), and every playing element moves to the chosen speaker where setSinkId exists.
   */
  async setAudioDevices(devices: AudioDevices, liveConnections: Iterable<RTCPeerConnection>): Promise<void> {
    const micChanged = devices.inputId !== this.devices.inputId;
    this.devices = { ...devices };
    for (const element of this.audioElements) await applySpeaker(element, devices.outputId, this.deps.logger);
    if (!micChanged) return;
    const mediaDevices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!mediaDevices) return;
    for (const pc of liveConnections) {
      const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
      if (!sender) continue;
      const stream = await mediaDevices.getUserMedia({ audio: this.audioConstraint(), video: false });
      const [track] = stream.getAudioTracks();
      if (!track) continue;
      track.enabled = sender.track?.enabled ?? true;
      const old = sender.track;
      await sender.replaceTrack(track);
      old?.stop();
    }
  }

  private audioConstraint(): boolean | MediaTrackConstraints {
    return this.devices.inputId ? { deviceId: { exact: this.devices.inputId } } : true;
  }
}
