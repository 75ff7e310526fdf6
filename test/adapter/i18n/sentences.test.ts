import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSentences } from '../../../adapter/src/i18n/sentences';

test('sentences are joined with a space, except in Chinese and Japanese', () => {
  assert.equal(joinSentences(['A.', 'B.'], 'en-US'), 'A. B.');
  assert.equal(joinSentences(['Eins.', 'Zwei.'], 'de-DE'), 'Eins. Zwei.');
  assert.equal(
    joinSentences(['設定が無効です。', '管理者に連絡してください。'], 'ja-JP'),
    '設定が無効です。管理者に連絡してください。'
  );
  assert.equal(joinSentences(['无效。', '请联系。'], 'zh-TW'), '无效。请联系。');
});
