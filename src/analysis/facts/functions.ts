import type { DeclaringBlock } from '../rules/rule';
import { FUNCTION_QUERY } from '../syntax';
import type { FactCollector } from './collector';
import type { FunctionFact } from './model';

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
    const { function: fn, name } = captures;
    if (ctx.isInMacroArguments(fn)) return;
    // The header before the name holds the visibility and the qualifiers: read as text, not as nodes.
    const header = fn.text.slice(0, name.startIndex - fn.startIndex);
    const returns = captures.returns?.text.replace(/\s+/g, ' ');
    const block = ctx.declaringBlock(fn) ?? FREE_FUNCTION;
    const fact: FunctionFact = {
      name: name.text,
      traitImpl: block.traitImpl,
      isPublic: PUBLIC_HEADER.test(header),
      isAsync: ASYNC_HEADER.test(header),
      inTest: ctx.contextOf(fn) === 'test',
      at: sink.start(fn),
      nameAt: sink.start(name),
      nameEnd: sink.end(name),
    };
    // Set rather than spread in (see unpackOutcome).
    if (block.owner !== undefined) fact.owner = block.owner;
    if (returns !== undefined && returns !== '()') fact.returns = returns;
    sink.facts.functions.push(fact);
  },
};
