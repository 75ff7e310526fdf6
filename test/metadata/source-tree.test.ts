// SDR view of every package directory: every file resolves to a component, every component XML is
// well-formed with the right root, and each package.xml lists exactly the expected types. force-app is
// the unlocked package; org-config holds the per-org call center and PBX trusted site.
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import type { SourceTreeReport } from '../../scripts/lib/metadata-check';
import { checkSourceTree, formatIssues } from '../../scripts/lib/metadata-check';
import {
  ORG_CONFIG_DIR,
  ORG_CONFIG_TYPES,
  PACKAGE_DIR,
  REQUIRED_TYPES,
  ROOT,
  expectedTypes,
  packageDirectories
} from './paths';

let report: SourceTreeReport;
let orgConfig: SourceTreeReport;
before(async () => {
  report = await checkSourceTree(PACKAGE_DIR);
  orgConfig = await checkSourceTree(ORG_CONFIG_DIR);
});

test('sfdx-project.json lists exactly force-app and org-config', () => {
  assert.deepEqual(
    packageDirectories().map((d) => relative(ROOT, d)),
    ['force-app', 'org-config']
  );
});

test('no package directory has unresolvable, malformed, misrooted, meta-less or stray files', () => {
  assert.deepEqual(report.issues, [], `\n${formatIssues(report.issues)}`);
  assert.deepEqual(orgConfig.issues, [], `\n${formatIssues(orgConfig.issues)}`);
});

test('force-app package.xml lists exactly the expected metadata types', () => {
  assert.ok(report.packageXml, 'SDR produced no package.xml');
  assert.deepEqual([...report.packageTypes].sort(), expectedTypes());
  for (const t of REQUIRED_TYPES) assert.ok(report.packageTypes.includes(t), `${t} missing`);
  assert.match(report.packageXml, /<version>66\.0<\/version>/);
});

test('org-config package.xml lists exactly the per-org types', () => {
  assert.deepEqual([...orgConfig.packageTypes].sort(), [...ORG_CONFIG_TYPES]);
});

test('the Switchboard components resolve under their expected names, in their directories', () => {
  const names = new Set(report.components.map((c) => `${c.type}:${c.fullName}`));
  for (const expected of [
    'ApexPage:Softphone_Adapter',
    'CustomApplication:Switchboard',
    'FlexiPage:Switchboard_UtilityBar',
    'LightningMessageChannel:Switchboard_Call',
    'PermissionSet:Switchboard_User',
    'StaticResource:Softphone_Adapter'
  ]) {
    assert.ok(names.has(expected), `${expected} not found among ${[...names].join(', ')}`);
  }
  assert.deepEqual(
    orgConfig.components.map((c) => `${c.type}:${c.fullName}`),
    ['CallCenter:Switchboard', 'CspTrustedSite:Switchboard_Telephony']
  );
});

test('the static resource bundles the built softphone files', () => {
  const resource = report.components.find(
    (c) => c.type === 'StaticResource' && c.fullName === 'Softphone_Adapter'
  );
  assert.ok(resource);
  for (const f of ['softphone.js', 'softphone.css', 'softphone.js.map']) {
    assert.ok(
      resource.files.some((p) => p.endsWith(`staticresources/Softphone_Adapter/${f}`)),
      `${f} not in the bundle: ${resource.files.join(', ')}`
    );
  }
});
