// The real Salesforce CLI behind the real wrapper, with no org on this machine: org:deploy must stop
// at its first command with the CLI's NamedOrgNotFoundError turned into login advice. The CLI
// answers locally in ~1.5 s (no network), so this runs in every suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../scripts/org/deploy';
import { ROOT, runSf, SF_ENV, type SfResult } from '../../scripts/org/sf';
import { fakeIo } from './fake-org';

test(
  'org:deploy --target-org nobody@example.com through runSf: one real command, a clear message',
  { timeout: 60_000 },
  async () => {
    const seen: Array<{ args: readonly string[]; result: SfResult }> = [];
    const io = fakeIo();
    const code = await main(['--target-org', 'nobody@example.com'], {
      io,
      sf: async (args) => {
        const result = await runSf(args);
        seen.push({ args, result });
        return result;
      }
    });
    assert.equal(code, 1, io.text());
    assert.equal(seen.length, 1, 'nothing after the failed org display');
    assert.deepEqual(seen[0]!.args, ['org', 'display', '--target-org', 'nobody@example.com']);
    assert.equal(seen[0]!.result.code, 2);
    assert.equal(seen[0]!.result.json?.name, 'NamedOrgNotFoundError');
    assert.match(
      io.text(),
      /✗ No Salesforce org is authorised as "nobody@example\.com" on this machine \(NamedOrgNotFoundError: Parsing --target-org No authorization information found for nobody@example\.com\.\)/
    );
    assert.match(io.text(), /sf org login web --alias my-org/);
  }
);

test('the npm script itself: plan first, then the failure, exit code 1', { timeout: 60_000 }, () => {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/org/deploy.ts',
      '--target-org',
      'nobody@example.com'
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...SF_ENV },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /^Plan \(npm run org:deploy\):\n {2}1\. sf org display --target-org nobody@example\.com/
  );
  assert.match(
    r.stdout,
    /\$ sf org display --target-org nobody@example\.com\n\n✗ No Salesforce org is authorised as "nobody@example\.com"/
  );
  assert.equal(r.stderr, '');
});
