// The platform's text and size limits (scripts/lib/metadata-limits.ts): every package directory is within
// them, and every row of the table reports a value one past its limit.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { LimitRow, LimitViolation } from '../../scripts/lib/metadata-limits';
import {
  LIMITS,
  checkComponentLimits,
  checkLimits,
  formatViolations
} from '../../scripts/lib/metadata-limits';
import { ROOT, packageDirectories } from './paths';

const OVER = join(ROOT, 'test/fixtures/metadata-limits/over');
const rowKey = (r: Pick<LimitRow, 'type' | 'field'>): string => `${r.type} ${r.field}`;
const workDirs: string[] = [];
after(() => {
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
});

describe('metadata limits', () => {
  test('every package directory is within every limit', () => {
    for (const dir of packageDirectories()) {
      const violations = checkLimits(dir, ROOT);
      assert.deepEqual(violations, [], `${relative(ROOT, dir)}:\n${formatViolations(violations)}`);
    }
  });

  test('every row names its type, a positive limit and a source', () => {
    for (const row of LIMITS) {
      assert.ok(row.max > 0 && row.source.length > 10, rowKey(row));
    }
    assert.equal(new Set(LIMITS.map(rowKey)).size, LIMITS.length, 'rows are unique');
  });

  test('the three descriptions the 2026-11-30 review found over 255 are now within it', () => {
    const shipped = packageDirectories().flatMap((d) =>
      checkLimits(
        d,
        ROOT,
        LIMITS.map((r) => ({ ...r, max: 0 }))
      )
    );
    const length = (file: string): number | undefined =>
      shipped.find((v) => v.file.endsWith(file) && v.field === 'description')?.length;
    for (const file of [
      'Switchboard_Telephony.cspTrustedSite-meta.xml',
      'Switchboard_Call.messageChannel-meta.xml',
      'Switchboard_UtilityBar.flexipage-meta.xml',
      'Switchboard_User.permissionset-meta.xml'
    ]) {
      const n = length(file);
      assert.ok(n !== undefined && n > 0 && n <= 255, `${file}: ${String(n)}`);
    }
  });
});

describe('each limit reports a value one past it', () => {
  const fromFixture = checkLimits(OVER, OVER);

  // 255 characters plus ".cls-meta.xml" is longer than a file name may be, so this row is shown in memory.
  const apexClass = checkComponentLimits({
    type: 'ApexClass',
    fullName: 'A'.repeat(256),
    file: 'classes/(256 characters).cls-meta.xml',
    xml: '<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>'
  });

  // 5 MB + 1 byte is built here rather than committed.
  const bigResource = ((): LimitViolation[] => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-limits-'));
    workDirs.push(dir);
    const resources = join(dir, 'main/default/staticresources');
    mkdirSync(join(resources, 'Big'), { recursive: true });
    cpSync(
      join(OVER, 'main/default/staticresources/Over.resource-meta.xml'),
      join(resources, 'Big.resource-meta.xml')
    );
    writeFileSync(join(resources, 'Big/a.js'), Buffer.alloc(3 * 1024 * 1024));
    writeFileSync(join(resources, 'Big/b.js'), Buffer.alloc(2 * 1024 * 1024 + 1));
    return checkLimits(dir, dir);
  })();

  const all = [...fromFixture, ...apexClass, ...bigResource];
  for (const row of LIMITS) {
    test(`${rowKey(row)} > ${row.max} ${row.unit}`, () => {
      const hit = all.find((v) => rowKey(v) === rowKey(row));
      assert.ok(hit, `no violation for ${rowKey(row)}:\n${formatViolations(all)}`);
      assert.equal(
        hit.length,
        row.max + 1,
        `the fixture is exactly one past the limit: ${formatViolations([hit])}`
      );
    });
  }

  test('a value exactly at its limit passes', () => {
    const at = checkComponentLimits({
      type: 'PermissionSet',
      fullName: 'S'.repeat(80),
      file: 'at-limit',
      xml: `<PermissionSet><description>${'x'.repeat(255)}</description><label>${'x'.repeat(80)}</label></PermissionSet>`
    });
    assert.deepEqual(at, []);
  });
});
