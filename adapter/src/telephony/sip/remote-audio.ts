/**
 * Plays the far end through an <audio autoplay> element fed from the peer connection's tracks.
 * Listening for `track` (not the deprecated getRemoteStreams) works for both call directions
 * and for re-INVITEs that add tracks later.
 */
export interface RemoteAudio {
  readonly element: HTMLAudioElement;
  detach(): void;
}

export function createHiddenAudioElement(): HTMLAudioElement {
  const element = document.createElement('audio');
  element.autoplay = true;
  element.hidden = true;
  element.dataset['switchboard'] = 'remote-audio';
  document.body.append(element);
  return element;
}

export function attachRemoteAudio(connection: RTCPeerConnection, element: HTMLAudioElement): RemoteAudio {
  const play = (stream: MediaStream) => {
    if (element.srcObject !== stream) element.srcObject = stream;
    // Autoplay can still be refused (no user gesture yet); the element keeps the stream and plays on the next gesture.
    element.play().catch(() => undefined);
  };
  const onTrack = (event: RTCTrackEvent) => {
    if (event.track.kind !== 'audio') return;
    play(event.streams[0] ?? new MediaStream([event.track]));
  };
  connection.addEventListener('track', onTrack);
  const existing = connection
    .getReceivers()
    .map((receiver) => receiver.track)
    .filter((track) => track.kind === 'audio' && track.readyState === 'live');
  if (existing.length > 0) play(new MediaStream(existing));
  return {
    element,
    detach() {
      connection.removeEventListener('track', onTrack);
      element.srcObject = null;
      element.remove();
    }
  };
}

type SinkCapable = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

/** Routes playback to the chosen speaker; browsers without setSinkId keep the system default. */
export async function applySpeaker(
  element: HTMLAudioElement,
  outputId: string,
  logger: { warn(message: string, data?: unknown): void }
): Promise<void> {
  const sink = element as SinkCapable;
  if (!sink.setSinkId) return;
  try {
    await sink.setSinkId(outputId);
  } catch (error) {
    logger.warn('Could not switch the speaker', {
      error: error instanceof Error ? error.name : String(error)
    });
  }
}
