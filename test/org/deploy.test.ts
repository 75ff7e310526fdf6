// npm run org:deploy: the exact sf commands for an existing org, re-runs, missing orgs, and other
// users (who are only touched after --yes or a "y" at the terminal).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOY_DIRS, sfCommands } from '../../scripts/org/commands';
import { main } from '../../scripts/org/deploy';
import { CALL_CENTER_ID, FakeOrg, type FakeOrgOptions, fakeIo } from './fake-org';

const ME = 'admin@acme.example.com';
const org = (o: FakeOrgOptions = {}): FakeOrg =>
  new FakeOrg({
    orgs: { 'my-org': { username: ME, scratch: false } },
    users: { [ME]: null, 'ana@acme.example.com': null, 'bo@acme.example.com': CALL_CENTER_ID },
    ...o
  });

const DISPLAY = 'sf org display --target-org my-org';
const DEPLOY = 'sf project deploy start --source-dir force-app --source-dir org-config --target-org my-org';
const CC_QUERY = `sf data query --query "SELECT Id FROM CallCenter WHERE InternalName = 'Switchboard'" --target-org my-org`;
const userQuery = (...u: string[]): string =>
  u.length === 1
    ? `sf data query --query "SELECT Id, Username, CallCenterId FROM User WHERE Username = '${u[0]}'" --target-org my-org`
    : `sf data query --query "SELECT Id, Username, CallCenterId FROM User WHERE Username IN (${u.map((x) => `'${x}'`).join(', ')})" --target-org my-org`;
const update = (u: string): string =>
  `sf data update record --sobject User --where "Username='${u}'" --values CallCenterId=${CALL_CENTER_ID} --target-org my-org`;

describe('org:deploy', () => {
  test('existing org: deploy, then permset and call center for the org user', async () => {
    const fake = org();
    const io = fakeIo();
    assert.equal(await main(['--target-org', 'my-org'], { sf: fake.runner, io }), 0, io.text());
    assert.deepEqual(fake.commands(), [
      DISPLAY,
      userQuery(ME),
      DEPLOY,
      'sf org assign permset --name Switchboard_User --target-org my-org',
      CC_QUERY,
      update(ME)
    ]);
    assert.equal(fake.users.get(ME), CALL_CENTER_ID);
    assert.match(
      io.text(),
      /✓ org my-org as admin@acme\.example\.com \(https:\/\/fake\.my\.salesforce\.com\)/
    );
    assert.deepEqual(io.questions, [], 'the org user is never asked about');
  });

  test('re-run: the duplicate permset and the existing membership are reported, not repeated', async () => {
    const fake = org({ deployed: true, permsetAssigned: [ME], users: { [ME]: CALL_CENTER_ID } });
    const io = fakeIo();
    assert.equal(await main(['-o', 'my-org'], { sf: fake.runner, io }), 0, io.text());
    assert.deepEqual(fake.commands(), [
      DISPLAY,
      userQuery(ME),
      DEPLOY,
      'sf org assign permset --name Switchboard_User --target-org my-org',
      CC_QUERY
    ]);
    assert.match(
      io.text(),
      /– Switchboard_User was already assigned to admin@acme\.example\.com \(nothing to do\)/
    );
    assert.match(
      io.text(),
      /– admin@acme\.example\.com is already in the Switchboard call center \(nothing to do\)/
    );
  });

  test('no target org and no default: NoDefaultEnvError, explained, nothing else runs', async () => {
    const fake = org();
    const io = fakeIo();
    assert.equal(await main([], { sf: fake.runner, io }), 1);
    assert.deepEqual(fake.commands(), ['sf org display']);
    assert.match(
      io.text(),
      /✗ No org was given and no default org is set \(NoDefaultEnvError: No default environment found\./
    );
    assert.match(io.text(), /sf org login web --alias my-org\n {2}npm run org:deploy -- --target-org my-org/);
  });

  test('no target org given: the default org is used and then named explicitly', async () => {
    const fake = org({ defaultOrg: 'my-org' });
    const io = fakeIo();
    assert.equal(await main([], { sf: fake.runner, io }), 0, io.text());
    assert.equal(fake.commands()[0], 'sf org display');
    assert.ok(fake.calls.slice(1).every((c) => c.at(-2) === '--target-org' && c.at(-1) === ME));
  });

  test('an org this machine does not know: NamedOrgNotFoundError, explained', async () => {
    const fake = org();
    const io = fakeIo();
    assert.equal(await main(['--target-org', 'nobody@example.com'], { sf: fake.runner, io }), 1);
    assert.deepEqual(fake.commands(), ['sf org display --target-org nobody@example.com']);
    assert.match(
      io.text(),
      /No Salesforce org is authorised as "nobody@example\.com" on this machine \(NamedOrgNotFoundError/
    );
  });

  test('other users without --yes and no terminal: refused before any command', async () => {
    const fake = org();
    const io = fakeIo({ interactive: false });
    assert.equal(
      await main(['--target-org', 'my-org', '--users', 'ana@acme.example.com,bo@acme.example.com'], {
        sf: fake.runner,
        io
      }),
      1
    );
    assert.deepEqual(fake.calls, []);
    assert.match(
      io.text(),
      /✗ Refusing to change other users \(ana@acme\.example\.com, bo@acme\.example\.com\) without confirmation: there is no terminal to ask at\. Re-run with --yes/
    );
  });

  test('other users at a terminal, answered "n": stops after identifying the org, nothing changed', async () => {
    const fake = org();
    const io = fakeIo({ interactive: true, answers: ['n'] });
    assert.equal(
      await main(['--target-org', 'my-org', '--users', 'ana@acme.example.com'], { sf: fake.runner, io }),
      1
    );
    assert.deepEqual(fake.commands(), [DISPLAY]);
    assert.equal(io.questions.length, 1);
    assert.match(
      io.questions[0]!,
      /Give Switchboard_User and the Switchboard call center to ana@acme\.example\.com in my-org\?.*\[y\/N\]/
    );
    assert.match(io.text(), /Nothing was changed/);
  });

  test('other users confirmed with "y": one permset call for everyone, call center only for those not in it', async () => {
    const fake = org();
    const io = fakeIo({ interactive: true, answers: ['y'] });
    const users = 'Ana@acme.example.com,bo@acme.example.com';
    assert.equal(
      await main(['--target-org', 'my-org', '--users', users], { sf: fake.runner, io }),
      0,
      io.text()
    );
    assert.deepEqual(fake.commands(), [
      DISPLAY,
      userQuery(ME, 'ana@acme.example.com', 'bo@acme.example.com'),
      DEPLOY,
      `sf org assign permset --name Switchboard_User --on-behalf-of ${ME} --on-behalf-of ana@acme.example.com --on-behalf-of bo@acme.example.com --target-org my-org`,
      CC_QUERY,
      update(ME),
      update('ana@acme.example.com')
    ]);
    assert.match(io.text(), /– bo@acme\.example\.com is already in the Switchboard call center/);
  });

  test('--yes confirms without a terminal', async () => {
    const fake = org();
    const io = fakeIo({ interactive: false });
    assert.equal(
      await main(['--target-org', 'my-org', '--users', 'ana@acme.example.com', '--yes'], {
        sf: fake.runner,
        io
      }),
      0,
      io.text()
    );
    assert.deepEqual(io.questions, []);
    assert.equal(fake.users.get('ana@acme.example.com'), CALL_CENTER_ID);
  });

  test('an unknown username stops the run before the deploy', async () => {
    const fake = org();
    const io = fakeIo();
    assert.equal(
      await main(['--target-org', 'my-org', '--users', 'ghost@acme.example.com', '--yes'], {
        sf: fake.runner,
        io
      }),
      1
    );
    assert.deepEqual(fake.commands(), [DISPLAY, userQuery(ME, 'ghost@acme.example.com')]);
    assert.match(
      io.text(),
      /No user with the username ghost@acme\.example\.com in my-org\. Nothing was assigned\./
    );
  });

  test('--skip-deploy (after a package install) only assigns', async () => {
    const fake = org({ deployed: true });
    const io = fakeIo();
    assert.equal(
      await main(['--target-org', 'my-org', '--skip-deploy'], { sf: fake.runner, io }),
      0,
      io.text()
    );
    assert.ok(!fake.commands().includes(DEPLOY));
    assert.equal(fake.users.get(ME), CALL_CENTER_ID);
  });

  test('after a package install without the per-org call center: stops at the lookup and says how to add it', async () => {
    const fake = org({ deployed: true, callCenter: false });
    const io = fakeIo();
    assert.equal(await main(['--target-org', 'my-org', '--skip-deploy'], { sf: fake.runner, io }), 1);
    assert.equal(fake.users.get(ME), null, 'nobody was assigned');
    assert.match(
      io.text(),
      /The Switchboard call center is not in my-org\. It is per-org configuration, not part of the package[\s\S]*import setup\/callcenter\.xml[\s\S]*docs\/admin-guide\.md#per-org-setup-after-a-package-install/
    );
  });

  test('the deploy names every package directory of sfdx-project.json; leaving org-config out leaves no call center', async () => {
    assert.deepEqual(DEPLOY_DIRS, ['force-app', 'org-config']);
    const partial = org();
    await partial.runner(sfCommands.deploy('my-org', ['force-app']));
    assert.equal(
      partial.callCenterDeployed,
      false,
      'the fake only has a call center when org-config is deployed'
    );
    const full = org();
    await full.runner(sfCommands.deploy('my-org'));
    assert.equal(full.callCenterDeployed, true);
  });

  test('without the deploy the permission set is missing: the CLI failure is shown with a hint', async () => {
    const fake = org({ deployed: false });
    const io = fakeIo();
    assert.equal(await main(['--target-org', 'my-org', '--skip-deploy'], { sf: fake.runner, io }), 1);
    assert.match(
      io.text(),
      /Permission set "Switchboard_User" not found in target org[\s\S]*Is Switchboard deployed to my-org\?/
    );
  });

  test('a username that could break the SOQL is refused as a usage error', async () => {
    const io = fakeIo();
    assert.equal(
      await main(['--target-org', 'my-org', '--users', "x' OR Username != '@y"], { sf: org().runner, io }),
      2
    );
    assert.match(io.text(), /is not a Salesforce username/);
  });

  test('--plan lists the commands with placeholders and runs none', async () => {
    const fake = org();
    const io = fakeIo();
    assert.equal(
      await main(['--target-org', 'my-org', '--users', 'ana@acme.example.com', '--plan'], {
        sf: fake.runner,
        io
      }),
      0
    );
    assert.deepEqual(fake.calls, []);
    assert.match(io.text(), /--on-behalf-of "<your username>" --on-behalf-of ana@acme\.example\.com/);
  });
});
