// The sf commands the org scripts run, built in one place so the plan, the run and the tests agree.
// Arguments are what a person would type; the runner adds `--json`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackageDirectories } from '../lib/packaging-split';
import { ROOT } from './sf';

export const PERMSET = 'Switchboard_User';
export const CALL_CENTER = 'Switchboard';
/** A custom Lightning app's URL is its developer name with the `c__` prefix (no namespace). */
export const APP_PATH = 'lightning/app/c__Switchboard';
export const SCRATCH_DEF = 'config/project-scratch-def.json';
/** Where an admin installing the package finds the steps the package cannot carry. */
export const PER_ORG_GUIDE = 'docs/admin-guide.md#per-org-setup-after-a-package-install';

/**
 * Every package directory in sfdx-project.json, named explicitly: force-app (the package) and org-config
 * (the per-org call center and PBX trusted site, never packaged). Explicit so a deploy can never leave
 * the per-org directory out, whatever the org's source tracking decides.
 */
export const DEPLOY_DIRS: readonly string[] = readPackageDirectories(
  readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')
).map((d) => d.path);
/** Minutes `sf package version create` waits; a first version with Apex tests takes 10–20. */
export const PACKAGE_WAIT_MINUTES = '30';

const targetOrg = (org: string | undefined): string[] => (org ? ['--target-org', org] : []);
const devHubFlag = (hub: string | undefined): string[] => (hub ? ['--target-dev-hub', hub] : []);

/** SOQL string literal; usernames are validated by checkUsername, so only quotes need care. */
const soql = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const sfCommands = {
  orgDisplay: (org: string | undefined): string[] => ['org', 'display', ...targetOrg(org)],

  createScratch: (o: { alias: string; durationDays: number; devHub: string | undefined }): string[] => [
    'org',
    'create',
    'scratch',
    '--definition-file',
    SCRATCH_DEF,
    '--alias',
    o.alias,
    '--duration-days',
    String(o.durationDays),
    '--set-default',
    '--wait',
    '15',
    ...devHubFlag(o.devHub)
  ],

  deploy: (org: string, dirs: readonly string[] = DEPLOY_DIRS): string[] => [
    'project',
    'deploy',
    'start',
    ...dirs.flatMap((d) => ['--source-dir', d]),
    '--target-org',
    org
  ],

  /** No --on-behalf-of: the CLI assigns to the org's own user. With it, only to the users listed. */
  assignPermset: (org: string, onBehalfOf: readonly string[]): string[] => [
    'org',
    'assign',
    'permset',
    '--name',
    PERMSET,
    ...onBehalfOf.flatMap((u) => ['--on-behalf-of', u]),
    '--target-org',
    org
  ],

  callCenterQuery: (org: string): string[] => [
    'data',
    'query',
    '--query',
    `SELECT Id FROM CallCenter WHERE InternalName = ${soql(CALL_CENTER)}`,
    '--target-org',
    org
  ],

  usersQuery: (org: string, usernames: readonly string[]): string[] => [
    'data',
    'query',
    '--query',
    usernames.length === 1
      ? `SELECT Id, Username, CallCenterId FROM User WHERE Username = ${soql(usernames[0] ?? '')}`
      : `SELECT Id, Username, CallCenterId FROM User WHERE Username IN (${usernames.map(soql).join(', ')})`,
    '--target-org',
    org
  ],

  /** Membership is User.CallCenterId; there is no metadata for it (metadata notes §10.2). */
  assignCallCenter: (org: string, username: string, callCenterId: string): string[] => [
    'data',
    'update',
    'record',
    '--sobject',
    'User',
    '--where',
    `Username=${soql(username)}`,
    '--values',
    `CallCenterId=${callCenterId}`,
    '--target-org',
    org
  ],

  openApp: (org: string): string[] => ['org', 'open', '--target-org', org, '--path', APP_PATH],

  /** --path is the package's own directory (force-app); org-config is never packaged. */
  packageCreate: (o: { name: string; path: string; devHub: string | undefined }): string[] => [
    'package',
    'create',
    '--name',
    o.name,
    '--package-type',
    'Unlocked',
    '--path',
    o.path,
    '--no-namespace',
    '--description',
    'Open CTI softphone for Salesforce Lightning',
    ...devHubFlag(o.devHub)
  ],

  /**
   * --installation-key-bypass: an open-source package anyone may install.
   * --code-coverage: runs the packaged Apex tests; without it a version can never be promoted.
   * --definition-file: the build org gets the same features as our scratch orgs.
   * Not --skip-validation: unvalidated versions cannot be promoted either.
   */
  packageVersionCreate: (o: { name: string; devHub: string | undefined }): string[] => [
    'package',
    'version',
    'create',
    '--package',
    o.name,
    '--installation-key-bypass',
    '--code-coverage',
    '--definition-file',
    SCRATCH_DEF,
    '--wait',
    PACKAGE_WAIT_MINUTES,
    ...devHubFlag(o.devHub)
  ],

  packageInstall: (versionId: string, org: string): string[] => [
    'package',
    'install',
    '--package',
    versionId,
    '--target-org',
    org,
    '--wait',
    '20'
  ],

  packagePromote: (versionId: string, devHub: string | undefined): string[] => [
    'package',
    'version',
    'promote',
    '--package',
    versionId,
    ...devHubFlag(devHub)
  ]
};
