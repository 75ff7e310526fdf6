import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RESOURCE_DIR } from '../../scripts/build.mjs';

interface DebugShim {
  (namespace: string): ((...args: unknown[]) => void) & { enabled: boolean; log: unknown };
  default: DebugShim;
  enable(namespaces: string): void;
  disable(): string;
  enabled(namespace: string): boolean;
  save?: (namespaces: string) => void;
}

const require = createRequire(import.meta.url);

test('the SIP bundle ships the debug-off shim instead of the debug package (JsSIP logging stays off)', () => {
  const map = JSON.parse(readFileSync(join(RESOURCE_DIR as string, 'softphone-sip.js.map'), 'utf8')) as {
    sources: string[];
  };
  assert.ok(
    map.sources.some((s) => s.endsWith('scripts/shims/debug-off.cjs')),
    'the shim is bundled'
  );
  assert.deepEqual(
    map.sources.filter((s) => /node_modules\/(debug|ms)\//.test(s)),
    [],
    'no debug/ms package code'
  );
});

test('the debug-off shim has the API JsSIP and silenceJsSipDebug call, and never turns on', () => {
  const debug = require('../../scripts/shims/debug-off.cjs') as DebugShim;
  assert.equal(debug.default, debug, 'JsSIP Logger calls debug.default(namespace)');
  debug.enable('JsSIP:*');
  const logger = debug.default('JsSIP:RTCSession');
  logger.log = () => assert.fail('a disabled logger must not print');
  logger('INVITE sip:+14155550132@127.0.0.1');
  assert.equal(logger.enabled, false);
  assert.equal(debug.enabled('JsSIP:RTCSession'), false);
  assert.equal(debug.disable(), '');
  assert.equal(typeof debug.save, 'function', 'silenceJsSipDebug swaps save() while it disables');
});
