import { Parser, type Language, type Node, type QueryMatch, type Tree } from 'web-tree-sitter';
import { anchorFinding } from './anchoredFindings';
import { fileContext, isIntegrationTestFile } from './context';
import { errorMessage } from './errorMessage';
import { evaluate, type PendingMatch } from './evaluate';
import { FACT_COLLECTORS } from './facts';
import type { FactCollector } from './facts/collector';
import { noFacts, type CallFact, type FileFacts, type FunctionFact } from './facts/model';
import { FileScope } from './fileScope';
import type { ImportBinding } from './imports';
import { importsKey, keptAfterEdit } from './incremental';
import { itemGroupSpans, noCounts, spanIndexAt, type EditSpan, type GroupSpan, type ItemGroup } from './itemGroups';
import { Layer, macroArgumentsDocument, MAX_MACRO_DEPTH, Segment, type PendingMacro } from './macroLayers';
import { countCodeLines } from './codeLines';
import { dispatch, takeShape, type LayerShapes } from './namedShapes';
import { byPosition, isOwnCode, type FileAnalysis, type FileStats, type FileSummary, type Finding, type SkippedFile } from './model';
import { loadRustLanguage, type GrammarBinaries } from './parser';
import { CombinedQuery } from './query';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import { integrationTestSignal } from './signals';
import { DEFAULT_MAX_FILE_BYTES, decodeSource, LineIndex } from './source';

export interface AnalyzerOptions {
  maxFileBytes?: number;
  /** Parsing one file may take this long before the file is skipped as pathological. */
  parseTimeoutMs?: number;
}

export type AnalysisOutcome = { analysis: FileAnalysis; skipped?: undefined } | { analysis?: undefined; skipped: SkippedFile };

/**
 * An open document's analysis, with what the next edit needs to re-analyse only what it touched.
 * Its findings are its groups', placed relative to each group, and the file's own (see FileFindings).
 */
export interface DocumentAnalysis {
  summary: FileSummary;
  groups: ItemGroup[];
  /** The findings of the file as a whole, in no group (an integration test file's own), in the file's offsets. */
  fileFindings: Finding[];
  /** What the file's `use` declarations bind: when it changes, every item's paths may resolve differently. */
  imports: string;
  /** The serial the next group analysed gets: every group of this analysis has a lower one. */
  nextSerial: number;
}

/** An edit to a document analysed before. */
export interface DocumentEdit {
  /** Left as it is: the groups the edit did not touch are taken over, moved copies of those after it. */
  previous: DocumentAnalysis;
  /** The edits in order, as given to `tree.edit`. */
  edits: readonly EditSpan[];
  /** Where the syntax changed: `oldTree.getChangedRanges(newTree)`, in the new offsets. */
  changedRanges: readonly { startIndex: number; endIndex: number }[];
}

const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
/** A code unit past ASCII. Without the `u` flag, the test of every file takes about three quarters of the time (std, twice: 15 ms against 19, 24 against 35) and finds the same. */
const NON_ASCII = /[\u0080-\uFFFF]/;

/** The first node of each capture name, and the `site` and `site.end` captures a finding is placed by: the match's first capture when it has no `site`. */
function firstCaptures(match: QueryMatch): { captures: Record<string, Node>; site: Node; siteEnd: Node | undefined } {
  const captures: Record<string, Node> = {};
  let site: Node | undefined;
  let siteEnd: Node | undefined;
  for (const { name, node } of match.captures) {
    captures[name] ??= node;
    if (name === 'site') site ??= node;
    else if (name === 'site.end') siteEnd ??= node;
  }
  return { captures, site: site ?? match.captures[0].node, siteEnd };
}

/**
 * The analysis engine, an orchestrator: one parser and one combined query (query.ts) serve every
 * rule and collector. It parses the file and the arguments of its macros (macroLayers.ts), records
 * the scopes and counts of each match (syntaxFacts.ts), hands the rest to the checks once the whole
 * file is matched (evaluate.ts), and re-analyses only what an edit touched (incremental.ts).
 */
export class RustAnalyzer {
  private readonly parser: Parser;
  private readonly query: CombinedQuery;
  private readonly maxFileBytes: number;
  private readonly parseTimeoutMs: number;

  static async create(binaries: GrammarBinaries, options: AnalyzerOptions = {}): Promise<RustAnalyzer> {
    return new RustAnalyzer(await loadRustLanguage(binaries), options);
  }

  constructor(
    readonly language: Language,
    options: AnalyzerOptions = {},
    readonly rules: readonly Rule[] = RULES,
    collectors: readonly FactCollector[] = FACT_COLLECTORS,
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.parseTimeoutMs = options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.parser = new Parser();
    this.parser.setLanguage(language);
    this.query = new CombinedQuery(language, [...rules, ...collectors]);
  }

  /** Parses text, reusing `previous` (already edited with `tree.edit`) for an incremental re-parse. */
  parse(text: string, previous?: Tree): Tree | null {
    const deadline = Date.now() + this.parseTimeoutMs;
    return this.parser.parse(text, previous ?? null, { progressCallback: () => Date.now() > deadline });
  }

  /** Reads a file's bytes: skipped with a reason when too large, binary, not UTF-8 or pathological. */
  analyzeBytes(file: string, bytes: Uint8Array): AnalysisOutcome {
    const decoded = decodeSource(bytes, this.maxFileBytes);
    if (!decoded.ok) return { skipped: { file, reason: decoded.reason, detail: decoded.detail } };
    return this.analyzeText(file, decoded.text);
  }

  /** Parses and analyses text. It never throws: a failure comes back as a skipped file with its reason. */
  analyzeText(file: string, text: string): AnalysisOutcome {
    let tree: Tree | null = null;
    try {
      tree = this.parse(text);
      if (!tree) return { skipped: { file, reason: 'parse-timeout', detail: `parsing took over ${this.parseTimeoutMs} ms` } };
      return { analysis: this.analyzeTree(file, text, tree) };
    } catch (error) {
      return { skipped: { file, reason: 'analysis-failed', detail: errorMessage(error) } };
    } finally {
      tree?.delete();
    }
  }

  /** Analyses an already parsed tree of `text`; the caller keeps ownership of the tree. */
  analyzeTree(file: string, text: string, tree: Tree): FileAnalysis {
    // A scan wants each finding once, in the file's offsets: they are kept as found, rather than
    // anchored to their groups and placed again, which showed in the scan's time and memory.
    const findings: Finding[] = [];
    const { summary, fileFindings } = this.analyze(file, text, tree, undefined, findings);
    if (fileFindings.length > 0) {
      findings.push(...fileFindings);
      findings.sort(byPosition);
    }
    return { file: summary.file, context: summary.context, findings, stats: summary.stats, facts: summary.facts };
  }

  /**
   * Analyses a document's tree. Given the edit that led to it, only the top-level items the edit
   * touched are analysed again, unless it changed what reaches every item (see itemGroups.ts).
   */
  analyzeDocument(file: string, text: string, tree: Tree, edit?: DocumentEdit): DocumentAnalysis {
    return this.analyze(file, text, tree, edit);
  }

  /** As analyzeDocument; given `placed`, a whole file's findings go there in order, in the file's offsets, and its groups keep none. */
  private analyze(file: string, text: string, tree: Tree, edit?: DocumentEdit, placed?: Finding[]): DocumentAnalysis {
    const spans = itemGroupSpans(tree.rootNode);
    const lines = new LineIndex(text);
    // Serials of groups analysed and then dropped for a whole-file analysis were never seen: they are given again.
    const firstSerial = edit?.previous.nextSerial ?? 0;
    let groups = edit && this.reanalyzeEdited(file, text, tree, lines, spans, edit, firstSerial);
    let imports = groups ? importsKey(groups) : '';
    // The kept groups were analysed with the imports as they were.
    if (!groups || imports !== edit?.previous.imports) {
      groups = this.analyzeSpans(file, text, tree, lines, spans, firstSerial, undefined, [], placed);
      imports = importsKey(groups);
    }
    let nextSerial = firstSerial;
    for (const { serial } of groups) if (serial >= nextSerial) nextSerial = serial + 1;
    const context = fileContext(file);
    const stats: FileStats = {
      lines: text.length === 0 ? 0 : lines.lineCount - (text.endsWith('\n') ? 1 : 0),
      // A test, bench or example file holds none of the crate's own code: its lines are not read.
      codeLines: isOwnCode({ context }) ? countCodeLines(text) : 0,
      ...noCounts(),
      hasSyntaxErrors: tree.rootNode.hasError,
      hasNonAscii: NON_ASCII.test(text),
    };
    for (const { counts } of groups) {
      stats.functions += counts.functions;
      stats.publicItems += counts.publicItems;
      stats.documentedPublicItems += counts.documentedPublicItems;
      stats.modules += counts.modules;
    }
    const fileFindings = isIntegrationTestFile(file) ? [this.fileFinding(file, lines)] : [];
    return { summary: { file, context, stats, facts: fileFacts(groups, lines) }, groups, fileFindings, imports, nextSerial };
  }

  /**
   * The groups after an edit: the untouched ones kept and moved, the others analysed; undefined
   * when the whole file must be. The caller checks that the imports did not change.
   */
  private reanalyzeEdited(file: string, text: string, tree: Tree, lines: LineIndex, spans: GroupSpan[], edit: DocumentEdit, firstSerial: number): ItemGroup[] | undefined {
    const kept = keptAfterEdit(edit.previous.groups, edit.edits, edit.changedRanges, spans, lines);
    if (!kept) return undefined;
    const { groups, targets } = kept;
    const analysed = this.analyzeSpans(file, text, tree, lines, spans, firstSerial, targets, groups);
    if (analysed.some((group) => group.fileWide)) return undefined;
    for (const [k, i] of targets.entries()) groups[i] = analysed[k];
    return groups as ItemGroup[];
  }

  /**
   * Analyses the groups at `targets` (by default all of them), returning each group, in order,
   * numbered from `firstSerial`. `kept` holds the other groups, whose `use` declarations still count.
   * Given `placed`, the findings go there, in order and in the file's offsets, instead of into their groups.
   */
  private analyzeSpans(
    file: string,
    text: string,
    tree: Tree,
    lines: LineIndex,
    spans: GroupSpan[],
    firstSerial: number,
    targets?: number[],
    kept: readonly (ItemGroup | undefined)[] = [],
    placed?: Finding[],
  ): ItemGroup[] {
    const scope = new FileScope(file);
    const groups = new Map<number, ItemGroup>();
    for (const i of targets ?? spans.keys()) {
      const { start, end } = spans[i];
      const { line, character } = lines.positionAt(start);
      const serial = firstSerial + groups.size;
      groups.set(i, { start, end, line, character, serial, findings: [], facts: noFacts(), counts: noCounts(), imports: [], fileWide: false });
    }
    const groupAt = (offset: number) => groups.get(spanIndexAt(spans, offset));
    const ruleMatches: PendingMatch[] = [];
    const macroImports: ImportBinding[] = [];
    const macroLayers: Layer[] = [];
    try {
      let layer: Layer | undefined = new Layer(tree, text, [new Segment(0, text.length, 0)], 0);
      this.matchLines(layer, text, ruleMatches, groupAt);
      const ranges = targets?.map((i) => spans[i]);
      for (let depth = 0; layer; depth++) {
        const pending = this.matchLayer(layer, scope, groupAt, ruleMatches, macroImports, depth === 0 ? ranges : undefined);
        layer = depth < MAX_MACRO_DEPTH ? this.parseMacroArguments(pending, depth + 1) : undefined;
        if (layer) macroLayers.push(layer);
      }
      // Every `use` of the file reaches every item, in the file's order; those in macro arguments come last.
      for (const i of spans.keys()) scope.imports.add((groups.get(i) ?? kept[i])?.imports ?? []);
      scope.imports.add(macroImports);
      const found = new Map<ItemGroup, Finding[]>();
      for (const finding of evaluate(file, text, lines, scope, ruleMatches, groupAt)) {
        const group = groupAt(finding.startIndex);
        if (!group) continue;
        let inGroup = found.get(group);
        if (!inGroup) found.set(group, (inGroup = []));
        inGroup.push(finding);
      }
      for (const group of groups.values()) {
        const findings = found.get(group)?.sort(byPosition);
        if (!findings) continue;
        if (placed) for (const finding of findings) placed.push(finding);
        else group.findings = findings.map((finding) => anchorFinding(finding, group));
      }
      return [...groups.values()];
    } finally {
      for (const macroLayer of macroLayers) macroLayer.tree.delete();
    }
  }

  /** Runs the combined query over one layer: rule matches are kept for later, syntax facts recorded now. */
  private matchLayer(
    layer: Layer,
    scope: FileScope,
    groupAt: (offset: number) => ItemGroup | undefined,
    ruleMatches: PendingMatch[],
    macroImports: ImportBinding[],
    ranges: GroupSpan[] | undefined,
  ): PendingMacro[] {
    const { query, roles } = this.query;
    const shapes: LayerShapes = { tables: this.query, layer, scope, groupAt, ruleMatches, macroImports, pending: [] };
    const root = layer.tree.rootNode;
    // web-tree-sitter reports node offsets in UTF-16 code units but takes a query's range in bytes
    // of the UTF-16 text it parsed: twice the offsets (the incremental tests catch a change).
    const matches = ranges ? ranges.flatMap(({ start, end }) => query.matches(root, { startIndex: 2 * start, endIndex: 2 * end })) : query.matches(root);
    // Indexed loops, as in fileFacts: they run for every match, and compile faster than `for…of`.
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      const { captures, site, siteEnd } = firstCaptures(match);
      const unit = layer.unitOf(match.captures[0].node);
      if (!unit) continue;
      const matchRoles = roles[match.patternIndex];
      for (let r = 0; r < matchRoles.length; r++) {
        const role = matchRoles[r];
        if (role.kind === 'rule') ruleMatches.push({ unit, checker: role.checker, captures, site, siteEnd });
        else takeShape(shapes, role, captures, unit, match.captures[0].node);
      }
    }
    return shapes.pending;
  }

  /** Matches of the `lines` rules in the file's own text (not in macro arguments), in the groups being analysed. */
  private matchLines(layer: Layer, text: string, ruleMatches: PendingMatch[], groupAt: (offset: number) => ItemGroup | undefined): void {
    for (const { checkers, pattern } of this.query.byLines) {
      for (const match of text.matchAll(pattern)) {
        const offset = (match.index ?? 0) + match[0].search(/\S/);
        if (!groupAt(offset)) continue;
        const site = layer.tree.rootNode.namedDescendantForIndex(offset);
        const unit = site && layer.unitOf(site);
        if (!site || !unit) continue;
        dispatch(ruleMatches, unit, checkers, { site }, undefined);
      }
    }
  }

  private fileFinding(file: string, lines: LineIndex): Finding {
    const firstLineEnd = lines.lineText(0).length;
    const signal = integrationTestSignal;
    return {
      rule: signal.id,
      category: signal.category,
      polarity: signal.polarity,
      severity: signal.severity,
      message: signal.message,
      file,
      range: lines.rangeOf(0, firstLineEnd),
      startIndex: 0,
      endIndex: firstLineEnd,
      context: 'test',
    };
  }

  /** Parses the arguments of every macro call found at one depth as one document (see macroArgumentsDocument). */
  private parseMacroArguments(pending: PendingMacro[], serial: number): Layer | undefined {
    const document = macroArgumentsDocument(pending);
    const tree = document && this.parse(document.text);
    return document && tree ? new Layer(tree, document.text, document.segments, serial) : undefined;
  }

  dispose(): void {
    this.query.delete();
    this.parser.delete();
  }
}

/** The groups' facts in file order, in offsets into the file, with the ranges a crate-level finding may need. */
function fileFacts(groups: readonly ItemGroup[], lines: LineIndex): FileFacts {
  const facts = noFacts();
  // Indexed loops, not `for…of`: the optimising compiler gives a `for…of` a path that closes the
  // iterator from every call in its body, inlined ones too, and these bodies inline the copies and
  // `rangeOf`. Indexed, and with no destructured array literals below, it compiles in half the time
  // (CONTRIBUTING's Benchmark section has the figures).
  for (let g = 0; g < groups.length; g++) {
    const { start, facts: own } = groups[g];
    for (let i = 0; i < own.modules.length; i++) facts.modules.push(own.modules[i]);
    for (let i = 0; i < own.functions.length; i++) facts.functions.push(functionInFile(own.functions[i], start, lines));
    for (let i = 0; i < own.calls.length; i++) facts.calls.push(callInFile(own.calls[i], start, lines));
    for (let i = 0; i < own.lifetimeTypes.length; i++) facts.lifetimeTypes.push(own.lifetimeTypes[i]);
  }
  return facts;
}

/** A group's function fact in the file's offsets. A copy, since the group's may be kept for the next edit; its fields are set rather than spread in (see unpackOutcome). */
function functionInFile(fn: FunctionFact, groupStart: number, lines: LineIndex): FunctionFact {
  const at = fn.at + groupStart;
  const nameAt = fn.nameAt + groupStart;
  const nameEnd = fn.nameEnd + groupStart;
  const moved: FunctionFact = { name: fn.name, traitImpl: fn.traitImpl, isPublic: fn.isPublic, isAsync: fn.isAsync, inTest: fn.inTest, at, nameAt, nameEnd };
  if (fn.owner !== undefined) moved.owner = fn.owner;
  if (fn.returns !== undefined) moved.returns = fn.returns;
  const name = lines.positionAt(nameAt);
  moved.nameLine = name.line;
  moved.nameCharacter = name.character;
  return moved;
}

/** A group's call fact in the file's offsets, with its range for a call in async code (see functionInFile). */
function callInFile(call: CallFact, groupStart: number, lines: LineIndex): CallFact {
  const at = call.at + groupStart;
  const end = call.end + groupStart;
  const moved: CallFact = { callee: call.callee, written: call.written, at, end, inAsync: call.inAsync, inTest: call.inTest };
  if (call.caller !== undefined) moved.caller = call.caller + groupStart;
  if (call.inAsync) moved.range = lines.rangeOf(at, end);
  return moved;
}
