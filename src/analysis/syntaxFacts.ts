import type { Node } from 'web-tree-sitter';
import type { FileScope } from './fileScope';
import type { ItemGroup } from './itemGroups';
import type { Layer } from './macroLayers';
import { SYNCHRONOUS_ADAPTERS } from './rules/async';
import { SPAWNING_CALL } from './rules/ownership';
import { lastSegment, normalisePath, type DeclaringBlock } from './rules/rule';
import { PROPERTY_TEST_MACROS } from './rules/testing';
import { FUNCTION_QUERY, INNER_ATTRIBUTE_QUERY, isCfgTestAttribute, isDocumentable, isDocumentedAt, isPublic, isTestAttribute, itemAfter, OUTER_ATTRIBUTE_QUERY, PUBLIC_ITEM_QUERY, UNSAFE_BLOCK_QUERY } from './syntax';

/** Where a match of a syntax fact is: the file's scopes, the parsed layer and the group that holds it. */
export interface FactSite {
  scope: FileScope;
  layer: Layer;
  /** A node's start in the file. */
  at: (node: Node) => number;
  /** A node's end in the file. */
  end: (node: Node) => number;
  /** The group being analysed that holds the match; undefined for a neighbour's. */
  group: () => ItemGroup | undefined;
}

/**
 * What the engine records of a file as it matches it, whatever the rules: the scopes checks ask
 * about (test code, async bodies, loops, functions) and the counts of the project summary. Each
 * is a query and what to record of its matches.
 */
export interface SyntaxFact {
  query: string;
  record(captures: Record<string, Node>, site: FactSite): void;
}

const ASYNC_FN_HEADER = /\basync\s+(unsafe\s+)?(extern\s+("[^"]*"\s+)?)?fn\b/;

/**
 * `unsafe` among a function's modifiers, before its `fn`: `pub const unsafe extern "C" fn`. The
 * parameters after the name may hold `unsafe fn()` types, which do not make the function unsafe.
 */
function isUnsafeFnHeader(header: string): boolean {
  const fnKeyword = header.search(/\bfn\b/);
  return fnKeyword > 0 && /\bunsafe\b/.test(header.slice(0, fnKeyword));
}

/** Whether a closure is an argument of a synchronous adapter, which runs it where it is written. */
function runsInPlace(closure: Node): boolean {
  // Each parent is a walk down from the root: the closure's is looked up once.
  const parent = closure.parent;
  const call = parent?.type === 'arguments' ? parent.parent : null;
  const callee = call?.childForFieldName('function');
  return callee?.type === 'field_expression' && SYNCHRONOUS_ADAPTERS.has(callee.childForFieldName('field')?.text ?? '');
}

/** A `proptest!` or `quickcheck!` block is test code. */
export function markTestMacro(name: string, macro: Node, site: Pick<FactSite, 'scope' | 'at' | 'end'>): void {
  if (PROPERTY_TEST_MACROS.includes(name)) site.scope.tests.add(site.at(macro), site.end(macro), true);
}

const functions: SyntaxFact = {
  query: FUNCTION_QUERY,
  record: ({ function: fn, body }, { scope, layer, at, end, group }) => {
    const owner = group();
    if (owner) owner.counts.functions++;
    const header = layer.text.slice(fn.startIndex, body.startIndex);
    const bodyStart = at(body);
    const bodyEnd = end(body);
    scope.asyncBodies.add(bodyStart, bodyEnd, ASYNC_FN_HEADER.test(header));
    scope.loopBodies.add(bodyStart, bodyEnd, false);
    scope.declaringBlocks.add(bodyStart, bodyEnd, false);
    scope.functions.add(bodyStart, bodyEnd, at(fn));
    scope.unsafeCode.add(bodyStart, bodyEnd, isUnsafeFnHeader(header));
  },
};

const unsafeBlocks: SyntaxFact = {
  query: UNSAFE_BLOCK_QUERY,
  record: ({ block }, { scope, at, end }) => scope.unsafeCode.add(at(block), end(block), true),
};

/** `Store` for `Store<T>`, `crate::store::Store` or `&mut Store`. */
function typeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  const path = normalisePath(type.text.replace(/^&\s*(mut\s+)?/, '').replace(/^'\w+\s+/, ''));
  return lastSegment(path);
}

/** Where methods are declared, so a function's owner is found without walking up the tree. */
const declaringBlocks: SyntaxFact = {
  query: '[(impl_item body: (declaration_list) @body) (trait_item body: (declaration_list) @body)] @block',
  record: ({ block, body }, { scope, at, end }) => {
    const declaring: DeclaringBlock =
      block.type === 'impl_item'
        ? { owner: typeName(block.childForFieldName('type')), traitImpl: block.childForFieldName('trait') !== null }
        : { owner: block.childForFieldName('name')?.text, traitImpl: false };
    scope.declaringBlocks.add(at(body), end(body), declaring);
  },
};

const modules: SyntaxFact = {
  query: '(mod_item) @module',
  record: (_captures, { group }) => {
    const owner = group();
    if (owner) owner.counts.modules++;
  },
};

const publicItems: SyntaxFact = {
  query: PUBLIC_ITEM_QUERY,
  record: ({ visibility, item }, { layer, group }) => {
    const owner = isPublic(visibility) && isDocumentable(item) ? group() : undefined;
    if (!owner) return;
    owner.counts.publicItems++;
    if (isDocumentedAt(layer.text, item.startIndex)) owner.counts.documentedPublicItems++;
  },
};

/** An item under `#[test]`, `#[cfg(test)]` or a kin attribute is test code. */
const testAttributes: SyntaxFact = {
  query: OUTER_ATTRIBUTE_QUERY,
  record: ({ attribute }, { scope, at, end }) => {
    const text = attribute.text;
    if (!isTestAttribute(text) && !isCfgTestAttribute(text)) return;
    const item = itemAfter(attribute);
    if (item) scope.tests.add(at(item), end(item), true);
  },
};

/**
 * `#![cfg(test)]` makes the whole enclosing module (or file) test code. At the top of the tree it
 * reaches every item, also when the file is too broken to parse as a `source_file` and its root
 * is an error.
 */
const cfgTestModules: SyntaxFact = {
  query: INNER_ATTRIBUTE_QUERY,
  record: ({ attribute }, { scope, layer, at, end, group }) => {
    // Each parent is a walk down from the root: the attribute's is looked up once.
    const holder = isCfgTestAttribute(attribute.text.replace('#!', '#')) ? attribute.parent : null;
    if (!holder) return;
    scope.tests.add(at(holder), end(holder), true);
    const owner = layer.serial === 0 && !holder.parent ? group() : undefined;
    if (owner) owner.fileWide = true;
  },
};

/** A closure runs later or elsewhere, off the async code around it, unless an adapter runs it in place. */
const closures: SyntaxFact = {
  query: '(closure_expression) @closure',
  record: ({ closure }, { scope, at, end }) => {
    if (runsInPlace(closure)) return;
    const start = at(closure);
    const closureEnd = end(closure);
    scope.asyncBodies.add(start, closureEnd, false);
    scope.deferred.add(start, closureEnd, true);
  },
};

const asyncBlocks: SyntaxFact = {
  query: '(async_block) @async',
  record: (captures, { scope, at, end }) => scope.asyncBodies.add(at(captures.async), end(captures.async), true),
};

/** For a `for`, the capture is its body: the iterator expression runs once. */
const loops: SyntaxFact[] = ['[(while_expression) (loop_expression)] @loop', '(for_expression body: (_) @loop)'].map((query) => ({
  query,
  record: ({ loop }, { scope, at, end }) => scope.loopBodies.add(at(loop), end(loop), { spawnsTasks: SPAWNING_CALL.test(loop.text) }),
}));

export const SYNTAX_FACTS: readonly SyntaxFact[] = [functions, declaringBlocks, modules, publicItems, testAttributes, cfgTestModules, asyncBlocks, closures, unsafeBlocks, ...loops];
