import { estimateMos, POOR_MOS, type NetworkSample } from './e-model';

/** A call's quality so far: what the Task records (average, worst, codec) and what the panel shows. */
export interface CallQuality {
  /** As getStats names it, e.g. "opus/48000" or "PCMU/8000"; null until a codec report is seen. */
  codec: string | null;
  samples: number;
  /** The latest interval's MOS: what the indicator shows. */
  lastMos: number;
  averageMos: number;
  worstMos: number;
  /** Consecutive samples below POOR_MOS; the warning waits for POOR_STREAK of them, so one blip is not news. */
  poorStreak: number;
}

export const POOR_STREAK = 2;
/** Task field limit (Switchboard_Codec__c is Text(40)). */
export const CODEC_MAX = 40;

export interface QualitySample extends NetworkSample {
  codec: string | null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The running figures after one more sample; the average is exact (kept unrounded until shown). */
export function addQualitySample(quality: CallQuality | null, sample: QualitySample): CallQuality {
  const codec = sample.codec ? sample.codec.slice(0, CODEC_MAX) : (quality?.codec ?? null);
  const { mos } = estimateMos(sample, codec);
  if (!quality)
    return {
      codec,
      samples: 1,
      lastMos: mos,
      averageMos: mos,
      worstMos: mos,
      poorStreak: mos < POOR_MOS ? 1 : 0
    };
  const samples = quality.samples + 1;
  return {
    codec,
    samples,
    lastMos: mos,
    averageMos: quality.averageMos + (mos - quality.averageMos) / samples,
    worstMos: Math.min(quality.worstMos, mos),
    poorStreak: mos < POOR_MOS ? quality.poorStreak + 1 : 0
  };
}

/** The agent is told only once the quality has stayed poor for POOR_STREAK samples in a row. */
export const qualityIsPoor = (quality: CallQuality | null): boolean =>
  quality !== null && quality.poorStreak >= POOR_STREAK;

/** The two-decimal figures the Task and the Description carry. */
export function qualitySummary(quality: CallQuality): {
  average: number;
  worst: number;
  codec: string | null;
} {
  return { average: round2(quality.averageMos), worst: round2(quality.worstMos), codec: quality.codec };
}
