// Shared locations for the metadata tests; everything resolves from the repo root, never from cwd.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKAGE_DIR = join(ROOT, 'force-app');
export const DEFAULT_DIR = join(PACKAGE_DIR, 'main/default');
export const XSD = join(ROOT, 'schemas/metadata-66.0.xsd');
/** Per-org metadata (call center, PBX trusted site): deployed from a clone, never packaged. */
export const ORG_CONFIG_DIR = join(ROOT, 'org-config');
export const ORG_CONFIG_DEFAULT = join(ORG_CONFIG_DIR, 'main/default');

/** Every package directory sfdx-project.json lists, packaged or not: what `sf project deploy start` deploys. */
export function packageDirectories(): string[] {
  const json = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: Array<{ path: string }>;
  };
  return json.packageDirectories.map((d) => join(ROOT, d.path));
}

/** The types the package (force-app) must always ship. */
export const REQUIRED_TYPES = [
  'ApexPage',
  'CustomApplication',
  'FlexiPage',
  'LightningMessageChannel',
  'PermissionSet',
  'StaticResource'
] as const;

function hasEntries(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** The per-org types org-config must always hold. */
export const ORG_CONFIG_TYPES = ['CallCenter', 'CspTrustedSite'] as const;

/**
 * The required package types, plus the ones colleagues add alongside (an LWC, Apex later): a folder that
 * exists must show up in package.xml, and nothing else may.
 */
export function expectedTypes(): string[] {
  // Source-format labels decompose: package.xml lists the file (CustomLabels) and each label (CustomLabel).
  const optional: Array<[string, string[]]> = [
    ['lwc', ['LightningComponentBundle']],
    ['classes', ['ApexClass']],
    ['labels', ['CustomLabel', 'CustomLabels']],
    ['translations', ['Translations']],
    // Custom Activity fields (call quality): objects/Activity/fields, no Activity object file.
    ['objects', ['CustomField']]
  ];
  const extra = optional
    .filter(([folder]) => hasEntries(join(DEFAULT_DIR, folder)))
    .flatMap(([, types]) => types);
  return [...REQUIRED_TYPES, ...extra].sort();
}
