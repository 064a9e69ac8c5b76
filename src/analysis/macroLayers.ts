import type { Node, Tree } from 'web-tree-sitter';
import { lastStartingAtOrBefore, startField } from './sortedStarts';

/** Macros inside macros are re-parsed down to this depth; real code rarely nests past three. */
export const MAX_MACRO_DEPTH = 6;

/** Macro arguments that start like an item are re-parsed as items; anything else as expressions. */
const ITEM_START =
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(#!?\[|pub\b|fn\b|async\s+fn\b|unsafe\s+(fn|impl)\b|impl\b|struct\b|enum\b|union\b|trait\b|type\b|mod\b|use\b|extern\b|static\b|const\s+(fn\b|[A-Za-z_]\w*\s*:)|macro_rules!)/;
/** Arguments with no call, path, method or nested group cannot hold a finding: skip the re-parse. */
const CAN_HOLD_CODE = /[.?!([{]|::/;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

/**
 * Where a piece of parsed text sits in the file. The file itself is one segment; the arguments of
 * every macro call at one nesting depth are gathered into one synthetic document, each inside a
 * small wrapper, so that a whole depth costs one parse and one query run.
 */
export class Segment {
  /** A class rather than an object literal, as spans are (see Span in itemGroups.ts). */
  constructor(
    /** Offset of the content in the parsed text. */
    readonly start: number,
    readonly length: number,
    /** Offset of the content in the file. */
    readonly fileStart: number,
  ) {}
}

/** One parsed text (the file, or one depth of macro arguments) and its segments, in order. */
export class Layer {
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
    const found = lastStartingAtOrBefore(this.segments, node.startIndex, startField);
    if (found === -1) return undefined;
    const unit = (this.units[found] ??= new Unit(this, this.segments[found]));
    return unit.inContent(node) ? unit : undefined;
  }
}

export class Unit {
  /** The file's own text, which no wrapper surrounds: every node of its tree is content. */
  private readonly isWholeText: boolean;

  constructor(
    readonly layer: Layer,
    readonly segment: Segment,
  ) {
    this.isWholeText = segment.start === 0 && segment.length === layer.text.length;
  }

  inContent(node: Node): boolean {
    // A node's end is a call into the parser's memory, and this runs once per match: skipped when it cannot fail.
    return this.isWholeText || (node.startIndex >= this.segment.start && node.endIndex <= this.segment.start + this.segment.length);
  }

  absolute(index: number): number {
    return this.segment.fileStart + index - this.segment.start;
  }
}

/** A macro call whose arguments are to be parsed at the next depth. */
export interface PendingMacro {
  unit: Unit;
  args: Node;
}


/**
 * Gathers the arguments of every macro call found at one depth into one document to parse.
 * Items are wrapped in a module; expressions in a function, as a tuple when they are a
 * comma-separated argument list (`format!`, `assert_eq!`), as a block when they are statements.
 */
export function macroArgumentsDocument(pending: readonly PendingMacro[]): { text: string; segments: Segment[] } | undefined {
  let text = '';
  const segments: Segment[] = [];
  for (const { unit, args } of pending) {
    if (args.endIndex - args.startIndex < 3) continue;
    const content = args.text.slice(1, -1);
    if (!CAN_HOLD_CODE.test(content.replace(STRING_LITERAL, '""'))) continue;
    const [prefix, suffix] = ITEM_START.test(content)
      ? ['mod __macro_arguments {', '\n}\n']
      : content.includes(';') && hasTopLevelSemicolon(args)
        ? ['fn __macro_arguments() {', '\n}\n']
        : ['fn __macro_arguments() {(', '\n);}\n'];
    segments.push(new Segment(text.length + prefix.length, content.length, unit.absolute(args.startIndex + 1)));
    text += prefix + content + suffix;
  }
  return segments.length === 0 ? undefined : { text, segments };
}

/** Asked only of arguments whose text holds a `;`: each child is a call into the parser's memory. */
function hasTopLevelSemicolon(tokenTree: Node): boolean {
  for (let i = 0; i < tokenTree.childCount; i++) if (tokenTree.child(i)?.type === ';') return true;
  return false;
}
