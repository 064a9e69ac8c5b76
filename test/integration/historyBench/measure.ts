import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { eventually } from '../../support/eventually.mjs';
import { busiestOtherThread, clocksProbe, threadsRan, timesBetween, type ThreadClocks } from '../bench/threads';
import { blockingMonitor, type LateSample } from '../support/blockingMonitor';

/**
 * How the extension host's thread fares while the extension reads a repository of 10,000 commits
 * (generate.ts): the first read after the first scan, then reads started by changing the
 * `rustReview.baseline` setting, to the tag `start` (the history and a comparison with it) and
 * back to none. For each: how long until the history is in the store, the longest gap between
 * the samples of a 5 ms timer on the host's thread (a block) with what that thread ran and waited
 * for a core in it, its time on a core over the whole read, the busiest other thread's that still
 * runs after it (the analysis worker, V8's helpers), and the threads the read started (the history
 * worker's, on the desktop). It asserts nothing (`npm run bench:history`). It reads
 * only what every version of the extension's test API has, so that it measures an older tree too.
 */
const EXTENSION_ID = 'rust-takehome.rust-takehome-review';
const WAIT_MS = 300_000;
const READS = 6;
const IDLE_MS = 10_000;

function print(label: string, value: string): void {
  console.log(`bench:history: ${label.padEnd(28)} ${value}`);
}

/**
 * Every thread's time on a core, read every 20 ms: a history worker's thread is gone from
 * /proc once the worker is terminated, so its last reading is what it ran.
 */
function threadSampler(): { stop(): Map<string, number> } {
  const seen = threadsRan();
  const sample = () => {
    for (const [thread, ms] of threadsRan()) seen.set(thread, Math.max(ms, seen.get(thread) ?? 0));
  };
  const timer = setInterval(sample, 20);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return seen;
    },
  };
}

/** The threads that a read started (its worker's, on the desktop), and what they ran. */
function newThreads(before: Map<string, number>, seen: Map<string, number>): string {
  const started = [...seen].filter(([thread]) => !before.has(thread)).map(([, ms]) => ms);
  return started.length === 0 ? 'none' : `${started.length}, on a core ${started.reduce((a, b) => a + b, 0).toFixed(0)} ms (the busiest ${Math.max(...started).toFixed(0)} ms)`;
}

function readSummary(samples: LateSample<ThreadClocks>[], elapsedMs: number, otherThreads: ReturnType<typeof busiestOtherThread>): string {
  let worst = 1;
  for (let i = 1; i < samples.length; i++) if (samples[i].lateMs > samples[worst].lateMs) worst = i;
  const gap = timesBetween('host', samples[worst - 1], samples[worst]);
  const whole = timesBetween('host', samples[0], samples[samples.length - 1]);
  const blocks = samples.filter((s) => s.lateMs > 45).length;
  // Under load a gap is mostly the thread waiting for a core: the most it ran in one gap bounds its own longest block.
  let mostRan = 0;
  for (let i = 1; i < samples.length; i++) mostRan = Math.max(mostRan, timesBetween('host', samples[i - 1], samples[i])?.ranMs ?? 0);
  return [
    `took ${elapsedMs.toFixed(0)} ms`,
    `longest block ${(samples[worst].lateMs + 5).toFixed(0)} ms (host ran ${gap?.ranMs.toFixed(0) ?? '?'}, waited ${gap?.waitedMs.toFixed(0) ?? '?'})`,
    `the most the host ran in one gap ${mostRan.toFixed(0)} ms`,
    `gaps over 50 ms: ${blocks}`,
    `host on a core ${whole?.ranMs.toFixed(0) ?? '?'} ms, waited ${whole?.waitedMs.toFixed(0) ?? '?'} ms`,
    `busiest other running thread ${otherThreads ? `${otherThreads.ranMs.toFixed(0)} ms (next ${otherThreads.runnerUpMs.toFixed(0)})` : '?'}`,
  ].join('; ');
}

export async function measureHistory(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.firstScan;
  const setBaseline = (value: string | undefined) => vscode.workspace.getConfiguration('rustReview').update('baseline', value, vscode.ConfigurationTarget.Workspace);
  try {
    for (let read = 0; read < READS; read++) {
      const previous = api.history.current;
      const threadsBefore = threadsRan();
      const sampler = threadSampler();
      const monitor = blockingMonitor(clocksProbe(undefined));
      const started = performance.now();
      // The first read starts by itself after the first scan; each later one with a change of baseline.
      if (read > 0) await setBaseline(read % 2 === 1 ? 'start' : undefined);
      const current = await eventually(() => api.history.current, (now) => now !== undefined && now !== previous, 'the history is read', WAIT_MS, 5);
      const elapsed = performance.now() - started;
      // What the store's change starts on the host (the redraw, the card) runs in the next turns.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const samples = monitor.stop();
      const seen = sampler.stop();
      const history = current?.history;
      const what = !history ? 'no history' : history.available ? `${history.commits.length} commits` : `no history: ${history.reason}`;
      const label = read === 0 ? 'first read' : `read ${read} (${read % 2 === 1 ? 'baseline start' : 'no baseline'})`;
      print(label, `${what}; ${readSummary(samples, elapsed, busiestOtherThread(threadsBefore, threadsRan()))}; threads started: ${newThreads(threadsBefore, seen)}`);
    }
    // For comparison: the same measures over 10 s without a read (VS Code's own work, the bench's sampling).
    const threadsBefore = threadsRan();
    const sampler = threadSampler();
    const monitor = blockingMonitor(clocksProbe(undefined));
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const samples = monitor.stop();
    const seen = sampler.stop();
    print('no read, 10 s', `${readSummary(samples, performance.now() - started, busiestOtherThread(threadsBefore, threadsRan()))}; threads started: ${newThreads(threadsBefore, seen)}`);
    for (const line of api.log.recentLines.filter((l) => l.includes('history read in'))) print('log', line);
  } finally {
    await setBaseline(undefined);
  }
}
