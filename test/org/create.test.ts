// npm run org:create: the exact sf commands, in order, for a fresh run, a re-run, and no Dev Hub.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../scripts/org/create';
import { CALL_CENTER_ID, FakeOrg, fakeIo } from './fake-org';

const SCRATCH = 'test-abc123@example.com';
const DISPLAY = 'sf org display --target-org switchboard';
const CREATE =
  'sf org create scratch --definition-file config/project-scratch-def.json --alias switchboard --duration-days 7 --set-default --wait 15';
// Both package directories, named: the package and the per-org call center and trusted site.
const DEPLOY =
  'sf project deploy start --source-dir force-app --source-dir org-config --target-org switchboard';
const USER_QUERY = `sf data query --query "SELECT Id, Username, CallCenterId FROM User WHERE Username = '${SCRATCH}'" --target-org switchboard`;
const PERMSET = 'sf org assign permset --name Switchboard_User --target-org switchboard';
const CC_QUERY = `sf data query --query "SELECT Id FROM CallCenter WHERE InternalName = 'Switchboard'" --target-org switchboard`;
const CC_UPDATE = `sf data update record --sobject User --where "Username='${SCRATCH}'" --values CallCenterId=${CALL_CENTER_ID} --target-org switchboard`;
const OPEN = 'sf org open --target-org switchboard --path lightning/app/c__Switchboard';

describe('org:create', () => {
  test('fresh: creates, deploys, assigns permset and call center, opens the app', async () => {
    const org = new FakeOrg();
    const io = fakeIo();
    assert.equal(await main([], { sf: org.runner, io }), 0, io.text());
    assert.deepEqual(org.commands(), [
      DISPLAY,
      CREATE,
      DEPLOY,
      USER_QUERY,
      PERMSET,
      CC_QUERY,
      CC_UPDATE,
      OPEN
    ]);
    assert.equal(org.users.get(SCRATCH), CALL_CENTER_ID);
    assert.ok(org.permset.has(SCRATCH));
    const out = io.text();
    assert.match(out, /^Plan \(npm run org:create\):/);
    assert.match(out, /✓ scratch org "switchboard" created: test-abc123@example\.com, 7 day\(s\)/);
    assert.match(out, /✓ deployed \(17 components\)/);
    assert.match(out, /✓ Switchboard_User assigned to test-abc123@example\.com/);
    assert.match(out, /✓ test-abc123@example\.com added to the Switchboard call center/);
    assert.match(out, /✓ opened the Switchboard app/);
  });

  test('re-run: skips the org, the permset (CLI "Duplicate") and the call center; nothing is changed twice', async () => {
    const org = new FakeOrg();
    await main([], { sf: org.runner, io: fakeIo() });
    org.calls.length = 0;
    const io = fakeIo();
    assert.equal(await main([], { sf: org.runner, io }), 0, io.text());
    assert.deepEqual(org.commands(), [DISPLAY, DEPLOY, USER_QUERY, PERMSET, CC_QUERY, OPEN]);
    const out = io.text();
    assert.match(
      out,
      /– scratch org "switchboard" exists \(test-abc123@example\.com, expires 2026-12-02\) \(nothing to do\)/
    );
    assert.match(out, /✓ deployed \(17 components\)/, 'named directories are deployed whole again');
    assert.match(out, /– Switchboard_User was already assigned to test-abc123@example\.com/);
    assert.match(out, /– test-abc123@example\.com is already in the Switchboard call center/);
  });

  test('no Dev Hub: stops at the scratch org with the CLI error and the login command', async () => {
    const org = new FakeOrg({ devHubs: [], defaultDevHub: false });
    const io = fakeIo();
    assert.equal(await main([], { sf: org.runner, io }), 1);
    assert.deepEqual(org.commands(), [DISPLAY, CREATE]);
    const out = io.text();
    assert.match(
      out,
      /✗ No Dev Hub is authorised on this machine \(NoDefaultDevHubError: No default dev hub found\./
    );
    assert.match(out, /sf org login web --set-default-dev-hub --alias devhub/);
  });

  test('--dev-hub not authorised: NamedOrgNotFoundError on the hub is explained as a Dev Hub login', async () => {
    const org = new FakeOrg();
    const io = fakeIo();
    assert.equal(
      await main(['--dev-hub', 'other-hub', '--alias', 'sb2', '--duration-days', '3', '--no-open'], {
        sf: org.runner,
        io
      }),
      1
    );
    assert.deepEqual(org.commands(), [
      'sf org display --target-org sb2',
      'sf org create scratch --definition-file config/project-scratch-def.json --alias sb2 --duration-days 3 --set-default --wait 15 --target-dev-hub other-hub'
    ]);
    assert.match(
      io.text(),
      /The Dev Hub "other-hub" is not authorised on this machine \(NamedOrgNotFoundError: Parsing --target-dev-hub No authorization information found for other-hub\.\)/
    );
    assert.match(io.text(), /sf org login web --set-default-dev-hub --alias other-hub/);
  });

  test('an alias that names a non-scratch org is refused before anything is deployed', async () => {
    const org = new FakeOrg({
      orgs: { switchboard: { username: 'admin@prod.example.com', scratch: false } }
    });
    const io = fakeIo();
    assert.equal(await main([], { sf: org.runner, io }), 1);
    assert.deepEqual(org.commands(), [DISPLAY]);
    assert.match(io.text(), /belongs to admin@prod\.example\.com that is not a scratch org/);
  });

  test('--plan prints every command and runs none', async () => {
    const org = new FakeOrg();
    const io = fakeIo();
    assert.equal(await main(['--plan'], { sf: org.runner, io }), 0);
    assert.deepEqual(org.calls, []);
    const out = io.text();
    for (const line of [DISPLAY, CREATE, DEPLOY, PERMSET, CC_QUERY, OPEN])
      assert.ok(out.includes(line), `plan lists ${line}`);
    assert.ok(out.includes(`--values "CallCenterId=<CallCenter Id>"`));
  });

  test('bad flags exit 2 with the usage line', async () => {
    const io = fakeIo();
    assert.equal(await main(['--duration-days', '31'], { sf: new FakeOrg().runner, io }), 2);
    assert.match(io.text(), /--duration-days must be a whole number from 1 to 30/);
    const io2 = fakeIo();
    assert.equal(await main(['--target-org', 'x'], { sf: new FakeOrg().runner, io: io2 }), 2);
    assert.match(io2.text(), /Unknown option '--target-org'[\s\S]*Usage: npm run org:create/);
  });
});
