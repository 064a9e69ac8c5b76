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
