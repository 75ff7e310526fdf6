// SDR view of force-app: every file resolves to a component, every component XML is well-formed with
// the right root, and package.xml lists exactly the expected types.
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceTreeReport } from '../../scripts/lib/metadata-check';
import { checkSourceTree, formatIssues } from '../../scripts/lib/metadata-check';
import { PACKAGE_DIR, REQUIRED_TYPES, expectedTypes } from './paths';

let report: SourceTreeReport;
before(async () => {
  report = await checkSourceTree(PACKAGE_DIR);
});

test('force-app has no unresolvable, malformed, misrooted, meta-less or stray files', () => {
  assert.deepEqual(report.issues, [], `\n${formatIssues(report.issues)}`);
});

test('package.xml lists exactly the expected metadata types', () => {
  assert.ok(report.packageXml, 'SDR produced no package.xml');
  assert.deepEqual([...report.packageTypes].sort(), expectedTypes());
  for (const t of REQUIRED_TYPES) assert.ok(report.packageTypes.includes(t), `${t} missing`);
  assert.match(report.packageXml, /<version>66\.0<\/version>/);
});

test('the Switchboard components resolve under their expected names', () => {
  const names = new Set(report.components.map((c) => `${c.type}:${c.fullName}`));
  for (const expected of [
    'ApexPage:Softphone_Adapter',
    'CallCenter:Switchboard',
    'CorsWhitelistOrigin:Switchboard_Telephony',
    'CspTrustedSite:Switchboard_Telephony',
    'CustomApplication:Switchboard',
    'FlexiPage:Switchboard_UtilityBar',
    'LightningMessageChannel:Switchboard_Call',
    'PermissionSet:Switchboard_User',
    'StaticResource:Softphone_Adapter'
  ]) {
    assert.ok(names.has(expected), `${expected} not found among ${[...names].join(', ')}`);
  }
});

test('the static resource bundles the built softphone files', () => {
  const resource = report.components.find((c) => c.type === 'StaticResource' && c.fullName === 'Softphone_Adapter');
  assert.ok(resource);
  for (const f of ['softphone.js', 'softphone.css', 'softphone.js.map']) {
    assert.ok(
      resource.files.some((p) => p.endsWith(`staticresources/Softphone_Adapter/${f}`)),
      `${f} not in the bundle: ${resource.files.join(', ')}`
    );
  }
});
