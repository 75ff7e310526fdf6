import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fallbackDuration,
  formatDate,
  formatDuration,
  formatPhoneNumber,
  formatTime,
  localeRegion
} from '../../../adapter/src/i18n/formats';
import { useLabels } from '../../../adapter/src/i18n/labels';

// Local wall-clock time, so the expectations hold in any time zone the tests run in.
const AFTERNOON = new Date(2026, 10, 30, 14, 5).getTime();

test('times follow the locale: 12-hour in en-US, 24-hour in de-DE, ja-JP and th-TH', () => {
  assert.equal(formatTime(AFTERNOON, 'en-US').replace(/\s/g, ' '), '2:05 PM');
  assert.equal(formatTime(AFTERNOON, 'de-DE'), '14:05');
  assert.equal(formatTime(AFTERNOON, 'ja-JP'), '14:05');
  assert.equal(formatTime(AFTERNOON, 'th-TH'), '14:05');
});

test('dates follow the locale (Thai keeps Intl’s default Buddhist year and Latin digits)', () => {
  assert.equal(formatDate(AFTERNOON, 'en-US'), 'Nov 30, 2026');
  assert.equal(formatDate(AFTERNOON, 'de-DE'), '30.11.2026');
  assert.equal(formatDate(AFTERNOON, 'ja-JP'), '2026/11/30');
  assert.match(formatDate(AFTERNOON, 'th-TH'), /^30 .+ 2569$/);
});

test('without a locale argument the installed locale is used', () => {
  useLabels({}, 'de-DE');
  assert.equal(formatTime(AFTERNOON), '14:05');
  assert.equal(formatPhoneNumber('+4930123456'), '030 123456');
  useLabels({}, 'en-US');
  assert.equal(formatTime(AFTERNOON).replace(/\s/g, ' '), '2:05 PM');
});

test('the duration fallback is m:ss, then h:mm:ss, in the locale’s digits', () => {
  assert.equal(fallbackDuration({ hours: 0, minutes: 0, seconds: 7 }, 'en-US'), '0:07');
  assert.equal(fallbackDuration({ hours: 0, minutes: 5, seconds: 3 }, 'de-DE'), '5:03');
  assert.equal(fallbackDuration({ hours: 1, minutes: 5, seconds: 3 }, 'ja-JP'), '1:05:03');
  assert.equal(fallbackDuration({ hours: 0, minutes: 5, seconds: 3 }, 'th-TH'), '5:03', 'th: Latin digits');
  assert.equal(
    fallbackDuration({ hours: 0, minutes: 5, seconds: 3 }, 'ar-EG'),
    '٥:٠٣',
    'Arabic-Indic digits'
  );
  assert.equal(fallbackDuration({ hours: 12, minutes: 0, seconds: 0 }, 'en-US'), '12:00:00', 'no grouping');
});

test('formatDuration splits milliseconds into h/m/s, never negative, in the fallback where Intl lacks DurationFormat', (t) => {
  if ('DurationFormat' in Intl) return t.skip('this runtime has Intl.DurationFormat');
  assert.equal(formatDuration(303_999, 'en-US'), '5:03');
  assert.equal(formatDuration(3_903_000, 'de-DE'), '1:05:03');
  assert.equal(formatDuration(-5_000, 'en-US'), '0:00');
});

test('formatDuration uses Intl.DurationFormat, digital with hours only when there are any, where it exists', () => {
  const intl = Intl as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(intl, 'DurationFormat');
  const real = intl['DurationFormat'];
  const seen: unknown[] = [];
  intl['DurationFormat'] = class {
    constructor(locale: string, options: unknown) {
      seen.push(locale, options);
    }
    format(parts: { hours: number; minutes: number; seconds: number }) {
      return `${parts.hours}|${parts.minutes}|${parts.seconds}`;
    }
  };
  try {
    // A locale no other test formats a duration in: formatters are cached per locale.
    assert.equal(formatDuration(3_903_500, 'fi-FI'), '1|5|3');
    assert.deepEqual(seen, ['fi-FI', { style: 'digital', hoursDisplay: 'auto' }]);
  } finally {
    if (had) intl['DurationFormat'] = real;
    else delete intl['DurationFormat'];
  }
});

test('the region comes from the locale tag only: no region is ambiguous', () => {
  assert.equal(localeRegion('de-DE'), 'DE');
  assert.equal(localeRegion('ja-JP'), 'JP');
  assert.equal(localeRegion('th-TH'), 'TH');
  assert.equal(localeRegion('de'), null, 'de may be Germany, Austria or Switzerland');
  assert.equal(localeRegion('es-419'), null, 'a UN M.49 area is not a country');
  assert.equal(localeRegion('not a locale'), null);
});

test('phone numbers: national in their own country, international elsewhere or when ambiguous', () => {
  const us = '+14155550101';
  const de = '+4917612345678';
  const jp = '+81312345678';
  const th = '+66812345678';
  assert.equal(formatPhoneNumber(us, 'en-US'), '(415) 555-0101');
  assert.equal(formatPhoneNumber(de, 'en-US'), '+49 176 12345678');
  assert.equal(formatPhoneNumber(de, 'de-DE'), '0176 12345678');
  assert.equal(formatPhoneNumber(us, 'de-DE'), '+1 415 555 0101');
  assert.equal(formatPhoneNumber(jp, 'ja-JP'), '03-1234-5678');
  assert.equal(formatPhoneNumber(th, 'th-TH'), '081 234 5678');
  assert.equal(formatPhoneNumber(th, 'ja-JP'), '+66 81 234 5678');
  assert.equal(formatPhoneNumber(de, 'de'), '+49 176 12345678', 'no region: international');
});

test('anything that is not a valid E.164 number is left to the caller to show as given', () => {
  assert.equal(formatPhoneNumber('1001', 'en-US'), null, 'an extension');
  assert.equal(formatPhoneNumber('alice', 'en-US'), null, 'a SIP user');
  assert.equal(formatPhoneNumber('+1555', 'en-US'), null, 'too short to be valid');
});
