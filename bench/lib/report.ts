import type { BenchResults, BenchRow, Target, Unit } from './types';
import { round, summarize } from './stats';

export function makeRow(
  id: string,
  group: BenchRow['group'],
  metric: string,
  unit: Unit,
  samples: number[],
  target: Target | null = null,
  note?: string
): BenchRow {
  const s = summarize(samples);
  const digits = unit === 'count' ? 0 : unit === 'ms' ? 1 : 2;
  const row: BenchRow = {
    id,
    group,
    metric,
    unit,
    samples: samples.map((v) => round(v, 3)),
    n: s.n,
    median: round(s.median, digits),
    p95: round(s.p95, digits),
    min: round(s.min, digits),
    max: round(s.max, digits),
    target,
    pass: target === null ? null : s.n > 0 && s[target.stat] <= target.max
  };
  if (note !== undefined) row.note = note;
  return row;
}

const unitText = (unit: Unit): string => (unit === 'ratio' ? '×' : unit);

export const upTo = (max: number, unit: Unit, stat: Target['stat'] = 'median'): Target => ({
  stat,
  max,
  text: `${stat === 'median' ? '' : `${stat} `}≤ ${max} ${unitText(unit)}`
});

/** Switchboard's median ÷ the baseline's median, both from the same run; one value, so the row's median is the ratio. */
export function ratioRow(
  id: string,
  group: BenchRow['group'],
  metric: string,
  switchboard: number[],
  baseline: number[],
  max: number
): BenchRow {
  const a = summarize(switchboard).median;
  const b = summarize(baseline).median;
  const ratio = b > 0 ? a / b : Number.NaN;
  return makeRow(
    id,
    group,
    metric,
    'ratio',
    Number.isFinite(ratio) ? [ratio] : [],
    upTo(max, 'ratio'),
    `medians ${round(a, 1)} ÷ ${round(b, 1)} (n = ${switchboard.length} and ${baseline.length}, interleaved)`
  );
}

function cell(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '–';
  return unit === 'count' ? String(value) : `${value} ${unitText(unit)}`;
}

export function markdownTable(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium}; ${m.date}. ` +
      `Bench took ${round(results.durationMs / 1000, 1)} s.`,
    '',
    '| metric | median | p95 | min | max | n | target | pass/fail |',
    '|---|---:|---:|---:|---:|---:|---|---|'
  ];
  for (const r of results.rows) {
    const pass = r.pass === null ? '–' : r.pass ? 'pass' : '**FAIL**';
    lines.push(
      `| ${r.metric} | ${cell(r.median, r.unit)} | ${cell(r.p95, r.unit)} | ${cell(r.min, r.unit)} | ${cell(r.max, r.unit)} | ${r.n} | ${r.target?.text ?? '–'} | ${pass} |`
    );
  }
  if (results.skipped.length > 0) {
    lines.push('', 'Not measured:');
    for (const s of results.skipped) lines.push(`- ${s.group}: ${s.reason}`);
  }
  const notes = results.rows.filter((r) => r.note);
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const r of notes) lines.push(`- **${r.metric}**: ${r.note}`);
  }
  return `${lines.join('\n')}\n`;
}
