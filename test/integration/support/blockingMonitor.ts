/** One sample of the monitor below. */
export interface LateSample {
  /** When it was taken, on the `performance.now()` clock. */
  at: number;
  /** How late the timer fired. */
  lateMs: number;
  /** Of the time since the sample before, how long the thread was ready to run but waited for a core; undefined where the system does not tell. */
  waitedMs?: number;
}

/**
 * Samples how late a 5 ms timer fires: a late timer means the extension host's thread was busy.
 * `stop()` returns each sample, the last one taken as it stops: a block that ends just before, as
 * when the awaited work finishes with a long synchronous step, counts. `waitedMs`, when given,
 * reads how long the thread has waited for a core so far: on a busy machine a thread that is
 * ready to run may not get one, and a timer is late for that too.
 */
export function blockingMonitor(waitedMs?: () => number | undefined): { stop(): LateSample[] } {
  const samples: LateSample[] = [];
  let last = performance.now();
  let lastWaited = waitedMs?.();
  const sample = () => {
    const now = performance.now();
    const waited = waitedMs?.();
    samples.push({ at: now, lateMs: Math.max(0, now - last - 5), waitedMs: waited !== undefined && lastWaited !== undefined ? waited - lastWaited : undefined });
    last = now;
    lastWaited = waited;
  };
  const timer = setInterval(sample, 5);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}
