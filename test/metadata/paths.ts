// Shared locations for the metadata tests; everything resolves from the repo root, never from cwd.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKAGE_DIR = join(ROOT, 'force-app');
export const DEFAULT_DIR = join(PACKAGE_DIR, 'main/default');
export const XSD = join(ROOT, 'schemas/metadata-66.0.xsd');

/** The types this package must always ship. */
export const REQUIRED_TYPES = [
  'ApexPage',
  'CallCenter',
  'CorsWhitelistOrigin',
  'CspTrustedSite',
  'CustomApplication',
  'FlexiPage',
  'LightningMessageChannel',
  'PermissionSet',
  'StaticResource'
] as const;

function hasEntries(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * The 9 required types, plus the ones colleagues add alongside (an LWC, Apex later): a folder that
 * exists must show up in package.xml, and nothing else may.
 */
export function expectedTypes(): string[] {
  const optional: Array<[string, string]> = [
    ['lwc', 'LightningComponentBundle'],
    ['classes', 'ApexClass']
  ];
  const extra = optional.filter(([folder]) => hasEntries(join(DEFAULT_DIR, folder))).map(([, type]) => type);
  return [...REQUIRED_TYPES, ...extra].sort();
}
