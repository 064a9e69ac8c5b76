import { blockingOperation } from '../rules/calls';
import { normalisePath } from '../rules/rule';
import { CALL_QUERY } from '../syntax';
import type { FactCollector } from './collector';
import type { CallFact } from './model';

/** Tuple structs and enum variants (`Some(..)`, `Point(..)`) are called like functions; by convention their names are capitalised. */
const CONSTRUCTOR = /(^|::)[A-Z][A-Za-z0-9_]*$/;

/** The crates of the standard library: a path into one never names a function of the crate's own. */
export const STANDARD_CRATES: ReadonlySet<string> = new Set(['std', 'core', 'alloc']);

/** Whether a path leads into the standard library without blocking: nowhere the call graph follows. */
function leadsNowhere(callee: string): boolean {
  const root = callee.indexOf('::');
  return root !== -1 && STANDARD_CRATES.has(callee.slice(0, root)) && blockingOperation(callee) === undefined;
}

/**
 * Calls by path and on `self`: the edges of the crate's call graph, and the blocking calls at its
 * leaves. The graph is all that reads them, so calls it cannot follow are not recorded: into the
 * standard library without blocking, and in work handed off (a closure given to a thread or to
 * `spawn_blocking`), which the caller does not wait for. In tokio they are a quarter of all calls.
 */
export const callFacts: FactCollector = {
  fact: 'calls',
  match: [{ query: CALL_QUERY }, { query: '(call_expression function: (field_expression value: (self) field: (field_identifier) @method))' }],
  collect: ({ captures }, ctx, sink) => {
    const site = captures.callee ?? captures.method;
    const text = site.text;
    const written = captures.callee ? normalisePath(text) : `self.${text}`;
    if (CONSTRUCTOR.test(written)) return;
    const callee = captures.callee ? ctx.resolvePath(written) : written;
    if (leadsNowhere(callee) || ctx.isDeferred(site)) return;
    const caller = sink.caller(site);
    const at = sink.start(site);
    const fact: CallFact = { callee, written, at, end: at + text.length, inAsync: ctx.isInAsync(site), inTest: ctx.contextOf(site) === 'test' };
    if (caller !== undefined) fact.caller = caller;
    sink.facts.calls.push(fact);
  },
};
