import type { Logger } from '../../logging/logger';
import type { MediaSample, ProviderEvent } from '../provider';

/** How often a connected call's statistics are read: a few seconds, so a bad patch shows while it lasts. */
export const QUALITY_INTERVAL_MS = 2000;

/** The running counters one interval is measured against; a new peer connection starts them afresh. */
export interface MediaCounters {
  connection: RTCPeerConnection;
  lost: number;
  received: number;
}

type StatsEntry = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * One interval's MediaSample from a getStats() report (W3C webrtc-stats). Loss and jitter are the worse
 * of the two directions: what we receive (audio inbound-rtp, loss counted over this interval) and what
 * the far end last reported receiving from us (remote-inbound-rtp fractionLost and jitter, from RTCP),
 * since either side hearing gaps is a bad call. RTT comes from RTCP (remote-inbound-rtp) or, before the
 * first receiver report, the selected candidate pair's consent checks; the codec from the codec report
 * inbound-rtp points at. Null when no audio arrived in the interval (held, or not flowing yet).
 */
export function readMediaSample(
  entries: Iterable<StatsEntry>,
  connection: RTCPeerConnection,
  previous: MediaCounters | null
): { sample: MediaSample | null; counters: MediaCounters | null } {
  const byId = new Map<string, StatsEntry>();
  for (const entry of entries) if (typeof entry['id'] === 'string') byId.set(entry['id'], entry);
  const all = [...byId.values()];
  const audio = (type: string) => all.find((e) => e['type'] === type && e['kind'] === 'audio');
  const inbound = audio('inbound-rtp');
  const lost = num(inbound?.['packetsLost']);
  const received = num(inbound?.['packetsReceived']);
  if (!inbound || lost === undefined || received === undefined) return { sample: null, counters: previous };
  const counters: MediaCounters = { connection, lost, received };
  const base = previous && previous.connection === connection ? previous : { lost: 0, received: 0 };
  // packetsLost can go down (late or duplicate packets are netted out): never count a negative loss.
  const lostNow = Math.max(0, lost - base.lost);
  const receivedNow = Math.max(0, received - base.received);
  if (receivedNow === 0) return { sample: null, counters };

  const transport = all.find((e) => e['type'] === 'transport');
  const pairId = transport?.['selectedCandidatePairId'];
  const pair =
    (typeof pairId === 'string' ? byId.get(pairId) : undefined) ??
    all.find((e) => e['type'] === 'candidate-pair' && e['nominated'] === true && e['state'] === 'succeeded');
  const remote = audio('remote-inbound-rtp');
  const rttSeconds = num(remote?.['roundTripTime']) ?? num(pair?.['currentRoundTripTime']) ?? 0;
  const sentLossPercent = 100 * Math.min(1, Math.max(0, num(remote?.['fractionLost']) ?? 0));
  const codecId = inbound['codecId'];
  const codec = typeof codecId === 'string' ? byId.get(codecId) : undefined;
  const mime = typeof codec?.['mimeType'] === 'string' ? codec['mimeType'].replace(/^audio\//i, '') : null;
  const clockRate = num(codec?.['clockRate']);

  return {
    sample: {
      rttMs: rttSeconds * 1000,
      jitterMs: Math.max(num(inbound['jitter']) ?? 0, num(remote?.['jitter']) ?? 0) * 1000,
      lossPercent: Math.max((100 * lostNow) / (lostNow + receivedNow), sentLossPercent),
      codec: mime ? (clockRate ? `${mime}/${clockRate}` : mime).slice(0, 40) : null
    },
    counters
  };
}

export interface QualitySamplerDeps {
  emit: (event: ProviderEvent) => void;
  /** The call's current peer connection (a transfer we follow swaps it). */
  connection: (callId: string) => RTCPeerConnection | undefined;
  logger: Logger;
  intervalMs?: number | undefined;
}

/** Reads each connected call's statistics every few seconds and reports them as `quality` events. */
export class QualitySampler {
  private readonly running = new Map<string, ReturnType<typeof setInterval>>();

  constructor(private readonly deps: QualitySamplerDeps) {}

  /** Follows the line's own events: sampling starts when a call connects and stops when it ends. */
  follow(event: ProviderEvent): void {
    if (event.type === 'connected') this.start(event.callId);
    if (event.type === 'ended') this.stop(event.callId);
  }

  stopAll(): void {
    for (const callId of [...this.running.keys()]) this.stop(callId);
  }

  private start(callId: string): void {
    if (this.running.has(callId)) return;
    let counters: MediaCounters | null = null;
    let busy = false;
    const tick = async () => {
      const connection = this.deps.connection(callId);
      if (busy || !connection) return;
      busy = true;
      try {
        const report = await connection.getStats();
        if (!this.running.has(callId)) return;
        const read = readMediaSample(report.values() as Iterable<StatsEntry>, connection, counters);
        counters = read.counters;
        if (read.sample) this.deps.emit({ type: 'quality', callId, ...read.sample });
      } catch (error) {
        this.deps.logger.warn('call quality: getStats failed', {
          error: error instanceof Error ? error.message : String(error)
        });
      } finally {
        busy = false;
      }
    };
    this.running.set(
      callId,
      setInterval(() => void tick(), this.deps.intervalMs ?? QUALITY_INTERVAL_MS)
    );
  }

  private stop(callId: string): void {
    clearInterval(this.running.get(callId));
    this.running.delete(callId);
  }
}
