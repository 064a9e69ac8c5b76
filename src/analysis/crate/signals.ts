import type { SignalInfo } from '../model';

/**
 * Signals only the crate model can give: they depend on where code lives (library or binary) or
 * on more than one file. Rules report what one file shows; these refine or add to it.
 */
export const printInLibrary: SignalInfo = {
  id: 'print-in-library',
  category: 'observability',
  polarity: 'concern',
  severity: 'information',
  weight: 1,
  message: 'a library prints to stdout/stderr',
  explanation:
    "This code is compiled into the crate's library, and a library's output belongs to the program that uses it: printing there cannot be filtered, redirected or turned off by the caller. Return the text, or emit it through `log`/`tracing`, and let the binary decide. (Clippy's `print_stdout` and `print_stderr` are restriction lints for the same reason: output left in library or debug code.)",
  question: 'Who is this output for? How would a program using this library silence or redirect it?',
};

export const undocumentedApi: SignalInfo = {
  id: 'undocumented-api',
  category: 'project',
  polarity: 'concern',
  severity: 'hint',
  weight: 1,
  message: "under half of the library's exported items are documented",
  explanation:
    "rustc's `missing_docs` lint and the API Guidelines (C-CRATE-DOC) ask for documentation on a library's exported items: the ones reachable from `lib.rs` through `pub` modules. Items private to the crate and binaries are not part of that API and are not counted.",
  question: 'How would a new user of this library learn what each exported item is for?',
};

export const apiDocCoverage: SignalInfo = {
  id: 'api-doc-coverage',
  category: 'project',
  polarity: 'info',
  severity: 'hint',
  message: "share of the library's exported items that are documented",
  explanation:
    "How many of the library's exported items (reachable from `lib.rs` through `pub` modules) carry a doc comment, as rustc's `missing_docs` would count them. Binaries and crate-private items are not counted.",
  question: 'Which of the undocumented items would a user most need explained?',
};

export const documentedApi: SignalInfo = {
  id: 'documented-api',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 2,
  message: "every exported item of the library is documented",
  explanation:
    "Every item the library exports has a doc comment, as rustc's `missing_docs` lint and the API Guidelines (C-CRATE-DOC) ask: the crate was written for others to use.",
  question: 'What did you most want a user of this API to understand?',
};

export const opaqueErrorInLibraryApi: SignalInfo = {
  id: 'anyhow-in-library-api',
  category: 'error-handling',
  polarity: 'concern',
  severity: 'information',
  weight: 1,
  message: "an exported library function returns `anyhow`/`eyre`'s opaque error",
  explanation:
    "`anyhow`'s own documentation suggests it for applications and `thiserror` for libraries: a caller of a library cannot match on an `anyhow::Error` to react to one failure and not another. Inside a binary it is the usual choice.",
  question: 'How would a caller of this function tell one failure from another and react to it?',
};

export const CRATE_SIGNALS: readonly SignalInfo[] = [printInLibrary, undocumentedApi, apiDocCoverage, documentedApi, opaqueErrorInLibraryApi];
