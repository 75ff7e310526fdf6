import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { t } from '../i18n/labels';

/**
 * Every number the softphone dials or shows passes through here: click-to-dial payloads, the
 * dial pad, inbound caller ids. Anything that is not a plausible phone number or a short
 * internal extension is refused with a reason the agent can read, and nothing is dialled.
 */
export type ParsedNumber =
  | { ok: true; kind: 'e164'; dial: string; display: string; extension?: string }
  | { ok: true; kind: 'extension'; dial: string; display: string }
  | { ok: false; reason: string };

const MAX_INPUT_LENGTH = 64;
const EXTENSION_ONLY = /^\d{2,6}$/;

export function parseDialString(input: unknown, defaultCountry: string): ParsedNumber {
  if (typeof input === 'number' && Number.isFinite(input)) input = String(input);
  if (typeof input !== 'string') return { ok: false, reason: t('Switchboard_Number_Missing') };
  const text = input.trim();
  if (text.length === 0) return { ok: false, reason: t('Switchboard_Number_Missing') };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, reason: t('Switchboard_Number_TooLong') };
  if (!/^[\d\s()+.\-/#*,;xXeEtT]+$/.test(text.replace(/ext\.?/gi, ''))) {
    return { ok: false, reason: t('Switchboard_Number_NotANumber', { number: truncate(text) }) };
  }
  const compact = text.replace(/[\s().\-/]/g, '');
  if (EXTENSION_ONLY.test(compact)) return { ok: true, kind: 'extension', dial: compact, display: compact };

  const parsed = parsePhoneNumberFromString(text, toCountry(defaultCountry));
  // E.164 caps numbers at 15 digits; the bundled (min) metadata alone lets a few longer ones through.
  if (!parsed || !parsed.isValid() || parsed.number.length > 16) {
    return {
      ok: false,
      reason: t('Switchboard_Number_Invalid', { number: truncate(text), country: defaultCountry })
    };
  }
  const sameCountry = parsed.country === toCountry(defaultCountry);
  const display = sameCountry ? parsed.formatNational() : parsed.formatInternational();
  return parsed.ext
    ? { ok: true, kind: 'e164', dial: parsed.number, display, extension: parsed.ext }
    : { ok: true, kind: 'e164', dial: parsed.number, display };
}

/** Best-effort display of a caller id we did not choose (it may be a SIP user, not a number). */
export function displayCallerNumber(raw: string, defaultCountry: string): string {
  const parsed = parseDialString(raw, defaultCountry);
  return parsed.ok ? parsed.display : truncate(raw, 40);
}

function toCountry(code: string): CountryCode {
  return code.toUpperCase() as CountryCode;
}

function truncate(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
