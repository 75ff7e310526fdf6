// Property test: 10,000 generated onClickToDial payloads through the real adapter path
// (dialContextFrom + the pure machine from a ready state). Deterministic: the seed is fixed
// unless FUZZ_SEED is set, and every failure message carries the seed and the case index.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePhoneNumberFromString as parseMin } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { dialContextFrom } from '../../adapter/src/app/click-to-dial';
import { transition } from '../../adapter/src/call/machine';
import type { Effect, MachineEvent } from '../../adapter/src/call/types';
import type { ClickToDialPayload } from '../../adapter/src/opencti/types';
import { readyState } from '../adapter/helpers';

const SEED_ENV = Number.parseInt(process.env['FUZZ_SEED'] ?? '', 10);
const SEED = (Number.isFinite(SEED_ENV) ? SEED_ENV : 0x5eed_2026) >>> 0;
const CASES = 10_000;
const COUNTRY = 'US';

/** mulberry32: small, fast, good enough to spread cases; the point is reproducibility. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen<T> = (r: () => number) => T;
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');

const VALID_NUMBERS = [
  '+1 415 555 0132',
  '(415) 555-0101',
  '212-555-0142',
  '+44 20 7946 0958',
  '+33 1 42 68 53 00',
  '+49 30 901820',
  '+81 3-3224-5000',
  '+61 2 9374 4000',
  '+972 2-624-1111',
  '+971 4 366 6666',
  '4155550101',
  '+1.415.555.0199'
];
const EXTENSIONS = [' x204', ' ext. 12', ' ext 99999', ';ext=7', ' X1', '#123', ',,55'];
const NASTY_TEXT = [
  '',
  ' ',
  '\t\n',
  'abc',
  '1-800-FLOWERS',
  '+1 (800) CALL-NOW',
  '١٢٣٤٥٦٧٨٩٠',
  '４１５５５５０１０１',
  '\u202e1010555514\u202c',
  '\u200b4155550101',
  '📞 415 555 0101',
  '415 555 0101 📞',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'tel:+14155550101',
  'sip:1001@pbx.example.com',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '+',
  '++14155550101',
  '--',
  '()',
  '0',
  '00',
  '000000',
  '1234567',
  '+999 999 999',
  '+1 555',
  '4155550101999999999999',
  'null',
  'undefined',
  'NaN',
  '\u0000',
  '\ud800',
  'مرحبا ٤١٥',
  'שלום'
];
const SF_IDS = [
  '003000000000001AAA',
  '001000000000001AAA',
  '00Q000000000001AAA',
  '003000000000001',
  '0030000000000',
  '003000000000001AAA<',
  '',
  '003000000000001AA\u202e'
];

const genText: Gen<string> = (r) => {
  switch (int(r, 0, 7)) {
    case 0:
      return pick(r, VALID_NUMBERS);
    case 1:
      return pick(r, VALID_NUMBERS) + pick(r, EXTENSIONS);
    case 2:
      return digits(r, int(r, 1, 8)); // around the 2–6 digit extension boundary
    case 3:
      return pick(r, NASTY_TEXT);
    case 4:
      return pick(r, ['+', '', '00', '011 ']) + digits(r, int(r, 4, 17));
    case 5: {
      // A valid number with junk spliced in somewhere.
      const base = pick(r, VALID_NUMBERS);
      const at = int(r, 0, base.length);
      return base.slice(0, at) + pick(r, NASTY_TEXT) + base.slice(at);
    }
    case 6:
      return pick(r, ['1', '\u202e', 'ا', '🙂', '<', ' ']).repeat(pick(r, [63, 64, 65, 1000, 100_000]));
    default:
      return Array.from({ length: int(r, 0, 30) }, () =>
        String.fromCodePoint(
          pick(r, [
            int(r, 0x20, 0x7e),
            int(r, 0x590, 0x6ff),
            int(r, 0x1f300, 0x1f6ff),
            int(r, 0x2000, 0x206f),
            int(r, 0xff10, 0xff19)
          ])
        )
      ).join('');
  }
};

/** Anything at all, for fields that should be strings. */
const genWild: Gen<unknown> = (r) => {
  switch (int(r, 0, 12)) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return pick(r, [0, -1, 4155550101, 14155550101, 1e30, 1.5, Number.NaN, Infinity, -Infinity, 1001, 12]);
    case 3:
      return pick(r, [true, false]);
    case 4:
      return { number: pick(r, VALID_NUMBERS), toString: () => pick(r, VALID_NUMBERS) };
    case 5:
      return [pick(r, VALID_NUMBERS)];
    case 6:
      return JSON.parse(
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'
      ) as unknown;
    case 7:
      return Object.create(null) as unknown;
    case 8:
      return BigInt(4155550101);
    case 9:
      return Symbol('number');
    case 10:
      return () => '4155550101';
    default:
      return genText(r);
  }
};

const genPayload: Gen<Record<string, unknown>> = (r) => {
  // Half the payloads are well-formed apart from the number; the rest are wrong everywhere.
  const wild = r() < 0.5;
  const field = (good: Gen<unknown>) => (r() < 0.2 ? undefined : wild && r() < 0.5 ? genWild(r) : good(r));
  const payload: Record<string, unknown> =
    r() < 0.05
      ? (JSON.parse('{"__proto__":{"polluted":"yes","number":"4155550101"}}') as Record<string, unknown>)
      : {};
  const number = r() < 0.7 ? genText(r) : genWild(r);
  if (r() < 0.95) payload['number'] = number;
  const maybe = (key: string, good: Gen<unknown>) => {
    const v = field(good);
    if (v !== undefined || r() < 0.3) payload[key] = v;
  };
  maybe('recordId', (rr) => pick(rr, SF_IDS));
  maybe('recordName', (rr) =>
    pick(rr, ['Ada Lovelace', '<b>Ada</b>', 'x'.repeat(500), '\u202eecalevol ada', '🙂'])
  );
  maybe('objectType', (rr) =>
    pick(rr, ['Contact', 'Lead', 'Account', 'Opportunity', 'Custom__c', '<svg onload=x>', 'a b', ''])
  );
  maybe('accountId', (rr) => pick(rr, SF_IDS));
  maybe('contactId', (rr) => pick(rr, SF_IDS));
  maybe('personAccount', (rr) => pick(rr, [true, false, 'true', 1]));
  maybe('params', (rr) => pick(rr, ['', 'a=1&b=2', 'x'.repeat(1001), '{"json":true}']));
  if (r() < 0.05) payload['__proto__'] = { polluted: 'yes' };
  return payload;
};

/**
 * The oracle: libphonenumber-js asked directly, not through the adapter. `valid` uses the same
 * (min) metadata the bundle ships; `validFull` the full metadata, which is stricter about
 * number ranges — the gap between the two is reported, not enforced (see the TODO test).
 */
function oracle(input: unknown): { valid: string | null; validFull: boolean } {
  const text =
    typeof input === 'number' && Number.isFinite(input)
      ? String(input)
      : typeof input === 'string'
        ? input
        : null;
  if (text === null) return { valid: null, validFull: false };
  const compact = text.trim().replace(/[\s().\-/]/g, '');
  if (/^\d{2,6}$/.test(compact)) return { valid: compact, validFull: true };
  const min = parseMin(text.trim(), COUNTRY);
  return {
    valid: min?.isValid() ? min.number : null,
    validFull: parseMax(text.trim(), COUNTRY)?.isValid() ?? false
  };
}

/** ITU E.164 proper: at most 15 digits. */
const E164 = /^\+[1-9]\d{1,14}$/;
const EXTENSION = /^\d{2,6}$/;

describe('click-to-dial fuzz', () => {
  const ready = readyState();
  const results: Array<{ index: number; input: unknown; dialled: string | null; validPerOracle: boolean }> =
    [];

  test(`${CASES} payloads: never a throw; dial only for a number libphonenumber accepts; otherwise an error and no effects (seed ${SEED})`, () => {
    const r = prng(SEED);
    const started = performance.now();
    let dials = 0;
    for (let index = 0; index < CASES; index += 1) {
      const payload = genPayload(r);
      const where = `seed=${SEED} case=${index} number=${describeValue(payload['number'])}`;
      let effects: readonly Effect[] = [];
      let next = ready;
      assert.doesNotThrow(() => {
        // Exactly what Softphone.start() does with a click-to-dial payload.
        const context = dialContextFrom(payload as unknown as ClickToDialPayload);
        const event: MachineEvent = {
          type: 'DIAL_REQUESTED',
          at: 1_700_000_000_000 + index,
          callId: `fuzz-${index}`,
          input: payload['number'],
          context
        };
        [next, effects] = transition(ready, event);
        for (const ref of [context.who, context.what]) {
          if (!ref) continue;
          assert.match(ref.id, /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, where);
          assert.ok(ref.name === null || ref.name.length <= 120, where);
          assert.ok(ref.objectType === null || /^\w{1,80}$/.test(ref.objectType), where);
        }
        assert.ok(
          context.params === null || (typeof context.params === 'string' && context.params.length <= 1000),
          where
        );
      }, where);

      const dial = effects.find((e): e is Extract<Effect, { type: 'dial' }> => e.type === 'dial');
      const expected = oracle(payload['number']);
      if (dial) {
        dials += 1;
        assert.ok(
          E164.test(dial.number) || EXTENSION.test(dial.number),
          `${where}: dialled ${dial.number}, neither E.164 (≤ 15 digits) nor an extension`
        );
        assert.ok(
          expected.valid !== null,
          `${where}: dialled ${dial.number} but libphonenumber does not read the input as a valid number`
        );
        assert.equal(
          dial.number,
          expected.valid,
          `${where}: dialled a different number than libphonenumber reads`
        );
        assert.equal(next.phase, 'dialing', where);
        assert.equal(next.call?.dial, dial.number, where);
        assert.ok((next.call?.display.length ?? 0) <= 64, where);
      } else {
        assert.deepEqual(effects, [], `${where}: effects without a dial`);
        assert.equal(next.phase, 'idle', where);
        assert.equal(next.notice?.kind, 'error', `${where}: refused without an error notice`);
        assert.ok(
          (next.notice?.text.length ?? 0) < 300,
          `${where}: the notice echoes at most a short excerpt`
        );
      }
      results.push({
        index,
        input: payload['number'],
        dialled: dial?.number ?? null,
        validPerOracle: expected.validFull
      });
    }
    const ms = performance.now() - started;
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype untouched');
    assert.ok(
      dials > CASES * 0.15 && dials < CASES * 0.85,
      `the generator exercises both outcomes (dials: ${dials})`
    );
    console.log(`# fuzz seed=${SEED}: ${CASES} payloads, ${dials} dialled, ${ms.toFixed(0)} ms`);
  });

  test('well-formed valid numbers are always dialled (the property is not satisfied by refusing everything)', () => {
    const r = prng(SEED ^ 0xabcdef);
    for (let i = 0; i < 500; i += 1) {
      const text = pick(r, VALID_NUMBERS) + (r() < 0.3 ? pick(r, [' x204', ' ext. 12']) : '');
      const [next, effects] = transition(readyState(), {
        type: 'DIAL_REQUESTED',
        at: i,
        callId: `v-${i}`,
        input: text,
        context: null
      });
      assert.ok(
        effects.some((e) => e.type === 'dial'),
        `seed=${SEED} ${text}: ${next.notice?.text ?? ''}`
      );
    }
  });

  // The adapter checks isValid() with the min metadata it bundles (full metadata would add
  // ~100 kB); full metadata knows number ranges more precisely, so a few numbers it calls
  // invalid are still dialled (they fail at the carrier, harmlessly). Reported, not enforced.
  test(
    'strict: every dialled number is also isValid() per full metadata',
    { todo: 'bundled min metadata is coarser than full metadata' },
    () => {
      const gaps = results.filter((x) => x.dialled !== null && !x.validPerOracle);
      const examples = [...new Set(gaps.map((g) => describeValue(g.input)))].slice(0, 5);
      assert.equal(
        gaps.length,
        0,
        `${gaps.length} dialled numbers are valid per min metadata only, e.g. ${examples.join(' | ')}`
      );
    }
  );
});

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v);
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return typeof v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
