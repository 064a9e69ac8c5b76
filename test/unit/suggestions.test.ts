import { deepStrictEqual, notStrictEqual, ok, strictEqual } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding, ScanReport } from '../../src/analysis/model';
import { signalById } from '../../src/analysis/signals';
import { scanDirectory } from '../../src/cli/scan';
import { assessRubric, type CategoryAssessment } from '../../src/rubric/assessment';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { evidenceFor, suggestLevel } from '../../src/rubric/scoring';

const FIXTURES = path.resolve('test/fixtures');
const BUNDLE = path.resolve('dist');
const REGISTRY = '/usr/share/cargo/registry';

const scan = (root: string) => scanDirectory(root, { threads: 0, bundleDir: BUNDLE });
const assess = (report: ScanReport, findings: readonly Finding[] = report.findings) => assessRubric(DEFAULT_RUBRIC, findings, report.project.codeLines);
/** Each category's suggested level, `-` for none. */
const levels = (assessed: CategoryAssessment[]) => Object.fromEntries(assessed.map((a) => [a.category.id, a.suggestion.level ?? '-']));

/** A finding of a signal at the start of a file, as the analysis would report it. */
function findingOf(rule: string, file: string, context: Finding['context'] = 'code'): Finding {
  const signal = signalById(rule)!;
  return {
    rule,
    category: signal.category,
    polarity: signal.polarity,
    severity: signal.severity,
    message: signal.message,
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    startIndex: 0,
    endIndex: 1,
    context,
    ...(signal.concurrencyModel ? { concurrencyModel: signal.concurrencyModel } : {}),
  };
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'rust-review-suggest-'));
}

describe('suggested levels', function () {
  this.timeout(120_000);
  let careless: ScanReport;
  let careful: ScanReport;
  before(async () => {
    careless = await scan(path.join(FIXTURES, 'careless-takehome'));
    careful = await scan(path.join(FIXTURES, 'careful-takehome'));
  });

  it('does not move with size: three copies of a sample get the same suggestion in every category as one', async () => {
    for (const [sample, once] of [['careless-takehome', careless], ['careful-takehome', careful]] as const) {
      const root = tempDir();
      try {
        for (const copy of ['a', 'b', 'c']) cpSync(path.join(FIXTURES, sample), path.join(root, copy), { recursive: true });
        const thrice = await scan(root);
        strictEqual(thrice.project.codeLines, 3 * once.project.codeLines, sample);
        deepStrictEqual(
          assess(thrice).map((a) => [a.category.id, a.suggestion.level]),
          assess(once).map((a) => [a.category.id, a.suggestion.level]),
          sample,
        );
      } finally {
        rmSync(root, { recursive: true });
      }
    }
  });

  it('finds the careless sample no or worse in error handling and concurrency, the careful one yes in error handling, neither strong-yes', () => {
    const bad = levels(assess(careless));
    const good = levels(assess(careful));
    ok(['no', 'strong-no'].includes(bad['error-handling']), bad['error-handling']);
    ok(['no', 'strong-no'].includes(bad.concurrency), bad.concurrency);
    strictEqual(good['error-handling'], 'yes');
    deepStrictEqual(
      [...Object.values(bad), ...Object.values(good)].filter((level) => level === 'strong-yes'),
      [],
    );
    // The careful sample's strongest categories say what would decide a strong yes instead.
    ok(assess(careful).some((a) => a.suggestion.reason.includes('candidate for strong-yes: ask about')));
  });

  it('caps a category by static mut only where the crate starts threads or tasks', () => {
    const concurrency = DEFAULT_RUBRIC.categories.find((c) => c.id === 'concurrency')!;
    const base = [findingOf('static-mut', 'src/state.rs'), findingOf('bounded-channel', 'src/queue.rs'), findingOf('channel', 'src/queue.rs')];
    const alone = suggestLevel(concurrency, evidenceFor(concurrency, base, 1000));
    ok(!alone.reason.includes('capped by'), alone.reason);
    for (const starter of ['thread-spawn', 'spawn-task']) {
      const threaded = suggestLevel(concurrency, evidenceFor(concurrency, [...base, findingOf(starter, 'src/main.rs')], 1000));
      ok(threaded.reason.includes('capped by `static-mut`'), `${starter}: ${threaded.reason}`);
      ok(threaded.level === 'no' || threaded.level === 'strong-no', `${starter}: ${threaded.level}`);
    }
    // A thread started only by a test does not make the crate's own static mut a race.
    const inTest = suggestLevel(concurrency, evidenceFor(concurrency, [...base, findingOf('thread-spawn', 'src/lib.rs', 'test')], 1000));
    ok(!inTest.reason.includes('capped by'), inTest.reason);
  });

  it('counts typed errors as a strength only where they outnumber the opaque ones', () => {
    const errors = DEFAULT_RUBRIC.categories.find((c) => c.id === 'error-handling')!;
    const typed = (n: number) => Array.from({ length: n }, (_, i) => findingOf('result-fn', `src/typed${i}.rs`));
    const opaque = (n: number) => Array.from({ length: n }, (_, i) => findingOf('opaque-error-type', `src/opaque${i}.rs`));
    const mostlyOpaque = suggestLevel(errors, evidenceFor(errors, [...typed(2), ...opaque(5), findingOf('custom-error-type', 'src/error.rs')], 1000));
    ok(mostlyOpaque.reason.includes('`result-fn` not counted: 2 against 5 `opaque-error-type`'), mostlyOpaque.reason);
    ok(!/kinds? of strength \([^)]*result-fn/.test(mostlyOpaque.reason), mostlyOpaque.reason);
    const mostlyTyped = suggestLevel(errors, evidenceFor(errors, [...typed(5), ...opaque(2), findingOf('custom-error-type', 'src/error.rs')], 1000));
    ok(/2 kinds of strength \(.*`result-fn`/.test(mostlyTyped.reason), mostlyTyped.reason);
    // The opposed concern belongs to the same category and is a concern.
    for (const signal of DEFAULT_RUBRIC.categories.flatMap((c) => c.signals).map((id) => signalById(id)!)) {
      if (!signal.opposedBy) continue;
      const concern = signalById(signal.opposedBy);
      deepStrictEqual([concern?.polarity, concern?.category], ['concern', signal.category], signal.id);
    }
  });

  it('changes no level of the careful sample for one false positive of any low-confidence signal', () => {
    const before = levels(assess(careful));
    const lowConfidence = [...new Set(DEFAULT_RUBRIC.categories.flatMap((c) => c.signals))].filter((id) => {
      const signal = signalById(id);
      return signal?.polarity === 'concern' && !signal.caps;
    });
    ok(lowConfidence.length >= 20, `${lowConfidence.length} low-confidence signals`);
    const changed: string[] = [];
    for (const rule of lowConfidence) {
      const falsePositive = findingOf(rule, 'src/store.rs', signalById(rule)!.category === 'testing' ? 'test' : 'code');
      const after = levels(assess(careful, [...careful.findings, falsePositive]));
      for (const category of Object.keys(before)) if (after[category] !== before[category]) changed.push(`${rule}: ${category} ${before[category]} → ${after[category]}`);
    }
    deepStrictEqual(changed, []);
  });

  it("shows the careless sample's todo! first among its error-handling evidence", () => {
    const errors = assess(careless).find((a) => a.category.id === 'error-handling')!;
    const [first] = errors.evidence.findings;
    deepStrictEqual([first.rule, first.file, first.range.start.line + 1], ['todo', 'src/server.rs', 101]);
    // No more than two of one signal before the others have had their turn.
    const top = errors.evidence.findings.slice(0, 6).map((f) => f.rule);
    ok(top.filter((rule) => rule === 'unwrap').length <= 2, top.join());
  });

  describe('well-regarded crates', () => {
    /**
     * Debian's packaged crates (`apt-get install librust-log-dev librust-regex-dev ..`), each crate's
     * manifest and src/ only. None is strong-no in these categories, but for the exceptions below.
     */
    const CRATES = ['log', 'regex', 'env_logger', 'indexmap', 'petgraph', 'rayon-core', 'crossbeam-channel', 'tokio', 'anyhow', 'thiserror'];
    const JUDGED = ['design', 'concurrency', 'error-handling', 'ownership'];
    /**
     * Strong-no that the code earns by the rubric's own caps, two kinds of high-confidence concern:
     * rayon-core, a thread pool, has `static mut THE_REGISTRY` beside `unsafe impl Send for JobRef`
     * and others without a `// SAFETY:` comment. A candidate's take-home with both would be asked
     * about them, and so would this. log's `static mut LOGGER` caps nothing: log starts no thread.
     */
    const EXCEPTIONS: Record<string, string> = { 'rayon-core/concurrency': 'static-mut,unsafe-send-sync' };

    it('are not strong-no in design, concurrency, error handling or ownership, but for the explained exceptions', async () => {
      const missing = CRATES.filter((name) => !readdirSync(REGISTRY).some((dir) => dir.startsWith(`${name}-`) && /^\d/.test(dir.slice(name.length + 1))));
      deepStrictEqual(missing, [], `install them: apt-get install ${missing.map((n) => `librust-${n.replace(/_/g, '-')}-dev`).join(' ')}`);
      const root = tempDir();
      const strongNo: Record<string, string> = {};
      const table: string[] = [];
      try {
        for (const name of CRATES) {
          const dir = readdirSync(REGISTRY).filter((d) => d.startsWith(`${name}-`) && /^\d/.test(d.slice(name.length + 1))).sort().at(-1)!;
          const crate = path.join(root, name);
          cpSync(path.join(REGISTRY, dir, 'src'), path.join(crate, 'src'), { recursive: true });
          if (existsSync(path.join(REGISTRY, dir, 'Cargo.toml'))) cpSync(path.join(REGISTRY, dir, 'Cargo.toml'), path.join(crate, 'Cargo.toml'));
          const report = await scan(crate);
          notStrictEqual(report.project.codeLines, 0, name);
          const assessed = assess(report);
          table.push(`${name}: ${assessed.map((a) => `${a.category.id}=${a.suggestion.level ?? '-'}`).join(' ')}`);
          for (const a of assessed.filter((a) => JUDGED.includes(a.category.id) && a.suggestion.level === 'strong-no')) {
            const caps = [...new Set(a.evidence.findings.filter((f) => f.polarity === 'concern' && signalById(f.rule)?.caps).map((f) => f.rule))].sort();
            strongNo[`${name}/${a.category.id}`] = caps.join(',');
          }
        }
      } finally {
        rmSync(root, { recursive: true });
      }
      deepStrictEqual(strongNo, EXCEPTIONS, table.join('\n'));
    });
  });
});
