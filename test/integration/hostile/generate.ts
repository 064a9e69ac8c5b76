// Fills a folder with the hostile workspace of layout.ts: a 20 MiB Rust file, 10,000 small ones,
// a target/ of 100,000 files, symlink loops and files that are not UTF-8. It is generated for each
// run, never committed. Built by `node esbuild.config.mjs --tests`, then:
//   node out/test/integration/hostile/generate.js <empty folder>
// (test/integration/run.mjs --workspace-generator runs it on each host's temporary folder.)
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BINARY_FILE,
  CLEAN_FILE,
  DIRECTORY_LOOP,
  HUGE_FILE,
  HUGE_FILE_BYTES,
  LATIN1_FILE,
  MANIFEST,
  RENAMED_FROM,
  SMALL_FILE_COUNT,
  smallFile,
  SYMLINK_PAIR,
  TARGET_FILE_COUNT,
  TARGET_FILES_PER_FOLDER,
  targetFolder,
} from './layout';

const UNWRAP_FUNCTION = (name: string) => `pub fn ${name}(input: &str) -> u32 {\n    input.trim().parse::<u32>().unwrap()\n}\n`;

/** Many documented functions with an unwrap each, until the file reaches `bytes`. */
function hugeSource(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `/// Parses field ${i}.\n${UNWRAP_FUNCTION(`field_${i}`)}\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

export function generateHostileWorkspace(root: string): void {
  const write = (file: string, data: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), data);
  };
  write(MANIFEST, '[package]\nname = "hostile"\nversion = "0.1.0"\nedition = "2021"\n');
  write(CLEAN_FILE, `fn main() {\n    println!("{}", parse("42"));\n}\n\n${UNWRAP_FUNCTION('parse')}`);
  write(HUGE_FILE, hugeSource(HUGE_FILE_BYTES));
  write(RENAMED_FROM, UNWRAP_FUNCTION('renamed'));
  // "// Café crème" in Latin-1: é and è are single bytes that UTF-8 rejects.
  write(LATIN1_FILE, Uint8Array.from([...Buffer.from('// Caf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me\nfn main() {}\n')]));
  // The start of an ELF header, NUL bytes included.
  write(BINARY_FILE, Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...Array.from({ length: 248 }, (_, i) => i)]));

  for (let i = 0; i < SMALL_FILE_COUNT; i++) write(smallFile(i), UNWRAP_FUNCTION(`parse_${i}`));

  symlinkSync('..', path.join(root, DIRECTORY_LOOP));
  const [ping, pong] = SYMLINK_PAIR;
  symlinkSync(path.basename(pong), path.join(root, ping));
  symlinkSync(path.basename(ping), path.join(root, pong));

  // One file per folder and hard links to it for the rest: a walk sees as many entries, and making
  // a link, which writes no inode and no data, is several times faster than writing a file.
  for (let folder = 0; folder < TARGET_FILE_COUNT / TARGET_FILES_PER_FOLDER; folder++) {
    const dir = path.join(root, targetFolder(folder));
    mkdirSync(dir, { recursive: true });
    const first = path.join(dir, 'gen0.rs');
    writeFileSync(first, UNWRAP_FUNCTION('generated'));
    for (let i = 1; i < TARGET_FILES_PER_FOLDER; i++) linkSync(first, path.join(dir, `gen${i}.rs`));
  }
}

if (require.main === module) {
  const [root] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node out/test/integration/hostile/generate.js <empty folder>');
    process.exit(2);
  }
  const started = Date.now();
  generateHostileWorkspace(path.resolve(root));
  console.log(`generated the hostile workspace in ${root} in ${Date.now() - started} ms`);
}
