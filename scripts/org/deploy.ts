// npm run org:deploy -- --target-org <org> [--users a@x.com,b@y.com] [--yes] [--skip-deploy] [--plan]
// Deploys Switchboard to an existing org and gives the org's own user (and, after confirmation, the
// users listed) the permission set and the call center. --skip-deploy does only the assignments,
// e.g. after `sf package install`.
import { pathToFileURL } from 'node:url';
import { assignUsers, lookUpUsers } from './assign';
import {
  checkUsername,
  consoleIo,
  type Deps,
  errorMessage,
  errorName,
  exitCodeOf,
  orgNotFoundAdvice,
  parseFlags,
  type PlannedCommand,
  printPlan,
  resultOf,
  StepError,
  Steps,
  stringField,
  UsageError
} from './cli';
import { CALL_CENTER, PERMSET, sfCommands } from './commands';
import { runSf } from './sf';

export interface DeployOptions {
  /** undefined: the CLI's default org, as `sf` itself would use. */
  targetOrg: string | undefined;
  users: string[];
  yes: boolean;
  skipDeploy: boolean;
  planOnly: boolean;
}

const DEPLOY_FLAGS = {
  'target-org': { type: 'string', short: 'o' },
  users: { type: 'string' },
  yes: { type: 'boolean', short: 'y', default: false },
  'skip-deploy': { type: 'boolean', default: false },
  plan: { type: 'boolean', default: false }
} as const;

const DEPLOY_USAGE =
  'Usage: npm run org:deploy -- --target-org <username or alias> [--users a@x.com,b@y.com] [--yes] [--skip-deploy] [--plan]';

export function parseDeployArgs(argv: readonly string[]): DeployOptions {
  const values = parseFlags(argv, DEPLOY_FLAGS, DEPLOY_USAGE);
  const users = (values.users ?? '')
    .split(',')
    .filter((u) => u.trim() !== '')
    .map(checkUsername);
  if (values.users !== undefined && users.length === 0)
    throw new UsageError(`--users needs at least one username.\n${DEPLOY_USAGE}`);
  return {
    targetOrg: values['target-org'],
    users: [...new Set(users)],
    yes: values.yes,
    skipDeploy: values['skip-deploy'],
    planOnly: values.plan
  };
}

const YOU = '<your username>';
const CALL_CENTER_ID = '<CallCenter Id>';

export function planDeploy(o: DeployOptions): PlannedCommand[] {
  const org = o.targetOrg ?? YOU;
  const everyone = [YOU, ...o.users];
  const plan: PlannedCommand[] = [
    {
      args: sfCommands.orgDisplay(o.targetOrg),
      why: 'which org and user this is (fails fast when the org is not authorised)'
    }
  ];
  plan.push({
    args: sfCommands.usersQuery(org, everyone),
    why: 'every user exists, and who is already in a call center'
  });
  if (!o.skipDeploy)
    plan.push({
      args: sfCommands.deploy(org),
      why: 'force-app (the package) and org-config (the call center and PBX trusted site, per org)'
    });
  plan.push({
    args: sfCommands.assignPermset(org, o.users.length > 0 ? everyone : []),
    why: `${PERMSET}; "Duplicate PermissionSetAssignment" means already done`
  });
  plan.push({ args: sfCommands.callCenterQuery(org), why: 'the call center (membership has no metadata)' });
  for (const u of everyone)
    plan.push({
      args: sfCommands.assignCallCenter(org, u, CALL_CENTER_ID),
      why: 'skipped when already in it'
    });
  return plan;
}

/** Other people's access changes only with a yes: --yes, or an answer at the terminal. */
async function confirmOthers(o: DeployOptions, deps: Deps, org: string): Promise<void> {
  if (o.users.length === 0 || o.yes) return;
  const question = `Give ${PERMSET} and the ${CALL_CENTER} call center to ${o.users.join(', ')} in ${org}? Their call center changes if they are in another one. [y/N] `;
  const answer = (await deps.io.ask(question)).trim().toLowerCase();
  if (answer !== 'y' && answer !== 'yes')
    throw new StepError('Stopped: other users were not confirmed. Nothing was changed.');
}

export async function deployOrg(o: DeployOptions, deps: Deps): Promise<void> {
  printPlan(deps.io, `Plan (npm run org:deploy${o.planOnly ? ' --plan' : ''}):`, planDeploy(o));
  if (o.planOnly) return;
  // Decided before any command runs, so a CI job never half-applies a change meant for a person to confirm.
  if (o.users.length > 0 && !o.yes && !deps.io.interactive) {
    throw new StepError(
      `Refusing to change other users (${o.users.join(', ')}) without confirmation: there is no terminal to ask at. ` +
        'Re-run with --yes to confirm, or leave out --users. Nothing was changed.'
    );
  }
  const steps = new Steps(deps);
  const rerun = `npm run org:deploy -- --target-org my-org${o.users.length ? ` --users ${o.users.join(',')}` : ''}`;

  const shown = await steps.run(sfCommands.orgDisplay(o.targetOrg));
  const name = errorName(shown);
  if (name === 'NamedOrgNotFoundError' || name === 'NoDefaultEnvError')
    throw new StepError(orgNotFoundAdvice(shown, o.targetOrg, rerun));
  if (name)
    throw new StepError(`Could not reach the org ${o.targetOrg ?? '(default)'}: ${errorMessage(shown)}`);
  const me = stringField(resultOf(shown), 'username')?.toLowerCase();
  if (!me)
    throw new StepError('The CLI did not report the org user; run `sf org display` to check the login.');
  // Later commands name the org explicitly, so a default org changed mid-run cannot redirect them.
  const org = o.targetOrg ?? me;
  steps.done(
    `org ${org} as ${me}${stringField(resultOf(shown), 'instanceUrl') ? ` (${stringField(resultOf(shown), 'instanceUrl')})` : ''}`
  );

  await confirmOthers(o, deps, org);
  const usernames = [me, ...o.users.filter((u) => u !== me)];
  const users = await lookUpUsers(steps, org, usernames);

  if (!o.skipDeploy) {
    const deployed = await steps.run(sfCommands.deploy(org));
    if (errorName(deployed)) throw new StepError(`The deploy failed: ${errorMessage(deployed)}`);
    const result = resultOf(deployed);
    if (result['status'] === 'Nothing to deploy') steps.skipped('no changes to deploy');
    else steps.done(`deployed (${String(result['numberComponentsDeployed'] ?? '?')} components)`);
  }

  await assignUsers(steps, org, me, users);
  deps.io.out('');
  deps.io.out(
    `Done. ${usernames.join(', ')} can open the Switchboard app; the Phone utility is the softphone. See docs/admin-guide.md for the PBX settings.`
  );
}

export async function main(
  argv: readonly string[],
  deps: Deps = { sf: runSf, io: consoleIo }
): Promise<number> {
  return exitCodeOf(deps.io, async () => deployOrg(parseDeployArgs(argv), deps));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
