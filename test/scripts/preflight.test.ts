import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A machine with none of the Debian tools: nothing on PATH, no CHROMIUM_PATH. */
function bareEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/nonexistent', SWITCHBOARD_PREFLIGHT: 'check' };
  delete env['CHROMIUM_PATH'];
  return env;
}

test('preflight names every missing package and the exact command to install them', () => {
  const r = spawnSync(process.execPath, ['scripts/preflight.mjs', '--check'], {
    cwd: root,
    env: bareEnv(),
    encoding: 'utf8'
  });
  assert.equal(r.status, 1);
  // kamailio and ip live in /usr/sbin, which preflight also searches (as root's PATH would), so only the
  // tools found through PATH go missing here (and the fonts, which fontconfig's fc-list reports).
  assert.match(r.stderr, /Chromium \(every browser test\)/);
  assert.match(
    r.stderr,
    /^ {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium sip-tester fonts-noto-cjk fonts-thai-tlwg$/m
  );
});

test('npm test stops at once on a machine without the browser and SIP tools, with one plain failing line', () => {
  const r = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'e2e'], {
    cwd: root,
    env: bareEnv(),
    encoding: 'utf8',
    timeout: 30_000
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Install them, then run the tests again/);
  assert.match(r.stdout, /^0 passed, 1 failed$/m);
  // Stopped before any suite started.
  assert.doesNotMatch(r.stdout, /▶ e2e/);
});

test('preflight passes where the tools are installed (this machine runs the browser suites)', () => {
  const r = spawnSync(process.execPath, ['scripts/preflight.mjs', '--check'], {
    cwd: root,
    encoding: 'utf8'
  });
  assert.equal(r.status, 0, r.stderr);
});
