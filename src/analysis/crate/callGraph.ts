import { STANDARD_CRATES } from '../facts/calls';
import type { CallFact, FileFacts, FunctionFact } from '../facts/model';
import { lastSegment } from '../rules/rule';

/** One of the crate's functions, with the calls its own body makes (not those of closures it hands to a thread). */
export interface CrateFunction {
  file: string;
  fact: FunctionFact;
  calls: CallFact[];
}

/** How a blocking operation is described, from the path a call resolves to; undefined when it does not block. */
export type BlockingOperations = (path: string) => string | undefined;

export function functionLabel(fn: FunctionFact): string {
  return fn.owner ? `${fn.owner}::${fn.name}` : fn.name;
}

/**
 * The crate's functions by name and the calls between them, judged by syntax: a call by path or on
 * `self` names a function of the crate when its name, and its type where written, match one. A
 * call that could name several is followed only when all of them agree, so a guess never speaks.
 */
export class CallGraph {
  private readonly byName = new Map<string, CrateFunction[]>();
  /** Per file, its functions by their start. */
  private readonly byLocation = new Map<string, Map<number, CrateFunction>>();
  private readonly byFile = new Map<string, CrateFunction[]>();
  private readonly blocking = new Map<CrateFunction, string[] | null>();
  /** The candidates of each path asked about (of `self.` paths, per owner), until the functions or the external crates change. */
  private readonly candidatesOf = new Map<string, CrateFunction[]>();

  /** The crates the manifests depend on, whose paths are never the crate's own functions. */
  private externalCrates: ReadonlySet<string> = new Set();

  constructor(private readonly operations: BlockingOperations) {}

  /** Sets the crates the manifests depend on: what a path names, and so what blocks, may change with them. */
  setExternalCrates(crates: ReadonlySet<string>): void {
    this.externalCrates = crates;
    this.blocking.clear();
    this.candidatesOf.clear();
  }

  /** Puts a file's functions and calls in place of what it had: an edit costs the file's functions, not the crate's. */
  setFile(file: string, facts: FileFacts): void {
    this.removeFile(file);
    const functions: CrateFunction[] = [];
    const byStart = new Map<number, CrateFunction>();
    for (const fact of facts.functions) {
      const fn: CrateFunction = { file, fact, calls: [] };
      functions.push(fn);
      byStart.set(fact.at, fn);
      const list = this.byName.get(fact.name);
      if (list) list.push(fn);
      else this.byName.set(fact.name, [fn]);
    }
    for (const call of facts.calls) if (call.caller !== undefined) byStart.get(call.caller)?.calls.push(call);
    this.byFile.set(file, functions);
    this.byLocation.set(file, byStart);
  }

  removeFile(file: string): void {
    const functions = this.byFile.get(file);
    this.blocking.clear();
    this.candidatesOf.clear();
    if (!functions) return;
    this.byFile.delete(file);
    this.byLocation.delete(file);
    for (const fn of functions) {
      const list = this.byName.get(fn.fact.name)?.filter((other) => other !== fn);
      if (list?.length) this.byName.set(fn.fact.name, list);
      else this.byName.delete(fn.fact.name);
    }
  }

  /** The crate's functions a call by this path (or `self.name`) may name: none for a path into another crate. */
  candidates(path: string, caller: CrateFunction | undefined): CrateFunction[] {
    const onSelf = path.startsWith('self.') || path.startsWith('Self::');
    // Async code calls the same few paths again and again: tokio's tests make 1,900 such calls.
    const key = onSelf ? `${caller?.fact.owner ?? ''}\0${path}` : path;
    let found = this.candidatesOf.get(key);
    if (!found) this.candidatesOf.set(key, (found = this.findCandidates(path, onSelf, caller)));
    return found;
  }

  private findCandidates(path: string, onSelf: boolean, caller: CrateFunction | undefined): CrateFunction[] {
    const segments = path.split('::');
    if (!onSelf && segments.length > 1 && (STANDARD_CRATES.has(segments[0]) || this.externalCrates.has(segments[0]))) return [];
    const name = path.startsWith('self.') ? path.slice('self.'.length) : lastSegment(path);
    const typed = segments.length > 1 && /^[A-Z]/.test(segments[segments.length - 2]) ? segments[segments.length - 2] : undefined;
    const owner = onSelf ? caller?.fact.owner : typed;
    if (onSelf && owner === undefined) return [];
    return (this.byName.get(name) ?? []).filter((fn) => fn.fact.owner === owner);
  }

  /**
   * What the crate's functions a call's subject may name return, when they all agree: the return
   * type as written, `''` for none. Undefined when the subject names none of the crate's functions
   * or they disagree. A subject is a path (`save`, `Store::save`) or a method on a receiver
   * (`self.save`, `store.save`), whose owner is not known.
   */
  returnTypeOf(subject: string): string | undefined {
    const dot = subject.lastIndexOf('.');
    const method = dot !== -1 && !subject.includes('(', dot);
    const candidates = method ? this.methodsNamed(subject.slice(dot + 1)) : this.candidates(subject, undefined);
    const returns = new Set(candidates.map((fn) => fn.fact.returns ?? ''));
    return returns.size === 1 ? [...returns][0] : undefined;
  }

  /** The crate's own methods of a name (functions with an owner type), which a call by that name on a value may be. */
  methodsNamed(name: string): CrateFunction[] {
    return (this.byName.get(name) ?? []).filter((fn) => fn.fact.owner !== undefined && !fn.fact.inTest);
  }

  functionAt(file: string, at: number): CrateFunction | undefined {
    return this.byLocation.get(file)?.get(at);
  }

  /**
   * How a synchronous function of the crate blocks, as the chain of calls down to the blocking
   * operation (`Store::new → File::open`); undefined when it does not, or when that is not sure.
   * An async function's body runs only when awaited, so calling one blocks nothing.
   */
  blockingChain(fn: CrateFunction): string[] | undefined {
    const known = this.blocking.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.blocking.set(fn, null); // a cycle reached again blocks nothing new
    const chain = fn.fact.isAsync ? undefined : this.findBlocking(fn);
    this.blocking.set(fn, chain ?? null);
    return chain;
  }

  /** The blocking chain a call starts: the operation itself, or a crate function that blocks, every candidate agreeing. */
  callChain(call: CallFact, caller: CrateFunction | undefined): string[] | undefined {
    const operation = this.operations(call.callee);
    if (operation !== undefined) return [call.written];
    const candidates = this.candidates(call.callee, caller);
    if (candidates.length === 0) return undefined;
    const chains = candidates.map((candidate) => this.blockingChain(candidate));
    return chains.every((chain) => chain !== undefined) ? chains[0] : undefined;
  }

  private findBlocking(fn: CrateFunction): string[] | undefined {
    for (const call of fn.calls) {
      const chain = this.callChain(call, fn);
      if (chain) return [functionLabel(fn.fact), ...chain];
    }
    return undefined;
  }
}
