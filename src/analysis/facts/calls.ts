import { normalisePath } from '../rules/rule';
import { CALL_QUERY } from '../syntax';
import type { FactCollector } from './collector';

/** Tuple structs and enum variants (`Some(..)`, `Point(..)`) are called like functions; by convention their names are capitalised. */
const CONSTRUCTOR = /(^|::)[A-Z][A-Za-z0-9_]*$/;

/** Calls by path and on `self`: the edges of the crate's call graph, and the blocking calls at its leaves. */
export const callFacts: FactCollector = {
  fact: 'calls',
  match: [{ query: CALL_QUERY }, { query: '(call_expression function: (field_expression value: (self) field: (field_identifier) @method))' }],
  collect: ({ captures }, ctx, sink) => {
    const site = captures.callee ?? captures.method;
    const written = captures.callee ? normalisePath(site.text) : `self.${site.text}`;
    if (CONSTRUCTOR.test(written)) return;
    const caller = sink.caller(site);
    sink.facts.calls.push({
      callee: captures.callee ? ctx.resolvePath(written) : written,
      written,
      at: sink.start(site),
      end: sink.end(site),
      ...(caller === undefined ? {} : { caller }),
      inAsync: ctx.isInAsync(site),
      deferred: ctx.isDeferred(site),
      inTest: ctx.contextOf(site) === 'test',
    });
  },
};
