import type { DeclaringBlock } from '../rules/rule';
import { FUNCTION_QUERY } from '../syntax';
import type { FactCollector } from './collector';

/** Plain `pub`, not `pub(crate)`: the crate's API. */
const PUBLIC_HEADER = /^\s*pub\s(?!\s*\()/;
const ASYNC_HEADER = /\basync\b/;
const FREE_FUNCTION: DeclaringBlock = { traitImpl: false };

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
      ...(ctx.declaringBlock(fn) ?? FREE_FUNCTION),
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
