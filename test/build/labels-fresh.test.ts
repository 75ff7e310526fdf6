// The adapter page's label block and the typed label names are generated from the Custom Labels file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generated, renderPage } from '../../scripts/generate-labels';
import { readCustomLabels } from '../../scripts/lib/custom-labels';

test('the page label block and label-names.generated.ts are fresh (npm run generate:labels)', async () => {
  for (const [file, fresh] of await generated())
    assert.equal(readFileSync(file, 'utf8'), fresh, `${file} is stale: run npm run generate:labels`);
});

test('the generator sees a label added to the file (so the freshness check can fail)', async () => {
  const labels = readCustomLabels();
  const page = readFileSync('force-app/main/default/pages/Softphone_Adapter.page', 'utf8');
  const extra = { ...labels[0]!, fullName: 'Switchboard_Zz_Extra', value: 'Extra' };
  const withExtra = await renderPage(page, [...labels, extra]);
  assert.notEqual(withExtra, page);
  assert.match(withExtra, /"Switchboard_Zz_Extra": "\{!JSENCODE\(\$Label\.Switchboard_Zz_Extra\)\}"/);
});
