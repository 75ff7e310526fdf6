import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLine, sleep } from './line';

/** Just enough of an <audio> element for remote-audio.ts; Node has no DOM. */
class FakeAudioElement {
  autoplay = false;
  srcObject: unknown = null;
  removed = false;
  readonly sinkIds: string[] = [];
  play(): Promise<void> {
    return Promise.resolve();
  }
  remove(): void {
    this.removed = true;
  }
  setSinkId(id: string): Promise<void> {
    this.sinkIds.push(id);
    return Promise.resolve();
  }
}

interface FakeTrack {
  kind: 'audio';
  enabled: boolean;
  stopped: boolean;
  stop(): void;
}

const track = (enabled = true): FakeTrack => ({
  kind: 'audio',
  enabled,
  stopped: false,
  stop() {
    this.stopped = true;
  }
});

/** A peer connection with no remote tracks yet and one audio sender. */
function fakePeerConnection(sending: FakeTrack) {
  const sender = {
    track: sending as FakeTrack | null,
    replaceTrack(next: FakeTrack) {
      sender.track = next;
      return Promise.resolve();
    }
  };
  const listeners: string[] = [];
  const transceivers: Array<{ kind: string; direction: string; sender: typeof sender }> = [];
  return {
    sender,
    listeners,
    transceivers,
    /** The audio line an outbound offer is made on before the microphone opens (media.ts). */
    addTransceiver(kind: string, init: { direction: string }) {
      const added = {
        track: null as FakeTrack | null,
        replaceTrack(next: FakeTrack) {
          added.track = next;
          return Promise.resolve();
        }
      };
      transceivers.push({ kind, direction: init.direction, sender: added });
      return { sender: added };
    },
    addEventListener: (type: string) => listeners.push(type),
    removeEventListener: (type: string) => listeners.splice(listeners.indexOf(type), 1),
    getReceivers: () => [],
    getSenders: () => [sender]
  };
}

/** A microphone that opens when the test says (or fails, with `fail`). */
function slowMicrophone() {
  const requested: unknown[] = [];
  const opened = track();
  let open: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const mediaDevices = {
    getUserMedia: (constraints: unknown) => {
      requested.push(constraints);
      return new Promise<MediaStream>((resolve, reject) => {
        open = () =>
          resolve({ getAudioTracks: () => [opened], getTracks: () => [opened] } as unknown as MediaStream);
        fail = reject;
      });
    }
  };
  return { mediaDevices, requested, track: opened, open: () => open(), fail: (e: Error) => fail(e) };
}

function audioLine(
  t: Parameters<typeof openLine>[0],
  config: Parameters<typeof openLine>[1] = {},
  microphone = slowMicrophone()
) {
  const elements: FakeAudioElement[] = [];
  const line = openLine(t, config, {
    mediaDevices: microphone.mediaDevices,
    createAudioElement: () => {
      const element = new FakeAudioElement();
      elements.push(element);
      // The provider only uses what remote-audio.ts touches, all of which the fake has.
      return element as unknown as HTMLAudioElement;
    }
  });
  return { line, elements, microphone };
}

test('remote audio: an element per call, fed from the peer connection, on the chosen speaker, removed at the end', async (t) => {
  const { line, elements } = audioLine(t);
  await line.register();
  await line.provider.setAudioDevices({ inputId: '', outputId: 'speaker-2' });
  const pc = fakePeerConnection(track());
  line.ua().nextConnection = pc;
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  assert.equal(elements.length, 1);
  assert.deepEqual(pc.listeners, ['track']);
  await sleep(0);
  assert.deepEqual(elements[0]?.sinkIds, ['speaker-2']);
  session.farEndAnswers();
  await line.provider.setAudioDevices({ inputId: '', outputId: 'speaker-3' });
  assert.deepEqual(
    elements[0]?.sinkIds,
    ['speaker-2', 'speaker-3'],
    'a speaker change moves the playing call'
  );
  session.farEndHangsUp();
  assert.equal(elements[0]?.removed, true);
  assert.deepEqual(pc.listeners, [], 'track listener removed');
  await line.provider.setAudioDevices({ inputId: '', outputId: 'speaker-4' });
  assert.deepEqual(elements[0]?.sinkIds, ['speaker-2', 'speaker-3'], 'an ended call is left alone');
});

test("an outbound call's INVITE does not wait for the microphone: the audio line is offered at once, the track goes in when it opens", async (t) => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'MediaStream');
  class FakeMediaStream {
    getTracks() {
      return [];
    }
  }
  Object.defineProperty(globalThis, 'MediaStream', { configurable: true, value: FakeMediaStream });
  t.after(() => {
    if (original) Object.defineProperty(globalThis, 'MediaStream', original);
    else Reflect.deleteProperty(globalThis, 'MediaStream');
  });
  const { line, microphone } = audioLine(t);
  await line.register();
  await line.provider.setAudioDevices({ inputId: 'mic-2', outputId: '' });
  const pc = fakePeerConnection(track());
  line.ua().nextConnection = pc;
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  assert.ok(
    session.options['mediaStream'] instanceof FakeMediaStream,
    'JsSIP is handed a stream: it opens no microphone'
  );
  assert.deepEqual(
    pc.transceivers.map((x) => [x.kind, x.direction]),
    [['audio', 'sendrecv']],
    'the offer has its audio line before the microphone opens'
  );
  assert.deepEqual(microphone.requested, [{ audio: { deviceId: { exact: 'mic-2' } }, video: false }]);
  line.provider.setMute('c1', true);
  microphone.open();
  await sleep(0);
  assert.equal(
    pc.transceivers[0]?.sender.track,
    microphone.track,
    'the microphone goes onto the offered line'
  );
  assert.equal(microphone.track.enabled, false, 'muted before the microphone opened: it starts muted');
  session.farEndHangsUp();
  assert.equal(microphone.track.stopped, true, 'released at the end of the call');
});

test('an outbound call whose microphone cannot open ends as bad media, saying why; a call over before it opens releases it', async (t) => {
  const { line, microphone } = audioLine(t);
  await line.register();
  line.ua().nextConnection = fakePeerConnection(track());
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  microphone.fail(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
  await sleep(0);
  assert.equal(session.terminated.length, 1);
  const ended = line.callEvents('c1').find((e) => e.type === 'ended');
  assert.deepEqual(ended, {
    type: 'ended',
    callId: 'c1',
    cause: 'bad-media',
    detail: 'microphone: NotAllowedError: Permission denied'
  });

  const late = audioLine(t);
  await late.line.register();
  late.line.ua().nextConnection = fakePeerConnection(track());
  late.line.provider.dial({ callId: 'c2', number: '1002' });
  late.line.ua().lastSession().farEndHangsUp();
  late.microphone.open();
  await sleep(0);
  assert.equal(late.microphone.track.stopped, true, 'opened after the call ended: closed at once');
});

test('an inbound call gets its audio element when JsSIP creates the peer connection on answer', async (t) => {
  const { line, elements } = audioLine(t);
  await line.register();
  const session = line.ua().offer('1002');
  assert.equal(elements.length, 0);
  const pc = fakePeerConnection(track());
  session.emit('peerconnection', { peerconnection: pc });
  session.emit('peerconnection', { peerconnection: pc });
  assert.equal(elements.length, 1, 'one element per call');
  session.callerCancels();
  assert.equal(elements[0]?.removed, true);
});

test('the chosen microphone goes into the next call and answer as an exact device constraint', async (t) => {
  const line = openLine(t);
  await line.register();
  await line.provider.setAudioDevices({ inputId: 'mic-2', outputId: '' });
  line.provider.dial({ callId: 'c1', number: '1002' });
  assert.deepEqual(line.ua().lastSession().options['mediaConstraints'], {
    audio: { deviceId: { exact: 'mic-2' } },
    video: false
  });
  const inbound = line.ua().offer('1003');
  const offered = line.events.at(-1);
  assert.ok(offered?.type === 'incoming');
  line.provider.answer(offered.callId);
  assert.deepEqual(inbound.answered[0]?.['mediaConstraints'], {
    audio: { deviceId: { exact: 'mic-2' } },
    video: false
  });
  assert.deepEqual(inbound.answered[0]?.['pcConfig'], { iceServers: [] });
});

test("a microphone change swaps the live call's track in place and keeps it muted", async (t) => {
  const requested: unknown[] = [];
  const fresh = track();
  const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      mediaDevices: {
        getUserMedia: (constraints: unknown) => {
          requested.push(constraints);
          return Promise.resolve({ getAudioTracks: () => [fresh] });
        }
      }
    }
  });
  t.after(() => {
    if (original) Object.defineProperty(globalThis, 'navigator', original);
    else Reflect.deleteProperty(globalThis, 'navigator');
  });
  const { line } = audioLine(t);
  await line.register();
  const muted = track(false);
  const pc = fakePeerConnection(muted);
  line.ua().nextConnection = pc;
  line.provider.dial({ callId: 'c1', number: '1002' });
  line.ua().lastSession().farEndAnswers();
  await line.provider.setAudioDevices({ inputId: '', outputId: '' });
  assert.equal(requested.length, 0, 'same microphone: nothing to swap');
  await line.provider.setAudioDevices({ inputId: 'mic-2', outputId: '' });
  assert.deepEqual(requested, [{ audio: { deviceId: { exact: 'mic-2' } }, video: false }]);
  assert.equal(pc.sender.track, fresh);
  assert.equal(fresh.enabled, false, 'a muted call stays muted');
  assert.equal(muted.stopped, true, 'the old microphone is released');
});

test("filterLocalSdp rewrites our SDP before it is sent, never the far end's", async (t) => {
  const line = openLine(t, {}, { filterLocalSdp: (sdp) => sdp.replace('192.0.2.9', '127.0.0.1') });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  const local = { originator: 'local', type: 'offer', sdp: 'c=IN IP4 192.0.2.9' };
  const remote = { originator: 'remote', type: 'answer', sdp: 'c=IN IP4 192.0.2.9' };
  session.emit('sdp', local);
  session.emit('sdp', remote);
  assert.equal(local.sdp, 'c=IN IP4 127.0.0.1');
  assert.equal(remote.sdp, 'c=IN IP4 192.0.2.9');
});

test("filterRemoteSdp rewrites the far end's SDP before it is applied, never ours", async (t) => {
  const line = openLine(t, {}, { filterRemoteSdp: (sdp) => sdp.replace('192.0.2.9', '127.0.0.1') });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  const local = { originator: 'local', type: 'offer', sdp: 'c=IN IP4 192.0.2.9' };
  const remote = { originator: 'remote', type: 'answer', sdp: 'c=IN IP4 192.0.2.9' };
  session.emit('sdp', local);
  session.emit('sdp', remote);
  assert.equal(local.sdp, 'c=IN IP4 192.0.2.9');
  assert.equal(remote.sdp, 'c=IN IP4 127.0.0.1');
});

test('ICE: no candidate within the timeout ends the call connection-lost, with the reason', async (t) => {
  const line = openLine(t, { iceGatheringTimeoutMs: 20 });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  await sleep(80);
  assert.equal(session.terminated.length, 1, 'the INVITE that never went out is abandoned');
  assert.deepEqual(line.callEvents('c1'), [
    {
      type: 'ended',
      callId: 'c1',
      cause: 'connection-lost',
      detail: 'no ICE candidates within 20 ms (no usable network)'
    }
  ]);
});

test('ICE with no STUN/TURN: the offer goes out shortly after the first host candidate, not at the timeout', async (t) => {
  const line = openLine(t, { iceGatheringTimeoutMs: 1_000 });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  const first = session.iceCandidate();
  await sleep(150);
  assert.equal(first.readyCalls(), 1, 'ready() after the host candidates settled');
  assert.equal(session.terminated.length, 0);
});

test('ICE with a STUN server: gathering may take its time, and what was gathered goes at the timeout', async (t) => {
  const line = openLine(t, { iceServers: [{ urls: 'stun:stun.pbx.test' }], iceGatheringTimeoutMs: 120 });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  const candidate = session.iceCandidate();
  await sleep(60);
  assert.equal(candidate.readyCalls(), 0, 'no early send when server candidates may still come');
  await sleep(150);
  assert.equal(candidate.readyCalls(), 1, 'sent at the timeout');
  assert.equal(session.terminated.length, 0, 'the call goes on with what was gathered');
});

test('ICE timeout is armed when answering an inbound call too', async (t) => {
  const line = openLine(t, { iceGatheringTimeoutMs: 20 });
  await line.register();
  const session = line.ua().offer('1003');
  const offered = line.events.at(-1);
  assert.ok(offered?.type === 'incoming');
  await sleep(60);
  assert.equal(session.terminated.length, 0, 'no timer while it only rings');
  line.provider.answer(offered.callId);
  await sleep(80);
  assert.deepEqual(line.callEvents(offered.callId).at(-1), {
    type: 'ended',
    callId: offered.callId,
    cause: 'connection-lost',
    detail: 'no ICE candidates within 20 ms (no usable network)'
  });
});

test('ICE: gathering that completes on its own disarms the timeout', async (t) => {
  const line = openLine(t, { iceGatheringTimeoutMs: 20 });
  await line.register();
  line.provider.dial({ callId: 'c1', number: '1002' });
  const session = line.ua().lastSession();
  session.emit('sdp', { originator: 'remote', type: 'answer', sdp: 'v=0\r\n' });
  session.emit('sdp', { originator: 'local', type: 'offer', sdp: 'v=0\r\n' }); // JsSIP's own "gathering complete"
  await sleep(80);
  assert.equal(session.terminated.length, 0);
  assert.deepEqual(line.callEvents('c1'), []);
});
