import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import * as vscode from 'vscode';
import type { EditLatency, ExtensionApi } from '../../../src/api';
import { eventually } from '../../support/eventually.mjs';
import { blockingMonitor, type LateSample } from '../support/blockingMonitor';
import { folder } from '../support/workspace';
import { profileHost } from './hostProfile';
import { busiestOtherThread, clocksProbe, threadsRan, timesAround, timesBetween, timesDuring, type ThreadClocks } from './threads';

/**
 * The editor's speed, measured inside a real VS Code: activation to the first hints, a full scan
 * of a 100-file workspace, and keystroke to updated hints in a 5,000-line file, with how long the
 * extension host's thread was blocked meanwhile, without and with the scorecard open. It prints
 * figures; it asserts nothing, since machines are noisy (`npm run bench:editor`).
 */
const EXTENSION_ID = 'rust-takehome.rust-takehome-review';

function print(label: string, value: string): void {
  console.log(`bench: ${label.padEnd(52)} ${value}`);
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
const median = (values: number[]) => quantile(values, 0.5);
const max = (values: number[]) => Math.max(...values);
/** Median, 90th percentile and maximum, in milliseconds. */
const spread = (values: number[], digits = 0) => `${[median(values), quantile(values, 0.9), max(values)].map((v) => v.toFixed(digits)).join(' / ')} ms`;

/** Edits timed in the 5,000-line file, after the first. */
const EDITS = 40;
/** Edits with the scorecard open, each given time for the panel's redraw (200 ms after an update) to run. */
const PANEL_EDITS = 10;
const PANEL_REDRAW_WAIT_MS = 400;

const waitedText = (ms: number | undefined) => (ms === undefined ? '' : ` (waited for a core ${ms.toFixed(0)})`);

/** How often a 5 ms timer came over 10 ms late, and the worst lateness, with how long the host's thread waited for a core meanwhile. */
function blockedSummary(samples: LateSample<ThreadClocks>[]): string {
  // A late sample's gap is the one since the sample before it.
  const worst = [...samples.keys()]
    .sort((a, b) => samples[b].lateMs - samples[a].lateMs)
    .slice(0, 5)
    .map((i) => `${samples[i].lateMs.toFixed(0)}${waitedText(timesBetween('host', samples[i - 1], samples[i])?.waitedMs)}`)
    .join(', ');
  return `5 ms samples over 10 ms: ${samples.filter((s) => s.lateMs > 10).length} of ${samples.length}; worst ${worst} ms`;
}

interface GcPause {
  /** On the `performance.now()` clock. */
  startedAt: number;
  ms: number;
  major: boolean;
}

/** The garbage collector's pauses of the extension host's thread, from Node's performance timeline. */
function gcMonitor(): { stop(): GcPause[] } {
  const pauses: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      pauses.push({ startedAt: entry.startTime, ms: entry.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return pauses;
    },
  };
}

function gcSummary(pauses: GcPause[]): string {
  const longest = [...pauses]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((p) => `${p.ms.toFixed(1)}${p.major ? ' (full)' : ''}`)
    .join(', ');
  return `${pauses.length} pauses, ${pauses.reduce((sum, p) => sum + p.ms, 0).toFixed(0)} ms in all; longest ${longest} ms`;
}

/** Milliseconds of garbage collection within a span of the host's thread. */
function gcWithin(pauses: readonly GcPause[], from: number, ms: number): number {
  return pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.startedAt + p.ms, from + ms) - Math.max(p.startedAt, from)), 0);
}

/**
 * The host thread's times in the gap between the blocking monitor's samples that holds a drawing
 * turn: the thread ran at most that long in the turn, since the turn lies within the gap.
 */
const turnGap = (f: EditLatency, samples: readonly LateSample<ThreadClocks>[]) => timesAround(samples, 'host', f.longestDrawTurnAt, f.longestDrawTurnAt + f.longestDrawTurnMs);

/** The drawing turns over the 10 ms target, each with the garbage collection within it and the host thread's times around it. */
function longTurnsSummary(flushes: readonly EditLatency[], pauses: readonly GcPause[], samples: readonly LateSample<ThreadClocks>[]): string {
  const long = flushes.filter((f) => f.longestDrawTurnMs > 10);
  const each = long.map((f) => {
    const gap = turnGap(f, samples);
    const times = gap ? `; in the gap between samples holding it, the thread ran ${gap.ranMs.toFixed(1)} and waited for a core ${gap.waitedMs.toFixed(1)}` : '';
    return `${f.longestDrawTurnMs.toFixed(1)} (GC ${gcWithin(pauses, f.longestDrawTurnAt, f.longestDrawTurnMs).toFixed(1)}${times})`;
  });
  return `${long.length} of ${flushes.length}${each.length > 0 ? `: ${each.join(', ')} ms` : ''}`;
}

/** How long the bench waits for hints, and how often it looks: often, as the latencies it reads are timed. */
const WAIT_MS = 60_000;
const POLL_MS = 2;

const rustDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rust-review');

/** A realistic file: many functions with the patterns the rules look at. */
function generatedFile(functions: number): string {
  const body = (i: number) => `
/// Handles request ${i}.
pub async fn handle_${i}(store: &Store, line: &str) -> Result<String, StoreError> {
    let key = line.split_whitespace().nth(1).unwrap();
    let value = store.get(key).await?;
    for item in value.items.iter() {
        let copy = item.clone();
        println!("{}", copy.name.unwrap_or_default());
    }
    Ok(format!("{}", value.text.clone()))
}
`;
  return Array.from({ length: functions }, (_, i) => body(i)).join('');
}

export async function measure(): Promise<void> {
  const workspace = folder();

  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  // The workspace holds a Cargo.toml, so VS Code activated the extension before this code ran;
  // the extension records its own times.
  const api = await extension.activate();
  const main = vscode.Uri.joinPath(workspace, 'src/main.rs');
  await vscode.window.showTextDocument(main);
  await eventually(() => rustDiagnostics(main).length > 0 && api.timings.firstHintsAt !== undefined, Boolean, 'main.rs shows its first hints', WAIT_MS, POLL_MS);
  print('activation to first hints in the active editor', `${(api.timings.firstHintsAt ?? NaN) - api.timings.activatedAt} ms`);
  await api.firstScan;

  // A full scan of 100 files (the sample's own and generated ones), timed by the host itself.
  for (let i = 0; i < 92; i++) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspace, `src/generated/g${i}.rs`), new TextEncoder().encode(generatedFile(8)));
  }
  const scanMonitor = blockingMonitor(clocksProbe(undefined));
  const scan = await api.host.scanWorkspace();
  const scanLags = scanMonitor.stop();
  print(`full scan of ${scan.files} files`, `${scan.ms} ms; host thread blocked: ${blockedSummary(scanLags)}`);

  // Keystrokes in a 5,000-line file: each edit waits out the debounce, then times edit to hints.
  const big = vscode.Uri.joinPath(workspace, 'src/big.rs');
  await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(generatedFile(455)));
  const ranBeforeOpening = threadsRan();
  const document = await vscode.workspace.openTextDocument(big);
  const editor = await vscode.window.showTextDocument(document);
  await eventually(() => rustDiagnostics(big).length > 0, Boolean, 'big.rs shows hints', WAIT_MS, POLL_MS);
  print('lines in the edited file', String(document.lineCount));
  const debounceMs = vscode.workspace.getConfiguration('rustReview').get<number>('debounceMs', 300);
  // The first edit right after opening also waits for the worker's first full analysis of the
  // document (and a cold JIT): reported on its own, so that the series below is typing.
  const beforeFirst = api.host.stats.editLatencies.length;
  await editor.edit((edit) => edit.insert(new vscode.Position(50, 0), '    let first = y.unwrap();\n'));
  await eventually(() => api.host.stats.editLatencies.length > beforeFirst, Boolean, 'the hints of the first edit are drawn', WAIT_MS, POLL_MS);
  const first = api.host.stats.editLatencies[api.host.stats.editLatencies.length - 1];
  print('first edit after opening: sent to hints drawn', `${first.hintsMs.toFixed(0)} ms (worker ${first.workerMs.toFixed(0)} ms)`);
  // The worker's thread, to tell its waits for a core from its work.
  const worker = busiestOtherThread(ranBeforeOpening, threadsRan());
  if (worker) print("  the worker's thread, the busiest since opening", `${worker.ranMs.toFixed(0)} ms on a core (the next busiest ${worker.runnerUpMs.toFixed(0)} ms)`);
  const hostMonitor = () => blockingMonitor(clocksProbe(worker?.thread));
  const editToHints: number[] = [];
  // When VS Code reports each edit to the extension host: the rest of the time from editor.edit() is the workbench's.
  const editToEvent: number[] = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument(() => (changedAt = performance.now()));
  const editMonitor = hostMonitor();
  const editGc = gcMonitor();
  // A collection's pause grows with what is alive, so the heap the edits start with is printed beside the pauses.
  const heapAtStart = getHeapStatistics().used_heap_size;
  const stopProfile = await profileHost('edits');
  for (let i = 0; i < EDITS; i++) {
    const line = 100 + i * 120;
    const before = api.host.stats.editLatencies.length;
    const started = performance.now();
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), `    let x${i} = y.unwrap();\n`));
    await eventually(() => api.host.stats.editLatencies.length > before, Boolean, 'the hints of the edit are drawn', WAIT_MS, POLL_MS);
    editToHints.push(performance.now() - started - debounceMs);
    editToEvent.push(changedAt - started);
  }
  await stopProfile();
  const editLags = editMonitor.stop();
  const editGcPauses = editGc.stop();
  const flushes = api.host.stats.editLatencies.slice(-EDITS);
  print(`${EDITS} edits, each a new line (median / p90 / max)`, '');
  print('  edit sent (after the debounce) to hints drawn', spread(flushes.map((f) => f.hintsMs)));
  const repliedAt = (f: EditLatency) => f.flushedAt + f.workerMs;
  const drawnAt = (f: EditLatency) => f.flushedAt + f.hintsMs;
  const workerTimes = (f: EditLatency) => timesDuring(editLags, 'worker', f.flushedAt, repliedAt(f));
  const workerWaited = (f: EditLatency) => workerTimes(f).waitedMs;
  const drawingWaited = (f: EditLatency) => timesDuring(editLags, 'host', repliedAt(f), drawnAt(f)).waitedMs;
  print('    the worker round trip', spread(flushes.map((f) => f.workerMs)));
  print("      less the worker thread's waits for a core", spread(flushes.map((f) => f.workerMs - workerWaited(f))));
  print("      the worker's thread on a core meanwhile", spread(flushes.map((f) => workerTimes(f).ranMs)));
  print("      the worker's own time on it", spread(flushes.map((f) => f.analysisMs), 1));
  print('    the hints drawn, on the host thread, in all', spread(flushes.map((f) => f.drawMs), 1));
  print('      the longest turn of the host thread', spread(flushes.map((f) => f.longestDrawTurnMs), 1));
  print('        less the garbage collection within it', spread(flushes.map((f) => f.longestDrawTurnMs - gcWithin(editGcPauses, f.longestDrawTurnAt, f.longestDrawTurnMs)), 1));
  print('        on a core, at most', spread(flushes.map((f) => Math.min(f.longestDrawTurnMs, turnGap(f, editLags)?.ranMs ?? Infinity)), 1));
  print('        turns over 10 ms', longTurnsSummary(flushes, editGcPauses, editLags));
  // What is left when the threads waited for no core and the host's collector did not run: the extension's own part.
  // The host's thread may wait for a core during a collection, so of the two only the larger is taken off.
  const ownMs = (f: EditLatency) => f.hintsMs - workerWaited(f) - Math.max(drawingWaited(f), gcWithin(editGcPauses, repliedAt(f), f.hintsMs - f.workerMs));
  print("    edit sent to hints drawn, less the threads' waits for a core and the host's GC", spread(flushes.map(ownMs)));
  const slowest = flushes.reduce((a, b) => (b.hintsMs > a.hintsMs ? b : a));
  print(
    '    the slowest',
    `${slowest.hintsMs.toFixed(0)} ms: the worker ${slowest.workerMs.toFixed(0)} ms (its own time ${slowest.analysisMs.toFixed(1)}; its thread ran ${workerTimes(slowest).ranMs.toFixed(0)} and waited for a core ${workerWaited(slowest).toFixed(0)}), ` +
      `drawing ${slowest.drawMs.toFixed(1)} ms (the host's thread waited for a core ${drawingWaited(slowest).toFixed(0)}); the host's GC over the whole trip ${gcWithin(editGcPauses, slowest.flushedAt, slowest.hintsMs).toFixed(1)} ms`,
  );
  print('  host thread blocked', blockedSummary(editLags));
  print('    of it, garbage collection', `${gcSummary(editGcPauses)}; ${(heapAtStart / 2 ** 20).toFixed(0)} MiB of heap in use as the edits started`);
  // Each thread's time on a core over all the edits: waits for a core do not count in it, unlike in the wall times above.
  const onCore = (thread: keyof ThreadClocks) => ((timesBetween(thread, editLags[0], editLags[editLags.length - 1])?.ranMs ?? NaN) / EDITS).toFixed(1);
  print('  on a core per edit, all the thread did (VS Code\'s work too)', `host ${onCore('host')} ms, worker ${onCore('worker')} ms`);
  // The whole trip, from the test's edit call: adds VS Code's own trip through the workbench and the debounce timer's lateness.
  print('  editor.edit() to hints drawn, less the debounce', spread(editToHints));
  print('    editor.edit() to the change event', spread(editToEvent));
  // Once typing pauses, the parts VS Code moved with the text are set on their new lines.
  const settleMonitor = hostMonitor();
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const settleLags = settleMonitor.stop();
  const concernsAt = new Set(api.host.findingsFor(big).filter((f) => f.polarity === 'concern').map((f) => `${f.range.start.line}:${f.range.start.character}`));
  const shown = rustDiagnostics(big);
  const inPlace = shown.filter((d) => concernsAt.has(`${d.range.start.line}:${d.range.start.character}`)).length;
  print('  typing paused, moved hints set afresh: host blocked', `${blockedSummary(settleLags)}; then ${inPlace} of ${shown.length} diagnostics on their concern's line`);

  // A reviewer keeps the scorecard open beside the code: it is redrawn after each edit, from every finding of the workspace.
  await vscode.commands.executeCommand('rustReview.showScorecard');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const besidePanel = await vscode.window.showTextDocument(document);
  const panelMonitor = hostMonitor();
  const panelGc = gcMonitor();
  for (let i = 0; i < PANEL_EDITS; i++) {
    // The host keeps the last 50 latencies: a new one is told by its identity.
    const latencies = api.host.stats.editLatencies;
    const last = latencies[latencies.length - 1];
    await besidePanel.edit((edit) => edit.insert(new vscode.Position(160 + i * 120, 0), `    let z${i} = y.unwrap();\n`));
    await eventually(() => latencies[latencies.length - 1] !== last, Boolean, 'the hints of the edit are drawn', WAIT_MS, POLL_MS);
    await new Promise((resolve) => setTimeout(resolve, PANEL_REDRAW_WAIT_MS));
  }
  const panelLags = panelMonitor.stop();
  print(`${PANEL_EDITS} edits with the scorecard open, host thread blocked`, blockedSummary(panelLags));
  print('  of it, garbage collection', gcSummary(panelGc.stop()));
  // The same view built with no edit under way, so that a block is the extension's own.
  const findingCount = api.host.allFindings().reduce((n, f) => n + f.findings.length, 0);
  const viewMonitor = hostMonitor();
  const viewMs: number[] = [];
  for (let i = 0; i < PANEL_EDITS; i++) {
    const started = performance.now();
    await api.scorecard.view();
    viewMs.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const viewLags = viewMonitor.stop();
  print(`the scorecard's view of ${findingCount} findings, built alone`, `${spread(viewMs)}; host thread blocked ${blockedSummary(viewLags)}`);
  changes.dispose();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

  // The peer: the same edits of a plain text file as long, which no extension analyses, at the same pace.
  const plain = vscode.Uri.joinPath(workspace, 'big.txt');
  await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode(generatedFile(455)));
  const plainEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
  const plainToEvent: number[] = [];
  const plainChanges = vscode.workspace.onDidChangeTextDocument(() => (changedAt = performance.now()));
  for (let i = 0; i < EDITS; i++) {
    const started = performance.now();
    await plainEditor.edit((edit) => edit.insert(new vscode.Position(100 + i * 120, 0), `    let x${i} = y.unwrap();\n`));
    await eventually(() => changedAt > started, Boolean, 'the extension host hears of the edit', WAIT_MS, POLL_MS);
    plainToEvent.push(changedAt - started);
    await new Promise((resolve) => setTimeout(resolve, debounceMs + median(editToHints)));
  }
  plainChanges.dispose();
  print('peer, a plain text file: editor.edit() to the change event', spread(plainToEvent));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
