/** One sample of the monitor below. */
export interface LateSample<T = undefined> {
  /** When it was taken, on the `performance.now()` clock. */
  at: number;
  /** How late the timer fired. */
  lateMs: number;
  /** What the monitor's probe read when it was taken. */
  probed: T;
}

/**
 * Samples how late a 5 ms timer fires: a late timer means the extension host's thread was busy.
 * `stop()` returns each sample, the last one taken as it stops: a block that ends just before, as
 * when the awaited work finishes with a long synchronous step, counts. `probe`, when given, is read
 * with each sample, so that a block can be set against what else it measures.
 */
export function blockingMonitor<T = undefined>(probe?: () => T): { stop(): LateSample<T>[] } {
  const samples: LateSample<T>[] = [];
  let last = performance.now();
  const sample = () => {
    const now = performance.now();
    samples.push({ at: now, lateMs: Math.max(0, now - last - 5), probed: probe?.() as T });
    last = now;
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
