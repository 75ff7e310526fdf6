import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QualitySampler, readMediaSample } from '../../../../adapter/src/telephony/sip/quality-sampler';
import type { ProviderEvent } from '../../../../adapter/src/telephony/provider';

const pc = {} as RTCPeerConnection;

/** A getStats() report as Chromium shapes it, trimmed to what the sampler reads. */
function report(o: {
  lost: number;
  received: number;
  jitter?: number;
  rtcpRtt?: number;
  pairRtt?: number;
  /** What the far end reports receiving from us (RTCP receiver report). */
  sent?: { fractionLost: number; jitter: number };
}) {
  return [
    { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
    {
      id: 'CP1',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: true,
      currentRoundTripTime: o.pairRtt
    },
    {
      id: 'IT1',
      type: 'inbound-rtp',
      kind: 'audio',
      packetsLost: o.lost,
      packetsReceived: o.received,
      jitter: o.jitter ?? 0.004,
      codecId: 'CIT1'
    },
    { id: 'CIT1', type: 'codec', mimeType: 'audio/opus', clockRate: 48000 },
    ...(o.rtcpRtt === undefined
      ? []
      : [{ id: 'RI1', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: o.rtcpRtt, ...o.sent }])
  ];
}

test('loss is measured per interval, RTT prefers RTCP, jitter and codec come from inbound-rtp', () => {
  const first = readMediaSample(report({ lost: 0, received: 100, pairRtt: 0.002 }), pc, null);
  assert.deepEqual(first.sample, { rttMs: 2, jitterMs: 4, lossPercent: 0, codec: 'opus/48000' });
  const second = readMediaSample(
    report({ lost: 25, received: 175, rtcpRtt: 0.3, pairRtt: 0.002 }),
    pc,
    first.counters
  );
  // 25 lost of 100 expected in this interval, not 25 of 200 over the call.
  assert.equal(second.sample?.lossPercent, 25);
  assert.equal(second.sample?.rttMs, 300);
});

test('loss and jitter are the worse of the two directions: the far end hearing gaps counts too', () => {
  const base = readMediaSample(report({ lost: 0, received: 100 }), pc, null);
  const sentBadly = readMediaSample(
    report({ lost: 0, received: 200, rtcpRtt: 0.01, sent: { fractionLost: 0.125, jitter: 0.03 } }),
    pc,
    base.counters
  );
  assert.equal(sentBadly.sample?.lossPercent, 12.5);
  assert.equal(sentBadly.sample?.jitterMs, 30);
  const receivedBadly = readMediaSample(
    report({ lost: 20, received: 280, rtcpRtt: 0.01, sent: { fractionLost: 0.05, jitter: 0.001 } }),
    pc,
    sentBadly.counters
  );
  assert.equal(receivedBadly.sample?.lossPercent, 20);
  assert.equal(receivedBadly.sample?.jitterMs, 4);
});

test('no audio in the interval (held, not flowing yet) gives no sample; a new connection starts afresh', () => {
  const first = readMediaSample(report({ lost: 0, received: 100 }), pc, null);
  const idle = readMediaSample(report({ lost: 0, received: 100 }), pc, first.counters);
  assert.equal(idle.sample, null);
  const other = {} as RTCPeerConnection;
  const swapped = readMediaSample(report({ lost: 10, received: 90 }), other, idle.counters);
  assert.equal(swapped.sample?.lossPercent, 10);
  assert.equal(readMediaSample([], pc, null).sample, null, 'no inbound-rtp yet');
  // packetsLost can shrink (duplicates netted out): never a negative loss.
  const shrunk = readMediaSample(report({ lost: 0, received: 200 }), other, swapped.counters);
  assert.equal(shrunk.sample?.lossPercent, 0);
});

test('the sampler starts with a connected call, reports every interval and stops when it ends', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  const events: ProviderEvent[] = [];
  let received = 0;
  const connection = {
    getStats: () => {
      received += 50;
      return Promise.resolve(new Map(report({ lost: 0, received }).map((e) => [e.id, e])));
    }
  } as unknown as RTCPeerConnection;
  const sampler = new QualitySampler({
    emit: (e) => events.push(e),
    connection: () => connection,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    intervalMs: 1000
  });
  const flush = () => new Promise((r) => setImmediate(r));
  sampler.follow({ type: 'connected', callId: 'c1' });
  t.mock.timers.tick(1000);
  await flush();
  t.mock.timers.tick(1000);
  await flush();
  assert.equal(events.length, 2);
  assert.equal(events[0]?.type, 'quality');
  sampler.follow({ type: 'ended', callId: 'c1', cause: 'local-hangup' });
  t.mock.timers.tick(5000);
  await flush();
  assert.equal(events.length, 2, 'nothing after the call ended');
});
