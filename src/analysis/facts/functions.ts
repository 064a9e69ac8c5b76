import type { Node } from 'web-tree-sitter';
import { normalisePath, lastSegment } from '../rules/rule';
import { FUNCTION_QUERY } from '../syntax';
import { inlineModulesAround, type FactCollector } from './collector';

/** `Store` for `Store<T>`, `crate::store::Store` or `&mut Store`. */
function typeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  const path = normalisePath(type.text.replace(/^&\s*(mut\s+)?/, '').replace(/^'\w+\s+/, ''));
  return lastSegment(path);
}

/** Where a function is declared: an `impl` block's type, or a trait of a default method. */
function ownerOf(fn: Node): { owner?: string; traitImpl: boolean } {
  const list = fn.parent;
  const block = list?.type === 'declaration_list' ? list.parent : null;
  if (block?.type === 'impl_item') return { owner: typeName(block.childForFieldName('type')), traitImpl: block.childForFieldName('trait') !== null };
  if (block?.type === 'trait_item') return { owner: block.childForFieldName('name')?.text, traitImpl: false };
  return { traitImpl: false };
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
    const children = fn.namedChildren;
    const returns = fn.childForFieldName('return_type')?.text.replace(/\s+/g, ' ');
    sink.facts.functions.push({
      name: name.text,
      ...ownerOf(fn),
      isPublic: children.some((c) => c?.type === 'visibility_modifier' && c.text === 'pub'),
      isAsync: children.some((c) => c?.type === 'function_modifiers' && /\basync\b/.test(c.text)),
      ...(returns === undefined || returns === '()' ? {} : { returns }),
      modules: inlineModulesAround(fn),
      inTest: ctx.contextOf(fn) === 'test',
      at: sink.start(fn),
      nameAt: sink.start(name),
      nameEnd: sink.end(name),
    });
  },
};
