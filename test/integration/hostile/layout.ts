// What the hostile workspace holds, shared by its generator (generate.ts) and the suite that checks
// the extension against it (hostile.test.ts). Paths are relative to the workspace folder, with `/`.

export const MANIFEST = 'Cargo.toml';

/** An ordinary file with one unwrap: the hints must still work on it at the end. */
export const CLEAN_FILE = 'src/main.rs';

/** Valid Rust, twenty times the default size limit: skipped as too large. */
export const HUGE_FILE = 'src/huge.rs';
export const HUGE_FILE_BYTES = 20 * 1024 * 1024;

/** Small files in nested folders, `modules/m<a>/n<b>/f<c>.rs`, each with one unwrap. */
export const SMALL_FILE_COUNT = 10_000;
export function smallFile(index: number): string {
  return `modules/m${Math.floor(index / 1000)}/n${Math.floor(index / 100) % 10}/f${index % 100}.rs`;
}

/** Text in Latin-1, which is not UTF-8, and bytes that look binary, both with a `.rs` name. */
export const LATIN1_FILE = 'src/latin1.rs';
export const BINARY_FILE = 'src/binary.rs';

/** A directory symlink to its own parent, and two file symlinks pointing at each other. */
export const DIRECTORY_LOOP = 'modules/m0/up';
export const SYMLINK_PAIR = ['src/ping.rs', 'src/pong.rs'];

/** Renamed by the suite while a scan runs; under `zz/` so that the scan reaches it last. */
export const RENAMED_FROM = 'zz/rename_me.rs';
export const RENAMED_TO = 'zz/renamed.rs';

/**
 * Cargo's build output: `target/debug/build/pkg<a>/out/gen<b>.rs`, every file with an unwrap, so a
 * scan that read one would report it.
 */
export const TARGET_FILE_COUNT = 100_000;
export const TARGET_FILES_PER_FOLDER = 1000;
const targetPackage = (index: number) => `target/debug/build/pkg${index}`;
export function targetFolder(index: number): string {
  return `${targetPackage(index)}/out`;
}
/** Every folder of target/. */
export function targetFolders(): string[] {
  const indexes = Array.from({ length: TARGET_FILE_COUNT / TARGET_FILES_PER_FOLDER }, (_, i) => i);
  return ['target', 'target/debug', 'target/debug/build', ...indexes.map(targetPackage), ...indexes.map(targetFolder)];
}

/** The Rust files a scan lists, and of those the ones it skips, with the reason it gives. */
export const LISTED_RUST_FILES = SMALL_FILE_COUNT + [CLEAN_FILE, HUGE_FILE, LATIN1_FILE, BINARY_FILE, RENAMED_FROM].length;
export const EXPECTED_SKIPS: [file: string, reason: string][] = [
  [BINARY_FILE, 'binary'],
  [HUGE_FILE, 'too-large'],
  [LATIN1_FILE, 'not-utf8'],
];
