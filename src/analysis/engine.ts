import { Parser, Query, type Language, type Node, type QueryMatch, type Tree } from 'web-tree-sitter';
import { fileContext, isIntegrationTestFile } from './context';
import { classifyLifetimes, type LifetimeVerdict } from './elision';
import { importBindings, ImportTable, type ImportBinding } from './imports';
import { groupsAfterEdits, itemGroupSpans, noCounts, spanIndexAt, type EditSpan, type GroupSpan, type ItemGroup, type KeptGroup } from './itemGroups';
import type { CodeContext, FileAnalysis, FileStats, Finding, SkippedFile } from './model';
import { loadRustLanguage, type GrammarBinaries } from './parser';
import { RULES } from './rules';
import { lastSegment, normalisePath, type LoopScope, type Rule, type RuleContext, type Verdict } from './rules/rule';
import { ScopeIndex } from './scopes';
import { integrationTestSignal } from './signals';
import { DEFAULT_MAX_FILE_BYTES, decodeSource, LineIndex } from './source';
import { FUNCTION_QUERY, isCfgTestAttribute, isComment, isDocumentable, isDocumentedAt, isPublic, isTestAttribute, PUBLIC_ITEM_QUERY } from './syntax';

export interface AnalyzerOptions {
  maxFileBytes?: number;
  /** Parsing one file may take this long before the file is skipped as pathological. */
  parseTimeoutMs?: number;
}

export type AnalysisOutcome = { analysis: FileAnalysis; skipped?: undefined } | { analysis?: undefined; skipped: SkippedFile };

/** An open document's analysis, with what the next edit needs to re-analyse only what it touched. */
export interface DocumentAnalysis {
  analysis: FileAnalysis;
  groups: ItemGroup[];
  /** What the file's `use` declarations bind: when it changes, every item's paths may resolve differently. */
  imports: string;
}

/** An edit to a document analysed before. */
export interface DocumentEdit {
  /** Used up: the groups the edit did not touch are moved in place and taken over. */
  previous: DocumentAnalysis;
  /** The edits in order, as given to `tree.edit`. */
  edits: readonly EditSpan[];
  /** Where the syntax changed: `oldTree.getChangedRanges(newTree)`, in the new offsets. */
  changedRanges: readonly { startIndex: number; endIndex: number }[];
}

type RuleMatch = { unit: Unit; rule: Rule; captures: Record<string, Node> };

/** Macros inside macros are re-parsed down to this depth; real code rarely nests past three. */
const MAX_MACRO_DEPTH = 6;
const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

/** Macro arguments that start like an item are re-parsed as items; anything else as expressions. */
const ITEM_START =
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(#!?\[|pub\b|fn\b|async\s+fn\b|unsafe\s+(fn|impl)\b|impl\b|struct\b|enum\b|union\b|trait\b|type\b|mod\b|use\b|extern\b|static\b|const\s+(fn\b|[A-Za-z_]\w*\s*:)|macro_rules!)/;
/** Arguments with no call, path, method or nested group cannot hold a finding: skip the re-parse. */
const CAN_HOLD_CODE = /[.?!([{]|::/;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;
const TEST_MACROS = new Set(['proptest', 'quickcheck']);
const ASYNC_FN_HEADER = /\basync\s+(unsafe\s+)?(extern\s+("[^"]*"\s+)?)?fn\b/;
/**
 * `Option`, `Result` and iterator methods that run the closures they are given in place, while the
 * caller waits. A closure handed to anything else is deferred work (`spawn_blocking(|| ..)`, a
 * crate's own offloading wrapper), whose body is not the async code around it.
 */
const SYNCHRONOUS_ADAPTERS = new Set([
  'map', 'map_err', 'map_or', 'map_or_else', 'and_then', 'or_else', 'unwrap_or_else', 'ok_or_else', 'is_some_and', 'is_ok_and', 'then',
  'filter', 'filter_map', 'flat_map', 'for_each', 'try_for_each', 'fold', 'try_fold', 'any', 'all', 'find', 'find_map', 'position',
  'inspect', 'take_while', 'skip_while', 'map_while', 'scan', 'retain', 'get_or_insert_with', 'or_insert_with',
]);
const NON_ASCII = /[^\p{ASCII}]/u;
const SPAWN_CALL = /\bspawn(_local)?\s*\(/;
const STATEMENT_PARENTS = new Set(['block', 'declaration_list', 'source_file']);

type InternalRole = 'method' | 'call' | 'macro' | 'use' | 'function' | 'module' | 'public' | 'attribute' | 'async-block' | 'closure' | 'loop' | 'loop-body';
type PatternRole = { kind: 'rule'; rule: Rule } | { kind: InternalRole };

/**
 * Patterns the engine needs whatever the rules. The first three are the shared shapes that rules
 * match by name (`methods`, `calls`, `macros`): one pattern each, dispatched through a table.
 * Method and path calls are the most frequent matches, so their patterns capture only the name;
 * the rest of the call is looked up for the few calls a rule names.
 */
const INTERNAL_PATTERNS: { role: PatternRole; query: string }[] = [
  { role: { kind: 'method' }, query: '(call_expression function: (field_expression field: (field_identifier) @site))' },
  { role: { kind: 'call' }, query: '(call_expression function: [(identifier) (scoped_identifier) (generic_function)] @callee)' },
  { role: { kind: 'macro' }, query: '(macro_invocation macro: (_) @macro.name "!" @macro.bang (token_tree) @macro.args) @macro' },
  { role: { kind: 'use' }, query: '(use_declaration) @use' },
  { role: { kind: 'function' }, query: FUNCTION_QUERY },
  { role: { kind: 'module' }, query: '(mod_item) @module' },
  { role: { kind: 'public' }, query: PUBLIC_ITEM_QUERY },
  { role: { kind: 'attribute' }, query: '[(attribute_item) (inner_attribute_item)] @attribute' },
  { role: { kind: 'async-block' }, query: '(async_block) @async' },
  { role: { kind: 'closure' }, query: '(closure_expression) @closure' },
  { role: { kind: 'loop' }, query: '[(while_expression) (loop_expression)] @loop' },
  { role: { kind: 'loop-body' }, query: '(for_expression body: (_) @loop)' },
];

/**
 * Where a piece of parsed text sits in the file. The file itself is one segment; the arguments of
 * every macro call at one nesting depth are gathered into one synthetic document, each inside a
 * small wrapper, so that a whole depth costs one parse and one query run.
 */
interface Segment {
  /** Offset of the content in the parsed text. */
  start: number;
  length: number;
  /** Offset of the content in the file. */
  fileStart: number;
}

/** One parsed text (the file, or one depth of macro arguments) and its segments, in order. */
class Layer {
  private readonly units: (Unit | undefined)[];

  constructor(
    readonly tree: Tree,
    readonly text: string,
    readonly segments: Segment[],
    readonly serial: number,
  ) {
    this.units = new Array<Unit | undefined>(segments.length);
  }

  /** The unit whose content holds the node entirely, or undefined for wrapper code. */
  unitOf(node: Node): Unit | undefined {
    const { segments } = this;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= node.startIndex) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return undefined;
    const segment = segments[found];
    if (node.endIndex > segment.start + segment.length) return undefined;
    return (this.units[found] ??= new Unit(this, segment));
  }
}

class Unit {
  constructor(
    readonly layer: Layer,
    readonly segment: Segment,
  ) {}

  inContent(node: Node): boolean {
    return node.startIndex >= this.segment.start && node.endIndex <= this.segment.start + this.segment.length;
  }

  absolute(index: number): number {
    return this.segment.fileStart + index - this.segment.start;
  }
}

/** Everything the rule checks may ask about one file, shared by all its units. */
class FileScope {
  readonly imports = new ImportTable();
  readonly context: CodeContext;
  readonly tests = new ScopeIndex<true>();
  readonly asyncBodies = new ScopeIndex<boolean>();
  /** Loop bodies, and function bodies as `false` so a loop outside a nested function does not count. */
  readonly loopBodies = new ScopeIndex<LoopScope | false>();
  private readonly verdicts = new Map<string, LifetimeVerdict[]>();

  constructor(path: string) {
    this.context = fileContext(path);
  }

  lifetimeVerdicts(unit: Unit, fn: Node): LifetimeVerdict[] {
    const key = `${unit.layer.serial}:${fn.id}`;
    let verdicts = this.verdicts.get(key);
    if (!verdicts) {
      verdicts = classifyLifetimes(fn);
      this.verdicts.set(key, verdicts);
    }
    return verdicts;
  }
}

class UnitContext implements RuleContext {
  constructor(
    private readonly file: FileScope,
    private readonly unit: Unit,
  ) {}

  text(node: Node): string {
    return node.text;
  }

  contextOf(node: Node): CodeContext {
    if (this.file.context !== 'code') return this.file.context;
    return this.file.tests.innermost(this.unit.absolute(node.startIndex)) ? 'test' : 'code';
  }

  isInAsync(node: Node): boolean {
    return this.file.asyncBodies.innermost(this.unit.absolute(node.startIndex)) === true;
  }

  enclosingLoop(node: Node): LoopScope | undefined {
    return this.file.loopBodies.innermost(this.unit.absolute(node.startIndex)) || undefined;
  }

  resolvePath(pathText: string): string {
    return this.file.imports.resolve(pathText);
  }

  lifetimeVerdicts(fn: Node): LifetimeVerdict[] {
    return this.file.lifetimeVerdicts(this.unit, fn);
  }

  leadingComments(node: Node): string[] {
    const comments: string[] = [];
    const block = node.parent?.type === 'unsafe_block' ? node.parent.namedChildren.find((c) => c?.type === 'block') : undefined;
    for (const inner of block?.namedChildren ?? []) {
      if (!inner || !isComment(inner)) break;
      comments.push(inner.text);
    }
    let statement = node;
    while (statement.parent && !STATEMENT_PARENTS.has(statement.parent.type) && this.unit.inContent(statement.parent)) {
      statement = statement.parent;
    }
    for (let p = statement.previousNamedSibling; p && (isComment(p) || p.type === 'attribute_item'); p = p.previousNamedSibling) {
      if (isComment(p)) comments.push(p.text);
    }
    return comments;
  }

  isDocumented(item: Node): boolean {
    return isDocumentedAt(this.unit.layer.text, item.startIndex);
  }
}

/** How many rows the edits moved a line down, or undefined when an edit ended on that line (its columns moved too). */
function rowsAdded(line: number, edits: readonly EditSpan[]): number | undefined {
  let rows = 0;
  for (const edit of edits) {
    if (line + rows <= edit.oldEndRow) return undefined;
    rows += edit.newEndRow - edit.oldEndRow;
  }
  return rows;
}

/**
 * Moves a kept group, in place, to where the edits put it. A finding on a line after an edit keeps
 * its columns and moves by the rows the edit added; only one on an edit's own line is looked up
 * anew. Moving in place rather than copying spares a keystroke in a long file thousands of objects
 * to allocate and collect.
 */
function shiftGroup({ group, start, end, editsBefore }: KeptGroup, lines: LineIndex): ItemGroup {
  if (editsBefore.length === 0) return group;
  const shift = start - group.start;
  for (const finding of group.findings) {
    finding.startIndex += shift;
    finding.endIndex += shift;
    const rows = rowsAdded(finding.range.start.line, editsBefore);
    if (rows === undefined) finding.range = lines.rangeOf(finding.startIndex, finding.endIndex);
    else {
      finding.range.start.line += rows;
      finding.range.end.line += rows;
    }
  }
  group.start = start;
  group.end = end;
  return group;
}

function byPosition(a: Finding, b: Finding): number {
  return a.startIndex - b.startIndex || a.endIndex - b.endIndex || a.rule.localeCompare(b.rule);
}

function lastName(macro: Node): string {
  const text = macro.text;
  return text.slice(text.lastIndexOf(':') + 1);
}

function firstCaptures(match: QueryMatch): Record<string, Node> {
  const captures: Record<string, Node> = {};
  for (const { name, node } of match.captures) captures[name] ??= node;
  return captures;
}

/** Whether a closure is an argument of a synchronous adapter, which runs it where it is written. */
function runsInPlace(closure: Node): boolean {
  const call = closure.parent?.type === 'arguments' ? closure.parent.parent : null;
  const callee = call?.childForFieldName('function');
  return callee?.type === 'field_expression' && SYNCHRONOUS_ADAPTERS.has(callee.childForFieldName('field')?.text ?? '');
}

/** The item an outer attribute belongs to: the next sibling that is neither an attribute nor a comment. */
function itemAfter(attribute: Node): Node | null {
  let item = attribute.nextNamedSibling;
  while (item && (item.type === 'attribute_item' || isComment(item))) item = item.nextNamedSibling;
  return item;
}

interface PendingMacro {
  unit: Unit;
  args: Node;
}

/**
 * The analysis engine: one parser, and every rule's query compiled into a single query so that one
 * pass over each tree serves all rules. Checks run after the whole file (macro arguments included)
 * has been matched, so that `use` declarations and scopes anywhere in the file are known to all.
 */
export class RustAnalyzer {
  private readonly parser: Parser;
  private readonly query: Query;
  /** Per pattern of the combined query, what its matches are for: rules and engine roles that share a pattern's text share the pattern. */
  private readonly roles: PatternRole[][] = [];
  private readonly byMethod = new Map<string, Rule[]>();
  private readonly byCall = new Map<string, Rule[]>();
  private readonly byMacro = new Map<string, Rule[]>();
  private readonly byLines: { rule: Rule; pattern: RegExp }[] = [];
  private readonly maxFileBytes: number;
  private readonly parseTimeoutMs: number;

  static async create(binaries: GrammarBinaries, options: AnalyzerOptions = {}): Promise<RustAnalyzer> {
    return new RustAnalyzer(await loadRustLanguage(binaries), options);
  }

  constructor(
    readonly language: Language,
    options: AnalyzerOptions = {},
    readonly rules: readonly Rule[] = RULES,
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.parseTimeoutMs = options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.parser = new Parser();
    this.parser.setLanguage(language);
    const parts = [...INTERNAL_PATTERNS];
    const index = (table: Map<string, Rule[]>, names: readonly string[], rule: Rule) => {
      for (const name of names) table.set(name, [...(table.get(name) ?? []), rule]);
    };
    for (const rule of rules) {
      // `Array.isArray` narrows a readonly array to `any[]`; `flat` keeps each matcher typed.
      for (const matcher of [rule.match].flat()) {
        if ('query' in matcher) parts.push({ role: { kind: 'rule', rule }, query: matcher.query });
        else if ('methods' in matcher) index(this.byMethod, matcher.methods, rule);
        else if ('calls' in matcher) index(this.byCall, matcher.calls, rule);
        else if ('macros' in matcher) index(this.byMacro, matcher.macros, rule);
        else this.byLines.push({ rule, pattern: matcher.lines });
      }
    }
    const shared = new Map<string, PatternRole[]>();
    for (const { role, query } of parts) shared.set(query, [...(shared.get(query) ?? []), role]);
    const unique = [...shared].map(([query, roles]) => ({ query, roles }));
    this.query = compileCombinedQuery(language, unique);
    // Each pattern belongs to the part whose text holds the pattern's start (queries are ASCII).
    const partEnds: number[] = [];
    let offset = 0;
    for (const part of unique) partEnds.push((offset += part.query.length + 1));
    for (let i = 0, part = 0; i < this.query.patternCount(); i++) {
      const start = this.query.startIndexForPattern(i);
      while (start >= partEnds[part]) part++;
      this.roles.push(unique[part].roles);
    }
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
      return { skipped: { file, reason: 'analysis-failed', detail: describeError(error) } };
    } finally {
      tree?.delete();
    }
  }

  /** Analyses an already parsed tree of `text`; the caller keeps ownership of the tree. */
  analyzeTree(file: string, text: string, tree: Tree): FileAnalysis {
    return this.analyzeDocument(file, text, tree).analysis;
  }

  /**
   * Analyses a document's tree. Given the edit that led to it, only the top-level items the edit
   * touched are analysed again, unless it changed what reaches every item (see itemGroups.ts).
   */
  analyzeDocument(file: string, text: string, tree: Tree, edit?: DocumentEdit): DocumentAnalysis {
    const spans = itemGroupSpans(tree.rootNode);
    const lines = new LineIndex(text);
    let groups = edit && this.reanalyzeEdited(file, text, tree, lines, spans, edit);
    let imports = groups ? importsKey(groups) : '';
    // The kept groups were analysed with the imports as they were.
    if (!groups || imports !== edit?.previous.imports) {
      groups = this.analyzeSpans(file, text, tree, lines, spans);
      imports = importsKey(groups);
    }
    const stats: FileStats = {
      lines: text.length === 0 ? 0 : lines.lineCount - (text.endsWith('\n') ? 1 : 0),
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
    // Each group's findings are in order and lie within it, so the groups' findings in turn are too.
    const findings: Finding[] = [];
    for (const group of groups) for (const finding of group.findings) findings.push(finding);
    if (isIntegrationTestFile(file)) {
      findings.push(this.fileFinding(file, lines));
      findings.sort(byPosition);
    }
    return { analysis: { file, context: fileContext(file), findings, stats }, groups, imports };
  }

  /**
   * The groups after an edit: the untouched ones kept and shifted, the others analysed; undefined
   * when the whole file must be. The caller checks that the imports did not change.
   */
  private reanalyzeEdited(file: string, text: string, tree: Tree, lines: LineIndex, spans: GroupSpan[], edit: DocumentEdit): ItemGroup[] | undefined {
    if (edit.previous.groups.some((group) => group.fileWide)) return undefined;
    // Both lists are in file order: walk them together to pair each span with the kept group now at its place.
    const kept = groupsAfterEdits(edit.previous.groups, edit.edits).filter((group) => group !== undefined);
    const groups: (ItemGroup | undefined)[] = [];
    const targets: number[] = [];
    let k = 0;
    for (const [i, span] of spans.entries()) {
      while (k < kept.length && kept[k].start < span.start) k++;
      const candidate = kept[k];
      const same = candidate && candidate.start === span.start && candidate.end === span.end;
      const changed = edit.changedRanges.some((range) => range.startIndex <= span.end && range.endIndex >= span.start);
      if (same && !changed) {
        groups[i] = shiftGroup(candidate, lines);
        k++;
      } else targets.push(i);
    }
    if (targets.length === spans.length) return undefined;
    const analysed = this.analyzeSpans(file, text, tree, lines, spans, targets, groups);
    if (analysed.some((group) => group.fileWide)) return undefined;
    for (const [k, i] of targets.entries()) groups[i] = analysed[k];
    return groups as ItemGroup[];
  }

  /**
   * Analyses the groups at `targets` (by default all of them), returning one record each, in order.
   * `kept` holds the other groups, whose `use` declarations still count.
   */
  private analyzeSpans(file: string, text: string, tree: Tree, lines: LineIndex, spans: GroupSpan[], targets?: number[], kept: readonly (ItemGroup | undefined)[] = []): ItemGroup[] {
    const scope = new FileScope(file);
    const records = new Map<number, ItemGroup>();
    for (const i of targets ?? spans.keys()) records.set(i, { ...spans[i], findings: [], counts: noCounts(), imports: [], fileWide: false });
    const recordAt = (offset: number) => records.get(spanIndexAt(spans, offset));
    const ruleMatches: RuleMatch[] = [];
    const macroImports: ImportBinding[] = [];
    const macroLayers: Layer[] = [];
    try {
      let layer: Layer | undefined = new Layer(tree, text, [{ start: 0, length: text.length, fileStart: 0 }], 0);
      this.matchLines(layer, text, ruleMatches, recordAt);
      const ranges = targets?.map((i) => spans[i]);
      for (let depth = 0; layer; depth++) {
        const pending = this.matchLayer(layer, scope, recordAt, ruleMatches, macroImports, depth === 0 ? ranges : undefined);
        layer = depth < MAX_MACRO_DEPTH ? this.parseMacroArguments(pending, depth + 1) : undefined;
        if (layer) macroLayers.push(layer);
      }
      // Every `use` of the file reaches every item, in the file's order; those in macro arguments come last.
      for (const i of spans.keys()) scope.imports.add((records.get(i) ?? kept[i])?.imports ?? []);
      scope.imports.add(macroImports);
      for (const finding of this.evaluate(file, text, lines, scope, ruleMatches)) recordAt(finding.startIndex)?.findings.push(finding);
      for (const record of records.values()) record.findings.sort(byPosition);
      return [...records.values()];
    } finally {
      for (const macroLayer of macroLayers) macroLayer.tree.delete();
    }
  }

  /** Runs the combined query over one layer: rule matches are kept for later, internal ones recorded now. */
  private matchLayer(
    layer: Layer,
    scope: FileScope,
    recordAt: (offset: number) => ItemGroup | undefined,
    ruleMatches: RuleMatch[],
    macroImports: ImportBinding[],
    ranges: GroupSpan[] | undefined,
  ): PendingMacro[] {
    const pending: PendingMacro[] = [];
    const root = layer.tree.rootNode;
    // web-tree-sitter reports node offsets in UTF-16 code units but takes a query's range in bytes
    // of the UTF-16 text it parsed: twice the offsets (the incremental tests catch a change).
    const matches = ranges ? ranges.flatMap(({ start, end }) => this.query.matches(root, { startIndex: 2 * start, endIndex: 2 * end })) : this.query.matches(root);
    for (const match of matches) {
      const captures = firstCaptures(match);
      const unit = layer.unitOf(match.captures[0].node);
      if (!unit) continue;
      // Counts and file-wide marks go to the group the match is in; a match in a group not being
      // analysed is a neighbour's. Looked up only by the roles that count or mark.
      const record = () => recordAt(unit.absolute(match.captures[0].node.startIndex));
      const range = (node: Node): [number, number] => [unit.absolute(node.startIndex), unit.absolute(node.endIndex)];
      const dispatch = (rules: Rule[] | undefined, given: Record<string, Node>) => {
        for (const rule of rules ?? []) ruleMatches.push({ unit, rule, captures: given });
      };
      for (const role of this.roles[match.patternIndex]) {
        switch (role.kind) {
          case 'rule':
            ruleMatches.push({ unit, rule: role.rule, captures });
            break;
          case 'method': {
            const name = captures.site.text;
            const rules = this.byMethod.get(name);
            if (!rules) break;
            const field = captures.site.parent;
            const call = field?.parent;
            const receiver = field?.childForFieldName('value');
            const args = call?.childForFieldName('arguments');
            if (!call || !receiver || !args) break;
            dispatch(rules, { site: captures.site, 'site.end': args, receiver, call });
            break;
          }
          case 'call': {
            const name = lastSegment(normalisePath(captures.callee.text));
            const rules = this.byCall.get(name);
            if (!rules) break;
            const call = captures.callee.parent;
            const args = call?.childForFieldName('arguments');
            if (!call || args?.type !== 'arguments') break;
            dispatch(rules, { site: captures.callee, callee: captures.callee, args, call });
            break;
          }
          case 'macro': {
            const name = lastName(captures['macro.name']);
            if (TEST_MACROS.has(name)) scope.tests.add(...range(captures.macro), true);
            dispatch(this.byMacro.get(name), { site: captures['macro.name'], 'site.end': captures['macro.bang'], macro: captures.macro });
            pending.push({ unit, args: captures['macro.args'] });
            break;
          }
          case 'use': {
            // A `use` in macro arguments reaches every item, so any edit re-analyses the whole file.
            const group = record();
            if (layer.serial === 0) group?.imports.push(...importBindings(captures.use));
            else {
              macroImports.push(...importBindings(captures.use));
              if (group) group.fileWide = true;
            }
            break;
          }
          case 'function': {
            const group = record();
            if (group) group.counts.functions++;
            const { function: fn, body } = captures;
            const header = layer.text.slice(fn.startIndex, body.startIndex);
            scope.asyncBodies.add(...range(body), ASYNC_FN_HEADER.test(header));
            scope.loopBodies.add(...range(body), false);
            break;
          }
          case 'module': {
            const group = record();
            if (group) group.counts.modules++;
            break;
          }
          case 'public': {
            const group = isPublic(captures.visibility) && isDocumentable(captures.item) ? record() : undefined;
            if (group) {
              group.counts.publicItems++;
              if (isDocumentedAt(layer.text, captures.item.startIndex)) group.counts.documentedPublicItems++;
            }
            break;
          }
          case 'attribute': {
            const attribute = captures.attribute;
            const text = attribute.text;
            if (attribute.type === 'inner_attribute_item') {
              // `#![cfg(test)]` makes the whole enclosing module (or file) test code. At the top of
              // the tree it reaches every item, also when the file is too broken to parse as a
              // `source_file` and its root is an error.
              if (isCfgTestAttribute(text.replace('#!', '#')) && attribute.parent) {
                scope.tests.add(...range(attribute.parent), true);
                const group = layer.serial === 0 && !attribute.parent.parent ? record() : undefined;
                if (group) group.fileWide = true;
              }
            } else if (isTestAttribute(text) || isCfgTestAttribute(text)) {
              const item = itemAfter(attribute);
              if (item) scope.tests.add(...range(item), true);
            }
            break;
          }
          case 'async-block':
            scope.asyncBodies.add(...range(captures.async), true);
            break;
          case 'closure':
            if (!runsInPlace(captures.closure)) scope.asyncBodies.add(...range(captures.closure), false);
            break;
          case 'loop':
          case 'loop-body': {
            // For a `for`, the capture is its body: the iterator expression runs once.
            const loop = captures.loop;
            scope.loopBodies.add(...range(loop), { spawnsTasks: SPAWN_CALL.test(loop.text) });
            break;
          }
        }
      }
    }
    return pending;
  }

  /** Matches of the `lines` rules in the file's own text (not in macro arguments), in the groups being analysed. */
  private matchLines(layer: Layer, text: string, ruleMatches: RuleMatch[], recordAt: (offset: number) => ItemGroup | undefined): void {
    for (const { rule, pattern } of this.byLines) {
      for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
        const offset = (match.index ?? 0) + match[0].search(/\S/);
        if (!recordAt(offset)) continue;
        const site = layer.tree.rootNode.namedDescendantForIndex(offset);
        const unit = site && layer.unitOf(site);
        if (site && unit) ruleMatches.push({ unit, rule, captures: { site } });
      }
    }
  }

  private evaluate(
    file: string,
    text: string,
    lines: LineIndex,
    scope: FileScope,
    ruleMatches: RuleMatch[],
  ): Finding[] {
    const contexts = new Map<Unit, UnitContext>();
    const findings = new Map<string, Finding>();
    for (const { unit, rule, captures } of ruleMatches) {
      const site = captures.site ?? Object.values(captures)[0];
      if (!unit.inContent(site)) continue;
      let ctx = contexts.get(unit);
      if (!ctx) contexts.set(unit, (ctx = new UnitContext(scope, unit)));
      const verdict: Verdict = rule.check ? rule.check({ captures }, ctx) : true;
      if (verdict === false) continue;
      const detail = typeof verdict === 'object' ? verdict : {};
      const start = detail.start ?? site;
      const end = detail.end ?? captures['site.end'] ?? site;
      const context = ctx.contextOf(start);
      if (rule.contexts && !rule.contexts.includes(context)) continue;
      const startIndex = unit.absolute(start.startIndex);
      let endIndex = unit.absolute(end.endIndex);
      // A line comment's node takes in its newline; a range ends on its own line.
      while (endIndex > startIndex && (text[endIndex - 1] === '\n' || text[endIndex - 1] === '\r')) endIndex--;
      const key = `${rule.id}:${startIndex}:${endIndex}`;
      if (findings.has(key)) continue;
      findings.set(key, {
        rule: rule.id,
        category: rule.category,
        polarity: rule.polarity,
        severity: rule.severity,
        message: detail.message ?? rule.message,
        file,
        range: lines.rangeOf(startIndex, endIndex),
        startIndex,
        endIndex,
        context,
        ...(rule.concurrencyModel ? { concurrencyModel: rule.concurrencyModel } : {}),
        ...(detail.subject !== undefined ? { subject: detail.subject } : {}),
      });
    }
    return [...findings.values()];
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

  /**
   * Gathers the arguments of every macro call found at one depth into one document and parses it.
   * Items are wrapped in a module; expressions in a function, as a tuple when they are a
   * comma-separated argument list (`format!`, `assert_eq!`), as a block when they are statements.
   */
  private parseMacroArguments(pending: PendingMacro[], serial: number): Layer | undefined {
    let text = '';
    const segments: Segment[] = [];
    for (const { unit, args } of pending) {
      if (args.endIndex - args.startIndex < 3) continue;
      const content = args.text.slice(1, -1);
      if (!CAN_HOLD_CODE.test(content.replace(STRING_LITERAL, '""'))) continue;
      const [prefix, suffix] = ITEM_START.test(content)
        ? ['mod __macro_arguments {', '\n}\n']
        : hasTopLevelSemicolon(args)
          ? ['fn __macro_arguments() {', '\n}\n']
          : ['fn __macro_arguments() {(', '\n);}\n'];
      segments.push({ start: text.length + prefix.length, length: content.length, fileStart: unit.absolute(args.startIndex + 1) });
      text += prefix + content + suffix;
    }
    if (segments.length === 0) return undefined;
    const tree = this.parse(text);
    return tree ? new Layer(tree, text, segments, serial) : undefined;
  }

  dispose(): void {
    this.query.delete();
    this.parser.delete();
  }
}

/** What the groups' `use` declarations bind, in order, as one string to compare. */
function importsKey(groups: readonly ItemGroup[]): string {
  return groups.flatMap((group) => group.imports.map(([local, path]) => `${local}=${path}`)).join('\n');
}

function hasTopLevelSemicolon(tokenTree: Node): boolean {
  for (let i = 0; i < tokenTree.childCount; i++) if (tokenTree.child(i)?.type === ';') return true;
  return false;
}

/** Compiles all parts as one query; on failure, compiles them one by one to name the culprit. */
function compileCombinedQuery(language: Language, parts: { roles: PatternRole[]; query: string }[]): Query {
  try {
    return new Query(language, parts.map((p) => p.query).join('\n'));
  } catch (combinedError) {
    for (const { roles, query } of parts) {
      try {
        new Query(language, query).delete();
      } catch (error) {
        const owners = roles.map((role) => (role.kind === 'rule' ? `rule "${role.rule.id}"` : `internal ${role.kind} pattern`));
        throw new Error(`The ${owners.join(' and ')} has an invalid tree-sitter query: ${describeError(error)}`, { cause: error });
      }
    }
    throw combinedError;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
