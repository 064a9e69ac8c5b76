import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { judgeCrate } from '../analysis/crate';
import { RustAnalyzer, type AnalysisOutcome } from '../analysis/engine';
import { errorMessage } from '../analysis/errorMessage';
import { analyzeManifest } from '../analysis/manifest';
import { analyzeProject, needsText, type ManifestText, type ProjectFile } from '../analysis/project';
import type { CrateManifest, FileAnalysis, Finding, ScanReport, SkippedFile } from '../analysis/model';
import { buildReport } from '../analysis/report';
import { DEFAULT_MAX_FILE_BYTES } from '../analysis/source';
import { grammarPaths, readGrammarBinaries } from './grammar';
import { AnalysisPool } from './pool';
import { walkRustProject } from './walk';

export interface ScanOptions {
  includeTests?: boolean;
  maxFileBytes?: number;
  /** Worker threads to use; 0 analyses on the calling thread. Default: by the amount of code. */
  threads?: number;
  /** The directory holding the built bundles and WASM files (`dist/`). */
  bundleDir?: string;
  onProgress?: (done: number, total: number) => void;
  /** Worker threads already started, shared with other scans (see scanDirectories); `threads` is then ignored. */
  pool?: AnalysisPool;
}

/** Below this much Rust, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 512 * 1024;
/** Each worker compiles the query and its JavaScript anew; past a few, that costs more than the cores give. */
export const MAX_THREADS = 8;

/**
 * Scans several projects in one process, all at once over one pool of worker threads on every
 * core, so the workers start and load the grammar once, and one project's walk and crate model on
 * the main thread overlap the others' analysis.
 */
export async function scanDirectories(roots: readonly string[], options: Omit<ScanOptions, 'pool' | 'threads' | 'onProgress'> = {}): Promise<ScanReport[]> {
  const bundleDir = options.bundleDir ?? __dirname;
  const pool = AnalysisPool.start(path.join(bundleDir, 'worker-node.js'), Math.min(os.availableParallelism(), MAX_THREADS), readGrammarBinaries(grammarPaths(bundleDir)), {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  });
  try {
    return await Promise.all(roots.map((root) => scanDirectory(root, { ...options, pool })));
  } finally {
    pool.close();
  }
}

export async function scanDirectory(root: string, options: ScanOptions = {}): Promise<ScanReport> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bundleDir = options.bundleDir ?? __dirname;
  const walked = await walkRustProject(root, maxFileBytes);
  const skipped: SkippedFile[] = [...walked.skipped];
  // Synchronous: each small file costs one call instead of fs.promises' four round trips (open,
  // stat, read, close), which kept the main thread as busy as a third of a worker; it has nothing
  // else to do meanwhile but hand files to the workers.
  const read = (file: string): Uint8Array => readFileSync(path.join(root, file));

  const sources = walked.files.filter((f) => f.kind === 'rust');
  const totalBytes = sources.reduce((sum, f) => sum + f.size, 0);
  const threads = options.threads ?? (totalBytes < PARALLEL_THRESHOLD_BYTES ? 0 : Math.min(os.availableParallelism(), MAX_THREADS));
  const binaries = readGrammarBinaries(grammarPaths(bundleDir));
  // The workers start now and get ready while this thread reads the manifests and project files.
  // A pool given by the caller (several projects scanned at once) is the caller's to close.
  const ownPool = options.pool || threads === 0 ? undefined : AnalysisPool.start(path.join(bundleDir, 'worker-node.js'), threads, binaries, { maxFileBytes });
  const pool = options.pool ?? ownPool;
  try {
    const crates: CrateManifest[] = [];
    const manifestTexts: ManifestText[] = [];
    const manifestFindings: Finding[] = [];
    const projectFiles: ProjectFile[] = [];
    for (const walkedFile of walked.files) {
      const { file, kind } = walkedFile;
      if (kind === 'rust') continue;
      try {
        if (kind === 'manifest') {
          const text = await fs.readFile(walkedFile.absolute, 'utf8');
          const result = analyzeManifest(file, text);
          crates.push(result.manifest);
          manifestTexts.push({ manifest: result.manifest, text });
          manifestFindings.push(...result.findings);
        } else {
          projectFiles.push({ file, kind, ...(needsText(kind) ? { text: await fs.readFile(walkedFile.absolute, 'utf8') } : {}) });
        }
      } catch (error) {
        skipped.push({ file, reason: 'unreadable', detail: errorMessage(error) });
      }
    }
    manifestFindings.push(...analyzeProject({ manifests: manifestTexts, files: projectFiles, sources: sources.map((f) => f.file) }));

    const analyses: FileAnalysis[] = [];
    let done = 0;
    const collect = (outcome: AnalysisOutcome): void => {
      if (outcome.skipped) skipped.push(outcome.skipped);
      else analyses.push(outcome.analysis);
      options.onProgress?.(++done, sources.length);
    };
    const readOrSkip = (file: string): Uint8Array | undefined => {
      try {
        return read(file);
      } catch (error) {
        collect({ skipped: { file, reason: 'unreadable', detail: errorMessage(error) } });
        return undefined;
      }
    };
    if (pool) await pool.analyzeAll(sources.map((f) => f.file), readOrSkip, collect);
    else {
      const analyzer = await RustAnalyzer.create(binaries, { maxFileBytes });
      try {
        for (const { file } of sources) {
          const bytes = readOrSkip(file);
          if (bytes) collect(analyzer.analyzeBytes(file, bytes));
        }
      } finally {
        analyzer.dispose();
      }
    }
    analyses.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return buildReport(root, judgeCrate(analyses, crates), crates, manifestFindings, skipped, { includeTests: options.includeTests ?? false });
  } finally {
    ownPool?.close();
  }
}
