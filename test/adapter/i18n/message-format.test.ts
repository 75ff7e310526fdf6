import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  argumentsOf,
  formatMessage,
  MessageSyntaxError,
  parseMessage
} from '../../../adapter/src/i18n/message-format';

test('placeholders are filled by name, numbers in the locale', () => {
  assert.equal(
    formatMessage('Call {name} at {n, number}', { name: 'Ada', n: 1234.5 }, 'de-DE'),
    'Call Ada at 1.234,5'
  );
});

test('plural picks the CLDR category of the locale, # is the formatted count, =N wins', () => {
  const msg = '{count, plural, =0 {no calls} one {# call} other {# calls}}';
  assert.equal(formatMessage(msg, { count: 0 }, 'en-US'), 'no calls');
  assert.equal(formatMessage(msg, { count: 1 }, 'en-US'), '1 call');
  assert.equal(formatMessage(msg, { count: 1200 }, 'en-US'), '1,200 calls');
  // Russian has few/many: 3 → few, 5 → many, both fall back to other when not given.
  const ru = '{n, plural, one {# звонок} few {# звонка} many {# звонков} other {# звонка}}';
  assert.equal(formatMessage(ru, { n: 3 }, 'ru'), '3 звонка');
  assert.equal(formatMessage(ru, { n: 5 }, 'ru'), '5 звонков');
  assert.equal(formatMessage(ru, { n: 21 }, 'ru'), '21 звонок');
});

test('select chooses by value, falling back to other', () => {
  const msg = '{dir, select, inbound {Incoming} outbound {Outgoing} other {Call}}';
  assert.equal(formatMessage(msg, { dir: 'inbound' }, 'en-US'), 'Incoming');
  assert.equal(formatMessage(msg, { dir: 'weird' }, 'en-US'), 'Call');
});

test("ICU apostrophes: l'appel stays, '{' quotes a brace, '' is one apostrophe", () => {
  assert.equal(formatMessage("Terminer l'appel", {}, 'fr'), "Terminer l'appel");
  assert.equal(formatMessage("Press '{'0'}' then ''OK''", {}, 'en'), "Press {0} then 'OK'");
  assert.equal(formatMessage("{n, plural, other {'#' is # here}}", { n: 2 }, 'en'), '# is 2 here');
});

test('a missing value shows as its placeholder, never as undefined', () => {
  assert.equal(formatMessage('Hello {name}', {}, 'en'), 'Hello {name}');
});

test('a broken message is shown as written and reported, not thrown', () => {
  const seen: MessageSyntaxError[] = [];
  assert.equal(
    formatMessage('Oops {name', {}, 'en', (e) => seen.push(e)),
    'Oops {name'
  );
  assert.equal(seen.length, 1);
  for (const bad of ['{n, plural, one {x}}', '{a b}', 'x }', '{n, date}', '{n, plural, other {x} other {y}}'])
    assert.throws(() => parseMessage(bad), MessageSyntaxError, bad);
});

test('argumentsOf names every placeholder, nested ones too, with how it is read', () => {
  const args = argumentsOf(
    parseMessage('{who} {n, plural, one {# by {agent}} other {{dir, select, a {x} other {y}}}}')
  );
  assert.deepEqual(Object.fromEntries(args), { who: 'text', n: 'number', agent: 'text', dir: 'select' });
});
