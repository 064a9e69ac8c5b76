import type { CallFact } from '../facts/model';
import { anchorFinding, FILE_ANCHOR, FileFindings, placeFinding } from '../anchoredFindings';
import { byPosition, type AnchoredFinding, type CodeContext, type FileAnalysis, type FileSummary, type Finding, type FindingDescription, type Range, type SignalInfo } from '../model';
import { lastSegment } from '../rules/rule';
import { signalById } from '../signals';
import { functionLabel } from './callGraph';
import type { CrateModel } from './model';
import type { FileRole } from './moduleTree';
import { apiDocCoverage, documentedApi, opaqueErrorInLibraryApi, printInLibrary, undocumentedApi } from './signals';

/** What a judgement knows of the file a finding is in. */
interface Site {
  model: CrateModel;
  role: FileRole | undefined;
}

/** A finding of another signal, as a crate-level judgement makes it. */
function relabel<F extends FindingDescription>(finding: F, signal: SignalInfo, message = signal.message): F {
  const { id, category, polarity, severity } = signal;
  return { ...finding, rule: id, category, polarity, severity, message };
}

/** Code compiled into the crate's library (a module shared with a binary too), not only for its tests. */
function isLibraryCode(role: FileRole | undefined): boolean {
  return role !== undefined && role.targets.includes('lib') && !role.testOnly;
}

/** `Result<(), ()>` or `Result<T, T>`: an outcome (a compare-and-swap's, say) rather than an error to lose. */
function carriesNoError(returns: string): boolean {
  const args = /\bResult\s*<\s*(.+?)\s*,\s*(.+?)\s*>\s*$/.exec(returns);
  return args !== null && args[1].replace(/\s+/g, '') === args[2].replace(/\s+/g, '');
}

/** The subject lists the bare path types among the inputs: one of the crate's that takes a lifetime makes the named lifetime needed. */
function hiddenLifetime<F extends FindingDescription>(finding: F, { model }: Site): F | undefined {
  const types = (finding.subject ?? '').split(',').map((name) => lastSegment(name.trim()));
  return types.some((name) => name !== '' && model.hasLifetimeType(name)) ? undefined : finding;
}

/** How the crate model changes one finding: kept (the same object), dropped, or another finding made of it, placed where it was. */
type Judgement = <F extends FindingDescription>(finding: F, site: Site) => F | undefined;

/** A judgement that notes, in the message, the crate's own methods named like the call. */
function ownMethodNoted(name: string): Judgement {
  return (finding, { model }) => {
    const own = model.callGraph.methodsNamed(name);
    if (own.length === 0) return finding;
    const owners = [...new Set(own.map((fn) => `\`${fn.fact.owner}::${name}\``))].join(', ');
    return { ...finding, message: `${finding.message} (the crate defines ${owners}: this call may be that, not std's)` };
  };
}

/**
 * Per signal, how the crate model changes a finding a rule made from one file: kept, dropped, or
 * made a finding of another signal. A signal not listed is kept as it is.
 */
const JUDGEMENTS: Record<string, Judgement> = {
  // Printing is a binary's job; from a library it reaches output the caller cannot control.
  'print-output': (finding, { role }) => (isLibraryCode(role) ? relabel(finding, printInLibrary, finding.message.replace(/output$/, 'output from library code')) : finding),
  // Documentation is judged once, as the coverage of the library's exported API (see apiDocumentation).
  'undocumented-pub': () => undefined,
  // An application's error type; in a library, only its exported functions say something (see opaqueLibraryErrors).
  anyhow: (finding, { role }) => (isLibraryCode(role) ? undefined : finding),
  // A stringly or boxed error says most in a library's API; a binary's own functions have no callers to serve.
  'opaque-error-type': (finding, { role }) => (isLibraryCode(role) && role?.exported ? finding : undefined),
  // The crate's own function says what `let _ =` discards: a `Result` is an error ignored, nothing is nothing to see.
  'let-underscore-discard': (finding, { model }) => {
    const returns = finding.subject === undefined ? undefined : model.callGraph.returnTypeOf(finding.subject);
    if (returns === '') return undefined;
    const result = signalById('let-underscore-result');
    return returns !== undefined && /\bResult\b/.test(returns) && !carriesNoError(returns) && result
      ? relabel(finding, result, `\`let _ =\` ignores the \`${returns}\` that \`${finding.subject}\` returns: its error is lost`)
      : finding;
  },
  // A crate may define its own `unwrap`, `expect` or `lock`: say so, since the call may be that one and not std's.
  unwrap: ownMethodNoted('unwrap'),
  expect: ownMethodNoted('expect'),
  lock: ownMethodNoted('lock'),
  'lock-unwrap': ownMethodNoted('lock'),
  // A type of the crate declared with a lifetime hides one when written bare, so the lifetime is needed after all.
  'elidable-lifetime': hiddenLifetime,
  'elidable-lifetime-name': hiddenLifetime,
};

/** The findings as the crate model judges them one by one (see JUDGEMENTS), in order; undefined when it changes none. */
function judged<F extends FindingDescription>(site: Site, findings: readonly F[]): F[] | undefined {
  let changed: F[] | undefined;
  findings.forEach((finding, i) => {
    const judge = JUDGEMENTS[finding.rule];
    let judgedFinding: F | undefined = judge ? judge(finding, site) : finding;
    if (judgedFinding && site.role?.testOnly && judgedFinding.context === 'code') judgedFinding = { ...judgedFinding, context: 'test' };
    if (judgedFinding === finding && !changed) return;
    changed ??= findings.slice(0, i);
    if (judgedFinding) changed.push(judgedFinding);
  });
  return changed;
}

/** The findings only the whole crate shows in a file: async code that blocks through the crate's own functions, a library's opaque errors and its API documentation. */
function crateFindings(model: CrateModel, summary: FileSummary, role: FileRole | undefined): Finding[] {
  return [...blockingThroughCrate(model, summary, role), ...opaqueLibraryErrors(summary, role), ...apiDocumentation(model, summary)];
}

/**
 * A file's findings after the crate model has judged them, with the findings only the whole
 * crate shows added (see crateFindings). The same array comes back when nothing changes.
 */
export function judgeFile(model: CrateModel, analysis: FileAnalysis): Finding[] {
  const site: Site = { model, role: model.role(analysis.file) };
  const findings = judged(site, analysis.findings) ?? analysis.findings;
  const added = crateFindings(model, analysis, site.role);
  if (added.length === 0) return findings;
  return [...findings, ...added].sort(byPosition);
}

/**
 * An open document's findings, held group by group, judged as judgeFile judges a file's: each
 * group's findings one by one (a group nothing changed in is the same object), and the findings
 * the whole crate shows added to the file's own.
 */
export function judgeFileFindings(model: CrateModel, summary: FileSummary, findings: FileFindings): FileFindings {
  const site: Site = { model, role: model.role(summary.file) };
  let changed = false;
  const runs = findings.runs.map((run) => {
    const judgedRun = judgedRunOf(site, summary.file, run.findings);
    if (!judgedRun) return run;
    changed = true;
    return { start: run.start, line: run.line, character: run.character, findings: judgedRun };
  });
  let own: readonly AnchoredFinding[] = judged(site, findings.fileFindings) ?? findings.fileFindings;
  const added = crateFindings(model, summary, site.role);
  if (added.length > 0) {
    const placedOwn = [...own.map((f) => placeFinding(f, FILE_ANCHOR)), ...added].sort(byPosition);
    own = placedOwn.map((f) => anchorFinding(f, FILE_ANCHOR));
  }
  return changed || own !== findings.fileFindings ? new FileFindings(runs, own) : findings;
}

/** A run's findings as judged at a version of a crate model (see CrateModel.version), for the file they are in. */
interface JudgedRun {
  model: CrateModel;
  version: number;
  file: string;
  judged: AnchoredFinding[] | undefined;
}

/** Runs never change, so each is judged again only when the crate model has changed since: an edit judges only the groups it analysed again. */
const judgedRuns = new WeakMap<readonly AnchoredFinding[], JudgedRun>();

function judgedRunOf(site: Site, file: string, findings: readonly AnchoredFinding[]): AnchoredFinding[] | undefined {
  const last = judgedRuns.get(findings);
  if (last && last.model === site.model && last.version === site.model.version && last.file === file) return last.judged;
  const judgedRun = judged(site, findings);
  judgedRuns.set(findings, { model: site.model, version: site.model.version, file, judged: judgedRun });
  return judgedRun;
}

function finding(signal: SignalInfo, file: string, range: Range, at: number, end: number, context: CodeContext, message: string): Finding {
  const { id, category, polarity, severity } = signal;
  return { rule: id, category, polarity, severity, message, file, range, startIndex: at, endIndex: end, context };
}

function contextOf(analysis: FileSummary, role: FileRole | undefined, inTest: boolean): CodeContext {
  return inTest || (role?.testOnly && analysis.context === 'code') ? 'test' : analysis.context;
}

/** Calls in async code to the crate's synchronous functions that block, directly or through others. */
function blockingThroughCrate(model: CrateModel, analysis: FileSummary, role: FileRole | undefined): Finding[] {
  const signal = signalById('blocking-in-async');
  if (!signal) return [];
  const graph = model.callGraph;
  const found: Finding[] = [];
  for (const call of analysis.facts.calls) {
    if (!call.inAsync || !call.range) continue;
    const caller = call.caller === undefined ? undefined : graph.functionAt(analysis.file, call.caller);
    const chain = graph.callChain(call, caller);
    // A blocking operation called directly is the rule's own finding.
    if (!chain || chain.length < 2) continue;
    const path = [caller ? functionLabel(caller.fact) : 'async block', ...chain].join(' → ');
    found.push(blockingFinding(signal, analysis, role, call, call.range, path));
  }
  return found;
}

function blockingFinding(signal: SignalInfo, analysis: FileSummary, role: FileRole | undefined, call: CallFact, range: Range, path: string): Finding {
  const message = `\`${call.written}\` blocks the runtime thread through the crate's own code: ${path}`;
  return { ...finding(signal, analysis.file, range, call.at, call.end, contextOf(analysis, role, call.inTest), message), subject: path };
}

const OPAQUE_ERROR = /\b(anyhow|eyre)::/;

/** Exported functions of a library that return an opaque application error. */
function opaqueLibraryErrors(analysis: FileSummary, role: FileRole | undefined): Finding[] {
  if (!role?.exported) return [];
  return analysis.facts.functions.flatMap((fn) => {
    const { nameLine: line, nameCharacter: character } = fn;
    if (!fn.isPublic || fn.traitImpl || fn.inTest || line === undefined || character === undefined || !OPAQUE_ERROR.test(fn.returns ?? '')) return [];
    // The name is on one line: it ends its length further along.
    const range = { start: { line, character }, end: { line, character: character + fn.nameEnd - fn.nameAt } };
    return [finding(opaqueErrorInLibraryApi, analysis.file, range, fn.nameAt, fn.nameEnd, analysis.context, `\`${fn.name}\` returns \`${fn.returns}\` from the library's API`)];
  });
}

/** At the library's root: how much of its exported API is documented, one figure for the whole library. */
function apiDocumentation(model: CrateModel, analysis: FileSummary): Finding[] {
  const library = model.targets.find((t) => t.kind === 'lib' && t.root === analysis.file);
  if (!library) return [];
  let items = 0;
  let documented = 0;
  for (const [file, counts] of model.documentationCounts()) {
    const role = model.role(file);
    if (!role?.exported || role.package !== library.package) continue;
    items += counts.publicItems;
    documented += counts.documentedPublicItems;
  }
  if (items === 0) return [];
  const share = documented / items;
  const signal = documented === items ? documentedApi : share < 0.5 ? undocumentedApi : apiDocCoverage;
  if (signal === documentedApi && items < 3) return [];
  const message = `${documented} of ${items} exported items documented (${Math.round(share * 100)}%)`;
  const start = { line: 0, character: 0 };
  return [finding(signal, analysis.file, { start, end: start }, 0, 0, 'code', message)];
}
