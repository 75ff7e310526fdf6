import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsEncode } from '../../../scripts/lib/custom-labels';
import {
  decodeJsEncodedJson,
  localeTag,
  readPageLabels,
  t,
  useLabels
} from '../../../adapter/src/i18n/labels';

const page = (text: string | null) => ({
  getElementById: (id: string) =>
    id === 'switchboard-labels' && text !== null ? ({ textContent: text } as HTMLElement) : null
});

test('a JSENCODEd label block decodes to the exact label text, apostrophes, quotes and markup included', () => {
  const nasty = `L'appel "1" <b>\\ok</b>\n/ & \u2028 ${"'".repeat(3)}\\'`;
  const block = `{"A":"${jsEncode(nasty)}","B":"${jsEncode('Ready')}"}`;
  assert.ok(!block.includes('</'), 'no closing tag can end the script block');
  assert.deepEqual(decodeJsEncodedJson(block), { A: nasty, B: 'Ready' });
});

test('jsEncode matches the Help page example', () => {
  assert.equal(
    jsEncode("<B>Enter the user's name</b>"),
    "\\u003CB\\u003EEnter the user\\'s name\\u003C\\/b\\u003E"
  );
});

test('the page block is read leniently: a missing or broken block is a problem, not a crash', () => {
  assert.match(readPageLabels(page(null)).problem ?? '', /no #switchboard-labels/);
  assert.match(readPageLabels(page('{oops')).problem ?? '', /not readable JSON/);
  assert.match(readPageLabels(page('[1]')).problem ?? '', /not a JSON object/);
  assert.deepEqual(readPageLabels(page('{"A":"x","B":2,"C":null}')).labels, { A: 'x' });
});

test('t() reads the installed labels; a missing one shows its name and is reported once', () => {
  const warnings: string[] = [];
  useLabels({ Switchboard_Status_Ready: 'Bereit' }, 'de-DE', (m) => warnings.push(m));
  assert.equal(t('Switchboard_Status_Ready'), 'Bereit');
  assert.equal(t('Switchboard_Status_Offline'), 'Switchboard_Status_Offline');
  t('Switchboard_Status_Offline');
  assert.equal(warnings.length, 1);
  useLabels({}, 'en-US');
});

test('Salesforce language and locale keys become BCP 47 tags; junk becomes en-US', () => {
  assert.equal(localeTag('zh_CN'), 'zh-CN');
  assert.equal(localeTag('de_CH'), 'de-CH');
  assert.equal(localeTag('no'), 'no');
  assert.equal(localeTag('ja'), 'ja');
  assert.equal(localeTag(undefined), 'en-US');
  assert.equal(localeTag('"><script>'), 'en-US');
});
