import { lastStartingAtOrBefore, startField } from './sortedStarts';

/**
 * Nested ranges of a file (test items, async bodies, loop bodies) in absolute offsets, answering
 * "what is the innermost range around this offset?" in O(depth). Offsets are absolute so that code
 * re-parsed from macro arguments sits inside the ranges of the code around the macro call, without
 * walking parent links (which tree-sitter computes from the root on every call).
 */
export class ScopeIndex<T> {
  private readonly scopes: { start: number; end: number; value: T; parent: number }[] = [];
  private sorted = true;

  add(start: number, end: number, value: T): void {
    this.scopes.push({ start, end, value, parent: -1 });
    this.sorted = false;
  }

  /** The value of the innermost range containing `offset`, or undefined outside every range. */
  innermost(offset: number): T | undefined {
    this.prepare();
    let candidate = lastStartingAtOrBefore(this.scopes, offset, startField);
    // Ranges nest, so every range containing `offset` encloses the last one starting before it.
    while (candidate !== -1 && this.scopes[candidate].end <= offset) candidate = this.scopes[candidate].parent;
    return candidate === -1 ? undefined : this.scopes[candidate].value;
  }

  private prepare(): void {
    if (this.sorted) return;
    this.scopes.sort((a, b) => a.start - b.start || b.end - a.end);
    const open: number[] = [];
    this.scopes.forEach((scope, i) => {
      while (open.length > 0 && this.scopes[open[open.length - 1]].end < scope.end) open.pop();
      scope.parent = open.length > 0 ? open[open.length - 1] : -1;
      open.push(i);
    });
    this.sorted = true;
  }
}
