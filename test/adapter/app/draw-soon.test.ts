import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawInOwnTask, type TaskScheduler } from '../../../adapter/src/app/draw-soon';

/** Tasks a test runs by hand. */
function manualTasks(): TaskScheduler & { runAll(): void; pending(): number } {
  const tasks: Array<() => void> = [];
  const schedule = ((run: () => void) => void tasks.push(run)) as TaskScheduler & {
    runAll(): void;
    pending(): number;
  };
  schedule.runAll = () => {
    for (const run of tasks.splice(0)) run();
  };
  schedule.pending = () => tasks.length;
  return schedule;
}

test('a render never shares the task that asked for it, and requests before it runs make one render', () => {
  const tasks = manualTasks();
  let draws = 0;
  const drawSoon = drawInOwnTask(() => (draws += 1), tasks);
  drawSoon();
  drawSoon();
  drawSoon();
  assert.equal(draws, 0, 'not in the task that told the host');
  assert.equal(tasks.pending(), 1);
  tasks.runAll();
  assert.equal(draws, 1, 'three requests, one render');
  drawSoon();
  tasks.runAll();
  assert.equal(draws, 2, 'a request after the render makes another');
});
