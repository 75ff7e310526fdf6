import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAdapter, RESOURCE_DIR } from '../../scripts/build.mjs';

test('the committed Softphone_Adapter static resource equals a fresh build', async () => {
  const problems = (await checkAdapter()) as string[];
  assert.deepEqual(problems, [], 'run `npm run build` and commit the static resource');
});

test('the bundle is minified, links its source map and keeps third-party licences', () => {
  const js = readFileSync(join(RESOURCE_DIR as string, 'softphone.js'), 'utf8');
  assert.match(js, /\/\/# sourceMappingURL=softphone\.js\.map\s*$/);
  assert.ok(js.split('\n').length < 40, 'minified');
  const map = JSON.parse(readFileSync(join(RESOURCE_DIR as string, 'softphone.js.map'), 'utf8')) as {
    sources: string[];
  };
  assert.ok(map.sources.some((s) => s.endsWith('adapter/src/main.ts')));
  assert.ok(
    map.sources.every((s) => !s.startsWith('/')),
    'no absolute paths from the build machine'
  );
});
