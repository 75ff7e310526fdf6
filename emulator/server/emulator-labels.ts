/**
 * What `$Label` and `@salesforce/label/c.*` give a user of each language in the emulator: the package's
 * translation (English where a label has none, as Salesforce falls back), or for the pseudo-locale en_XA
 * the pseudo-accented English (scripts/lib/pseudo-locale.ts).
 */
import { CARD_LABEL_PREFIX, MASTER_LANGUAGE, labelsForLanguage } from '../../scripts/lib/custom-labels';
import { PSEUDO_LANGUAGE, pseudoLabels } from '../../scripts/lib/pseudo-locale';

/** Every label's value for a user with this language (read on every call, so edits show on reload). */
export function emulatorLabels(language: string): Map<string, string> {
  return language === PSEUDO_LANGUAGE
    ? pseudoLabels(labelsForLanguage(MASTER_LANGUAGE))
    : labelsForLanguage(language);
}

/** The record-page component's labels (Switchboard_Card_*), as the host page hands them to the LWC. */
export function cardLabels(language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of emulatorLabels(language))
    if (name.startsWith(CARD_LABEL_PREFIX)) out[name] = value;
  return out;
}

/** Salesforce's `de_DE` → the BCP 47 tag `@salesforce/i18n/locale` returns (`de-DE`). */
export function bcp47(salesforceKey: string): string {
  return salesforceKey.replace(/_/g, '-');
}
