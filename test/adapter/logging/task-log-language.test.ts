import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newCall } from '../../../adapter/src/call/call-steps';
import { useLabels } from '../../../adapter/src/i18n/labels';
import { buildTaskLog } from '../../../adapter/src/logging/task-log';
import { useEnglishLabels } from '../helpers';

const call = newCall({
  id: 'c1',
  direction: 'inbound',
  dial: '+4930123456',
  display: '+49 30 123456',
  startedAt: 1_700_000_000_000,
  callerName: 'Max',
  connectedAt: 1_700_000_001_000,
  endedAt: 1_700_000_061_000,
  disposition: 'Erledigt'
});

test("the Task's Subject and Comments are written in the agent's language; picklist values stay API values", () => {
  // What Salesforce renders into the page for a German-language user (our own wording for the test).
  useLabels(
    {
      Switchboard_Task_Subject:
        '{direction, select, inbound {Eingehender Anruf von {party}} other {Ausgehender Anruf an {party}}}',
      Switchboard_Task_Party: '{direction, select, inbound {Von: {number}} other {An: {number}}}',
      Switchboard_Task_CallerIdName: 'Anrufer-ID: {name}'
    },
    'de-DE'
  );
  const log = buildTaskLog(call, call.endedAt ?? 0);
  assert.equal(log.Subject, 'Eingehender Anruf von +49 30 123456');
  assert.match(String(log.Description), /Von: \+49 30 123456 · Anrufer-ID: Max/);
  assert.equal(log.CallType, 'Inbound', 'a picklist API value, the same in every language');
  assert.equal(log.Status, 'Completed');
  assert.equal(log.TaskSubtype, 'Call');
  assert.equal(log.CallDisposition, 'Erledigt');
});

test('in English the Task reads as before', () => {
  useEnglishLabels();
  const log = buildTaskLog({ ...call, direction: 'outbound' }, call.endedAt ?? 0);
  assert.equal(log.Subject, 'Outbound call to +49 30 123456');
  assert.match(String(log.Description), /To: \+49 30 123456 · Caller ID name: Max/);
});
