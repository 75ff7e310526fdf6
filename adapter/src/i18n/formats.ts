import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { currentLocale } from './labels';

/**
 * Times, dates, call durations and phone numbers as the agent's locale writes them ($User.LocaleSidKey,
 * via currentLocale()): a de-DE agent reads 14:05 and 0176 12345678, a fi-FI agent 0.05.03 for a call
 * time. Formatters are cached per locale because the call timer re-renders every second.
 */

const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const hit = cache.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const made = make();
  cache.set(key, made);
  return made;
}

/** A clock time, e.g. 2:05 PM (en-US), 14:05 (de-DE), 14:05 (ja-JP). */
export function formatTime(epochMs: number, locale: string = currentLocale()): string {
  return cached(`time|${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(
    epochMs
  );
}

/** A calendar date, e.g. Nov 30, 2026 (en-US), 30.11.2026 (de-DE), 2026/11/30 (ja-JP). */
export function formatDate(epochMs: number, locale: string = currentLocale()): string {
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
    epochMs
  );
}

interface DigitalDuration {
  format(duration: { hours: number; minutes: number; seconds: number }): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'digital'; hoursDisplay: 'auto' }
) => DigitalDuration;

/** Intl.DurationFormat is in Chromium 129+ and Safari 16.4+, not yet in every browser an agent may use. */
function durationFormatConstructor(): DurationFormatConstructor | undefined {
  return (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
}

/**
 * A call's running time, digital style: Intl.DurationFormat where the browser has it (05:03, 1:05:03;
 * fi-FI writes 05.03), else m:ss / h:mm:ss in the locale's own digits.
 */
export function formatDuration(ms: number, locale: string = currentLocale()): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const parts = {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60
  };
  const DurationFormat = durationFormatConstructor();
  if (DurationFormat)
    return cached(
      `duration|${locale}`,
      () => new DurationFormat(locale, { style: 'digital', hoursDisplay: 'auto' })
    ).format(parts);
  return fallbackDuration(parts, locale);
}

/** The digital duration without Intl.DurationFormat: exported so the fallback is tested in every runtime. */
export function fallbackDuration(
  parts: { hours: number; minutes: number; seconds: number },
  locale: string = currentLocale()
): string {
  const one = cached(`n1|${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false }));
  const two = cached(
    `n2|${locale}`,
    () => new Intl.NumberFormat(locale, { useGrouping: false, minimumIntegerDigits: 2 })
  );
  if (parts.hours > 0)
    return `${one.format(parts.hours)}:${two.format(parts.minutes)}:${two.format(parts.seconds)}`;
  return `${one.format(parts.minutes)}:${two.format(parts.seconds)}`;
}

/**
 * The country the agent's locale names (de-DE → DE), or null when the tag has none (`de` alone may be
 * Germany, Austria or Switzerland: ambiguous, so numbers are shown internationally).
 */
export function localeRegion(locale: string = currentLocale()): string | null {
  try {
    const region = new Intl.Locale(locale).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

/**
 * A phone number for display: national format when it belongs to the agent's locale country, the
 * international +CC form otherwise or when that country is unknown. Null for anything that is not a
 * valid E.164 number (an extension, a SIP user): the caller shows it as it was given.
 */
export function formatPhoneNumber(number: string, locale: string = currentLocale()): string | null {
  if (!number.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed || !parsed.isValid()) return null;
  const region = localeRegion(locale);
  return region !== null && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}
