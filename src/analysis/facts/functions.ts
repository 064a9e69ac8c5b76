import type { Node } from 'web-tree-sitter';
import { lastSegment, normalisePath, perNode, type RuleContext } from '../rules/rule';
import { FUNCTION_QUERY } from '../syntax';
import type { FactCollector } from './collector';

/** Plain `pub`, not `pub(crate)`: the crate's API. */
const PUBLIC_HEADER = /^\s*pub\s(?!\s*\()/;
const ASYNC_HEADER = /\basync\b/;

/** `Store` for `Store<T>`, `crate::store::Store` or `&mut Store`. */
function typeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  const path = normalisePath(type.text.replace(/^&\s*(mut\s+)?/, '').replace(/^'\w+\s+/, ''));
  return lastSegment(path);
}

interface Owner {
  owner?: string;
  traitImpl: boolean;
}

const FREE_FUNCTION: Owner = { traitImpl: false };

/** An `impl` block's type or a trait's name: read once per block for all its methods. */
const blockOwner = perNode((block: Node): Owner => {
  if (block.type === 'impl_item') return { owner: typeName(block.childForFieldName('type')), traitImpl: block.childForFieldName('trait') !== null };
  if (block.type === 'trait_item') return { owner: block.childForFieldName('name')?.text, traitImpl: false };
  return FREE_FUNCTION;
});

/** Where a function is declared: an `impl` block's type, or a trait of a default method. */
function ownerOf(fn: Node, ctx: RuleContext): Owner {
  const list = fn.parent;
  const block = list?.type === 'declaration_list' ? list.parent : null;
  return block ? blockOwner(block, ctx) : FREE_FUNCTION;
}

/** Functions with a body: their signatures, for rules that ask what one of the crate's functions returns or whether it blocks. */
export const functionFacts: FactCollector = {
  fact: 'functions',
  // The engine's own pattern for functions: the same text, so the combined query matches it once.
  match: { query: FUNCTION_QUERY },
  collect: ({ captures }, ctx, sink) => {
    const fn = captures.function;
    const name = fn.childForFieldName('name');
    if (!name || ctx.isInMacroArguments(fn)) return;
    // The header before the name holds the visibility and the qualifiers: read as text, not as nodes.
    const header = fn.text.slice(0, name.startIndex - fn.startIndex);
    const returns = fn.childForFieldName('return_type')?.text.replace(/\s+/g, ' ');
    sink.facts.functions.push({
      name: name.text,
      ...ownerOf(fn, ctx),
      isPublic: PUBLIC_HEADER.test(header),
      isAsync: ASYNC_HEADER.test(header),
      ...(returns === undefined || returns === '()' ? {} : { returns }),
      inTest: ctx.contextOf(fn) === 'test',
      at: sink.start(fn),
      nameAt: sink.start(name),
      nameEnd: sink.end(name),
    });
  },
};
