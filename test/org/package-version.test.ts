// npm run package:version: package create only the first time, then the version, then the install
// instructions (permset and call center included, since membership cannot be packaged).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackageDirectories } from '../../scripts/lib/packaging-split';
import { PER_ORG_GUIDE } from '../../scripts/org/commands';
import { main, readProject, type ProjectInfo } from '../../scripts/org/package-version';
import { ROOT } from '../../scripts/org/sf';
import { FakeOrg, fakeIo } from './fake-org';

const PACKAGE_CREATE =
  'sf package create --name Switchboard --package-type Unlocked --path force-app --no-namespace --description "Open CTI softphone for Salesforce Lightning"';
const VERSION_CREATE =
  'sf package version create --package Switchboard --installation-key-bypass --code-coverage --definition-file config/project-scratch-def.json --wait 30';
const fresh: ProjectInfo = {
  packageName: 'Switchboard',
  path: 'force-app',
  namespace: '',
  packageId: undefined
};
const existing: ProjectInfo = { ...fresh, packageId: '0Ho5g000000SwbAAAS' };

describe('package:version', () => {
  test('the repository itself: no packageAliases yet, no namespace', () => {
    const p = readProject();
    assert.equal(p.packageName, 'Switchboard');
    assert.equal(p.path, 'force-app');
    assert.equal(p.namespace, '');
  });

  test('only force-app is packaged: org-config has no package key, so version create never includes it', () => {
    const dirs = readPackageDirectories(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8'));
    assert.deepEqual(
      dirs.filter((d) => d.package !== undefined).map((d) => d.path),
      ['force-app']
    );
    assert.ok(dirs.some((d) => d.path === 'org-config' && d.package === undefined));
  });

  test('per-org configuration in the package is refused before any command', async () => {
    const hub = new FakeOrg();
    const io = fakeIo();
    const split = () => [
      {
        file: 'force-app/main/default/callCenters/Switchboard.callCenter-meta.xml',
        message: 'CallCenter is per-org configuration inside package "Switchboard"'
      }
    ];
    assert.equal(await main([], { sf: hub.runner, io }, () => fresh, split), 1);
    assert.deepEqual(hub.calls, []);
    assert.match(
      io.text(),
      /✗ Per-org configuration would be packaged; nothing was run:\n {2}force-app\/main\/default\/callCenters/
    );
  });

  test('the install steps include the per-org call center and trusted URL, and say upgrades need nothing', async () => {
    const io = fakeIo();
    assert.equal(await main(['--plan'], { sf: new FakeOrg().runner, io }, () => existing), 0);
    const out = io.text();
    assert.match(out, /Setup → Call Centers → Import: setup\/callcenter\.xml/);
    assert.match(
      out,
      /Setup → Trusted URLs → New: wss:\/\/<your PBX host>:<port>, CSP context Visualforce, connect-src/
    );
    assert.match(out, /docs\/admin-guide\.md#per-org-setup-after-a-package-install/);
    assert.match(out, /After each later package upgrade: nothing/);
  });

  test('the admin guide section the scripts point to exists', () => {
    const [file = '', anchor = ''] = PER_ORG_GUIDE.split('#');
    const headings = readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((l) => /^#{2,4} /.test(l))
      .map((l) =>
        l
          .replace(/^#+ /, '')
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-')
      );
    assert.ok(headings.includes(anchor), `${anchor} not among ${headings.join(', ')}`);
  });

  test('first time: creates the namespace-less unlocked package, then the version, then prints install steps', async () => {
    const hub = new FakeOrg();
    const io = fakeIo();
    assert.equal(
      await main(['--target-org', 'acme-prod'], { sf: hub.runner, io }, () => fresh),
      0,
      io.text()
    );
    assert.deepEqual(hub.commands(), [PACKAGE_CREATE, VERSION_CREATE]);
    const out = io.text();
    assert.match(out, /✓ package Switchboard created \(0Ho5g000000SwbAAAS\)/);
    assert.match(out, /✓ version 04t5g000000SwbAAAS created/);
    const install = out.slice(out.indexOf('Install it'));
    const commands = install.split('\n').filter((l) => l.startsWith('  sf '));
    assert.deepEqual(commands, [
      '  sf package version promote --package 04t5g000000SwbAAAS',
      '  sf package install --package 04t5g000000SwbAAAS --target-org acme-prod --wait 20',
      '  sf org assign permset --name Switchboard_User --target-org acme-prod',
      `  sf data query --query "SELECT Id FROM CallCenter WHERE InternalName = 'Switchboard'" --target-org acme-prod`,
      `  sf data update record --sobject User --where "Username='agent@example.com'" --values "CallCenterId=<Id from the query>" --target-org acme-prod`
    ]);
    assert.match(install, /call center membership \(User\.CallCenterId\) is not packageable/);
  });

  test('package exists: only the version is created, with the Dev Hub flag passed through', async () => {
    const hub = new FakeOrg({ devHubs: ['hub'], defaultDevHub: false });
    const io = fakeIo();
    assert.equal(await main(['--dev-hub', 'hub'], { sf: hub.runner, io }, () => existing), 0, io.text());
    assert.deepEqual(hub.commands(), [`${VERSION_CREATE} --target-dev-hub hub`]);
    assert.match(io.text(), /– package Switchboard exists \(0Ho5g000000SwbAAAS\) \(nothing to do\)/);
    assert.match(io.text(), /sf package version promote --package 04t5g000000SwbAAAS --target-dev-hub hub/);
  });

  test('no Dev Hub: the first command fails with NoDefaultDevHubError and the login advice', async () => {
    const hub = new FakeOrg({ devHubs: [], defaultDevHub: false });
    const io = fakeIo();
    assert.equal(await main([], { sf: hub.runner, io }, () => fresh), 1);
    assert.deepEqual(hub.commands(), [PACKAGE_CREATE]);
    assert.match(io.text(), /NoDefaultDevHubError[\s\S]*sf org login web --set-default-dev-hub/);
  });

  test('no Dev Hub, package already known: the version create is the one that fails', async () => {
    const hub = new FakeOrg({ devHubs: [], defaultDevHub: false });
    const io = fakeIo();
    assert.equal(await main([], { sf: hub.runner, io }, () => existing), 1);
    assert.deepEqual(hub.commands(), [VERSION_CREATE]);
    assert.match(io.text(), /No Dev Hub is authorised/);
  });

  test('a version still in progress after the wait: the report command is printed, exit 1', async () => {
    const hub = new FakeOrg({ packageVersionStatus: 'VerifyingMetadata' });
    const io = fakeIo();
    assert.equal(await main([], { sf: hub.runner, io }, () => existing), 1);
    assert.match(
      io.text(),
      /status VerifyingMetadata[\s\S]*sf package version create report --package-create-request-id 08c5g000000SwbAAAS/
    );
  });

  test('a namespace is refused before any command: the package is namespace-less', async () => {
    const hub = new FakeOrg();
    const io = fakeIo();
    assert.equal(await main([], { sf: hub.runner, io }, () => ({ ...fresh, namespace: 'sbd' })), 1);
    assert.deepEqual(hub.calls, []);
    assert.match(io.text(), /namespace "sbd"/);
  });

  test('--plan: both commands and the install steps, nothing run', async () => {
    const hub = new FakeOrg();
    const io = fakeIo();
    assert.equal(await main(['--plan'], { sf: hub.runner, io }, () => fresh), 0);
    assert.deepEqual(hub.calls, []);
    assert.ok(io.text().includes(PACKAGE_CREATE) && io.text().includes(VERSION_CREATE));
    assert.match(
      io.text(),
      /sf package install --package "<04t… from the version create>" --target-org my-org --wait 20/
    );
  });
});
