import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  codecImpairment,
  delayImpairment,
  effectiveDelayMs,
  effectiveEquipmentImpairment,
  estimateMos,
  mosFromR,
  qualityBand
} from '../../../adapter/src/quality/e-model';

const close = (actual: number, expected: number, tolerance = 0.01) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} ± ${tolerance}`);

test('R → MOS follows G.107 Annex B (B-4) at the G.109 category bounds and the clamps', () => {
  // G.109 / G.107 Figure B.1: R 90 → 4.34, 80 → 4.03, 70 → 3.60, 60 → 3.10, 50 → 2.58; R 93.2 → 4.41.
  close(mosFromR(93.2), 4.41);
  close(mosFromR(90), 4.34);
  close(mosFromR(80), 4.02);
  close(mosFromR(70), 3.6);
  close(mosFromR(60), 3.1, 1e-9);
  close(mosFromR(50), 2.58);
  assert.equal(mosFromR(0), 1);
  assert.equal(mosFromR(-5), 1);
  assert.equal(mosFromR(100), 4.5);
  assert.equal(mosFromR(120), 4.5);
});

test('Id follows the Cole–Rosenbluth fit: linear to 177.3 ms, steeper after', () => {
  assert.equal(delayImpairment(0), 0);
  close(delayImpairment(100), 2.4, 1e-9);
  close(delayImpairment(177.3), 4.2552, 1e-9);
  close(delayImpairment(300), 0.024 * 300 + 0.11 * (300 - 177.3), 1e-9); // 20.70
  assert.equal(delayImpairment(-10), 0);
});

test('effective delay is half the RTT, twice the jitter and 10 ms of codec', () => {
  assert.equal(effectiveDelayMs({ rttMs: 100, jitterMs: 20, lossPercent: 0 }), 50 + 40 + 10);
});

test('Ie,eff follows G.107 eq. 7-29 with G.113 Appendix I values for G.711', () => {
  const g711 = codecImpairment('PCMU/8000');
  assert.deepEqual(g711, { ie: 0, bpl: 25.1 });
  assert.deepEqual(codecImpairment('audio/PCMA'), g711);
  close(effectiveEquipmentImpairment(g711, 0), 0, 1e-9);
  close(effectiveEquipmentImpairment(g711, 2), (95 * 2) / (2 + 25.1)); // 7.01
  // Without PLC (Bpl 4.3) the same 2 % costs four times as much: 30.16.
  close(effectiveEquipmentImpairment({ ie: 0, bpl: 4.3 }, 2), 30.16);
  // Bursty loss (BurstR > 1) hurts more than random loss of the same rate.
  assert.ok(effectiveEquipmentImpairment(g711, 5, 2) > effectiveEquipmentImpairment(g711, 5, 1));
  // Loss is clamped to 0–100 %.
  close(effectiveEquipmentImpairment(g711, 150), effectiveEquipmentImpairment(g711, 100), 1e-9);
});

test('a clean loopback call scores near the top; delay, jitter and loss each pull it down', () => {
  const clean = estimateMos({ rttMs: 1, jitterMs: 1, lossPercent: 0 }, 'opus/48000');
  close(clean.r, 93.2 - 0.024 * (0.5 + 2 + 10), 1e-9);
  assert.equal(clean.mos, 4.4);
  assert.equal(qualityBand(clean.mos), 'good');

  const delayed = estimateMos({ rttMs: 400, jitterMs: 1, lossPercent: 0 }, 'opus/48000');
  const jittery = estimateMos({ rttMs: 1, jitterMs: 80, lossPercent: 0 }, 'opus/48000');
  const lossy = estimateMos({ rttMs: 1, jitterMs: 1, lossPercent: 10 }, 'opus/48000');
  for (const worse of [delayed, jittery, lossy]) assert.ok(worse.mos < clean.mos);
  // 10 % random loss with PLC: Ie,eff = 95·10/35.1 = 27.07 → R ≈ 65.83 → MOS ≈ 3.40 ("fair").
  close(lossy.mos, 3.4, 0.005);
  assert.equal(qualityBand(lossy.mos), 'fair');

  const bad = estimateMos({ rttMs: 300, jitterMs: 30, lossPercent: 20 }, 'PCMU/8000');
  assert.ok(bad.mos < 3.1, `MOS ${bad.mos}`);
  assert.equal(qualityBand(bad.mos), 'poor');
});

test('MOS comes out with two decimals and never leaves 1–4.5', () => {
  for (const sample of [
    { rttMs: 0, jitterMs: 0, lossPercent: 0 },
    { rttMs: 10_000, jitterMs: 5_000, lossPercent: 100 }
  ]) {
    const { mos } = estimateMos(sample, null);
    assert.ok(mos >= 1 && mos <= 4.5);
    assert.equal(Math.round(mos * 100) / 100, mos);
  }
});
