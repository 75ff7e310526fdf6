// Every Custom Label is translated into each of the 17 languages, and every translation keeps the English
// placeholders. These fail until the translators finish: the failure lists what each language lacks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT,
  TRANSLATED_LANGUAGES,
  TRANSLATIONS_DIR,
  readCustomLabels
} from '../../scripts/lib/custom-labels';
import { translationCompleteness, translationPlaceholders } from '../../scripts/lib/i18n-checks';

const FIXTURE = join(ROOT, 'test/fixtures/i18n');
const fixtureLabels = readCustomLabels(join(FIXTURE, 'CustomLabels.labels-meta.xml'));
const fixtureTranslations = join(FIXTURE, 'translations');

/** Long lists are cut so a run before the translators finish stays readable; the count says how many. */
const summary = (problems: readonly string[]): string =>
  `${problems.length} problems:\n  ${problems.slice(0, 60).join('\n  ')}${problems.length > 60 ? '\n  …' : ''}`;

describe('the package', () => {
  const labels = readCustomLabels();

  test('every label is translated into every fully supported language, and nothing else is', () => {
    const problems = translationCompleteness(labels, TRANSLATED_LANGUAGES, TRANSLATIONS_DIR);
    assert.deepEqual(problems, [], summary(problems));
  });

  test('every translation parses and reads exactly the English placeholders', () => {
    const problems = translationPlaceholders(labels, TRANSLATED_LANGUAGES, TRANSLATIONS_DIR);
    assert.deepEqual(problems, [], summary(problems));
  });
});

describe('the checks find broken translations (test/fixtures/i18n)', () => {
  test('a complete language passes', () => {
    assert.deepEqual(translationCompleteness(fixtureLabels, ['de'], fixtureTranslations), []);
    assert.deepEqual(translationPlaceholders(fixtureLabels, ['de'], fixtureTranslations), []);
  });

  test('a missing label, a label that does not exist and a missing file are named with their language', () => {
    assert.deepEqual(translationCompleteness(fixtureLabels, ['fr', 'es'], fixtureTranslations), [
      'fr: Switchboard_Fixture_Hold is not translated',
      'fr: translates Switchboard_Fixture_Removed, which is not a label',
      'es: Switchboard_Fixture_Calls is not translated',
      'es: Switchboard_Fixture_Hold is not translated',
      'es: Switchboard_Fixture_Ringing is not translated'
    ]);
  });

  test('a renamed placeholder and a message that does not parse are found', () => {
    const problems = translationPlaceholders(fixtureLabels, ['fr'], fixtureTranslations);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.equal(
      problems[0],
      'fr: Switchboard_Fixture_Calls reads count (number), nom (text); English reads count (number), name (text)'
    );
    assert.match(problems[1] ?? '', /^fr: Switchboard_Fixture_Ringing does not parse: /);
  });
});
