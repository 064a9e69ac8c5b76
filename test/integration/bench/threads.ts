import { readdirSync, readFileSync } from 'node:fs';
import type { LateSample } from '../support/blockingMonitor';

// The threads of this process, the extension host, as Linux's scheduler counts them: how long each
// has run on a core, and waited for one while ready to run. The browser, VS Code's server, the
// extension host and the worker share the machine's cores, so a late timer or a slow edit may be
// a thread waiting for a core rather than code running. Elsewhere than Linux nothing is known.

/** The extension host's own thread: a process's first thread has the process's id. */
const HOST_THREAD = String(process.pid);

/** A thread's time on a core, and waiting for one while ready to run, in ms. */
export interface ThreadTimes {
  ranMs: number;
  waitedMs: number;
}

/** A thread's times so far (/proc/…/schedstat: ns running, ns waiting, slices). */
function threadTimes(thread: string): ThreadTimes | undefined {
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

/** The times so far of the host's thread and the worker's, read with each sample of the blocking monitor. */
export interface ThreadClocks {
  host?: ThreadTimes;
  worker?: ThreadTimes;
}

export const clocksProbe =
  (worker: string | undefined) =>
  (): ThreadClocks => ({ host: threadTimes(HOST_THREAD), worker: worker === undefined ? undefined : threadTimes(worker) });

type Sample = LateSample<ThreadClocks>;

/** The last sample taken at or before `at`. */
function lastBy(samples: readonly Sample[], at: number): Sample | undefined {
  let last: Sample | undefined;
  for (const sample of samples) {
    if (sample.at > at) break;
    last = sample;
  }
  return last;
}

/** A thread's times from one sample to a later one. */
export function timesBetween(thread: keyof ThreadClocks, start: Sample | undefined, end: Sample | undefined): ThreadTimes | undefined {
  const [from, to] = [start?.probed[thread], end?.probed[thread]];
  return from && to && { ranMs: to.ranMs - from.ranMs, waitedMs: to.waitedMs - from.waitedMs };
}

/**
 * A thread's times from `from` to `to`, by the samples around them: the last before and the first
 * after. A blocked host thread takes no sample, so a block, or a turn of the thread, is measured
 * with the few ms before it.
 */
export function timesAround(samples: readonly Sample[], thread: keyof ThreadClocks, from: number, to: number): ThreadTimes | undefined {
  return timesBetween(thread, lastBy(samples, from), samples.find((s) => s.at >= to));
}

/** A thread's times so far at `at`, interpolated between the samples around it. */
function timesAt(samples: readonly Sample[], thread: keyof ThreadClocks, at: number): ThreadTimes | undefined {
  const previous = lastBy(samples, at);
  const next = samples.find((s) => s.at > at);
  const [before, after] = [previous?.probed[thread], next?.probed[thread]];
  if (!previous || !before || !next || !after) return before;
  const share = (at - previous.at) / (next.at - previous.at);
  return { ranMs: before.ranMs + share * (after.ranMs - before.ranMs), waitedMs: before.waitedMs + share * (after.waitedMs - before.waitedMs) };
}

/**
 * A thread's times from `from` to `to`, estimated: each end interpolated between the samples around
 * it, as the samples are 5 ms apart and a worker's reply takes a few.
 */
export function timesDuring(samples: readonly Sample[], thread: keyof ThreadClocks, from: number, to: number): ThreadTimes {
  const [start, end] = [timesAt(samples, thread, from), timesAt(samples, thread, to)];
  return start && end ? { ranMs: end.ranMs - start.ranMs, waitedMs: end.waitedMs - start.waitedMs } : { ranMs: 0, waitedMs: 0 };
}
