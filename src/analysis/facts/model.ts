import type { Range } from '../model';

/**
 * What one file tells about the crate it belongs to, gathered in the same pass as its findings:
 * the modules it declares, its functions and what they call, and the types that take a lifetime.
 * The crate model (src/analysis/crate) joins every file's facts. Offsets are UTF-16 offsets into
 * the file, like a finding's; inside an item group they are relative to the group's start, so that
 * an edit elsewhere moves a group without touching its facts.
 */
export interface FileFacts {
  modules: ModuleFact[];
  functions: FunctionFact[];
  calls: CallFact[];
  /** Structs, enums, unions and type aliases declared with a lifetime parameter: `struct Opts<'a>`. */
  lifetimeTypes: string[];
}

/** A `mod` item. */
export interface ModuleFact {
  name: string;
  /** Declared `pub`, so the library may export what it holds. */
  isPublic: boolean;
  /** Declared in test code: `#[cfg(test)] mod tests;` and anything inside a test module. */
  inTest: boolean;
  /** `mod name { .. }` rather than `mod name;`, which names a file. */
  inline: boolean;
  /** The `#[path = ".."]` attribute's value, if any. */
  path?: string;
  /** The inline modules around the declaration, outermost first. */
  parents: string[];
}

/** A function with a body. */
export interface FunctionFact {
  name: string;
  /** The type of the `impl` block, or the trait of a default method: `Store` for `impl<T> Store<T>`. */
  owner?: string;
  /** A method of `impl Trait for Type`, whose signature the trait fixes. */
  traitImpl: boolean;
  isPublic: boolean;
  isAsync: boolean;
  /** The return type as written, white space collapsed; absent for `()`. */
  returns?: string;
  inTest: boolean;
  at: number;
  /** Where its name is, for a finding about the function. */
  nameAt: number;
  nameEnd: number;
  /**
   * The name's line and UTF-16 character, in a file's facts (not a group's). A name is on one line,
   * so these and its length place it; numbers rather than a Range, since every function has them
   * and few are reported, and the crate model keeps every file's facts.
   */
  nameLine?: number;
  nameCharacter?: number;
}

/**
 * A call the crate's own code makes, by path (`Store::new(..)`, `save(..)`) or on `self`, that may
 * lead to a blocking operation: the crate's own functions and the blocking operations themselves.
 * Calls into the standard library that do not block are left out, as are calls inside a closure
 * that runs later or elsewhere (`spawn_blocking(|| ..)`, a thread, the crate's own wrapper): the
 * caller does not wait for them.
 */
export interface CallFact {
  /** The path through the file's imports (`std::fs::File::open`), or `self.name` for a method of `self`. */
  callee: string;
  /** The callee as written, for messages. */
  written: string;
  at: number;
  end: number;
  /** The start of the function whose body holds the call, if any. */
  caller?: number;
  /** Runs on the async runtime: in an `async fn` or block, and not in a closure that runs later or elsewhere. */
  inAsync: boolean;
  inTest: boolean;
  /** The callee's range, in a file's facts (not a group's), for calls in async code: a finding may be reported there. */
  range?: Range;
}

export function noFacts(): FileFacts {
  return { modules: [], functions: [], calls: [], lifetimeTypes: [] };
}
