/**
 * How much bytecode a function runs, in V8's units, before it counts towards optimisation: about
 * 4.4 times V8 11's default of 67,584. A scan is a batch job of seconds, and each worker is a fresh
 * isolate: at the default, every worker sends hundreds of the rules' and facts' functions to
 * TurboFan. Over tokio the compiling cost more CPU time than the optimised code saved; over the
 * standard library, a longer run, about as much. CONTRIBUTING's Benchmark section has the figures.
 */
export const INTERRUPT_BUDGET = 300_000;

/**
 * The V8 flags the CLI sets as it starts, before its workers exist: V8's flags belong to the
 * process, and a worker's isolate reads them as it runs. Set only on V8 before 12 (Node 20 and
 * 21), where the budget was measured: from V8 12 (Node 22) Maglev tiers up between Sparkplug and
 * TurboFan, with budgets of its own. A budget given on node's command line is left as given.
 */
export function batchFlags(v8Version: string, execArgv: readonly string[]): string[] {
  const major = Number.parseInt(v8Version, 10);
  if (!(major < 12) || execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return [];
  return [`--interrupt-budget=${INTERRUPT_BUDGET}`];
}
