import { deepStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { anchorFinding, FILE_ANCHOR, FileFindings } from '../../src/analysis/anchoredFindings';
import { crateModelOf, judgeFile, judgeFileFindings, type CrateModel } from '../../src/analysis/crate';
import type { DocumentAnalysis } from '../../src/analysis/engine';
import { analyzeManifest } from '../../src/analysis/manifest';
import type { CrateManifest, FileAnalysis } from '../../src/analysis/model';
import { DocumentStore } from '../../src/worker/documents';
import { analyze, analyzer } from './support/analyzer';

const SHOP = path.resolve('test/fixtures/crates/shop');
const WORKSPACE = path.resolve('test/fixtures/crates/workspace');

function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = dir ? `${dir}/${name}` : name;
    return statSync(path.join(root, file)).isDirectory() ? filesUnder(root, file) : [file];
  });
}

async function loadCrate(root: string): Promise<{ analyses: FileAnalysis[]; manifests: CrateManifest[] }> {
  const files = filesUnder(root);
  const analyses = await Promise.all(files.filter((f) => f.endsWith('.rs')).map((f) => analyze(readFileSync(path.join(root, f), 'utf8'), f)));
  const manifests = files.filter((f) => f.endsWith('Cargo.toml')).map((f) => analyzeManifest(f, readFileSync(path.join(root, f), 'utf8')).manifest);
  return { analyses, manifests };
}

const judged = (model: CrateModel, analysis: FileAnalysis, rule: string) =>
  judgeFile(model, analysis)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} [${f.context}] ${f.message}`);

describe('crate model', () => {
  let analyses: FileAnalysis[];
  let model: CrateModel;
  const analysisOf = (file: string) => analyses.find((a) => a.file === file)!;
  before(async () => {
    const crate = await loadCrate(SHOP);
    analyses = crate.analyses;
    model = crateModelOf(analyses, crate.manifests);
  });

  it("finds Cargo's targets by the default layout", () => {
    deepStrictEqual(
      model.targets.map((t) => `${t.kind} ${t.root}`).sort(),
      ['bin src/bin/tool.rs', 'bin src/main.rs', 'example examples/demo.rs', 'lib src/lib.rs', 'test tests/it.rs'],
    );
  });

  it('walks each module tree through `mod` items, `mod.rs`, the 2018 layout and `#[path]`', () => {
    const role = (file: string) => {
      const found = model.role(file);
      return found && `${found.targets.join('+')}${found.testOnly ? ' test-only' : ''}${found.exported ? ' exported' : ''}`;
    };
    deepStrictEqual(
      Object.fromEntries(analyses.map((a) => [a.file, role(a.file)]).sort()),
      {
        'examples/demo.rs': 'example',
        'src/bin/tool.rs': 'bin',
        'src/cli.rs': 'bin',
        'src/legacy_io.rs': 'lib exported',
        'src/lib.rs': 'lib exported',
        'src/main.rs': 'bin',
        'src/report.rs': 'lib',
        'src/store/disk.rs': 'lib exported',
        'src/store/mod.rs': 'lib exported',
        'src/tests.rs': 'lib test-only',
        'tests/it.rs': 'test',
      },
    );
  });

  it('makes a file reached only through `#[cfg(test)] mod tests;` test code', () => {
    deepStrictEqual(judged(model, analysisOf('src/tests.rs'), 'unwrap').map((f) => f.replace(/ \(the crate defines.*$/, '')), [
      '5:44 [test] `.unwrap()` panics on `None`/`Err` instead of handling it',
    ]);
  });

  it("notes that an `.unwrap()` may call the crate's own method of that name", () => {
    deepStrictEqual(judged(model, analysisOf('src/main.rs'), 'unwrap'), [
      "7:39 [code] `.unwrap()` panics on `None`/`Err` instead of handling it (the crate defines `MaybeReport::unwrap`: this call may be that, not std's)",
    ]);
  });

  it('reports printing from library code as a concern, and leaves it neutral in binaries', () => {
    deepStrictEqual(judged(model, analysisOf('src/lib.rs'), 'print-in-library'), ['13:5 [code] `println!`-style output from library code']);
    deepStrictEqual(judged(model, analysisOf('src/legacy_io.rs'), 'print-in-library').length, 1);
    for (const file of ['src/main.rs', 'src/cli.rs', 'src/bin/tool.rs']) {
      deepStrictEqual([judged(model, analysisOf(file), 'print-in-library').length, judged(model, analysisOf(file), 'print-output').length], [0, 1], file);
    }
  });

  it("reports a blocking call through the crate's own functions with its path, and not when handed to spawn_blocking", () => {
    deepStrictEqual(judged(model, analysisOf('src/main.rs'), 'blocking-in-async'), [
      "7:17 [code] `Store::new` blocks the runtime thread through the crate's own code: main → Store::new → read_all → File::open",
    ]);
    // `Self::` names the method's own type.
    deepStrictEqual(judged(model, analysisOf('src/store/disk.rs'), 'blocking-in-async'), [
      "55:17 [code] `Self::new` blocks the runtime thread through the crate's own code: Store::reopen → Store::new → read_all → File::open",
    ]);
  });

  it('records only the calls the call graph can follow: not into std without blocking, nor in handed-off work', async () => {
    const file = await analyze(
      'use std::mem;\n\nfn helper() {}\n\nasync fn serve(v: &mut Vec<u8>) {\n    mem::take(v);\n    std::fs::read("x").ok();\n    helper();\n    tokio::task::spawn_blocking(|| helper());\n}\n',
      'src/main.rs',
    );
    deepStrictEqual(
      file.facts.calls.map((call) => call.callee),
      ['std::fs::read', 'helper', 'tokio::task::spawn_blocking'],
    );
  });

  it('follows a path again once the manifests say whose it is', async () => {
    const main = await analyze('mod store;\n\n#[tokio::main]\nasync fn main() {\n    store::load();\n}\n', 'src/main.rs');
    const store = await analyze('pub fn load() {\n    std::fs::read("data").ok();\n}\n', 'src/store.rs');
    const manifest = (dependencies: string) => analyzeManifest('Cargo.toml', `[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\n${dependencies}`).manifest;
    const crate = crateModelOf([main, store], [manifest('')]);
    const blocking = () => judged(crate, main, 'blocking-in-async');
    deepStrictEqual(blocking(), ["5:5 [code] `store::load` blocks the runtime thread through the crate's own code: main → load → std::fs::read"]);
    // A dependency named `store` makes `store::load` that crate's function, not the module's.
    crate.setManifests([manifest('store = "1"\n')]);
    deepStrictEqual(blocking(), []);
    crate.setManifests([manifest('')]);
    strictEqual(blocking().length, 1);
  });

  it("gives the library's exported API one documentation figure, at its root", () => {
    deepStrictEqual(judged(model, analysisOf('src/lib.rs'), 'api-doc-coverage'), ['1:1 [code] 14 of 15 exported items documented (93%)']);
    for (const analysis of analyses) strictEqual(judged(model, analysis, 'undocumented-pub').length, 0, analysis.file);
  });

  it("reports an opaque application error in the library's exported API, and not as a strength there", () => {
    deepStrictEqual(judged(model, analysisOf('src/lib.rs'), 'anyhow-in-library-api'), ['21:8 [code] `load_config` returns `anyhow::Result<String>` from the library\'s API']);
    deepStrictEqual(judged(model, analysisOf('src/lib.rs'), 'anyhow'), []);
  });

  it("judges `let _ =` by what the crate's own function returns: a `Result` is an error ignored, `()` nothing to report", () => {
    deepStrictEqual(judged(model, analysisOf('src/main.rs'), 'let-underscore-result'), [
      '9:5 [code] `let _ =` ignores the `std::io::Result<()>` that `store.save` returns: its error is lost',
    ]);
    deepStrictEqual(judged(model, analysisOf('src/main.rs'), 'let-underscore-discard'), []);
    // In `Drop::drop` the discard is the idiom, whatever the call returns.
    deepStrictEqual(judged(model, analysisOf('src/store/disk.rs'), 'let-underscore-result'), []);
    // `Result<T, T>` is an outcome, not an error to lose.
    deepStrictEqual(judged(model, analysisOf('src/store/disk.rs'), 'let-underscore-discard').length, 2);
  });

  it("keeps a stringly error type only in the library's exported API", () => {
    deepStrictEqual(judged(model, analysisOf('src/lib.rs'), 'opaque-error-type').length, 1);
    deepStrictEqual(judged(model, analysisOf('src/cli.rs'), 'opaque-error-type'), []);
  });

  it("needs a lifetime that a bare type of the crate hides, and still calls the one with nothing hidden elidable", () => {
    deepStrictEqual(judged(model, analysisOf('src/store/mod.rs'), 'elidable-lifetime'), [
      "17:14 [code] lifetime can be elided: `'a` is the only input lifetime, so elision gives it to the output",
    ]);
  });

  it("judges an open document's findings, held group by group, exactly as it judges the file's", async () => {
    const store = new DocumentStore(await analyzer());
    let added = 0;
    for (const analysis of analyses) {
      const document = store.open(`mem:${analysis.file}`, analysis.file, 1, readFileSync(path.join(SHOP, analysis.file), 'utf8')) as DocumentAnalysis;
      const held = new FileFindings(document.groups, document.fileFindings.map((f) => anchorFinding(f, FILE_ANCHOR)));
      const judgedFile = judgeFile(model, analysis);
      deepStrictEqual(judgeFileFindings(model, document.summary, held).placed(), judgedFile, analysis.file);
      added += judgedFile.filter((f) => !analysis.findings.some((g) => g.startIndex === f.startIndex && g.rule === f.rule)).length;
      store.close(`mem:${analysis.file}`);
    }
    strictEqual(added > 0, true, 'the crate relabels or adds findings in some file');
  });

  it("judges an open document's group again only once the crate model has changed", async () => {
    const { analyses: files, manifests } = await loadCrate(SHOP);
    const fresh = crateModelOf(files, manifests);
    const store = new DocumentStore(await analyzer());
    const document = store.open('mem:src/main.rs', 'src/main.rs', 1, readFileSync(path.join(SHOP, 'src/main.rs'), 'utf8')) as DocumentAnalysis;
    const held = new FileFindings(document.groups, []);
    const unwrapNote = (judgedFindings: FileFindings) => judgedFindings.placed().filter((f) => f.rule === 'unwrap').map((f) => /the crate defines/.test(f.message));
    const first = judgeFileFindings(fresh, document.summary, held);
    const again = judgeFileFindings(fresh, document.summary, held);
    deepStrictEqual(unwrapNote(first), [true]);
    strictEqual(
      again.runs.every((run, i) => run.findings === first.runs[i].findings),
      true,
      'the same findings, not judged again, while nothing changed',
    );
    // The file that defines `MaybeReport::unwrap` goes: the note goes with it.
    fresh.removeFile('src/report.rs');
    deepStrictEqual(unwrapNote(judgeFileFindings(fresh, document.summary, held)), [false]);
    store.close('mem:src/main.rs');
  });

  it('hands back the same findings when it has nothing to judge', () => {
    // A binary's print is kept as it is: the judgement ran and changed nothing.
    const tool = analysisOf('src/bin/tool.rs');
    deepStrictEqual(tool.findings.map((f) => f.rule), ['print-output']);
    strictEqual(judgeFile(model, tool), tool.findings);
  });
});

describe('crate model of a workspace', () => {
  it("walks each member's targets from its own manifest, declared paths and the 2018 layout included", async () => {
    const { analyses, manifests } = await loadCrate(WORKSPACE);
    const model = crateModelOf(analyses, manifests);
    deepStrictEqual(model.targets.map((t) => `${t.package}: ${t.kind} ${t.root}`).sort(), ['app: bin app/src/start.rs', 'core: lib core/src/lib.rs']);
    deepStrictEqual(
      analyses.map((a) => `${a.file} ${model.role(a.file)?.targets.join('+')}${model.role(a.file)?.exported ? ' exported' : ''}`).sort(),
      ['app/src/args.rs bin', 'app/src/start.rs bin', 'core/src/lib.rs lib exported', 'core/src/net.rs lib exported', 'core/src/net/wire.rs lib exported'],
    );
    const wire = analyses.find((a) => a.file === 'core/src/net/wire.rs')!;
    deepStrictEqual(judged(model, wire, 'print-in-library').length, 1);
  });
});
