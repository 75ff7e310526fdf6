// The real `sf project convert source` (what deploy and packaging run first) accepts the project. The
// package alone (what `sf package version create` builds from force-app) carries no per-org type; both
// package directories together (what `npm run org:deploy` deploys) add the call center and trusted site.
// The CLI is lenient about broken XML, hence the other tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { packageXmlTypes } from '../../scripts/lib/metadata-check';
import { ORG_CONFIG_TYPES, REQUIRED_TYPES, ROOT, expectedTypes, packageDirectories } from './paths';

function convert(sourceDirs: readonly string[]): { xml: string; types: string[]; out: string } {
  const out = mkdtempSync(join(tmpdir(), 'switchboard-convert-'));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@salesforce/cli/bin/run.js'),
      'project',
      'convert',
      'source',
      ...sourceDirs.flatMap((d) => ['--source-dir', d]),
      '--output-dir',
      out,
      '--json'
    ],
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
  assert.equal((JSON.parse(r.stdout) as { status: number }).status, 0);
  const packageXml = join(out, 'package.xml');
  assert.ok(existsSync(packageXml), `no package.xml in ${out}`);
  const xml = readFileSync(packageXml, 'utf8');
  return { xml, types: packageXmlTypes(xml), out };
}

test(
  'sf project convert source of the package (force-app) lists the package types and nothing per-org',
  { timeout: 120_000 },
  () => {
    const { xml, types, out } = convert(['force-app']);
    try {
      for (const t of REQUIRED_TYPES) assert.ok(types.includes(t), `${t} missing from package.xml:\n${xml}`);
      assert.deepEqual([...types].sort(), expectedTypes());
      for (const t of [...ORG_CONFIG_TYPES, 'CorsWhitelistOrigin'])
        assert.ok(!types.includes(t), `${t} would be packaged`);
      assert.match(xml, /<version>66\.0<\/version>/);
      // The static resource folder is zipped into one .resource file.
      assert.ok(existsSync(join(out, 'staticresources/Softphone_Adapter.resource')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
);

test(
  'sf project convert source of every package directory (what a deploy from a clone sends) adds the call center and trusted site',
  { timeout: 120_000 },
  () => {
    const dirs = packageDirectories().map((d) => relative(ROOT, d));
    assert.deepEqual(dirs, ['force-app', 'org-config']);
    const { xml, types, out } = convert(dirs);
    try {
      assert.deepEqual([...types].sort(), [...expectedTypes(), ...ORG_CONFIG_TYPES].sort(), xml);
      assert.match(xml, /<members>Switchboard<\/members>\s*<name>CallCenter<\/name>/);
      assert.match(xml, /<members>Switchboard_Telephony<\/members>\s*<name>CspTrustedSite<\/name>/);
      assert.ok(existsSync(join(out, 'callCenters/Switchboard.callCenter')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
);
