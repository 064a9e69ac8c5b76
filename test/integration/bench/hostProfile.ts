import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

/**
 * A CPU profile and a sampled allocation profile of the extension host's thread over a stretch of
 * the bench, written where RUST_REVIEW_BENCH_PROFILE says (a path prefix; `-<name>.cpuprofile`
 * and `-<name>.heapprofile` are added), for DevTools or a comparison by function; without it,
 * nothing is recorded. Objects collected young are sampled too: they are what an edit's garbage is.
 */
export async function profileHost(name: string): Promise<() => Promise<void>> {
  const prefix = process.env.RUST_REVIEW_BENCH_PROFILE;
  if (!prefix) return () => Promise.resolve();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const { profile: allocations } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify(profile));
    writeFileSync(`${prefix}-${name}.heapprofile`, JSON.stringify(allocations));
    session.disconnect();
  };
}
