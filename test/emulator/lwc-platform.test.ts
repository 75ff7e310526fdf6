/**
 * The data behind the emulator's platform stand-ins for switchboardClickToDial: the UI API record and
 * object info built from the emulator's records, getRecentCalls with the Apex class's rules, and the
 * onClickToDial payload Lightning builds for a lightning-click-to-dial click.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedRecords, SEED_IDS, type SRecord } from '../../emulator/host/data';
import { Store, initialState } from '../../emulator/host/store';
import { MessageBus } from '../../emulator/host/message-bus';
import type { Json, JsonObject } from '../../emulator/shared/protocol';
import { uiObjectInfo, uiRecord } from '../../emulator/lwc/record-ui';
import { getRecentCalls } from '../../emulator/lwc/recent-calls';
import { clickToDialPayload, createHostPlatform } from '../../emulator/lwc/host-platform';

const records = seedRecords();
const ada = records.find((r) => r.Id === SEED_IDS.ada)!;

function callTask(n: number, fields: SRecord['fields']): SRecord {
  const id = `00T5g00000000${String(n).padStart(2, '0')}AAA`;
  return {
    Id: id,
    objectType: 'Task',
    fields: { Subject: `Call ${n}`, TaskSubtype: 'Call', CallType: 'Outbound', ...fields }
  };
}

describe('getRecord (UI API record from the emulator records)', () => {
  it('returns the requested optional fields of the object, null when empty, and leaves out unknown ones', () => {
    const outcome = uiRecord(ada, {
      optionalFields: [
        'Contact.Phone',
        'Contact.MobilePhone',
        'Contact.HomePhone',
        'Contact.NotAField',
        'Lead.Phone'
      ]
    });
    assert.ok('data' in outcome);
    assert.equal(outcome.data.apiName, 'Contact');
    assert.equal(outcome.data.id, SEED_IDS.ada);
    assert.deepEqual(outcome.data.fields, {
      Phone: { value: '(415) 555-0132', displayValue: null },
      MobilePhone: { value: '+1 415 555 0177', displayValue: null },
      HomePhone: { value: null, displayValue: null }
    });
  });

  it('fails a required field the object lacks with INVALID_FIELD, and an unknown record with 404', () => {
    const invalid = uiRecord(ada, { fields: ['Contact.NotAField'] });
    assert.ok('error' in invalid);
    assert.equal(invalid.error.status, 400);
    assert.equal(invalid.error.body[0]!.errorCode, 'INVALID_FIELD');
    const missing = uiRecord(undefined, { fields: ['Contact.Phone'] });
    assert.ok('error' in missing);
    assert.equal(missing.error.status, 404);
    assert.equal(missing.error.body[0]!.errorCode, 'NOT_FOUND');
  });

  it('object info labels the fields with their standard labels', () => {
    const outcome = uiObjectInfo('Contact', records);
    assert.ok('data' in outcome);
    const fields = outcome.data.fields as Record<string, { label: string }>;
    assert.equal(fields.Phone!.label, 'Business Phone');
    assert.equal(fields.MobilePhone!.label, 'Mobile');
    assert.ok('error' in uiObjectInfo('NoSuchObject', records));
  });
});

describe('SwitchboardCallLogController.getRecentCalls over the emulator Tasks', () => {
  const tasks = [
    callTask(1, { WhoId: SEED_IDS.ada, CreatedDate: '2026-11-30T10:00:00.000Z', CallDurationInSeconds: 65 }),
    callTask(2, {
      WhoId: SEED_IDS.ada,
      CreatedDate: '2026-11-30T11:00:00.000Z',
      CallDisposition: 'Left voicemail'
    }),
    callTask(3, { WhatId: SEED_IDS.ada, CreatedDate: '2026-11-30T09:00:00.000Z' }),
    callTask(4, { WhoId: SEED_IDS.grace, CreatedDate: '2026-11-30T12:00:00.000Z' }),
    {
      ...callTask(5, { WhoId: SEED_IDS.ada, CreatedDate: '2026-11-30T13:00:00.000Z' }),
      fields: { Subject: 'Email', TaskSubtype: 'Email', WhoId: SEED_IDS.ada }
    }
  ];
  const all = [...records, ...tasks];
  const ids = (outcome: ReturnType<typeof getRecentCalls>): string[] => {
    assert.ok('data' in outcome, JSON.stringify(outcome));
    return (outcome.data as JsonObject[]).map((row) => String(row.Id));
  };

  it('lists call Tasks on the record as Who or What, newest first, and no other Tasks', () => {
    assert.deepEqual(ids(getRecentCalls({ recordId: SEED_IDS.ada, limitSize: 5 }, all)), [
      tasks[1]!.Id,
      tasks[0]!.Id,
      tasks[2]!.Id
    ]);
  });

  it('matches a 15-character record id', () => {
    assert.equal(ids(getRecentCalls({ recordId: SEED_IDS.ada.slice(0, 15), limitSize: 5 }, all)).length, 3);
  });

  it('returns the class fields only, leaving out the ones the Task lacks', () => {
    const outcome = getRecentCalls({ recordId: SEED_IDS.ada, limitSize: 1 }, all);
    assert.ok('data' in outcome);
    assert.deepEqual(outcome.data, [
      {
        Id: tasks[1]!.Id,
        Subject: 'Call 2',
        CallType: 'Outbound',
        CallDisposition: 'Left voicemail',
        CreatedDate: '2026-11-30T11:00:00.000Z'
      }
    ]);
  });

  it('clamps the limit to 1..50 and reads null as 5; a null record gives no rows', () => {
    const many = [
      ...records,
      ...Array.from({ length: 60 }, (_, i) => callTask(i + 10, { WhoId: SEED_IDS.ada }))
    ];
    assert.equal(ids(getRecentCalls({ recordId: SEED_IDS.ada, limitSize: 0 }, many)).length, 1);
    assert.equal(ids(getRecentCalls({ recordId: SEED_IDS.ada, limitSize: -3 }, many)).length, 1);
    assert.equal(ids(getRecentCalls({ recordId: SEED_IDS.ada, limitSize: 500 }, many)).length, 50);
    assert.equal(ids(getRecentCalls({ recordId: SEED_IDS.ada, limitSize: null }, many)).length, 5);
    assert.deepEqual(ids(getRecentCalls({ recordId: null, limitSize: 5 }, many)), []);
  });

  it('answers a malformed id or limit with an Apex error instead of rows', () => {
    for (const params of [
      { recordId: 'not-an-id', limitSize: 5 },
      { recordId: SEED_IDS.ada, limitSize: 'five' },
      { recordId: SEED_IDS.ada, limitSize: 2.5 }
    ]) {
      const outcome = getRecentCalls(params as JsonObject, all);
      assert.ok('error' in outcome, JSON.stringify(params));
      assert.equal(typeof outcome.error.body.message, 'string');
    }
  });
});

describe('lightning-click-to-dial → onClickToDial (host platform)', () => {
  function setup(): {
    store: Store;
    sent: JsonObject[];
    platform: ReturnType<typeof createHostPlatform>;
    bus: MessageBus;
  } {
    const store = new Store(initialState(480, 340));
    store.update((s) => (s.records = seedRecords()));
    const bus = new MessageBus(store, () => undefined);
    const sent: JsonObject[] = [];
    const platform = createHostPlatform({
      store,
      bus,
      clickToDial: (payload) => sent.push(payload),
      openRecord: () => undefined
    });
    return { store, sent, platform, bus };
  }

  it('adds the record name and type to the value, recordId and params, as Lightning does', () => {
    const { store } = setup();
    assert.deepEqual(
      clickToDialPayload(store, {
        number: '(415) 555-0132',
        recordId: SEED_IDS.ada,
        params: 'switchboardSource=recordPage,field=Phone'
      }),
      {
        number: '(415) 555-0132',
        recordId: SEED_IDS.ada,
        recordName: 'Ada Lovelace',
        objectType: 'Contact',
        params: 'switchboardSource=recordPage,field=Phone'
      }
    );
    // Without a record id, no record information.
    assert.deepEqual(clickToDialPayload(store, { number: '555' }), { number: '555' });
  });

  it('sends nothing while click-to-dial is disabled, and reports enable/disable to the component', () => {
    const { store, sent, platform } = setup();
    const seen: boolean[] = [];
    platform.clickToDial.onChange((enabled) => seen.push(enabled));
    assert.equal(platform.clickToDial.dial({ number: '555', recordId: SEED_IDS.ada }), false);
    assert.deepEqual(sent, []);
    store.update((s) => (s.clickToDialEnabled = true));
    store.update((s) => s.channelLog.splice(0)); // unrelated changes are not reported
    assert.equal(platform.clickToDial.dial({ number: '555', recordId: SEED_IDS.ada }), true);
    assert.equal(sent.length, 1);
    store.update((s) => (s.clickToDialEnabled = false));
    assert.deepEqual(seen, [true, false]);
  });

  it('publishes on the bus the softphone listens to, and hears what it publishes', () => {
    const { platform, bus } = setup();
    const heard: Json[] = [];
    const stop = platform.messages.subscribe('Switchboard_Call__c', (m) => heard.push(m));
    bus.publishFromAdapter('Switchboard_Call__c', { type: 'ready' });
    platform.messages.publish('Switchboard_Call__c', { type: 'stateRequest' });
    stop();
    bus.publishFromAdapter('Switchboard_Call__c', { type: 'late' });
    assert.deepEqual(heard, [{ type: 'ready' }, { type: 'stateRequest' }]);
  });

  it('refuses Apex methods the component does not import', async () => {
    const { platform } = setup();
    const outcome = await platform.apex.call('Other.method', {});
    assert.ok('error' in outcome);
  });
});
