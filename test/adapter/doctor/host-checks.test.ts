import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenCtiError } from '../../../adapter/src/opencti/open-cti-error';
import {
  apexChecks,
  openCtiCheck,
  roundTripCheck,
  settingsCheck,
  type HostCheckDeps
} from '../../../adapter/src/doctor/host-checks';
import { parseAccessAnswer } from '../../../adapter/src/doctor/apex-access';
import { useEnglishLabels } from '../helpers';

useEnglishLabels();

const LIGHTNING_QUERY = '?mode=Lightning&isdtp=vw&sfdcIframeOrigin=https:%2F%2Fx.lightning.force.com';

function deps(
  overrides: Partial<HostCheckDeps> = {},
  host: Partial<NonNullable<HostCheckDeps['host']>> = {}
) {
  const calls: string[] = [];
  const base: HostCheckDeps = {
    host: {
      getCallCenterSettings: () => Promise.resolve({ '/switchboard/provider': 'demo' }),
      runApex: (cls, method) => {
        calls.push(`${cls}.${method}`);
        return Promise.resolve('{"ok":true,"taskCreateable":true,"fieldsNotCreateable":[]}');
      },
      ...host
    },
    page: { framed: true, search: LIGHTNING_QUERY },
    now: () => 0,
    ...overrides
  };
  return { deps: base, calls };
}

test('Open CTI: passes when framed by Lightning; names a missing library and a page opened on its own', async () => {
  assert.equal((await openCtiCheck(deps().deps).run()).message, 'Switchboard_Doctor_OpenCtiPass');
  assert.deepEqual(await openCtiCheck(deps({ host: null }).deps).run(), {
    status: 'fail',
    message: 'Switchboard_Doctor_OpenCtiMissing'
  });
  const alone = await openCtiCheck(deps({ page: { framed: false, search: LIGHTNING_QUERY } }).deps).run();
  assert.equal(alone.message, 'Switchboard_Doctor_OpenCtiNotFramed');
  const framedElsewhere = await openCtiCheck(deps({ page: { framed: true, search: '' } }).deps).run();
  assert.equal(framedElsewhere.status, 'fail');
});

test('settings: every validation problem is named; an unreadable call center says so', async () => {
  assert.equal((await settingsCheck(deps().deps).run()).status, 'pass');
  const bad = await settingsCheck(
    deps(
      {},
      {
        getCallCenterSettings: () =>
          Promise.resolve({ '/switchboard/provider': 'sip', '/switchboard/defaultCountry': 'UK' })
      }
    ).deps
  ).run();
  assert.equal(bad.status, 'fail');
  assert.equal(bad.message, 'Switchboard_Doctor_SettingsFail');
  assert.equal(bad.values?.count, 2);
  assert.match(String(bad.values?.problems), /webSocketUrl.*defaultCountry.*GB/s);
  const unreadable = await settingsCheck(
    deps(
      {},
      {
        getCallCenterSettings: () =>
          Promise.reject(
            new OpenCtiError('getCallCenterSettings', [{ code: 'GENERIC_ERROR', description: 'no center' }])
          )
      }
    ).deps
  ).run();
  assert.deepEqual(unreadable, {
    status: 'fail',
    message: 'Switchboard_Doctor_SettingsUnreadable',
    values: { error: 'no center' }
  });
});

test('round trip: timed with the injected clock; over a second is a warning', async () => {
  const times = [100, 350];
  const fast = await roundTripCheck(deps({ now: () => times.shift() ?? 0 }).deps).run();
  assert.deepEqual(fast, {
    status: 'pass',
    message: 'Switchboard_Doctor_RoundTripPass',
    values: { ms: 250 }
  });
  const slow = [0, 1800];
  const late = await roundTripCheck(deps({ now: () => slow.shift() ?? 0 }).deps).run();
  assert.equal(late.status, 'warning');
  assert.deepEqual(late.values, { ms: 1800 });
});

test('Apex: one runApex answers both the service and the Task access check', async () => {
  const { deps: d, calls } = deps();
  const [apex, task] = apexChecks(d);
  assert.equal((await apex!.run()).status, 'pass');
  assert.equal((await task!.run()).status, 'pass');
  assert.deepEqual(calls, ['SwitchboardSoftphoneService.checkAccess']);
});

test('Apex missing: Salesforce\'s "Could not load Apex class" is named as missing; Task access then skips', async () => {
  const missing = new OpenCtiError('runApex', [
    { code: 'SERVER_ERROR', description: 'Could not load Apex class: SwitchboardSoftphoneService.' }
  ]);
  const [apex, task] = apexChecks(deps({}, { runApex: () => Promise.reject(missing) }).deps);
  assert.deepEqual(await apex!.run(), { status: 'fail', message: 'Switchboard_Doctor_ApexMissing' });
  assert.deepEqual(await task!.run(), { status: 'skip', message: 'Switchboard_Doctor_TaskAccessUnknown' });
  const [timedOut] = apexChecks(
    deps(
      {},
      {
        runApex: () => Promise.reject(new OpenCtiError('runApex', [{ code: 'TIMEOUT', description: 'late' }]))
      }
    ).deps
  );
  assert.deepEqual(await timedOut!.run(), {
    status: 'fail',
    message: 'Switchboard_Doctor_ApexFailed',
    values: { error: 'late' }
  });
});

test('Task access: no create, or fields the user cannot set, fail with the fields named', async () => {
  const answer = (json: string) =>
    apexChecks(deps({}, { runApex: () => Promise.resolve(json) }).deps)[1]!.run();
  assert.deepEqual(await answer('{"ok":true,"taskCreateable":false,"fieldsNotCreateable":[]}'), {
    status: 'fail',
    message: 'Switchboard_Doctor_TaskAccessNone'
  });
  assert.deepEqual(
    await answer('{"ok":true,"taskCreateable":true,"fieldsNotCreateable":["CallDisposition","CallType"]}'),
    {
      status: 'fail',
      message: 'Switchboard_Doctor_TaskAccessFields',
      values: { fields: 'CallDisposition, CallType' }
    }
  );
});

test('the checkAccess answer is read defensively', () => {
  assert.deepEqual(parseAccessAnswer('{"ok":false,"error":"CHECK_FAILED","message":"x"}'), {
    kind: 'failed',
    error: 'CHECK_FAILED: x'
  });
  assert.equal(parseAccessAnswer('<html>').kind, 'failed');
  assert.equal(parseAccessAnswer('[1]').kind, 'failed');
  assert.deepEqual(
    parseAccessAnswer('{"ok":true,"taskCreateable":true,"fieldsNotCreateable":[1,"Subject"]}'),
    {
      kind: 'answered',
      taskCreateable: true,
      fieldsNotCreateable: ['Subject']
    }
  );
});

test('without Open CTI the host checks skip rather than fail twice for one cause', async () => {
  const d = deps({ host: null }).deps;
  for (const check of [settingsCheck(d), roundTripCheck(d), apexChecks(d)[0]!])
    assert.equal((await check.run()).status, 'skip', check.id);
});
