/**
 * Samples how late a 5 ms timer fires: a late timer means the extension host's thread was busy.
 * `stop()` returns each sample's lateness in milliseconds, the last one taken as it stops: a block
 * that ends just before, as when the awaited work finishes with a long synchronous step, counts.
 */
export function blockingMonitor(): { stop(): number[] } {
  const lags: number[] = [];
  let last = performance.now();
  const sample = () => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - 5));
    last = now;
  };
  const timer = setInterval(sample, 5);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return lags;
    },
  };
}
