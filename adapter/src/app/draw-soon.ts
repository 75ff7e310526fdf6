/** Runs a callback in a later task. */
export type TaskScheduler = (run: () => void) => void;

/** A message to ourselves is a task with no timer clamping (setTimeout(0) may wait 4 ms when nested). */
export function messageTask(): TaskScheduler {
  const channel = new MessageChannel();
  let queue: Array<() => void> = [];
  channel.port1.onmessage = () => {
    const due = queue;
    queue = [];
    for (const run of due) run();
  };
  return (run) => {
    queue.push(run);
    channel.port2.postMessage(null);
  };
}

/**
 * Returns a `drawSoon` that runs `draw` in a task of its own, once for any number of requests made
 * before it runs. Chromium delivers our postMessages to Lightning only when the current task ends
 * (start-up.ts, nextTask), so a render in the task that told the host holds the host's messages back
 * by the render's time: a click-to-dial reached the host as "dialling" only after the dialling view
 * had rendered. The view still changes before the next paint.
 */
export function drawInOwnTask(draw: () => void, schedule: TaskScheduler = messageTask()): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    schedule(() => {
      queued = false;
      draw();
    });
  };
}
