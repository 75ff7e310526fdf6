// npm run package:version [-- --dev-hub <hub> --target-org <org for the printed install commands> --plan]
// Builds an unlocked package version of force-app (never org-config: the call center and PBX trusted site
// are per org) and prints how to install it, including the per-org steps a package cannot carry. The
// first run also creates the package (namespace-less, which every unlocked package here can be).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  consoleIo,
  type Deps,
  errorMessage,
  errorName,
  exitCodeOf,
  type Io,
  noDevHubAdvice,
  parseFlags,
  type PlannedCommand,
  printPlan,
  resultOf,
  StepError,
  Steps,
  stringField
} from './cli';
import { checkPackagingSplit, formatSplitIssues, type SplitIssue } from '../lib/packaging-split';
import { PER_ORG_GUIDE, sfCommands } from './commands';
import { renderCommand, ROOT, runSf } from './sf';

export interface PackageOptions {
  devHub: string | undefined;
  /** Only used in the printed install instructions. */
  installOrg: string;
  planOnly: boolean;
}

/** What the script needs from sfdx-project.json. */
export interface ProjectInfo {
  packageName: string;
  path: string;
  namespace: string;
  /** packageAliases[packageName]: the 0Ho id once the package exists. */
  packageId: string | undefined;
}

const PACKAGE_FLAGS = {
  'dev-hub': { type: 'string', short: 'v' },
  'target-org': { type: 'string', short: 'o', default: 'my-org' },
  plan: { type: 'boolean', default: false }
} as const;

const PACKAGE_USAGE =
  'Usage: npm run package:version -- [--dev-hub <username or alias>] [--target-org <org to show in the install commands>] [--plan]';

export function parsePackageArgs(argv: readonly string[]): PackageOptions {
  const values = parseFlags(argv, PACKAGE_FLAGS, PACKAGE_USAGE);
  return { devHub: values['dev-hub'], installOrg: values['target-org'], planOnly: values.plan };
}

export function readProject(
  text: string = readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')
): ProjectInfo {
  const json = JSON.parse(text) as {
    packageDirectories?: Array<{ path?: string; package?: string; default?: boolean }>;
    namespace?: string;
    packageAliases?: Record<string, string>;
  };
  const dir = json.packageDirectories?.find((d) => d.default) ?? json.packageDirectories?.[0];
  if (!dir?.package || !dir.path)
    throw new StepError('sfdx-project.json has no default package directory with a "package" name.');
  return {
    packageName: dir.package,
    path: dir.path,
    namespace: json.namespace ?? '',
    packageId: json.packageAliases?.[dir.package]
  };
}

export function planPackage(o: PackageOptions, project: ProjectInfo): PlannedCommand[] {
  const plan: PlannedCommand[] = [];
  if (!project.packageId) {
    plan.push({
      args: sfCommands.packageCreate({ name: project.packageName, path: project.path, devHub: o.devHub }),
      why: `first time only: sfdx-project.json has no packageAliases entry "${project.packageName}"; the CLI adds it`
    });
  }
  plan.push({
    args: sfCommands.packageVersionCreate({ name: project.packageName, devHub: o.devHub }),
    why: 'builds and validates the version in a build org, runs the Apex tests for coverage; the CLI adds the 04t alias'
  });
  return plan;
}

/** What an admin runs in the target org: the install, then what a package cannot carry. */
export function installInstructions(versionId: string, o: PackageOptions): string[] {
  const org = o.installOrg;
  return [
    'Install it (a beta version installs in scratch orgs and sandboxes; promote it first for production):',
    `  ${renderCommand(sfCommands.packagePromote(versionId, o.devHub))}`,
    `  ${renderCommand(sfCommands.packageInstall(versionId, org))}`,
    'Then, once per org, what is not in the package (it is per-org configuration):',
    '  Setup → Call Centers → Import: setup/callcenter.xml, then edit its Switchboard Telephony section for your PBX',
    '  Setup → Trusted URLs → New: wss://<your PBX host>:<port>, CSP context Visualforce, connect-src',
    `  (${PER_ORG_GUIDE})`,
    'Then give agents access. The permission set is in the package; call center membership (User.CallCenterId) is not packageable:',
    `  ${renderCommand(sfCommands.assignPermset(org, []))}`,
    `  ${renderCommand(sfCommands.callCenterQuery(org))}`,
    `  ${renderCommand(sfCommands.assignCallCenter(org, 'agent@example.com', '<Id from the query>'))}`,
    `or, from this repository: npm run org:deploy -- --target-org ${org} --skip-deploy [--users a@x.com,b@y.com]`,
    'After each later package upgrade: nothing. The call center and trusted URL are not packaged, so upgrades leave them as they are.'
  ];
}

function printInstall(io: Io, lines: readonly string[]): void {
  io.out('');
  for (const l of lines) io.out(l);
}

export async function packageVersion(
  o: PackageOptions,
  deps: Deps,
  project: ProjectInfo,
  splitIssues: readonly SplitIssue[] = []
): Promise<void> {
  // Checked before any command: a packaged call center or trusted site would reset every org's PBX
  // setup on each upgrade, and there is no taking a component back out of a released version.
  if (splitIssues.length > 0) {
    throw new StepError(
      `Per-org configuration would be packaged; nothing was run:\n${formatSplitIssues(splitIssues)}\nMove it to org-config/ (a package directory without a "package" key).`
    );
  }
  // The project is namespace-less by design; a namespace now would change every API name in installed orgs.
  if (project.namespace !== '') {
    throw new StepError(
      `sfdx-project.json has namespace "${project.namespace}". Switchboard is a namespace-less unlocked package; set "namespace": "".`
    );
  }
  printPlan(
    deps.io,
    `Plan (npm run package:version${o.planOnly ? ' --plan' : ''}):`,
    planPackage(o, project)
  );
  if (o.planOnly) {
    printInstall(deps.io, installInstructions('<04t… from the version create>', o));
    return;
  }
  const steps = new Steps(deps);
  const hubError = (r: Parameters<typeof errorName>[0]): StepError | null => {
    const name = errorName(r);
    return name === 'NoDefaultDevHubError' || name === 'NamedOrgNotFoundError'
      ? new StepError(noDevHubAdvice(r, o.devHub))
      : null;
  };

  if (project.packageId) {
    steps.skipped(`package ${project.packageName} exists (${project.packageId})`);
  } else {
    const created = await steps.run(
      sfCommands.packageCreate({ name: project.packageName, path: project.path, devHub: o.devHub })
    );
    const noHub = hubError(created);
    if (noHub) throw noHub;
    if (errorName(created)) throw new StepError(`Could not create the package: ${errorMessage(created)}`);
    steps.done(
      `package ${project.packageName} created (${stringField(resultOf(created), 'Id') ?? '0Ho…'}); commit the packageAliases entry the CLI added to sfdx-project.json`
    );
  }

  const built = await steps.run(
    sfCommands.packageVersionCreate({ name: project.packageName, devHub: o.devHub })
  );
  const noHub = hubError(built);
  if (noHub) throw noHub;
  if (errorName(built)) throw new StepError(`The package version failed: ${errorMessage(built)}`);
  const result = resultOf(built);
  const versionId = stringField(result, 'SubscriberPackageVersionId');
  const status = stringField(result, 'Status');
  if (status !== 'Success' || !versionId) {
    const requestId = stringField(result, 'Id') ?? '<08c… request id>';
    throw new StepError(
      `The version is not ready yet (status ${status ?? 'unknown'}). Check it with:\n  sf package version create report --package-create-request-id ${requestId}${o.devHub ? ` --target-dev-hub ${o.devHub}` : ''}`
    );
  }
  steps.done(
    `version ${versionId} created (sf package version report --package ${versionId} shows its code coverage)`
  );
  printInstall(deps.io, installInstructions(versionId, o));
}

export async function main(
  argv: readonly string[],
  deps: Deps = { sf: runSf, io: consoleIo },
  project?: () => ProjectInfo,
  split: () => readonly SplitIssue[] = () => checkPackagingSplit(ROOT)
): Promise<number> {
  return exitCodeOf(deps.io, async () =>
    packageVersion(parsePackageArgs(argv), deps, (project ?? readProject)(), split())
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
