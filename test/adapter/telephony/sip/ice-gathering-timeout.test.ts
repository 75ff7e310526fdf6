import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startIceGatheringTimeout } from '../../../../adapter/src/telephony/sip/ice-gathering-timeout';

test('ICE timeout calls the last ready() when candidates came, onNoCandidates otherwise', async () => {
  let readyCalls = 0;
  let noCandidates = 0;
  const withCandidates = startIceGatheringTimeout(20, () => (noCandidates += 1));
  withCandidates.candidate(() => (readyCalls += 1));
  const without = startIceGatheringTimeout(20, () => (noCandidates += 1));
  const finishedEarly = startIceGatheringTimeout(20, () => (noCandidates += 1));
  finishedEarly.done();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(readyCalls, 1);
  assert.equal(noCandidates, 1);
  without.cancel();
});
