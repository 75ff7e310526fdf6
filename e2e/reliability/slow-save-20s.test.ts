import { after, before, describe, test } from 'node:test';
import { EmulatorSession } from '../support/emulator-session';
import { slowSaveRow } from './slow-save';

/** Fault-matrix rows: saveLog commits 20 s after the request (past the 8 s lease), answered then or never. */
const session = new EmulatorSession();
before(() => session.open());
after(() => session.close());

describe('fault matrix: slow saveLog (20 s)', () => {
  test('saveLog commits after 20 s and answers then: exactly one Task', () =>
    slowSaveRow(session, { afterMs: 20_000, answer: 'afterCommit' }));
  test('saveLog commits after 20 s and its answer is lost: after a reload the lookup confirms it, exactly one Task', () =>
    slowSaveRow(session, { afterMs: 20_000, answer: 'never' }));
});
