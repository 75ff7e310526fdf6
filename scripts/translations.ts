// Keeps force-app/main/default/translations/ in step with the Custom Labels.
//   npx tsx scripts/translations.ts gaps [lang…]      labels each language lacks (JSON: lang → name → {english, description})
//   npx tsx scripts/translations.ts merge <file.json>  adds/replaces translations from { "de": { "Switchboard_X": "…" } }
//   npx tsx scripts/translations.ts write              rewrites every file sorted, dropping labels that no longer exist
// Files are written in one canonical form (sorted by label name), so merges from several people never conflict
// in order and a diff shows only changed words.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { parseMessage } from '../adapter/src/i18n/message-format';
import {
  TRANSLATED_LANGUAGES,
  TRANSLATIONS_DIR,
  readCustomLabels,
  readLabelTranslations,
  translationFile
} from './lib/custom-labels';

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderTranslations(entries: ReadonlyMap<string, string>): string {
  const names = [...entries.keys()].sort();
  const body = names.flatMap((name) => [
    '    <customLabels>',
    `        <label>${escapeXml(entries.get(name) ?? '')}</label>`,
    `        <name>${name}</name>`,
    '    </customLabels>'
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Translations xmlns="http://soap.sforce.com/2006/04/metadata">',
    ...body,
    '</Translations>',
    ''
  ].join('\n');
}

function languagesFrom(args: readonly string[]): readonly string[] {
  const bad = args.filter((a) => !(TRANSLATED_LANGUAGES as readonly string[]).includes(a));
  if (bad.length) throw new Error(`not a translated language: ${bad.join(', ')}`);
  return args.length ? args : TRANSLATED_LANGUAGES;
}

function gaps(args: readonly string[]): void {
  const labels = readCustomLabels();
  const out: Record<string, Record<string, { english: string; description: string }>> = {};
  for (const lang of languagesFrom(args)) {
    const have = readLabelTranslations(lang);
    for (const l of labels)
      if (!have.get(l.fullName))
        (out[lang] ??= {})[l.fullName] = { english: l.value, description: l.shortDescription };
  }
  console.log(JSON.stringify(out, null, 2));
}

async function write(
  updates: Readonly<Record<string, Readonly<Record<string, string>>>>,
  all = false
): Promise<void> {
  const known = new Set(readCustomLabels().map((l) => l.fullName));
  mkdirSync(TRANSLATIONS_DIR, { recursive: true });
  // Only the languages named are read and written, so two merges of different languages never clobber each other.
  const languages = all ? TRANSLATED_LANGUAGES : TRANSLATED_LANGUAGES.filter((lang) => lang in updates);
  for (const lang of languages) {
    const entries = readLabelTranslations(lang);
    for (const [name, text] of Object.entries(updates[lang] ?? {})) {
      if (!known.has(name)) throw new Error(`${lang}: no label named ${name}`);
      if (typeof text !== 'string' || !text.trim()) throw new Error(`${lang}: empty translation for ${name}`);
      parseMessage(text); // a translation that is not a valid message is refused here, not at run time
      entries.set(name, text);
    }
    for (const name of [...entries.keys()]) if (!known.has(name)) entries.delete(name);
    const file = translationFile(lang);
    // The repo's Prettier style, so `prettier --check` and this script agree on every byte.
    const options = (await prettier.resolveConfig(file)) ?? {};
    const fresh = await prettier.format(renderTranslations(entries), { ...options, filepath: file });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== fresh) writeFileSync(file, fresh);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === 'gaps') return gaps(args);
  if (command === 'write') return write({}, true);
  if (command === 'merge' && args[0]) {
    const updates = JSON.parse(readFileSync(args[0], 'utf8')) as Record<string, Record<string, string>>;
    languagesFrom(Object.keys(updates));
    return write(updates);
  }
  console.error('usage: npx tsx scripts/translations.ts gaps [lang…] | merge <file.json> | write');
  process.exit(2);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
