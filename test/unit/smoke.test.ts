import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseComponentMessage } from '../../adapter/src/channel/contract';

test('channel contract rejects foreign traffic', () => {
  assert.equal(parseComponentMessage({ source: 'other', type: 'stateRequest', version: 1 }), null);
  assert.deepEqual(
    parseComponentMessage({ source: 'switchboard-component', type: 'retryLog', version: 1, callId: 'c1' }),
    {
      source: 'switchboard-component',
      version: 1,
      type: 'retryLog',
      callId: 'c1'
    }
  );
});
