import type { Node, Tree } from 'web-tree-sitter';

/** Attributes that make a function a test: `#[test]`, `#[tokio::test(..)]`, `#[rstest]`, `#[test_case(..)]` and kin. */
const TEST_ATTRIBUTE = /^#\[\s*(?:[\w]+\s*::\s*)*(test|rstest|test_case|quickcheck|proptest|wasm_bindgen_test)\b/;
const CFG_TEST_ATTRIBUTE = /^#\[\s*cfg\s*\((.*)\)\s*\]$/s;

export function isTestAttribute(attribute: string): boolean {
  return TEST_ATTRIBUTE.test(attribute);
}

/**
 * The value of a `cfg` predicate in a build without `test`: false or true when `test` alone
 * decides it, undefined when it rests on anything else (a feature, a target, `loom`).
 */
function withoutTest(predicate: string): boolean | undefined {
  const tokens = predicate.match(/"(?:[^"\\]|\\.)*"|[\w:]+|[(),=]/g) ?? [];
  let at = 0;
  const parse = (): boolean | undefined => {
    const word = tokens[at++];
    if (word === 'all' || word === 'any' || word === 'not') {
      const args: (boolean | undefined)[] = [];
      if (tokens[at] === '(') at++;
      while (at < tokens.length && tokens[at] !== ')') {
        args.push(parse());
        if (tokens[at] === ',') at++;
      }
      at++;
      if (word === 'not') return args[0] === undefined ? undefined : !args[0];
      if (word === 'all') return args.includes(false) ? false : args.every((arg) => arg === true) ? true : undefined;
      return args.includes(true) ? true : args.every((arg) => arg === false) ? false : undefined;
    }
    if (tokens[at] === '=') at += 2; // `feature = "x"`: not known here
    return word === 'test' ? false : undefined;
  };
  return parse();
}

/**
 * `#[cfg(test)]` and `#[cfg(all(test, ..))]`: a predicate false in every build without `test`,
 * so what it guards is test code. Not `#[cfg(not(test))]`, `#[cfg(any(test, feature = ".."))]`
 * or `#[cfg(not(all(test, loom)))]`, which other builds compile too.
 */
export function isCfgTestAttribute(attribute: string): boolean {
  const condition = CFG_TEST_ATTRIBUTE.exec(attribute)?.[1];
  return condition !== undefined && /\btest\b/.test(condition) && withoutTest(condition) === false;
}

export const COMMENT_TYPES: ReadonlySet<string> = new Set(['line_comment', 'block_comment']);

/**
 * A node's children, anonymous tokens too, read one by one. Not web-tree-sitter's `children`: it
 * keeps them in a field of every node, and the first time any node sets it, V8 drops the optimised
 * code that makes nodes (and the code that inlined it), in each worker.
 */
export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child) children.push(child);
  }
  return children;
}

export function isComment(node: Node): boolean {
  return COMMENT_TYPES.has(node.type);
}

/**
 * Per tree, the item after each attribute already found, by the attribute's id: the test scopes
 * and the test rules ask it of the same attribute, and each next sibling is a walk over the
 * parent's children.
 */
const itemsAfter = new WeakMap<Tree, Map<number, Node | null>>();

/** The item an outer attribute belongs to: the next sibling that is neither an attribute nor a comment. */
export function itemAfter(attribute: Node): Node | null {
  let found = itemsAfter.get(attribute.tree);
  if (!found) itemsAfter.set(attribute.tree, (found = new Map<number, Node | null>()));
  let item = found.get(attribute.id);
  if (item !== undefined) return item;
  item = attribute.nextNamedSibling;
  while (item && (item.type === 'attribute_item' || isComment(item))) item = item.nextNamedSibling;
  found.set(attribute.id, item);
  return item;
}

/** The outer attributes of an item, nearest first. */
export function attributesBefore(item: Node): Node[] {
  const attributes: Node[] = [];
  for (let p = item.previousNamedSibling; p && (p.type === 'attribute_item' || isComment(p)); p = p.previousNamedSibling) {
    if (p.type === 'attribute_item') attributes.push(p);
  }
  return attributes;
}

export function isDocComment(node: Node): boolean {
  return isComment(node) && /^(\/\/\/(?!\/)|\/\*\*(?!\*))/.test(node.text);
}

/**
 * Whether the text just above an item documents it: a `///` line, a doc block or `#[doc = ..]`,
 * possibly among other attributes, plain comments and blank lines. It reads the text rather than
 * sibling nodes, since tree-sitter finds a previous sibling by walking down from the root.
 */
export function isDocumentedAt(text: string, itemStart: number): boolean {
  let lineEnd = itemStart;
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.endsWith('*/')) {
      const open = text.lastIndexOf('/*', lineStart + text.slice(lineStart, lineEnd).lastIndexOf('*/'));
      if (open === -1) return false;
      if (text.startsWith('/**', open) && !text.startsWith('/***', open) && !text.startsWith('/**/', open)) return true;
      lineEnd = open;
      continue;
    }
    if (/^\/\/\/(?!\/)/.test(line) || /^#\[\s*doc\s*=/.test(line)) return true;
    if (line !== '' && !line.startsWith('//') && !/^#\[.*\]$/.test(line)) return false;
    lineEnd = lineStart - 1;
  }
  return false;
}

/** Items that can be `pub` and documented: the public API surface. */
const PUBLIC_ITEM_TYPES = [
  'function_item',
  'function_signature_item',
  'struct_item',
  'enum_item',
  'union_item',
  'trait_item',
  'type_item',
  'const_item',
  'static_item',
  'mod_item',
] as const;

/** Every call by path: `@callee` is the function's path, turbofish included. */
export const CALL_QUERY = '(call_expression function: [(identifier) (scoped_identifier) (generic_function)] @callee)';

/** A node's first named child that is not a comment. */
function firstNamedCodeChild(node: Node): Node | null {
  let child = node.firstNamedChild;
  while (child && isComment(child)) child = child.nextNamedSibling;
  return child;
}

/**
 * An attribute's parts: what its brackets hold (`meta`), its path, and its name, the path's last
 * segment (`main` of `#[tokio::main]`). Null for a path that names no item (`#[crate]`, a
 * macro's metavariable).
 */
export function attributeParts(attribute: Node): { meta: Node; path: Node; name: Node } | null {
  const meta = firstNamedCodeChild(attribute);
  const path = meta && firstNamedCodeChild(meta);
  const name = path?.type === 'scoped_identifier' ? path.childForFieldName('name') : path;
  return meta && path && name?.type === 'identifier' ? { meta, path, name } : null;
}

/**
 * Every outer (`#[..]`) attribute: `@attribute`. Outer and inner attributes are patterns of their
 * own, so that what reads them knows which one it has without asking each node its type.
 */
export const OUTER_ATTRIBUTE_QUERY = '(attribute_item) @attribute';
/** Every inner (`#![..]`) attribute: `@attribute`. */
export const INNER_ATTRIBUTE_QUERY = '(inner_attribute_item) @attribute';

/**
 * Every function with a body: `@function`, `@name`, `@returns` when it declares a return type, and
 * `@body`. The rules and facts that read a function's name or return type take the captures: the
 * query hands them over with the match, where each field asked of the node is a call into the parser.
 */
export const FUNCTION_QUERY = '(function_item name: (_) @name return_type: (_)? @returns body: (block) @body) @function';

/** Every `unsafe` block: `@site` (its keyword) and `@block`. */
export const UNSAFE_BLOCK_QUERY = '(unsafe_block "unsafe" @site) @block';

export const PUBLIC_ITEM_QUERY = `[${PUBLIC_ITEM_TYPES.map((t) => `(${t} (visibility_modifier) @visibility)`).join(' ')}] @item`;

/** `pub mod name;` is documented inside its own file with `//!`, so only inline items count. */
export function isDocumentable(item: Node): boolean {
  return item.type !== 'mod_item' || item.childForFieldName('body') !== null;
}

/** Plain `pub`: `pub(crate)` and friends are not the crate's public API. */
export function isPublic(visibility: Node): boolean {
  return visibility.text === 'pub';
}

/** A method of `impl Trait for Type`, whose signature the trait fixes. */
export function isTraitImplMethod(fn: Node): boolean {
  const parent = fn.parent;
  const impl = parent?.type === 'declaration_list' ? parent.parent : null;
  return impl?.type === 'impl_item' && impl.childForFieldName('trait') !== null;
}

/** The node's text with every descendant of the given types blanked to spaces, its line breaks kept. */
export function textWithout(node: Node, types: readonly string[]): string {
  const text = node.text;
  // In one pass, in document order: rebuilding the whole text per blanked node was quadratic.
  const pieces: string[] = [];
  let kept = 0;
  for (const inner of node.descendantsOfType([...types])) {
    if (!inner) continue;
    const start = inner.startIndex - node.startIndex;
    const end = inner.endIndex - node.startIndex;
    if (start < kept) continue;
    pieces.push(text.slice(kept, start), text.slice(start, end).replace(/[^\n]/g, ' '));
    kept = end;
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}

/** Comments and literals whose text is not code: blanked before a check reads code as text. */
export const NON_CODE_TYPES: readonly string[] = [...COMMENT_TYPES, 'string_literal', 'raw_string_literal', 'char_literal'];

/** Lines inside a block's braces that hold code: blank and comment-only lines do not count. */
export function codeLines(block: Node): number {
  return textWithout(block, [...COMMENT_TYPES])
    .slice(1, -1)
    .split('\n')
    .filter((line) => line.trim() !== '').length;
}
