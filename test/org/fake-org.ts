// A stateful stand-in for the Salesforce CLI and the orgs behind it. It answers the commands the
// org scripts run with the same JSON envelopes and error names the real CLI gives (tooling notes §1,
// plugin-user's permset result), and remembers what they changed, so running a script twice against
// one FakeOrg shows what a re-run really does.
import type { Io } from '../../scripts/org/cli';
import { renderCommand, type SfResult, type SfRunner } from '../../scripts/org/sf';

export const CALL_CENTER_ID = '04v5g000000AbCdAAK';

interface OrgRecord {
  username: string;
  scratch: boolean;
}

export interface FakeOrgOptions {
  /** Dev Hubs this machine is logged in to; `default` makes the first one the default Dev Hub. */
  devHubs?: string[];
  defaultDevHub?: boolean;
  /** Existing orgs by alias or username. */
  orgs?: Record<string, OrgRecord>;
  defaultOrg?: string;
  /** Users in the (single) org, with their CallCenterId. */
  users?: Record<string, string | null>;
  deployed?: boolean;
  /** Whether the per-org call center exists; defaults to `deployed` (a deploy from a clone brings it, a package install does not). */
  callCenter?: boolean;
  permsetAssigned?: string[];
  packageVersionStatus?: string;
}

export const ok = (result: unknown): SfResult => {
  const json = { status: 0, result, warnings: [] };
  return { code: 0, stdout: JSON.stringify(json), stderr: '', json };
};

export const fail = (name: string, message: string, exitCode = 1): SfResult => {
  const json = { name, message, exitCode, status: exitCode, code: name, warnings: [] };
  return { code: exitCode, stdout: JSON.stringify(json), stderr: '', json };
};

/** The one command that returns a result *and* a failing exit code: permset assignment with failures. */
const partial = (result: { successes: unknown[]; failures: unknown[] }): SfResult => {
  const status = result.failures.length === 0 ? 0 : result.successes.length === 0 ? 1 : 68;
  const json = { status, result, warnings: [] };
  return { code: status, stdout: JSON.stringify(json), stderr: '', json };
};

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function flags(args: readonly string[], name: string): string[] {
  return args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}

export class FakeOrg {
  readonly calls: string[][] = [];
  private readonly devHubs: string[];
  private readonly defaultDevHub: boolean;
  private readonly orgs: Map<string, OrgRecord>;
  private readonly defaultOrg: string | undefined;
  readonly users: Map<string, string | null>;
  deployed: boolean;
  /** The call center lives in org-config: a deploy of force-app alone (or a package install) leaves none. */
  callCenterDeployed: boolean;
  readonly permset: Set<string>;
  private readonly versionStatus: string;

  constructor(o: FakeOrgOptions = {}) {
    this.devHubs = o.devHubs ?? ['hub@example.com'];
    this.defaultDevHub = o.defaultDevHub ?? true;
    this.orgs = new Map(Object.entries(o.orgs ?? {}));
    this.defaultOrg = o.defaultOrg;
    this.users = new Map(Object.entries(o.users ?? {}));
    this.deployed = o.deployed ?? false;
    this.callCenterDeployed = o.callCenter ?? this.deployed;
    this.permset = new Set(o.permsetAssigned ?? []);
    this.versionStatus = o.packageVersionStatus ?? 'Success';
  }

  /** Each call as the command a person would type, for readable sequence assertions. */
  commands(): string[] {
    return this.calls.map(renderCommand);
  }

  readonly runner: SfRunner = async (args) => {
    this.calls.push([...args]);
    return this.answer(args);
  };

  private org(args: readonly string[]): { key: string; record: OrgRecord } | SfResult {
    const key = flag(args, '--target-org') ?? this.defaultOrg;
    if (key === undefined)
      return fail(
        'NoDefaultEnvError',
        'No default environment found. Use -o or --target-org to specify an environment.'
      );
    const record = this.orgs.get(key) ?? [...this.orgs.values()].find((r) => r.username === key);
    if (!record)
      return fail(
        'NamedOrgNotFoundError',
        `Parsing --target-org \n\tNo authorization information found for ${key}.\nSee more help with --help`,
        2
      );
    return { key, record };
  }

  private hub(args: readonly string[]): SfResult | null {
    const hub = flag(args, '--target-dev-hub');
    if (hub === undefined)
      return this.defaultDevHub && this.devHubs.length > 0
        ? null
        : fail(
            'NoDefaultDevHubError',
            'No default dev hub found. Use -v or --target-dev-hub to specify an environment.'
          );
    return this.devHubs.includes(hub)
      ? null
      : fail(
          'NamedOrgNotFoundError',
          `Parsing --target-dev-hub \n\tNo authorization information found for ${hub}.\nSee more help with --help`,
          2
        );
  }

  private answer(args: readonly string[]): SfResult {
    const cmd = args.slice(0, 3).join(' ');
    if (cmd.startsWith('org display')) {
      const org = this.org(args);
      if ('code' in org) return org;
      return ok({
        username: org.record.username,
        instanceUrl: 'https://fake.my.salesforce.com',
        ...(org.record.scratch
          ? { devHubId: this.devHubs[0], status: 'Active', expirationDate: '2026-12-02' }
          : { connectedStatus: 'Connected' })
      });
    }
    if (cmd === 'org create scratch') {
      const noHub = this.hub(args);
      if (noHub) return noHub;
      const username = 'test-abc123@example.com';
      this.orgs.set(flag(args, '--alias') ?? username, { username, scratch: true });
      this.users.set(username, null);
      return ok({ username, orgId: '00D5g000000ScrAEAS' });
    }
    if (cmd === 'project deploy start') {
      const org = this.org(args);
      if ('code' in org) return org;
      const dirs = flags(args, '--source-dir');
      // A scratch org tracks source: a second deploy of "local changes" (no --source-dir) deploys nothing;
      // named directories are deployed whole every time.
      if (dirs.length === 0 && this.deployed && org.record.scratch)
        return ok({ status: 'Nothing to deploy', files: [] });
      this.deployed = true;
      // No --source-dir deploys every package directory, as the real CLI does.
      if (dirs.length === 0 || dirs.includes('org-config')) this.callCenterDeployed = true;
      return ok({ status: 'Succeeded', success: true, numberComponentsDeployed: 17 });
    }
    if (cmd === 'data query --query') {
      const org = this.org(args);
      if ('code' in org) return org;
      const q = flag(args, '--query') ?? '';
      if (q.includes('FROM CallCenter')) {
        const records = this.callCenterDeployed
          ? [{ attributes: { type: 'CallCenter' }, Id: CALL_CENTER_ID }]
          : [];
        return ok({ records, totalSize: records.length, done: true });
      }
      if (q.includes('FROM User')) {
        const wanted = [...q.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
        const records = wanted
          .filter((u) => this.users.has(u))
          .map((u) => ({
            attributes: { type: 'User' },
            Id: `005${u.length}`,
            Username: u,
            CallCenterId: this.users.get(u) ?? null
          }));
        return ok({ records, totalSize: records.length, done: true });
      }
      return fail('MalformedQueryError', `unexpected query ${q}`);
    }
    if (cmd === 'org assign permset') {
      const org = this.org(args);
      if ('code' in org) return org;
      const targets = flags(args, '--on-behalf-of');
      const successes: unknown[] = [];
      const failures: unknown[] = [];
      for (const u of targets.length > 0 ? targets : [org.record.username]) {
        if (!this.deployed)
          failures.push({
            name: u,
            message: 'Permission set "Switchboard_User" not found in target org. Do you need to push source?'
          });
        else if (!this.users.has(u))
          failures.push({
            name: u,
            message: `No record found for SELECT Id FROM User WHERE Username='${u}'`
          });
        else if (this.permset.has(u))
          failures.push({
            name: u,
            message: `Duplicate PermissionSetAssignment: assignee (005${u.length}) already has permission set 0PS5g000000Sb1`
          });
        else {
          this.permset.add(u);
          successes.push({ name: u, value: 'Switchboard_User' });
        }
      }
      return partial({ successes, failures });
    }
    if (cmd === 'data update record') {
      const org = this.org(args);
      if ('code' in org) return org;
      const u = /Username='([^']+)'/.exec(flag(args, '--where') ?? '')?.[1];
      const id = /^CallCenterId=(.+)$/.exec(flag(args, '--values') ?? '')?.[1];
      if (!u || !id || !this.users.has(u)) return fail('DataRecordUpdateError', 'No record found');
      this.users.set(u, id);
      return ok({ id: `005${u.length}`, success: true, errors: [] });
    }
    if (cmd === 'org open --target-org')
      return ok({
        url: 'https://fake.my.salesforce.com/lightning/app/c__Switchboard',
        orgId: '00D',
        username: 'x'
      });
    if (cmd === 'package create --name') {
      return this.hub(args) ?? ok({ Id: '0Ho5g000000SwbAAAS' });
    }
    if (cmd === 'package version create') {
      const noHub = this.hub(args);
      if (noHub) return noHub;
      return ok({
        Id: '08c5g000000SwbAAAS',
        Status: this.versionStatus,
        SubscriberPackageVersionId: this.versionStatus === 'Success' ? '04t5g000000SwbAAAS' : null,
        Package2Id: '0Ho5g000000SwbAAAS'
      });
    }
    return fail('CommandNotFound', `the fake does not know: ${renderCommand(args)}`, 127);
  }
}

export interface FakeIo extends Io {
  lines: string[];
  questions: string[];
  text(): string;
}

export function fakeIo(o: { interactive?: boolean; answers?: string[] } = {}): FakeIo {
  const answers = [...(o.answers ?? [])];
  const io: FakeIo = {
    lines: [],
    questions: [],
    interactive: o.interactive ?? false,
    out: (line) => void io.lines.push(line),
    ask: async (q) => {
      io.questions.push(q);
      return answers.shift() ?? '';
    },
    text: () => io.lines.join('\n')
  };
  return io;
}
