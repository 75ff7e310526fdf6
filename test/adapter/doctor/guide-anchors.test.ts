import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserChecks } from '../../../adapter/src/doctor/browser-doctor';
import { parseSettings } from '../../../adapter/src/settings/settings';

const GUIDE = readFileSync(new URL('../../../docs/admin-guide.md', import.meta.url), 'utf8');

/** Just enough of a window for browserChecks to build its checks (none of them runs here). */
const fakeWindow = {
  document: { scripts: [], addEventListener: () => undefined, removeEventListener: () => undefined },
  navigator: {},
  location: { search: '' },
  parent: null
} as unknown as Window & typeof globalThis;

test('every check the softphone runs links an admin guide section that exists', () => {
  const checks = browserChecks(
    {
      host: null,
      settings: parseSettings({}),
      line: () => ({ status: 'connected', error: null }),
      scriptUrl: '',
      user: null,
      redraw: () => undefined,
      logger: { info: () => undefined }
    },
    'running',
    fakeWindow
  );
  assert.equal(new Set(checks.map((c) => c.id)).size, 13, 'thirteen distinct checks');
  const sections = new Set([...GUIDE.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
  assert.deepEqual(
    checks.filter((c) => !sections.has(c.anchor)).map((c) => `${c.id} → #${c.anchor}`),
    []
  );
});
