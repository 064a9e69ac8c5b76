import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countCodeLines } from '../analysis/codeLines';
import type { Finding, ScanReport } from '../analysis/model';
import { baselineLabel, starterLines, type StarterLines } from '../history/baseline';
import type { Baseline } from '../history/model';
import { NODE_GIT_FS } from './nodeGitFs';

/** The starter code of a candidate's folder: which lines are the starter's, and the baseline they came from, as the reviewer reads it. */
export interface Starter {
  lines: StarterLines;
  label: string;
}

/**
 * The starter of the folder at `root`, given its baseline: a commit of its repository, or a
 * folder; a name is looked up as a commit, tag or branch first, then as a folder relative to
 * `root` (or absolute). Says why when the folder cannot be compared with it.
 */
export async function readStarter(root: string, baseline: string | Baseline): Promise<Starter | { problem: string }> {
  const name = typeof baseline === 'string' ? baseline : baseline.kind === 'commit' ? baseline.commit : baseline.path;
  // Loaded only when a baseline is given: the git reader's libraries would cost every scan's start.
  const { compareWithNamedBaseline } = await import('../history/repositoryHistory');
  const compared = await compareWithNamedBaseline(NODE_GIT_FS, root, name);
  if (!compared.baseline || !compared.changes) return { problem: compared.baselineProblem ?? `cannot compare with the baseline ${name}` };
  // A baseline given as the reader proposed it keeps the proposal's name ("tag start", "root commit 1a2b3c4").
  return { lines: starterLines(compared.changes), label: baselineLabel(typeof baseline === 'string' ? compared.baseline : baseline) };
}

/** What counts as the candidate's in a scan: the findings and the lines of the crate's own code, and how many of the starter's findings were left out. */
export interface CandidateScope {
  findings: Finding[];
  codeLines: number;
  findingsLeftOut: number;
}

/**
 * The candidate's part of a scan of `root`: everything without a starter; with one, the findings
 * on the lines the candidate added or changed, and the crate's own code lines among them, counted
 * again from each file of it (a file that cannot be read again counts none).
 */
export function candidateScope(root: string, report: ScanReport, starter: Starter | undefined): CandidateScope {
  if (!starter) return { findings: report.findings, codeLines: report.project.codeLines, findingsLeftOut: 0 };
  const findings = report.findings.filter((f) => !starter.lines(f.file, f.range.start.line));
  let codeLines = 0;
  for (const file of report.ownCodeFiles) {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    codeLines += countCodeLines(text, (line) => !starter.lines(file, line));
  }
  return { findings, codeLines, findingsLeftOut: report.findings.length - findings.length };
}
