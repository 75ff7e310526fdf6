/**
 * The LWC's channel.js restates adapter/src/channel/contract.ts in plain JavaScript (LWC cannot import the
 * adapter's TypeScript). This ties the two: every message either side sends must come out of the other
 * side's parser unchanged, and the state lists must agree.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CALL_DIRECTIONS,
  CHANNEL_CALL_STATES,
  CHANNEL_SCHEMA_VERSION,
  parseComponentMessage,
  type CallStatusMessage,
  type ReadinessMessage
} from '../../adapter/src/channel/contract';
import * as lwc from '../../force-app/main/default/lwc/switchboardClickToDial/channel.js';

test('both sides list the same call states and schema version', () => {
  assert.deepEqual([...lwc.CALL_STATES], [...CHANNEL_CALL_STATES]);
  assert.equal(lwc.CHANNEL_SCHEMA_VERSION, CHANNEL_SCHEMA_VERSION);
});

test('every status the adapter can publish (each state × direction, with and without optional values) reaches the component unchanged', () => {
  for (const state of CHANNEL_CALL_STATES) {
    for (const direction of CALL_DIRECTIONS) {
      const bare: CallStatusMessage = {
        source: 'switchboard-adapter',
        version: CHANNEL_SCHEMA_VERSION,
        type: 'status',
        callId: `c-${state}-${direction}`,
        recordId: null,
        direction,
        state,
        number: '(415) 555-0101',
        startedAt: 1_700_000_000_000,
        connectedAt: null,
        endedAt: null,
        taskId: null,
        error: null
      };
      const full: CallStatusMessage = {
        ...bare,
        recordId: '003000000000001AAA',
        connectedAt: 1_700_000_001_000,
        endedAt: 1_700_000_061_000,
        taskId: '00T000000000001AAA',
        error: 'Required fields are missing: [Subject]'
      };
      for (const message of [bare, full])
        assert.deepEqual(lwc.parseAdapterMessage(structuredClone(message)), message, `${state}/${direction}`);
    }
  }
});

test('readiness reaches the component for both providers and both values', () => {
  for (const provider of ['demo', 'sip'] as const) {
    for (const ready of [true, false]) {
      const message: ReadinessMessage = {
        source: 'switchboard-adapter',
        version: CHANNEL_SCHEMA_VERSION,
        type: 'ready',
        ready,
        provider
      };
      assert.deepEqual(lwc.parseAdapterMessage(structuredClone(message)), message);
    }
  }
});

test('every request the component sends reaches the adapter unchanged', () => {
  for (const message of [
    lwc.stateRequest(undefined),
    lwc.stateRequest('003000000000001AAA'),
    lwc.retryLog('call-1')
  ]) {
    assert.deepEqual(parseComponentMessage(structuredClone(message)), message);
  }
});

test("each side refuses the other schema version and the other side's own messages", () => {
  const status = {
    source: 'switchboard-adapter',
    version: CHANNEL_SCHEMA_VERSION + 1,
    type: 'status',
    callId: 'c',
    recordId: null,
    direction: 'inbound',
    state: 'ringing',
    number: '1',
    startedAt: 1,
    connectedAt: null,
    endedAt: null,
    taskId: null,
    error: null
  };
  assert.equal(lwc.parseAdapterMessage(status), null);
  assert.equal(parseComponentMessage({ ...lwc.retryLog('c'), version: CHANNEL_SCHEMA_VERSION + 1 }), null);
  assert.equal(lwc.parseAdapterMessage(lwc.retryLog('c')), null);
  assert.equal(parseComponentMessage({ ...status, version: CHANNEL_SCHEMA_VERSION }), null);
});
