// The emulator's pseudo-locale: accented, about 40 % longer, bracketed, with every placeholder intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argumentsOf, formatMessage, parseMessage } from '../../adapter/src/i18n/message-format';
import { readCustomLabels } from '../../scripts/lib/custom-labels';
import { PSEUDO_END, PSEUDO_START, pseudoLocalize } from '../../scripts/lib/pseudo-locale';

const format = (message: string) =>
  formatMessage(message, { number: '+1 415 555 0100', count: 2, name: 'Ada', band: 'fair' }, 'en-US');

test('accents every letter, marks both ends and keeps placeholders as they are', () => {
  const pseudo = pseudoLocalize('Call with {number} ended.');
  assert.ok(pseudo.startsWith(`${PSEUDO_START}Çáļļ ŵïţĥ {number} ëñðëð.`), pseudo);
  assert.ok(pseudo.endsWith(PSEUDO_END), pseudo);
  assert.doesNotMatch(pseudo.replace('{number}', ''), /[A-Za-z]/);
  assert.match(format(pseudo), /^⟦Çáļļ ŵïţĥ \+1 415 555 0100 ëñðëð\./);
});

test('plural, select, # and quoting survive (the result reads the same arguments)', () => {
  for (const message of [
    '{count, plural, one {# call} other {# calls}} with {name}',
    'Quality: {band, select, good {good} fair {fair} other {poor}}',
    "l'appel '{'literal'}' and it''s"
  ]) {
    const pseudo = pseudoLocalize(message);
    assert.deepEqual(argumentsOf(parseMessage(pseudo)), argumentsOf(parseMessage(message)), pseudo);
  }
  assert.match(format(pseudoLocalize('{count, plural, one {# call} other {# calls}}')), /^⟦2 çáļļš/);
  assert.match(format(pseudoLocalize("l'appel '{'x'}'")), /^⟦ļ'áþþëļ \{ẋ\}/);
});

test('every label comes out about 40 % longer than its English text', () => {
  for (const label of readCustomLabels()) {
    // Empty text placeholders, so only the label's own words are measured (values are not stretched).
    const values = Object.fromEntries(
      [...argumentsOf(parseMessage(label.value))].map(([name, kind]) => [
        name,
        kind === 'number' ? 2 : kind === 'select' ? 'other' : ''
      ])
    );
    const english = formatMessage(label.value, values, 'en-US');
    const pseudo = formatMessage(pseudoLocalize(label.value), values, 'en-US');
    assert.ok(
      [...pseudo].length >= Math.floor([...english].length * 1.35),
      `${label.fullName}: ${english} → ${pseudo}`
    );
  }
});
