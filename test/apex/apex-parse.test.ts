// Every Apex class and trigger under force-app must at least parse: there is no org in CI to compile it.
// prettier-plugin-apex parses with Salesforce's own Apex grammar (jorje). With apexStandaloneParser
// 'native' it runs a prebuilt native executable (optional dependency @prettier-apex/apex-ast-serializer-<os>-<arch>),
// so no Java is needed. 'built-in' only talks HTTP to a parser server started separately (which needs Java),
// and 'none' spawns the Java serializer, so neither works on a machine without Java.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import * as apexPlugin from 'prettier-plugin-apex';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE_DIR = join(ROOT, 'force-app');

function apexFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...apexFiles(path));
    else if (/\.(cls|trigger)$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

async function parseApex(source: string): Promise<void> {
  await format(source, { parser: 'apex', plugins: [apexPlugin], apexStandaloneParser: 'native' });
}

const files = apexFiles(PACKAGE_DIR);

test('the native Apex parser is installed for this platform (so no Java is needed)', () => {
  const pkg = `@prettier-apex/apex-ast-serializer-${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let resolved: string | null = null;
  try {
    resolved = require.resolve(`${pkg}/package.json`);
  } catch {
    resolved = null;
  }
  assert.ok(
    resolved,
    `${pkg} is not installed: prettier-plugin-apex would fall back to the Java serializer. ` +
      'Install optional dependencies (npm ci without --omit=optional) on a supported platform.'
  );
});

test('force-app holds the Switchboard Apex classes', () => {
  const names = files.map((f) => relative(PACKAGE_DIR, f));
  assert.ok(
    names.some((n) => n.endsWith('SwitchboardCallLogController.cls')),
    names.join(', ')
  );
  assert.ok(
    names.some((n) => n.endsWith('SwitchboardCallLogControllerTest.cls')),
    names.join(', ')
  );
});

for (const file of files) {
  const name = relative(ROOT, file);

  test(`${name} parses as Apex`, async () => {
    await assert.doesNotReject(parseApex(readFileSync(file, 'utf8')));
  });

  test(`${name} has a -meta.xml with apiVersion 66.0 and status Active`, () => {
    const meta = `${file}-meta.xml`;
    assert.ok(existsSync(meta), `${relative(ROOT, meta)} is missing`);
    const xml = readFileSync(meta, 'utf8');
    assert.match(xml, /<apiVersion>66\.0<\/apiVersion>/);
    assert.match(xml, /<status>Active<\/status>/);
  });
}

test('the check fails on broken Apex', async () => {
  const broken =
    'public with sharing class Broken {\n    public static Integer twice(Integer n {\n        return n * 2;\n    }\n}\n';
  // a parse error from the grammar, not a crash of the tooling
  await assert.rejects(parseApex(broken), /Missing '\)' at '\{'/);
});

test('the check accepts the constructs the controller relies on', async () => {
  const sample = [
    'public with sharing class Sample {',
    '    @AuraEnabled(cacheable=true)',
    '    public static List<Task> calls(Id recordId, Integer size) {',
    "        return [SELECT Id FROM Task WHERE TaskSubtype = 'Call' AND (WhoId = :recordId OR WhatId = :recordId)",
    '                WITH USER_MODE ORDER BY CreatedDate DESC LIMIT :size];',
    '    }',
    '}'
  ].join('\n');
  await assert.doesNotReject(parseApex(sample));
});

// runApex turns any exception into a generic "Could not load Apex class" server error, which the
// softphone cannot tell from a missing class. So the Apex it calls must answer, never throw.
const SOFTPHONE_APEX = [{ file: 'classes/SwitchboardSoftphoneService.cls', method: 'findCallLog' }];

/** The text between the method's braces, comments removed (a brace-count walk, strings skipped). */
function methodBody(source: string, method: string): string | null {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const start = new RegExp(`\\bwebService\\s+static\\s+\\w+\\s+${method}\\s*\\([^)]*\\)\\s*\\{`, 'i').exec(
    code
  );
  if (!start) return null;
  let depth = 1;
  let inString = false;
  for (let i = start.index + start[0].length; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return code.slice(start.index + start[0].length, i);
  }
  return null;
}

/** Every statement after the input guards sits in one try whose last catch takes any Exception. */
function problemsWithNeverThrows(source: string, method: string): string[] {
  const body = methodBody(source, method);
  if (body === null) return [`no webService method ${method}`];
  const afterGuards = body.replace(/^\s*(if\s*\([^{]*\)\s*\{[^{}]*\}\s*)*/, '').trim();
  const problems: string[] = [];
  if (!afterGuards.startsWith('try {')) problems.push(`${method} does its work outside a try block`);
  const catches = [...afterGuards.matchAll(/catch\s*\(\s*([\w.]+)\s+\w+\s*\)/g)].map((m) => m[1]);
  if (catches.at(-1) !== 'Exception') problems.push(`${method}'s last catch is not catch (Exception e)`);
  return problems;
}

for (const { file, method } of SOFTPHONE_APEX) {
  test(`${file}: ${method} catches everything and answers (runApex must never see an exception)`, () => {
    assert.deepEqual(
      problemsWithNeverThrows(readFileSync(join(PACKAGE_DIR, 'main/default', file), 'utf8'), method),
      []
    );
  });
}

test('the never-throws check fails on a service that lets the query throw', () => {
  const broken = readFileSync(join(ROOT, 'test/apex/fixtures/ThrowingSoftphoneService.cls'), 'utf8');
  assert.deepEqual(problemsWithNeverThrows(broken, 'findCallLog'), [
    'findCallLog does its work outside a try block',
    "findCallLog's last catch is not catch (Exception e)"
  ]);
  assert.deepEqual(problemsWithNeverThrows(broken, 'noSuchMethod'), ['no webService method noSuchMethod']);
});
