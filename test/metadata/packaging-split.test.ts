// The unlocked package (force-app) holds only what is the same in every org; the call center and the PBX
// trusted site live in org-config, a package directory without a "package" key. Each broken fixture shows
// the check reporting one mistake that would make package upgrades reset an org's PBX setup.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkPackagingSplit,
  formatSplitIssues,
  readPackageDirectories
} from '../../scripts/lib/packaging-split';
import { ROOT } from './paths';

const FIXTURES = join(ROOT, 'test/fixtures/packaging-split');
const workDirs: string[] = [];
after(() => {
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
});

function project(caseName?: string, remove: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-split-'));
  workDirs.push(dir);
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  if (caseName) cpSync(join(FIXTURES, 'cases', caseName), dir, { recursive: true });
  for (const r of remove) rmSync(join(dir, r));
  return dir;
}

describe('this repository', () => {
  test('force-app is the one package; org-config has no package key', () => {
    const dirs = readPackageDirectories(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8'));
    assert.deepEqual(
      dirs.map((d) => [d.path, d.package ?? null, d.default]),
      [
        ['force-app', 'Switchboard', true],
        ['org-config', null, false]
      ]
    );
  });

  test('the packaged directory holds no per-org type and no placeholder host; org-config holds both per-org types', () => {
    const issues = checkPackagingSplit(ROOT);
    assert.deepEqual(issues, [], `\n${formatSplitIssues(issues)}`);
  });

  test('the package directory names its scratch definition file, and that file exists', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories: Array<{ path: string; definitionFile?: string }>;
    };
    const pkg = json.packageDirectories.find((d) => d.path === 'force-app');
    assert.equal(pkg?.definitionFile, 'config/project-scratch-def.json');
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(ROOT, pkg.definitionFile ?? ''), 'utf8')));
  });
});

describe('broken splits are reported', () => {
  test('the clean fixture passes', () => {
    assert.deepEqual(checkPackagingSplit(project()), []);
  });

  const cases: Array<{ name: string; caseDir?: string; remove?: string[]; expect: RegExp }> = [
    {
      name: 'a CallCenter in the package',
      caseDir: 'callcenter-in-package',
      expect:
        /callCenters\/Packaged\.callCenter-meta\.xml: CallCenter is per-org configuration inside package "Fixture"/
    },
    {
      name: 'a CspTrustedSite in the package',
      caseDir: 'trusted-site-in-package',
      expect: /CspTrustedSite is per-org configuration inside package "Fixture"/
    },
    {
      name: 'a CorsWhitelistOrigin in the package',
      caseDir: 'cors-origin-in-package',
      expect: /CorsWhitelistOrigin is per-org configuration inside package "Fixture"/
    },
    {
      name: 'the placeholder host in a packaged file',
      caseDir: 'placeholder-host-in-package',
      expect: /pages\/Ok\.page: carries the placeholder host pbx\.example\.com inside package "Fixture"/
    },
    {
      name: 'org-config with a package key',
      caseDir: 'org-config-packaged',
      expect: /no package directory without a "package" key/
    },
    {
      name: 'org-config without the call center',
      remove: ['org-config/main/default/callCenters/Fixture.callCenter-meta.xml'],
      expect: /org-config: no CallCenter: a deploy from a clone would not create it/
    }
  ];
  for (const c of cases) {
    test(c.name, () => {
      const issues = checkPackagingSplit(project(c.caseDir, c.remove));
      const text = formatSplitIssues(issues);
      assert.match(text, c.expect, text);
    });
  }

  test('org-config with a package key also reports its per-org components as packaged', () => {
    const text = formatSplitIssues(checkPackagingSplit(project('org-config-packaged')));
    assert.match(
      text,
      /Fixture\.callCenter-meta\.xml: CallCenter is per-org configuration inside package "FixtureConfig"/
    );
  });
});
