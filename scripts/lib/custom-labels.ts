// Reads the package's Custom Labels and their Translations: the one source of every word the softphone
// and the record card show. Used by the label generator, the emulator (which renders `$Label` as
// Salesforce would for a user's language) and the i18n checks.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const LABELS_FILE = join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
export const TRANSLATIONS_DIR = join(ROOT, 'force-app/main/default/translations');

/** The master language of the labels (their `<language>`). */
export const MASTER_LANGUAGE = 'en_US';

/**
 * The 17 other languages Salesforce fully supports, as Translation file names (language codes from
 * Salesforce Help, "Supported Languages": fully supported languages).
 */
export const TRANSLATED_LANGUAGES = [
  'zh_CN',
  'zh_TW',
  'da',
  'nl_NL',
  'fi',
  'fr',
  'de',
  'it',
  'ja',
  'ko',
  'no',
  'pt_BR',
  'ru',
  'es',
  'es_MX',
  'sv',
  'th'
] as const;

export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/** Labels only the record-page LWC reads; every other Switchboard label is rendered into the adapter page. */
export const CARD_LABEL_PREFIX = 'Switchboard_Card_';

export interface CustomLabel {
  fullName: string;
  value: string;
  shortDescription: string;
  categories: string;
  language: string;
  protected: boolean;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'labels' || name === 'customLabels'
});

type Node = Record<string, unknown>;
const text = (node: Node, key: string): string =>
  typeof node[key] === 'string' ? (node[key] as string) : '';

export function parseCustomLabels(xml: string): CustomLabel[] {
  const root = (parser.parse(xml) as Node).CustomLabels as Node | undefined;
  if (!root) throw new Error('not a CustomLabels file');
  return ((root.labels as Node[] | undefined) ?? []).map((node) => ({
    fullName: text(node, 'fullName'),
    value: text(node, 'value'),
    shortDescription: text(node, 'shortDescription'),
    categories: text(node, 'categories'),
    language: text(node, 'language'),
    protected: text(node, 'protected') === 'true'
  }));
}

export function readCustomLabels(file: string = LABELS_FILE): CustomLabel[] {
  return parseCustomLabels(readFileSync(file, 'utf8'));
}

/** A Translations file's custom-label entries, name → translated text. */
export function parseLabelTranslations(xml: string): Map<string, string> {
  const root = (parser.parse(xml) as Node).Translations as Node | undefined;
  if (!root) throw new Error('not a Translations file');
  const out = new Map<string, string>();
  for (const node of (root.customLabels as Node[] | undefined) ?? [])
    out.set(text(node, 'name'), text(node, 'label'));
  return out;
}

export function translationFile(language: string, dir: string = TRANSLATIONS_DIR): string {
  return join(dir, `${language}.translation-meta.xml`);
}

/** Name → translation for one language; empty when the file does not exist. */
export function readLabelTranslations(language: string, dir: string = TRANSLATIONS_DIR): Map<string, string> {
  const file = translationFile(language, dir);
  return existsSync(file) ? parseLabelTranslations(readFileSync(file, 'utf8')) : new Map();
}

/**
 * The value `$Label.<name>` has for a user with this language: the translation when there is one, the
 * master value otherwise (Salesforce shows the default-language label for an untranslated one).
 */
export function labelsForLanguage(
  language: string,
  labels: readonly CustomLabel[] = readCustomLabels(),
  dir: string = TRANSLATIONS_DIR
): Map<string, string> {
  const translated =
    language === MASTER_LANGUAGE ? new Map<string, string>() : readLabelTranslations(language, dir);
  return new Map(labels.map((l) => [l.fullName, translated.get(l.fullName) || l.value]));
}

/** Visualforce's JSENCODE, as its Help page shows it (`<B>user's</b>` → `\u003CB\u003Euser\'s\u003C\/b\u003E`). */
export function jsEncode(value: string): string {
  return value.replace(/[\\'"<>/\n\r\t\u2028\u2029&]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '"':
        return '\\"';
      case '/':
        return '\\/';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    }
  });
}
