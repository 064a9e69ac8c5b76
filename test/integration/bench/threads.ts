import { readdirSync, readFileSync } from 'node:fs';
import type { LateSample } from '../support/blockingMonitor';

// The threads of this process, the extension host, as Linux's scheduler counts them: how long each
// has run on a core, and waited for one while ready to run. The browser, VS Code's server, the
// extension host and the worker share the machine's cores, so a late timer or a slow edit may be
// a thread waiting for a core rather than code running. Elsewhere than Linux nothing is known.

/** The extension host's own thread: a process's first thread has the process's id. */
const HOST_THREAD = String(process.pid);

/** A thread's time on a core and waiting for one so far, in ms (/proc/…/schedstat: ns running, ns waiting, slices). */
function threadTimes(thread: string): { ranMs: number; waitedMs: number } | undefined {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${thread}/schedstat`, 'utf8').split(' ').map(Number);
    return { ranMs: ran / 1e6, waitedMs: waited / 1e6 };
  } catch {
    return undefined;
  }
}

/** Every thread's time on a core so far, by thread id. */
export function threadsRan(): Map<string, number> {
  const ran = new Map<string, number>();
  try {
    for (const thread of readdirSync('/proc/self/task')) {
      const times = threadTimes(thread);
      if (times) ran.set(thread, times.ranMs);
    }
  } catch {
    // No /proc: nothing is known.
  }
  return ran;
}

/**
 * The thread, other than the host's, that ran longest between two readings of threadsRan, and how
 * long the runner-up ran: after a long file opens, the analysis worker's, which analyses it and
 * warms up on a copy of it (V8's helper threads and libuv's pool run far less).
 */
export function busiestOtherThread(before: Map<string, number>, after: Map<string, number>): { thread: string; ranMs: number; runnerUpMs: number } | undefined {
  const ran = [...after]
    .filter(([thread]) => thread !== HOST_THREAD)
    .map(([thread, ms]) => ({ thread, ms: ms - (before.get(thread) ?? 0) }))
    .sort((a, b) => b.ms - a.ms);
  return ran[0] && { thread: ran[0].thread, ranMs: ran[0].ms, runnerUpMs: ran[1]?.ms ?? 0 };
}

/** How long the host's thread and the worker's had waited for a core so far, read with each sample of the blocking monitor. */
export interface Waited {
  host?: number;
  worker?: number;
}

export const waitedProbe =
  (worker: string | undefined) =>
  (): Waited => ({ host: threadTimes(HOST_THREAD)?.waitedMs, worker: worker === undefined ? undefined : threadTimes(worker)?.waitedMs });

/** The last sample taken at or before `at`. */
function lastBy(samples: readonly LateSample<Waited>[], at: number): LateSample<Waited> | undefined {
  let last: LateSample<Waited> | undefined;
  for (const sample of samples) {
    if (sample.at > at) break;
    last = sample;
  }
  return last;
}

function waitedFromTo(thread: keyof Waited, start: LateSample<Waited> | undefined, end: LateSample<Waited> | undefined): number | undefined {
  const [from, to] = [start?.probed[thread], end?.probed[thread]];
  return from === undefined || to === undefined ? undefined : to - from;
}

/**
 * How long a thread waited for a core from `from` to `to`, by the samples around them: the last
 * before and the first after. A blocked host thread takes no sample, so a block, or a turn of the
 * thread, is measured with the few ms before it.
 */
export function waitedAround(samples: readonly LateSample<Waited>[], thread: keyof Waited, from: number, to: number): number | undefined {
  return waitedFromTo(thread, lastBy(samples, from), samples.find((s) => s.at >= to));
}

/** How long a thread waited for a core from `from` to `to`, at least: by the first sample after `from` and the last before `to`. */
export function waitedWithin(samples: readonly LateSample<Waited>[], thread: keyof Waited, from: number, to: number): number {
  const start = samples.find((s) => s.at >= from);
  const end = lastBy(samples, to);
  return (start && end && end.at > start.at && waitedFromTo(thread, start, end)) || 0;
}
