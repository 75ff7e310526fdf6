import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, runBench, writeResults } from '../../bench/bench';
import type { BenchResults, BenchRow } from '../../bench/lib/types';

// The bench harness, once through with tiny N: every measurement produces numbers in the documented
// JSON shape. No thresholds here — performance targets are for `npm run bench` to report, not to gate.
test(
  'npm run bench harness: every group runs once and writes results.json / results.md',
  { timeout: 180_000 },
  async () => {
    const config = {
      ...DEFAULT_CONFIG,
      loadRepeats: 1,
      latencyRepeats: 1,
      sipCalls: 1,
      soakCalls: 10,
      soakWarmupCalls: 2,
      soakOutboundEvery: 5,
      soakAnsweredEvery: 0,
      skip: []
    };
    const results = await runBench(config);
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
    try {
      const table = writeResults(results, join(dir, 'results.json'), join(dir, 'results.md'));
      const parsed = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
      assert.deepEqual(parsed.skipped, [], `every group ran: ${JSON.stringify(parsed.skipped)}`);
      assert.equal(parsed.schemaVersion, 1);
      assert.ok(
        parsed.machine.cores >= 1 &&
          parsed.machine.cpuModel.length > 0 &&
          /^\d+\./.test(parsed.machine.chromium),
        JSON.stringify(parsed.machine)
      );
      for (const group of ['bundle', 'load', 'latency', 'sip', 'soak'] as const) {
        assert.ok(
          parsed.rows.some((r) => r.group === group),
          `rows for ${group}`
        );
        assert.ok(parsed.details[group] !== undefined, `details for ${group}`);
      }
      const ids = parsed.rows.map((r) => r.id);
      for (const id of [
        'bundle.softphone.gzip',
        'load.cold',
        'load.warm',
        'latency.clickToDial',
        'latency.inboundToSearch',
        'latency.declineToSaveLog',
        'latency.saveToSaveLog',
        'sip.dialToInvite',
        'sip.inviteToConfirmed',
        'sip.inviteToAudio',
        'soak.calls',
        'soak.lostLogs',
        'soak.strayLogs',
        'soak.duplicateLogs',
        'soak.heapGrowth'
      ]) {
        assert.ok(ids.includes(id), `row ${id} (have ${ids.join(', ')})`);
      }
      for (const row of parsed.rows as BenchRow[]) {
        assert.ok(row.n >= 1 && row.samples.length === row.n, `${row.id} has samples`);
        for (const v of [row.median, row.p95, row.min, row.max])
          assert.equal(typeof v, 'number', `${row.id} numbers`);
        assert.ok(Number.isFinite(row.median), `${row.id} median is a number`);
        assert.ok(row.min <= row.median && row.median <= row.max, `${row.id} min ≤ median ≤ max`);
        assert.ok(row.pass === null || typeof row.pass === 'boolean');
      }
      assert.equal(parsed.rows.find((r) => r.id === 'soak.calls')?.median, 10, 'the soak made its 10 calls');
      // Each of the soak's calls has exactly one Task, and no Task left by an earlier group is counted as its own.
      for (const id of ['soak.lostLogs', 'soak.strayLogs', 'soak.duplicateLogs'])
        assert.equal(parsed.rows.find((r) => r.id === id)?.median, 0, id);
      // Issue 15: baselines measured in the same run, and the ratios against them with their targets.
      const row = (id: string) => parsed.rows.find((r) => r.id === id);
      for (const id of [
        'load.coldHostReady',
        'load.minimalHostReady',
        'sip.bare.dialToInvite',
        'sip.bare.inviteToConfirmed',
        'sip.bare.inviteToAudio'
      ])
        assert.equal(row(id)?.unit, 'ms', `baseline row ${id}`);
      for (const [id, max] of [
        ['load.readyRatio', 1.3],
        ['sip.confirmedRatio', 1.1],
        ['sip.audioRatio', 1.1]
      ] as const) {
        const r = row(id);
        assert.ok(
          r && r.unit === 'ratio' && r.n === 1 && r.median > 0,
          `ratio row ${id}: ${JSON.stringify(r)}`
        );
        assert.deepEqual(r.target, { stat: 'median', max, text: `≤ ${max} ×` }, `${id} target`);
        assert.match(
          r.note ?? '',
          /^medians [\d.]+ ÷ [\d.]+ \(n = \d+ and \d+, interleaved\)$/,
          `${id} says what it divides`
        );
      }
      assert.equal(row('sip.dialToInvite')?.target?.max, 30, 'click → INVITE is held to 30 ms');
      assert.equal(row('bundle.sipModeGzip')?.target?.max, 90, 'SIP mode download is held to 90 KB');
      assert.match(table, /\| ready, Switchboard ÷ minimal adapter \(cold\) \| [\d.]+ × \|/);
      assert.match(table, /^\| metric \| median \| p95 \| min \| max \| n \| target \| pass\/fail \|$/m);
      assert.match(readFileSync(join(dir, 'results.md'), 'utf8'), /cores; Node v\d+|\d+ cores/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
);
