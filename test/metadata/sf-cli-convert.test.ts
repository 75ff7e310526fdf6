// The real `sf project convert source` (what deploy and packaging run first) accepts the project and
// its package.xml carries the 9 required types. It is lenient about broken XML, hence the other tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageXmlTypes } from '../../scripts/lib/metadata-check';
import { REQUIRED_TYPES, ROOT, expectedTypes } from './paths';

test('sf project convert source succeeds and lists the required types', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'switchboard-convert-'));
  try {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@salesforce/cli/bin/run.js'), 'project', 'convert', 'source', '--output-dir', out, '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          SF_DISABLE_AUTOUPDATE: 'true',
          SF_DISABLE_LOG_FILE: 'true'
        }
      }
    );
    assert.equal(r.status, 0, `sf exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    const json = JSON.parse(r.stdout) as { status: number; result?: { location?: string } };
    assert.equal(json.status, 0);
    const packageXml = join(out, 'package.xml');
    assert.ok(existsSync(packageXml), `no package.xml in ${out}`);
    const xml = readFileSync(packageXml, 'utf8');
    const types = packageXmlTypes(xml);
    for (const t of REQUIRED_TYPES) assert.ok(types.includes(t), `${t} missing from package.xml:\n${xml}`);
    assert.deepEqual([...types].sort(), expectedTypes());
    assert.match(xml, /<version>66\.0<\/version>/);
    // The static resource folder is zipped into one .resource file.
    assert.ok(existsSync(join(out, 'staticresources/Softphone_Adapter.resource')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
