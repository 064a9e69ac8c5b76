import { byPosition, isOwnCode, isTestNoise, type CategoryId, type CrateManifest, type FileAnalysis, type Finding, type ProjectSummary, type ScanReport, type SkippedFile } from './model';

/** Counts of findings per category, then per signal: the shape tools downstream rely on. */
export type FindingSummary = Partial<Record<CategoryId, Record<string, number>>>;

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = {};
  for (const finding of findings) {
    const bySignal = (summary[finding.category] ??= {});
    bySignal[finding.rule] = (bySignal[finding.rule] ?? 0) + 1;
  }
  return summary;
}

export function summarizeProject(analyses: readonly FileAnalysis[], crates: readonly CrateManifest[]): ProjectSummary {
  const project: ProjectSummary = {
    crates: [...crates],
    files: analyses.length,
    lines: 0,
    codeLines: 0,
    modules: 0,
    functions: 0,
    publicItems: 0,
    documentedPublicItems: 0,
    filesWithSyntaxErrors: 0,
  };
  for (const analysis of analyses) {
    const { stats } = analysis;
    project.lines += stats.lines;
    if (isOwnCode(analysis)) project.codeLines += stats.codeLines;
    project.modules += stats.modules;
    project.functions += stats.functions;
    project.publicItems += stats.publicItems;
    project.documentedPublicItems += stats.documentedPublicItems;
    if (stats.hasSyntaxErrors) project.filesWithSyntaxErrors++;
  }
  return project;
}

/** Findings in a stable order: by file, then position, then signal. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || byPosition(a, b));
}

export function buildReport(
  root: string,
  analyses: readonly FileAnalysis[],
  crates: readonly CrateManifest[],
  manifestFindings: readonly Finding[],
  skipped: readonly SkippedFile[],
  options: { includeTests: boolean },
): ScanReport {
  const all = [...analyses.flatMap((a) => a.findings), ...manifestFindings];
  const findings = sortFindings(options.includeTests ? all : all.filter((f) => !isTestNoise(f)));
  return {
    root,
    files: analyses.length,
    skipped: [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    findings,
    project: summarizeProject(analyses, crates),
    nonAsciiFiles: analyses.filter((a) => a.stats.hasNonAscii).map((a) => a.file),
    ownCodeFiles: analyses.filter(isOwnCode).map((a) => a.file),
  };
}
