// npm run org:create [-- --alias switchboard --duration-days 7 --dev-hub <hub> --no-open --plan]
// A scratch org with Switchboard deployed, the permission set and the call center assigned to its
// user, and the app opened. Safe to run again: each step checks what is already done.
import { pathToFileURL } from 'node:url';
import { assignUsers, lookUpUsers } from './assign';
import {
  consoleIo,
  type Deps,
  errorMessage,
  errorName,
  exitCodeOf,
  noDevHubAdvice,
  type PlannedCommand,
  parseFlags,
  printPlan,
  resultOf,
  StepError,
  Steps,
  stringField,
  UsageError
} from './cli';
import { APP_PATH, sfCommands } from './commands';
import { runSf } from './sf';

export interface CreateOptions {
  alias: string;
  durationDays: number;
  devHub: string | undefined;
  open: boolean;
  planOnly: boolean;
}

const CREATE_FLAGS = {
  alias: { type: 'string', default: 'switchboard' },
  'duration-days': { type: 'string', default: '7' },
  'dev-hub': { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  plan: { type: 'boolean', default: false }
} as const;

const CREATE_USAGE =
  'Usage: npm run org:create -- [--alias switchboard] [--duration-days 1-30] [--dev-hub <username or alias>] [--no-open] [--plan]';

export function parseCreateArgs(argv: readonly string[]): CreateOptions {
  const values = parseFlags(argv, CREATE_FLAGS, CREATE_USAGE);
  const durationDays = Number(values['duration-days']);
  // The platform's limits for scratch orgs.
  if (!Number.isInteger(durationDays) || durationDays < 1 || durationDays > 30)
    throw new UsageError(
      `--duration-days must be a whole number from 1 to 30, not "${values['duration-days']}".`
    );
  if (!/^[\w.-]+$/.test(values.alias))
    throw new UsageError(`--alias "${values.alias}" may use letters, digits, ".", "_" and "-" only.`);
  return {
    alias: values.alias,
    durationDays,
    devHub: values['dev-hub'],
    open: !values['no-open'],
    planOnly: values.plan
  };
}

const USERNAME = '<scratch org username>';
const CALL_CENTER_ID = '<CallCenter Id>';

export function planCreate(o: CreateOptions): PlannedCommand[] {
  const plan: PlannedCommand[] = [
    {
      args: sfCommands.orgDisplay(o.alias),
      why: `is there already a scratch org "${o.alias}"? If so, the next step is skipped`
    },
    {
      args: sfCommands.createScratch(o),
      why: `a new scratch org from the project's definition, ${o.durationDays} day(s)`
    },
    {
      args: sfCommands.deploy(o.alias),
      why: 'force-app (the package) and org-config (the call center and PBX trusted site, per org)'
    },
    {
      args: sfCommands.usersQuery(o.alias, [USERNAME]),
      why: 'the scratch org user, and whether it is already in a call center'
    },
    {
      args: sfCommands.assignPermset(o.alias, []),
      why: 'Switchboard_User; "Duplicate PermissionSetAssignment" means already done'
    },
    {
      args: sfCommands.callCenterQuery(o.alias),
      why: 'the deployed call center (membership has no metadata)'
    },
    {
      args: sfCommands.assignCallCenter(o.alias, USERNAME, CALL_CENTER_ID),
      why: 'skipped when the user is already in it'
    }
  ];
  if (o.open)
    plan.push({
      args: sfCommands.openApp(o.alias),
      why: 'the Switchboard app; the Phone utility is the softphone'
    });
  return plan;
}

/** Finds or creates the scratch org; returns its admin username. */
async function ensureScratchOrg(steps: Steps, o: CreateOptions): Promise<string> {
  const shown = await steps.run(sfCommands.orgDisplay(o.alias));
  const name = errorName(shown);
  if (!name) {
    const info = resultOf(shown);
    const username = stringField(info, 'username');
    const status = stringField(info, 'status');
    // org display fills devHubId only for scratch orgs: never deploy into another kind of org by alias.
    if (!stringField(info, 'devHubId')) {
      throw new StepError(
        `The alias "${o.alias}" belongs to ${username ?? 'an org'} that is not a scratch org. Use npm run org:deploy -- --target-org ${o.alias} for it, or choose another --alias.`
      );
    }
    if (username && (status === undefined || status === 'Active')) {
      steps.skipped(
        `scratch org "${o.alias}" exists (${username}${stringField(info, 'expirationDate') ? `, expires ${stringField(info, 'expirationDate')}` : ''})`
      );
      return username;
    }
    steps.done(`scratch org "${o.alias}" is ${status ?? 'unusable'}; creating a new one`);
  } else if (name !== 'NamedOrgNotFoundError') {
    throw new StepError(`Could not check for the scratch org "${o.alias}": ${errorMessage(shown)}`);
  } else {
    steps.done(`no scratch org "${o.alias}" yet`);
  }

  const created = await steps.run(sfCommands.createScratch(o));
  const createError = errorName(created);
  // Without a flag the CLI looks for a default Dev Hub; with one, the only org flag it can fail to parse is the Dev Hub.
  if (createError === 'NoDefaultDevHubError' || createError === 'NamedOrgNotFoundError')
    throw new StepError(noDevHubAdvice(created, o.devHub));
  if (createError) throw new StepError(`Could not create the scratch org: ${errorMessage(created)}`);
  const username = stringField(resultOf(created), 'username');
  if (!username)
    throw new StepError(
      'The scratch org was created but the CLI did not report its username; run `sf org list`.'
    );
  steps.done(`scratch org "${o.alias}" created: ${username}, ${o.durationDays} day(s)`);
  return username;
}

export async function createOrg(o: CreateOptions, deps: Deps): Promise<void> {
  printPlan(deps.io, `Plan (npm run org:create${o.planOnly ? ' --plan' : ''}):`, planCreate(o));
  if (o.planOnly) return;
  const steps = new Steps(deps);

  const username = (await ensureScratchOrg(steps, o)).toLowerCase();

  const deployed = await steps.run(sfCommands.deploy(o.alias));
  if (errorName(deployed)) throw new StepError(`The deploy failed: ${errorMessage(deployed)}`);
  const deploy = resultOf(deployed);
  if (deploy['status'] === 'Nothing to deploy') steps.skipped('no local changes since the last deploy');
  else
    steps.done(
      `deployed (${String(deploy['numberComponentsDeployed'] ?? (Array.isArray(deploy['files']) ? deploy['files'].length : '?'))} components)`
    );

  const users = await lookUpUsers(steps, o.alias, [username]);
  await assignUsers(steps, o.alias, username, users);

  if (o.open) {
    const opened = await steps.run(sfCommands.openApp(o.alias));
    if (errorName(opened))
      throw new StepError(
        `Everything is set up, but the browser could not be opened: ${errorMessage(opened)}\nOpen it yourself: sf org open --target-org ${o.alias} --path ${APP_PATH}`
      );
    steps.done('opened the Switchboard app');
  }
  deps.io.out('');
  deps.io.out(
    `Ready: scratch org "${o.alias}" (${username}). The Phone utility at the bottom left is the softphone, on the demo line.`
  );
}

export async function main(
  argv: readonly string[],
  deps: Deps = { sf: runSf, io: consoleIo }
): Promise<number> {
  return exitCodeOf(deps.io, async () => createOrg(parseCreateArgs(argv), deps));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
