// The LWC's messageFormat.js is the adapter's message-format.ts compiled to JavaScript: the two must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LWC_MESSAGE_FORMAT_FILE,
  MESSAGE_FORMAT_SOURCE,
  renderLwcMessageFormat
} from '../../scripts/generate-lwc-message-format';

test('the LWC messageFormat.js is fresh (npm run generate:labels)', async () => {
  assert.equal(
    readFileSync(LWC_MESSAGE_FORMAT_FILE, 'utf8'),
    await renderLwcMessageFormat(),
    `${LWC_MESSAGE_FORMAT_FILE} is stale: run npm run generate:labels`
  );
});

test('a change to message-format.ts changes the generated copy (so the freshness check can fail)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lwc-message-format-'));
  try {
    const changed = join(dir, 'message-format.ts');
    writeFileSync(
      changed,
      readFileSync(MESSAGE_FORMAT_SOURCE, 'utf8').replace('const MAX_DEPTH = 4;', 'const MAX_DEPTH = 5;')
    );
    const copy = await renderLwcMessageFormat(changed);
    assert.notEqual(copy, readFileSync(LWC_MESSAGE_FORMAT_FILE, 'utf8'));
    assert.match(copy, /const MAX_DEPTH = 5;/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the generated copy is plain JavaScript that formats like the original', async () => {
  const module = (await import(LWC_MESSAGE_FORMAT_FILE)) as {
    formatMessage: (source: string, values: Record<string, string | number>, locale: string) => string;
  };
  const message = '{count, plural, one {# call} other {# calls}} with {name}';
  assert.equal(module.formatMessage(message, { count: 1, name: 'Ada' }, 'en-US'), '1 call with Ada');
  assert.equal(module.formatMessage(message, { count: 1200, name: 'Ada' }, 'de-DE'), '1.200 calls with Ada');
});
