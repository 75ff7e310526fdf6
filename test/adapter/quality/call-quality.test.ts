import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { safeParse } from 'valibot';
import { addQualitySample, qualityIsPoor } from '../../../adapter/src/quality/call-quality';
import type { EventInput } from '../../../adapter/src/call/types';
import { CallQualitySchema, CallSchema } from '../../../adapter/src/persistence/call-schema';
import { newCall } from '../../../adapter/src/call/call-steps';
import { QUALITY_FIELDS } from '../../../adapter/src/logging/quality-fields';
import { useLabels } from '../../../adapter/src/i18n/labels';
import { labelsForLanguage } from '../../../scripts/lib/custom-labels';
import { CONTACT, run } from '../helpers';

// The Description line is a Custom Label: read the English the agent reads (and a German locale's numbers).
const useLanguage = (language: string, locale: string) =>
  useLabels(Object.fromEntries(labelsForLanguage(language)), locale);

const CLEAN = { rttMs: 2, jitterMs: 1, lossPercent: 0 } as const;
const BAD = { rttMs: 400, jitterMs: 60, lossPercent: 25 } as const;

const sample = (
  net: { rttMs: number; jitterMs: number; lossPercent: number },
  codec: string | null = 'opus/48000'
) => ({ type: 'QUALITY_SAMPLE', callId: 'out-1', ...net, codec }) as const satisfies EventInput;

const connected: EventInput[] = [
  {
    type: 'DIAL_REQUESTED',
    callId: 'out-1',
    input: '+1 415 555 0101',
    context: { who: CONTACT, what: null, params: null }
  },
  { type: 'CONNECTED', callId: 'out-1' }
];

describe('the call keeps its running quality', () => {
  test('average, worst and latest MOS and the codec follow the samples', () => {
    let q = addQualitySample(null, { ...CLEAN, codec: 'opus/48000' });
    assert.equal(q.samples, 1);
    assert.equal(q.lastMos, 4.4);
    q = addQualitySample(q, { ...BAD, codec: null });
    assert.equal(q.samples, 2);
    assert.ok(q.worstMos < 2, `worst ${q.worstMos}`);
    assert.equal(q.lastMos, q.worstMos);
    assert.ok(Math.abs(q.averageMos - (4.4 + q.worstMos) / 2) < 1e-9);
    assert.equal(q.codec, 'opus/48000', 'a sample without a codec report keeps the one known');
  });

  test('poor quality is news only after two poor samples in a row, and good sample clears it', () => {
    let q = addQualitySample(null, { ...BAD, codec: null });
    assert.equal(qualityIsPoor(q), false, 'one blip is not a warning');
    q = addQualitySample(q, { ...BAD, codec: null });
    assert.equal(qualityIsPoor(q), true);
    q = addQualitySample(q, { ...CLEAN, codec: null });
    assert.equal(qualityIsPoor(q), false);
    assert.equal(qualityIsPoor(null), false);
  });

  test('the machine keeps samples of the connected call only: not another call, not while held, not nonsense', () => {
    const { state } = run([...connected, sample(CLEAN), sample(BAD)]);
    assert.equal(state.call?.quality?.samples, 2);
    const ignored = run([
      ...connected,
      { ...sample(CLEAN), callId: 'other' },
      { ...sample(CLEAN), rttMs: Number.NaN },
      { ...sample(CLEAN), lossPercent: 101 },
      { ...sample(CLEAN), jitterMs: -1 }
    ]);
    assert.equal(ignored.state.call?.quality, null);
    const held = run([...connected, { type: 'HELD', callId: 'out-1', held: true }, sample(CLEAN)]);
    assert.equal(held.state.phase, 'held');
    assert.equal(held.state.call?.quality, null);
    const dialing = run([connected[0]!, sample(CLEAN)]);
    assert.equal(dialing.state.call?.quality, null, 'no audio to judge before the call connects');
  });

  test('a codec name that is not a plain token is not kept', () => {
    const { state } = run([...connected, sample(CLEAN, '<img src=x>')]);
    assert.equal(state.call?.quality?.codec, null);
    assert.equal(state.call?.quality?.samples, 1);
  });

  test('the Task carries average and worst MOS and the codec, and a line in the Description', () => {
    useLanguage('en_US', 'en-US');
    const { effects } = run([
      ...connected,
      sample(CLEAN),
      sample(BAD),
      { type: 'HANGUP' },
      { type: 'SUBMIT_WRAP_UP' }
    ]);
    const log = effects.find((e) => e.type === 'saveLog');
    assert.ok(log && log.type === 'saveLog');
    const average = log.value[QUALITY_FIELDS.average];
    const worst = log.value[QUALITY_FIELDS.worst];
    assert.equal(typeof average, 'number');
    assert.ok(Number(worst) < Number(average) && Number(average) < 4.4);
    assert.equal(Math.round(Number(average) * 100) / 100, average, 'two decimals: Number(3,2)');
    assert.equal(log.value[QUALITY_FIELDS.codec], 'opus/48000');
    assert.match(
      String(log.value['Description']),
      new RegExp(
        `Call quality \\(estimated MOS, 1–4\\.5\\): average ${Number(average).toFixed(2)}, worst ${Number(worst).toFixed(2)} · codec opus/48000`
      )
    );
  });

  test("the Description line follows the agent's locale for numbers and names no codec it never saw", () => {
    useLanguage('en_US', 'de-DE');
    const { effects } = run([
      ...connected,
      sample(CLEAN, null),
      { type: 'HANGUP' },
      { type: 'SUBMIT_WRAP_UP' }
    ]);
    const log = effects.find((e) => e.type === 'saveLog');
    assert.ok(log && log.type === 'saveLog');
    assert.match(String(log.value['Description']), /average 4,40, worst 4,40$/);
    assert.equal(QUALITY_FIELDS.codec in log.value, false);
    useLanguage('en_US', 'en-US');
  });

  test('a call with no samples (demo line, missed) names none of the custom fields', () => {
    const { effects } = run([...connected, { type: 'HANGUP' }, { type: 'SUBMIT_WRAP_UP' }]);
    const log = effects.find((e) => e.type === 'saveLog');
    assert.ok(log && log.type === 'saveLog');
    for (const field of Object.values(QUALITY_FIELDS)) assert.equal(field in log.value, false, field);
    assert.doesNotMatch(String(log.value['Description']), /Call quality/);
  });
});

describe('stored quality is checked like the rest of a stored call', () => {
  const good = addQualitySample(null, { ...CLEAN, codec: 'PCMU/8000' });
  test('a stored call keeps its quality; one stored before quality existed reads as none', () => {
    const call = {
      ...newCall({ id: 'c', direction: 'outbound', dial: '1', display: '1', startedAt: 1 }),
      quality: good
    };
    assert.deepEqual(safeParse(CallSchema, JSON.parse(JSON.stringify(call))).output, call);
    const { quality: _omit, ...old } = call;
    const parsed = safeParse(CallSchema, old);
    assert.ok(parsed.success);
    assert.equal(parsed.output.quality, null);
  });

  test('out-of-range or hostile values are refused', () => {
    for (const bad of [
      { ...good, averageMos: 5 },
      { ...good, worstMos: 0.5 },
      { ...good, lastMos: Number.POSITIVE_INFINITY },
      { ...good, samples: 0 },
      { ...good, samples: 1.5 },
      { ...good, poorStreak: -1 },
      { ...good, codec: 'x'.repeat(41) },
      { ...good, codec: 'opus"><script>' }
    ])
      assert.equal(safeParse(CallQualitySchema, bad).success, false, JSON.stringify(bad));
  });
});
