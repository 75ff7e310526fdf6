// What goes in the unlocked package and what stays per org. An upgrade overwrites every packaged
// component that has the same API name in the org (Salesforce DX Developer Guide, "Upgrade a Version
// of an Unlocked Package"), so anything an admin edits per org (the PBX in the call center, the
// trusted site for the PBX host) must live in a package directory without a "package" key: `sf project
// deploy start` deploys it from a clone, `sf package version create` never includes it.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from './metadata-check';

/** Types whose values differ per org, by source-format suffix. */
export const PER_ORG_SUFFIXES: ReadonlyArray<[RegExp, string]> = [
  [/\.callCenter-meta\.xml$/, 'CallCenter'],
  [/\.cspTrustedSite-meta\.xml$/, 'CspTrustedSite'],
  [/\.corsWhitelistOrigin-meta\.xml$/, 'CorsWhitelistOrigin']
];

/** The placeholder PBX host shipped in org-config; a packaged component carrying it would reset every org to it. */
export const PLACEHOLDER_HOST = 'pbx.example.com';

export interface PackageDirectory {
  path: string;
  package: string | undefined;
  default: boolean;
}

export function readPackageDirectories(projectJson: string): PackageDirectory[] {
  const json = JSON.parse(projectJson) as { packageDirectories?: Array<Record<string, unknown>> };
  return (json.packageDirectories ?? []).map((d) => ({
    path: typeof d.path === 'string' ? d.path : '',
    package: typeof d.package === 'string' ? d.package : undefined,
    default: d.default === true
  }));
}

export interface SplitIssue {
  file: string;
  message: string;
}

function perOrgType(file: string): string | undefined {
  return PER_ORG_SUFFIXES.find(([suffix]) => suffix.test(file))?.[1];
}

/**
 * The built bundle inside a static resource folder is code, not configuration: it names the placeholder
 * host on purpose (to tell the admin it is still set), so only metadata and source files are scanned.
 */
function isBuiltResourceContent(rel: string): boolean {
  const parts = rel.split(sep);
  const i = parts.indexOf('staticresources');
  return i >= 0 && parts.length > i + 2;
}

/**
 * Checks the split of `root`'s sfdx-project.json: packaged directories hold no per-org type and no
 * placeholder host; at least one directory without a package key holds every per-org type we ship.
 */
export function checkPackagingSplit(
  root: string,
  projectJson = readFileSync(join(root, 'sfdx-project.json'), 'utf8')
): SplitIssue[] {
  const dirs = readPackageDirectories(projectJson);
  const issues: SplitIssue[] = [];
  const packaged = dirs.filter((d) => d.package !== undefined);
  const perOrg = dirs.filter((d) => d.package === undefined);
  if (packaged.length === 0)
    issues.push({ file: 'sfdx-project.json', message: 'no package directory has a "package" key' });
  if (perOrg.length === 0) {
    issues.push({
      file: 'sfdx-project.json',
      message: 'no package directory without a "package" key for per-org metadata'
    });
  }

  for (const dir of packaged) {
    for (const file of listFiles(join(root, dir.path))) {
      const rel = relative(root, file);
      const type = perOrgType(file);
      if (type)
        issues.push({
          file: rel,
          message: `${type} is per-org configuration inside package "${dir.package ?? ''}"; move it to a directory without a package key`
        });
      if (isBuiltResourceContent(rel)) continue;
      if (readFileSync(file, 'utf8').includes(PLACEHOLDER_HOST)) {
        issues.push({
          file: rel,
          message: `carries the placeholder host ${PLACEHOLDER_HOST} inside package "${dir.package ?? ''}"`
        });
      }
    }
  }

  const perOrgTypes = new Set(
    perOrg.flatMap((d) => listFiles(join(root, d.path)).map(perOrgType)).filter((t) => t !== undefined)
  );
  for (const expected of ['CallCenter', 'CspTrustedSite']) {
    if (perOrg.length > 0 && !perOrgTypes.has(expected)) {
      issues.push({
        file: perOrg.map((d) => d.path).join(', '),
        message: `no ${expected}: a deploy from a clone would not create it`
      });
    }
  }
  return issues;
}

export function formatSplitIssues(issues: readonly SplitIssue[]): string {
  return issues.map((i) => `  ${i.file}: ${i.message}`).join('\n');
}
