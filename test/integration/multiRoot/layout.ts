// The multi-root workspace of the multi-root suite: two folders that hold the same relative path
// with different code, and the .code-workspace file that opens both. Shared by the generator and
// the tests, which know where each unwrap is.

/** What test/integration/run.mjs opens (--workspace-file), relative to the generated folder. */
export const WORKSPACE_FILE = 'review.code-workspace';

/** The path both folders hold. */
export const SHARED_PATH = 'src/main.rs';

/** Each folder's name, its `src/main.rs`, and the zero-based line of the unwrap in it. */
export const FOLDERS = [
  { name: 'first', source: 'fn main() {\n    let n: u32 = "1".parse().unwrap();\n    println!("{n}");\n}\n', unwrapLine: 1 },
  { name: 'second', source: 'use std::fs;\n\nfn main() {\n    let text = fs::read_to_string("input.txt").unwrap();\n    println!("{text}");\n}\n', unwrapLine: 3 },
] as const;

/**
 * The second folder is a git repository whose first commit, tagged `start` by the hiring team,
 * holds the starter's `src/starter.rs`; the candidate's commit adds a function to it (and
 * `src/main.rs`). The folder's own settings set the baseline `start`; the first folder has none.
 */
export const STARTER_FOLDER = 'second';
export const STARTER_PATH = 'src/starter.rs';
export const STARTER_SOURCE = 'pub fn first(bytes: &[u8]) -> u8 {\n    unsafe { *bytes.get_unchecked(0) }\n}\n';
export const CANDIDATE_STARTER_SOURCE = `${STARTER_SOURCE}\npub fn second(bytes: &[u8]) -> u8 {\n    unsafe { *bytes.get_unchecked(1) }\n}\n`;
/** Zero-based lines of the `unsafe` blocks without a SAFETY comment: the starter's, and the candidate's. */
export const STARTER_UNSAFE_LINE = 1;
export const CANDIDATE_UNSAFE_LINE = 5;
