/** The shape of bench/results.json (schemaVersion 1). The smoke test checks it. */
/** `ratio` = Switchboard ÷ a baseline measured in the same run (×). */
export type Unit = 'ms' | 'KB' | 'MB' | 'count' | 'ratio';

export interface Target {
  /** Pass when the row's `stat` is ≤ value (all our targets are upper bounds). */
  stat: 'median' | 'p95' | 'max';
  max: number;
  text: string;
}

export interface BenchRow {
  /** Stable key, e.g. `load.cold`, `latency.clickToDial`. */
  id: string;
  group: 'bundle' | 'load' | 'latency' | 'sip' | 'soak';
  metric: string;
  unit: Unit;
  samples: number[];
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  target: Target | null;
  /** null when the row has no target. */
  pass: boolean | null;
  note?: string;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
}

export interface BenchConfig {
  loadRepeats: number;
  latencyRepeats: number;
  sipCalls: number;
  soakCalls: number;
  /** Of the soak calls: every `soakOutboundEvery`-th is an outbound call cancelled while ringing, every `soakAnsweredEvery`-th is answered (1 s); the rest are inbound declines. */
  soakOutboundEvery: number;
  soakAnsweredEvery: number;
  soakWarmupCalls: number;
  sipPath: 'provider' | 'adapter';
  skip: string[];
}

export interface BenchResults {
  schemaVersion: 1;
  machine: MachineInfo;
  config: BenchConfig;
  durationMs: number;
  rows: BenchRow[];
  /** Per-measurement extras (breakdowns, raw counters); free-form but JSON. */
  details: Record<string, unknown>;
  /** Measurements that could not run, with the reason (e.g. Kamailio missing). */
  skipped: Array<{ group: string; reason: string }>;
}
