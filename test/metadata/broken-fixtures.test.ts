// Proves the checks bite: each case copies one broken file onto a clean mini project and must be
// reported by the check that owns that failure (and the clean base must report nothing).
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssueKind, MetadataIssue } from '../../scripts/lib/metadata-check';
import {
  checkSourceTree,
  formatIssues,
  metaXmlFiles,
  validateAgainstXsd
} from '../../scripts/lib/metadata-check';
import { ROOT, XSD } from './paths';

const FIXTURES = join(ROOT, 'test/fixtures/metadata-broken');

interface BrokenCase {
  name: string;
  kind: IssueKind;
  file: string;
  message: RegExp;
}

const CASES: BrokenCase[] = [
  {
    name: 'malformed-xml',
    kind: 'malformed',
    file: 'cspTrustedSites/Broken.cspTrustedSite-meta.xml',
    message: /not well-formed/
  },
  {
    name: 'wrong-root',
    kind: 'root',
    file: 'callCenters/Wrong.callCenter-meta.xml',
    message: /<CallCentre>, expected <CallCenter>/
  },
  {
    name: 'wrong-namespace',
    kind: 'root',
    file: 'corsWhitelistOrigins/NoNamespace.corsWhitelistOrigin-meta.xml',
    message: /xmlns/
  },
  {
    name: 'stray-file',
    kind: 'stray',
    file: 'callCenters/Other.callcenter.xml',
    message: /no metadata component/
  },
  { name: 'page-without-meta', kind: 'stray', file: 'pages/Orphan.page', message: /no metadata component/ },
  { name: 'unknown-suffix', kind: 'resolve', file: 'force-app', message: /Could not infer a metadata type/ },
  {
    name: 'out-of-order',
    kind: 'xsd',
    file: 'messageChannels/Disordered.messageChannel-meta.xml',
    message: /isExposed.*not expected/
  },
  {
    name: 'unknown-element',
    kind: 'xsd',
    file: 'corsWhitelistOrigins/Legacy.corsWhitelistOrigin-meta.xml',
    message: /developerName.*not expected/
  },
  {
    name: 'missing-required-element',
    kind: 'xsd',
    file: 'callCenters/NoDisplay.callCenter-meta.xml',
    message: /displayNameLabel.*Expected is .*displayName/
  }
];

const workDirs: string[] = [];

function project(caseName?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-broken-'));
  workDirs.push(dir);
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  if (caseName) cpSync(join(FIXTURES, 'cases', caseName), dir, { recursive: true });
  return dir;
}

async function allIssues(dir: string): Promise<MetadataIssue[]> {
  const packageDir = join(dir, 'force-app');
  const tree = await checkSourceTree(packageDir);
  return [...tree.issues, ...(await validateAgainstXsd(metaXmlFiles(packageDir), XSD, dir))];
}

after(() => {
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
});

describe('broken metadata fixtures', () => {
  let baseIssues: MetadataIssue[] = [];
  before(async () => {
    baseIssues = await allIssues(project());
  });

  test('the clean base project passes every check', () => {
    assert.deepEqual(baseIssues, [], `\n${formatIssues(baseIssues)}`);
  });

  for (const c of CASES) {
    test(`${c.name} is reported as ${c.kind}`, async () => {
      const issues = await allIssues(project(c.name));
      const hit = issues.find(
        (i) => i.kind === c.kind && i.file.endsWith(c.file) && c.message.test(i.message)
      );
      assert.ok(
        hit,
        `expected a ${c.kind} issue for ${c.file} matching ${c.message}, got:\n${formatIssues(issues)}`
      );
    });
  }
});
