#!/usr/bin/env node
// Runs every suite and ends with one plain line, `N passed, N failed`, which CI reads.
//   node scripts/run-tests.mjs            all suites
//   node scripts/run-tests.mjs unit       TypeScript unit + metadata tests (no browser)
//   node scripts/run-tests.mjs e2e        Playwright suites against the emulator / Kamailio
//   node scripts/run-tests.mjs lwc        LWC jest suite
//   node scripts/run-tests.mjs static     strict TypeScript (tsc), ESLint and Prettier over the whole repo
// Extra arguments after the suite name are passed to node --test (e.g. --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

const [suite = 'all', ...passThrough] = process.argv.slice(2);
const suites = suite === 'all' ? ['static', 'unit', 'lwc', 'e2e'] : [suite];

function findTests(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(p);
      } else if (/\.test\.ts$/.test(entry.name)) out.push(relative(root, p));
    }
  };
  walk(abs);
  return out.sort();
}

function runNodeTests(name, files) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, failures: [] };
  // Per process, so two runs side by side never read each other's half-written counts.
  const countsFile = join(tmp, `counts-${name}-${process.pid}.json`);
  rmSync(countsFile, { force: true });
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    ...passThrough,
    ...files
  ];
  console.log(`\n▶ ${name}: ${files.length} file(s)`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (!existsSync(countsFile)) {
    return { passed: 0, failed: 1, skipped: 0, failures: [`${name}: runner crashed (exit ${r.status})`] };
  }
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  rmSync(countsFile, { force: true });
  if (r.status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push(`${name}: node --test exited ${r.status} with no failing test reported`);
  }
  return counts;
}

function runLwcTests() {
  const lwcDir = join(root, 'force-app/main/default/lwc');
  if (!existsSync(lwcDir)) return { passed: 0, failed: 0, skipped: 0, failures: [] };
  const out = join(tmp, `jest-${process.pid}.json`);
  rmSync(out, { force: true });
  console.log('\n▶ lwc: sfdx-lwc-jest');
  const bin = join(root, 'node_modules/@salesforce/sfdx-lwc-jest/bin/sfdx-lwc-jest');
  const r = spawnSync(process.execPath, [bin, '--', '--json', `--outputFile=${out}`], {
    cwd: root,
    stdio: 'inherit',
    env: process.env
  });
  if (!existsSync(out))
    return { passed: 0, failed: 1, skipped: 0, failures: [`lwc: jest crashed (exit ${r.status})`] };
  const j = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const failures = j.testResults.flatMap((f) =>
    f.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${relative(root, f.name)} › ${a.fullName}`)
  );
  if (j.numFailedTestSuites > 0 && failures.length === 0) failures.push('lwc: a test suite failed to run');
  return {
    passed: j.numPassedTests,
    failed: j.numFailedTests + (failures.length > j.numFailedTests ? 1 : 0),
    skipped: j.numPendingTests,
    failures
  };
}

/** Type errors and lint findings fail the run like a failing test: one check each. */
function runStaticChecks() {
  const checks = [
    [
      'typecheck (tsc --noEmit, strict)',
      join(root, 'node_modules/typescript/bin/tsc'),
      ['-p', 'tsconfig.json', '--noEmit']
    ],
    ['lint (eslint .)', join(root, 'node_modules/eslint/bin/eslint.js'), ['.']],
    [
      'format (prettier --check)',
      join(root, 'node_modules/prettier/bin/prettier.cjs'),
      ['--check', '--log-level=warn', '**/*.{css,html,js,mjs,ts,tsx,json,md,page,xml,yml}']
    ]
  ];
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const [name, bin, args] of checks) {
    console.log(`\n▶ static: ${name}`);
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env: process.env });
    if (r.status === 0) {
      counts.passed += 1;
      console.log(`✔ ${name}`);
    } else {
      counts.failed += 1;
      counts.failures.push(`static: ${name} (exit ${r.status})`);
    }
  }
  return counts;
}

// The browser and SIP suites need Debian packages: install them first, or stop with the command to run.
if (suites.includes('e2e')) {
  const problem = preflight({ checkOnly: process.env.SWITCHBOARD_PREFLIGHT === 'check' });
  if (problem) {
    console.error(`\n${problem}`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
for (const s of suites) {
  let c;
  if (s === 'unit') c = runNodeTests('unit', findTests('test'));
  else if (s === 'e2e') c = runNodeTests('e2e', findTests('e2e'));
  else if (s === 'lwc') c = runLwcTests();
  else if (s === 'static') c = runStaticChecks();
  else {
    console.error(`unknown suite "${s}" (use static, unit, lwc, e2e or all)`);
    process.exit(2);
  }
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  total.failures.push(...c.failures);
}

if (total.failures.length) {
  console.log('\nFailed:');
  for (const f of total.failures) console.log(`  ✗ ${f}`);
}
console.log(
  `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`
);
process.exit(total.failed > 0 ? 1 : 0);
