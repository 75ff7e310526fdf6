/**
 * Listening-and-talking quality of a call, estimated from what WebRTC's getStats() can see, with the
 * ITU-T G.107 E-model (06/2015) in the reduced form VoIP monitors use:
 *
 *   R   = 93.2 − Id − Ie,eff                 G.107 with every non-network parameter at its default
 *                                            (Ro − Is = 93.2 with the default values of Table 3)
 *   d   = RTT/2 + 2·jitter + 10 ms           effective one-way delay: network delay, a jitter buffer of
 *                                            twice the jitter, and codec processing (the "effective
 *                                            latency" simplification widely used by VoIP monitors)
 *   Id  = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)
 *                                            Cole & Rosenbluth, "Voice over IP performance monitoring",
 *                                            ACM SIGCOMM CCR 31(2), 2001: a fit of G.107's Id (echo
 *                                            cancelled, default parameters); H is the unit step
 *   Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl/BurstR + Bpl)
 *                                            G.107 §3.6 (eq. 7-29), random loss (BurstR = 1)
 *   MOS = 1 + 0.035·R + 7·10⁻⁶·R·(R − 60)·(100 − R)   for 0 < R < 100   (G.107 Annex B, eq. B-4)
 *
 * Ie and Bpl per codec come from G.113 (11/2007) Appendix I, Table I.3 where it has them (G.711);
 * Opus is not in it, see CODECS. What this cannot see is written down in docs/call-quality.md.
 */

/** What one getStats() interval says about the network, already turned into plain numbers. */
export interface NetworkSample {
  /** Round-trip time, from RTCP (remote-inbound-rtp) or ICE consent checks (candidate-pair). */
  rttMs: number;
  /** RFC 3550 interarrival jitter of the audio we receive. */
  jitterMs: number;
  /** Share of the audio packets of this interval that never arrived, 0–100. */
  lossPercent: number;
}

export interface CodecImpairment {
  /** Equipment impairment factor at zero loss. */
  ie: number;
  /** Packet-loss robustness factor: higher means the codec (with its concealment) copes better. */
  bpl: number;
}

/**
 * G.113 Appendix I, Table I.3: G.711 has Ie 0, and Bpl 25.1 with packet loss concealment (G.711
 * Appendix I), 4.3 without. Chromium's NetEq always conceals lost G.711 frames, so the PLC value applies.
 * Opus has no G.113 narrowband value: it is at least transparent for narrowband speech at WebRTC's
 * bitrates and has its own concealment, so it is given G.711-with-PLC's values — an assumption,
 * stated in docs/call-quality.md. Unknown codecs get the same.
 */
const G711_WITH_PLC: CodecImpairment = { ie: 0, bpl: 25.1 };
const CODECS: Record<string, CodecImpairment> = {
  pcmu: G711_WITH_PLC,
  pcma: G711_WITH_PLC,
  opus: G711_WITH_PLC,
  g722: G711_WITH_PLC
};

/** R of a call with nothing wrong but the default G.107 parameters (Ro − Is). */
export const R_DEFAULT = 93.2;
/** Codec processing delay added to the network's one-way delay (the effective-latency simplification). */
export const CODEC_DELAY_MS = 10;
/** G.109: below R = 60 (MOS 3.1) "nearly all users dissatisfied". */
export const POOR_MOS = 3.1;
/** G.109: from R = 80 (MOS ≈ 4.03) "satisfied"; 4.0 is the round number agents read. */
export const GOOD_MOS = 4.0;

export type QualityBand = 'good' | 'fair' | 'poor';

/** `codec` is a MIME subtype ("opus", "PCMU") or a name like "opus/48000"; case does not matter. */
export function codecImpairment(codec: string | null): CodecImpairment {
  const name =
    (codec ?? '')
      .toLowerCase()
      .replace(/^audio\//, '')
      .split('/')[0] ?? '';
  return CODECS[name] ?? G711_WITH_PLC;
}

export function effectiveDelayMs(sample: NetworkSample): number {
  return sample.rttMs / 2 + 2 * sample.jitterMs + CODEC_DELAY_MS;
}

export function delayImpairment(delayMs: number): number {
  const d = Math.max(0, delayMs);
  return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
}

export function effectiveEquipmentImpairment(
  codec: CodecImpairment,
  lossPercent: number,
  burstR = 1
): number {
  const ppl = Math.min(100, Math.max(0, lossPercent));
  return codec.ie + ((95 - codec.ie) * ppl) / (ppl / burstR + codec.bpl);
}

/** G.107 Annex B: R (0–100) to the estimated conversational MOS (1–4.5). */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

export function rFactor(sample: NetworkSample, codec: string | null): number {
  const id = delayImpairment(effectiveDelayMs(sample));
  const ie = effectiveEquipmentImpairment(codecImpairment(codec), sample.lossPercent);
  return Math.min(100, Math.max(0, R_DEFAULT - id - ie));
}

/** The estimate for one interval, MOS rounded to two decimals (what the Task field holds). */
export function estimateMos(sample: NetworkSample, codec: string | null): { r: number; mos: number } {
  const r = rFactor(sample, codec);
  return { r, mos: Math.round(mosFromR(r) * 100) / 100 };
}

export function qualityBand(mos: number): QualityBand {
  if (mos >= GOOD_MOS) return 'good';
  return mos >= POOR_MOS ? 'fair' : 'poor';
}
