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
  /** Where an outbound call's microphone comes from; the browser's `navigator.mediaDevices` by default. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'> | undefined;
}

/**
 * How long to let the rest of the host candidates (other interfaces) arrive after the first one. Chromium
 * signals all UDP host candidates in one burst (measured: within 4 ms on a loaded 2-core machine);
 * TCP ones follow 100–300 ms later and are not worth waiting for with no relay to reach.
 */
export const HOST_CANDIDATES_SETTLE_MS = 10;

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
   * Options for an outbound ua.call(): JsSIP gets an empty stream, so it opens no microphone and makes
   * its offer at once; `openMicrophoneAlongside` gives the call its audio line and its microphone.
   */
  outboundCallOptions(): CallOptions {
    // Only a browser has MediaStream; unit tests' fake user agents take the options and ignore them.
    const empty = typeof MediaStream === 'function' ? new MediaStream() : undefined;
    return empty ? { ...this.callOptions(), mediaStream: empty } : this.callOptions();
  }

  /**
   * Right after ua.call() (the call's peer connection exists, its offer comes a microtask later): an
   * audio line with no track yet goes into the offer, and the microphone opens meanwhile. JsSIP would
   * open it first and offer after, so the INVITE waited for getUserMedia (15–35 ms with Chromium's fake
   * device, more with a real one); its track goes in with replaceTrack (no re-INVITE), normally long
   * before the far end answers. `onFailure` ends the call when there is no microphone after all.
   */
  openMicrophoneAlongside(session: RTCSession, onFailure: (detail: string) => void): void {
    const pc = session.connection as RTCPeerConnection | undefined;
    const mediaDevices = this.deps.mediaDevices ?? globalThis.navigator?.mediaDevices;
    // Every outbound JsSIP session has its peer connection by now; a test's fake session may not.
    if (!pc) return;
    if (!mediaDevices) return onFailure('microphone: this page has no media devices');
    const { sender } = pc.addTransceiver('audio', { direction: 'sendrecv' });
    let over = false;
    let stream: MediaStream | undefined;
    const close = () => {
      over = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    session.on('ended', close);
    session.on('failed', close);
    mediaDevices
      .getUserMedia({ audio: this.audioConstraint(), video: false })
      .then(async (opened) => {
        stream = opened;
        if (over) return close();
        const [track] = opened.getAudioTracks();
        if (!track) throw new Error('the microphone gave no audio track');
        // Muted before the microphone opened: JsSIP had no track to mute, so the new one starts muted.
        track.enabled = session.isMuted().audio !== true;
        await sender.replaceTrack(track);
      })
      .catch((error: unknown) => {
        if (over) return;
        const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        onFailure(`microphone: ${name}`);
      });
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
