import { after, before, describe, test } from 'node:test';
import { EmulatorSession } from '../support/emulator-session';
import { slowSaveRow } from './slow-save';

/** Fault-matrix row: saveLog commits 60 s after the request (the backoff cap, 7× the lease). */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

describe('fault matrix: slow saveLog (60 s)', () => {
  test('saveLog commits after 60 s and answers then: exactly one Task', () =>
    slowSaveRow(session, { afterMs: 60_000, answer: 'afterCommit' }));
});
