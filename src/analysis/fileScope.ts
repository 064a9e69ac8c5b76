import type { Node } from 'web-tree-sitter';
import { fileContext } from './context';
import { classifyLifetimes, type LifetimeVerdict } from './elision';
import { ImportTable } from './imports';
import type { Unit } from './macroLayers';
import type { CodeContext } from './model';
import type { DeclaringBlock, LoopScope, RuleContext } from './rules/rule';
import { ScopeIndex } from './scopes';
import { isComment, isDocumentedAt } from './syntax';

const STATEMENT_PARENTS = new Set(['block', 'declaration_list', 'source_file']);

/** Everything the rule checks may ask about one file, shared by all its units. */
export class FileScope {
  readonly imports = new ImportTable();
  readonly context: CodeContext;
  readonly tests = new ScopeIndex<true>();
  readonly asyncBodies = new ScopeIndex<boolean>();
  /** Closures that run later or elsewhere: work the code around them does not wait for. */
  readonly deferred = new ScopeIndex<true>();
  /** Function bodies, each with its function's start. */
  readonly functions = new ScopeIndex<number>();
  /** Loop bodies, and function bodies as `false` so a loop outside a nested function does not count. */
  readonly loopBodies = new ScopeIndex<LoopScope | false>();
  /** `impl` and `trait` bodies, and function bodies as `false`: a function declared in a function is free. */
  readonly declaringBlocks = new ScopeIndex<DeclaringBlock | false>();
  /** `unsafe` blocks as `true`, and function bodies as whether the function is an `unsafe fn`. */
  readonly unsafeCode = new ScopeIndex<boolean>();
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

export class UnitContext implements RuleContext {
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

  isDeferred(node: Node): boolean {
    return this.file.deferred.innermost(this.unit.absolute(node.startIndex)) === true;
  }

  isInMacroArguments(): boolean {
    return this.unit.layer.serial !== 0;
  }

  isInUnsafeCode(node: Node): boolean {
    return this.file.unsafeCode.innermost(this.unit.absolute(node.startIndex)) === true;
  }

  /** The absolute start of the function whose body holds the node. */
  enclosingFunction(node: Node): number | undefined {
    return this.file.functions.innermost(this.unit.absolute(node.startIndex));
  }

  enclosingLoop(node: Node): LoopScope | undefined {
    return this.file.loopBodies.innermost(this.unit.absolute(node.startIndex)) || undefined;
  }

  declaringBlock(fn: Node): DeclaringBlock | undefined {
    return this.file.declaringBlocks.innermost(this.unit.absolute(fn.startIndex)) || undefined;
  }

  resolvePath(pathText: string): string {
    return this.file.imports.resolve(pathText);
  }

  lifetimeVerdicts(fn: Node): LifetimeVerdict[] {
    return this.file.lifetimeVerdicts(this.unit, fn);
  }

  leadingComments(node: Node): string[] {
    const comments: string[] = [];
    // Each parent is a walk down from the root: every one below is looked up once.
    const parent = node.parent;
    const block = parent?.type === 'unsafe_block' ? parent.namedChildren.find((c) => c?.type === 'block') : undefined;
    for (const inner of block?.namedChildren ?? []) {
      if (!inner || !isComment(inner)) break;
      comments.push(inner.text);
    }
    let statement = node;
    for (let above = parent; above && !STATEMENT_PARENTS.has(above.type) && this.unit.inContent(above); above = above.parent) statement = above;
    for (let p = statement.previousNamedSibling; p && (isComment(p) || p.type === 'attribute_item'); p = p.previousNamedSibling) {
      if (isComment(p)) comments.push(p.text);
    }
    return comments;
  }

  isDocumented(item: Node): boolean {
    return isDocumentedAt(this.unit.layer.text, item.startIndex);
  }
}
