// Gives users what the softphone needs after a deploy or install: the Switchboard_User permission set
// and membership of the Switchboard call center (User.CallCenterId). Both steps are idempotent: an
// existing assignment is reported and left alone.
import { errorMessage, errorName, resultOf, StepError, stringField, type Steps } from './cli';
import { CALL_CENTER, PER_ORG_GUIDE, PERMSET, sfCommands } from './commands';

export interface OrgUser {
  username: string;
  callCenterId: string | null;
}

/** Ids compare on their case-sensitive 15-character form: the API may hand back 15 or 18 characters. */
const sameId = (a: string | null, b: string): boolean => a !== null && a.slice(0, 15) === b.slice(0, 15);

function records(result: Record<string, unknown>): Array<Record<string, unknown>> {
  const r = result['records'];
  return Array.isArray(r)
    ? r.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object')
    : [];
}

/** Looks the users up first, so an unknown username stops the run before anything changes. */
export async function lookUpUsers(
  steps: Steps,
  org: string,
  usernames: readonly string[]
): Promise<OrgUser[]> {
  const r = await steps.run(sfCommands.usersQuery(org, usernames));
  if (errorName(r)) throw new StepError(`Could not look up the users: ${errorMessage(r)}`);
  const found = new Map<string, OrgUser>();
  for (const rec of records(resultOf(r))) {
    const username = stringField(rec, 'Username')?.toLowerCase();
    if (username) found.set(username, { username, callCenterId: stringField(rec, 'CallCenterId') ?? null });
  }
  const missing = usernames.filter((u) => !found.has(u));
  if (missing.length > 0)
    throw new StepError(`No user with the username ${missing.join(', ')} in ${org}. Nothing was assigned.`);
  steps.done(
    `found ${usernames.length === 1 ? 'the user' : `${usernames.length} users`}: ${usernames.join(', ')}`
  );
  return usernames.map((u) => found.get(u)!);
}

/**
 * `sf org assign permset` answers a second assignment with a per-user failure whose message says
 * "Duplicate PermissionSetAssignment"; that means done, not failed.
 */
export async function assignPermset(
  steps: Steps,
  org: string,
  users: readonly string[],
  orgUser: string
): Promise<void> {
  const onBehalfOf = users.length === 1 && users[0] === orgUser ? [] : users;
  const r = await steps.run(sfCommands.assignPermset(org, onBehalfOf));
  const result = resultOf(r);
  const successes = Array.isArray(result['successes'])
    ? (result['successes'] as Array<Record<string, unknown>>)
    : null;
  const failures = Array.isArray(result['failures'])
    ? (result['failures'] as Array<Record<string, unknown>>)
    : null;
  if (!successes || !failures)
    throw new StepError(`Could not assign the ${PERMSET} permission set: ${errorMessage(r)}`);
  const duplicates = failures.filter((f) => /duplicate/i.test(String(f['message'] ?? '')));
  const real = failures.filter((f) => !duplicates.includes(f));
  if (real.length > 0) {
    const lines = real.map(
      (f) => `  ${String(f['name'] ?? '?')}: ${String(f['message'] ?? 'unknown error')}`
    );
    const hint = real.some((f) => /not found/i.test(String(f['message'] ?? '')))
      ? `\nIs Switchboard deployed to ${org}? The permission set comes with it.`
      : '';
    throw new StepError(`Could not assign the ${PERMSET} permission set:\n${lines.join('\n')}${hint}`);
  }
  const name = (f: Record<string, unknown>): string => String(f['name'] ?? '');
  if (successes.length > 0) steps.done(`${PERMSET} assigned to ${successes.map(name).join(', ')}`);
  if (duplicates.length > 0)
    steps.skipped(`${PERMSET} was already assigned to ${duplicates.map(name).join(', ')}`);
}

export async function findCallCenter(steps: Steps, org: string): Promise<string> {
  const r = await steps.run(sfCommands.callCenterQuery(org));
  if (errorName(r))
    throw new StepError(`Could not look up the ${CALL_CENTER} call center: ${errorMessage(r)}`);
  const id = records(resultOf(r))
    .map((rec) => stringField(rec, 'Id'))
    .find((x) => x !== undefined);
  if (!id) {
    throw new StepError(
      `The ${CALL_CENTER} call center is not in ${org}. It is per-org configuration, not part of the package: ` +
        `deploy it from this repository with npm run org:deploy -- --target-org ${org} (which deploys org-config), ` +
        `or import setup/callcenter.xml in Setup → Call Centers (${PER_ORG_GUIDE}).`
    );
  }
  steps.done(`call center ${CALL_CENTER} is ${id}`);
  return id;
}

export async function assignCallCenter(
  steps: Steps,
  org: string,
  callCenterId: string,
  users: readonly OrgUser[]
): Promise<void> {
  for (const user of users) {
    if (sameId(user.callCenterId, callCenterId)) {
      steps.skipped(`${user.username} is already in the ${CALL_CENTER} call center`);
      continue;
    }
    const r = await steps.run(sfCommands.assignCallCenter(org, user.username, callCenterId));
    if (errorName(r))
      throw new StepError(
        `Could not add ${user.username} to the ${CALL_CENTER} call center: ${errorMessage(r)}`
      );
    steps.done(
      user.callCenterId
        ? `${user.username} moved from call center ${user.callCenterId} to ${CALL_CENTER}`
        : `${user.username} added to the ${CALL_CENTER} call center`
    );
  }
}

/** The whole assignment, in the order the platform needs: the call center exists only after the deploy. */
export async function assignUsers(
  steps: Steps,
  org: string,
  orgUser: string,
  users: readonly OrgUser[]
): Promise<void> {
  await assignPermset(
    steps,
    org,
    users.map((u) => u.username),
    orgUser
  );
  const callCenterId = await findCallCenter(steps, org);
  await assignCallCenter(steps, org, callCenterId, users);
}
