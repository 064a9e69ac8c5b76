import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId, type Finding, type ScanReport } from '../analysis/model';
import { summarizeFindings } from '../analysis/report';
import { signalById, SIGNALS } from '../analysis/signals';
import { POLARITY_ORDER } from '../presentation/polarity';
import { assessRubric, type CategoryAssessment } from '../rubric/assessment';
import { codeSpan, escapeMarkdown as md } from '../rubric/markdown';
import { LEVEL_TITLES, type Rubric } from '../rubric/model';
import { rankEvidence, startsThreads } from '../rubric/scoring';

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Converts a finding's UTF-16 columns to 1-based character columns, given its file's text. */
export type ColumnMapper = (finding: Finding) => { column: number; endColumn: number };

const TOP_LOCATIONS = 5;

/** Set when the report holds only the lines the candidate added or changed: since which baseline, and how many of the starter's findings were left out. */
export interface BaselineScope {
  label: string;
  leftOut: number;
}

function scopeSentence(scope: BaselineScope): string {
  return `Only lines the candidate added or changed since ${scope.label} are reported; ${scope.leftOut} finding${scope.leftOut === 1 ? '' : 's'} on the starter's lines left out.`;
}

/** The report written against a rubric: each category's suggestion and its evidence, ranked; `scope` says when the starter's lines are left out. */
export function formatReport(report: ScanReport, format: Format, columns: ColumnMapper, rubric: Rubric, scope?: BaselineScope): string {
  const assessed = assessRubric(rubric, report.findings, report.project.codeLines);
  const baseline = scope ? { baseline: { label: scope.label, findingsLeftOut: scope.leftOut, note: scopeSentence(scope) } } : {};
  switch (format) {
    case 'json':
      return `${JSON.stringify({ ...toJson(report, columns, rubric, assessed), ...baseline }, null, 2)}\n`;
    case 'sarif': {
      const sarif = toSarif(report, columns);
      // SARIF's own baseline fields compare runs; what was left out is said in the run's properties.
      return `${JSON.stringify({ ...sarif, runs: sarif.runs.map((run) => ({ ...run, ...(scope ? { properties: baseline } : {}) })) }, null, 2)}\n`;
    }
    case 'markdown':
      return withScopeLine(toMarkdown(report, columns, rubric, assessed), scope, (line) => `> ${md(line)}`);
    case 'text':
      return withScopeLine(toText(report, columns, rubric, assessed), scope, (line) => `  ${line}`);
  }
}

/** The report with the scope's sentence after its title line. */
function withScopeLine(output: string, scope: BaselineScope | undefined, render: (line: string) => string): string {
  if (!scope) return output;
  const end = output.indexOf('\n');
  return `${output.slice(0, end + 1)}${render(scopeSentence(scope))}\n${output.slice(end + 1)}`;
}

/** A suggestion as one line: the level when there is one, and the reason. */
function suggestionLine({ suggestion }: CategoryAssessment): string {
  return `${suggestion.level ? `suggested ${LEVEL_TITLES[suggestion.level]}` : 'no suggested level'}: ${suggestion.reason}`;
}

function location(finding: Finding, columns: ColumnMapper): string {
  return `${finding.file}:${finding.range.start.line + 1}:${columns(finding).column}`;
}

function byCategory(report: ScanReport): [CategoryId, Finding[]][] {
  return CATEGORY_IDS.map((id) => [id, report.findings.filter((f) => f.category === id)] as [CategoryId, Finding[]]).filter(
    ([, findings]) => findings.length > 0,
  );
}

/** The locations a reviewer should look at first, ranked as the scorecard ranks evidence (see rankEvidence). */
function topLocations(findings: Finding[], report: ScanReport): Finding[] {
  // Whether the crate starts threads is a fact of all its findings, not of one category's.
  return rankEvidence(findings, startsThreads(report.findings)).slice(0, TOP_LOCATIONS);
}

function countsByContext(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.context, (counts.get(f.context) ?? 0) + 1);
  return [...counts].map(([context, n]) => `${n} in ${context}`).join(', ');
}

function countsBySignal(findings: Finding[]): [string, Finding['polarity'], number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, n]) => [rule, signalById(rule)?.polarity ?? 'info', n] as [string, Finding['polarity'], number])
    .sort((a, b) => POLARITY_ORDER[a[1]] - POLARITY_ORDER[b[1]] || b[2] - a[2]);
}

const POLARITY_MARK = { concern: '-', strength: '+', info: '·' } as const;

function projectLines(report: ScanReport): string[] {
  const p = report.project;
  const crates = p.crates.map((c) => (c.error ? `${c.file} (${c.error})` : `${c.name ?? '(unnamed)'} ${c.edition ? `edition ${c.edition}` : 'no edition'}`));
  const docs = p.publicItems === 0 ? 'no public items' : `${p.documentedPublicItems}/${p.publicItems} public items documented`;
  return [
    `crates: ${crates.length > 0 ? crates.join('; ') : 'no Cargo.toml found'}`,
    `${p.files} Rust files, ${p.lines} lines (${p.codeLines} of the crate's own code), ${p.modules} modules, ${p.functions} functions, ${docs}`,
    ...(p.filesWithSyntaxErrors > 0 ? [`${p.filesWithSyntaxErrors} files do not parse cleanly; findings there are best-effort`] : []),
  ];
}

function toText(report: ScanReport, columns: ColumnMapper, rubric: Rubric, assessed: CategoryAssessment[]): string {
  const out: string[] = [`Rust take-home review: ${report.root}`, ...projectLines(report).map((l) => `  ${l}`), ''];
  out.push(`Suggested levels (${rubric.title}; the reviewer decides):`);
  for (const a of assessed) {
    out.push(`  ${a.category.title}: ${suggestionLine(a)}`);
    for (const f of a.evidence.findings.slice(0, TOP_LOCATIONS)) out.push(`    ${location(f, columns)}  ${f.message}${f.context === 'code' ? '' : ` [${f.context}]`}`);
  }
  out.push('');
  for (const [category, findings] of byCategory(report)) {
    out.push(`${CATEGORY_TITLES[category]} (${findings.length}: ${countsByContext(findings)})`);
    for (const [rule, polarity, n] of countsBySignal(findings)) out.push(`  ${POLARITY_MARK[polarity]} ${rule} ×${n}`);
    for (const f of topLocations(findings, report)) out.push(`    ${location(f, columns)}  ${f.message}${f.context === 'code' ? '' : ` [${f.context}]`}`);
    out.push('');
  }
  if (report.findings.length === 0) out.push('No findings.', '');
  if (report.skipped.length > 0) {
    out.push(`Skipped ${report.skipped.length} files:`);
    for (const s of report.skipped) out.push(`  ${s.file}: ${s.detail}`);
    out.push('');
  }
  return out.join('\n');
}

function toMarkdown(report: ScanReport, columns: ColumnMapper, rubric: Rubric, assessed: CategoryAssessment[]): string {
  const out: string[] = [`# Rust take-home review: ${md(report.root)}`, '', ...projectLines(report).map((l) => `- ${md(l)}`), ''];
  out.push(`## Suggested levels`, '', `${md(rubric.title)}: suggestions from the analysis; the reviewer decides.`, '');
  for (const a of assessed) {
    // Reasons name signals in code spans and hold no text from the repository.
    out.push(`### ${md(a.category.title)}: ${a.suggestion.level ? LEVEL_TITLES[a.suggestion.level] : 'no suggestion'}`, '', a.suggestion.reason, '');
    for (const f of a.evidence.findings.slice(0, TOP_LOCATIONS)) out.push(`- ${codeSpan(location(f, columns))} ${f.message} (${f.context})`);
    if (a.evidence.findings.length > 0) out.push('');
  }
  out.push('| Category | Concerns | Strengths | Info |', '| --- | ---: | ---: | ---: |');
  for (const [category, findings] of byCategory(report)) {
    const n = (p: Finding['polarity']) => findings.filter((f) => f.polarity === p).length;
    out.push(`| ${CATEGORY_TITLES[category]} | ${n('concern')} | ${n('strength')} | ${n('info')} |`);
  }
  out.push('');
  for (const [category, findings] of byCategory(report)) {
    out.push(`## ${CATEGORY_TITLES[category]}`, '');
    for (const [rule, polarity, n] of countsBySignal(findings)) out.push(`- ${polarity}: \`${rule}\` × ${n}`);
    out.push('', 'Top locations:', '');
    for (const f of topLocations(findings, report)) // Messages come from the signal catalogue; the parts taken from the code are Rust identifiers
    // and paths, which cannot hold Markdown-active characters, so their inline code is kept.
    out.push(`- ${codeSpan(location(f, columns))} ${f.message} (${f.context})`);
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push('## Skipped files', '');
    for (const s of report.skipped) out.push(`- ${md(s.file)}: ${md(s.detail)}`);
    out.push('');
  }
  return out.join('\n');
}

function jsonFinding(f: Finding, columns: ColumnMapper) {
  const { column, endColumn } = columns(f);
  return {
    rule: f.rule,
    category: f.category,
    polarity: f.polarity,
    file: f.file,
    line: f.range.start.line + 1,
    column,
    endLine: f.range.end.line + 1,
    endColumn,
    context: f.context,
    message: f.message,
  };
}

function toJson(report: ScanReport, columns: ColumnMapper, rubric: Rubric, assessed: CategoryAssessment[]) {
  return {
    root: report.root,
    files: report.files,
    skipped: report.skipped.map((s) => ({ file: s.file, reason: `${s.reason}: ${s.detail}` })),
    findings: report.findings.map((f) => jsonFinding(f, columns)),
    summary: summarizeFindings(report.findings),
    rubric: {
      id: rubric.id,
      version: rubric.version,
      categories: assessed.map(({ category, evidence, suggestion }) => ({
        id: category.id,
        title: category.title,
        suggestion: suggestion.level ? { level: suggestion.level, reason: suggestion.reason } : null,
        // Why there is no level: too little evidence, or evidence both ways.
        ...(suggestion.level ? {} : { noSuggestion: suggestion.reason }),
        evidence: evidence.findings.slice(0, TOP_LOCATIONS).map((f) => jsonFinding(f, columns)),
      })),
    },
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function toSarif(report: ScanReport, columns: ColumnMapper) {
  const ruleIndex = new Map(SIGNALS.map((s, i) => [s.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rust-review',
            fullName: 'Rust Take-Home Review',
            rules: SIGNALS.map((s) => ({
              id: s.id,
              shortDescription: { text: s.message },
              fullDescription: { text: s.explanation },
              help: { text: `${s.explanation}\n\nAsk the candidate: ${s.question}`, markdown: `${s.explanation}\n\n**Ask the candidate:** ${s.question}` },
              defaultConfiguration: { level: s.polarity === 'concern' ? SARIF_LEVEL[s.severity] : 'none' },
              properties: { category: s.category, polarity: s.polarity },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: report.findings.map((f) => {
          const { column, endColumn } = columns(f);
          return {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? -1,
            kind: f.polarity === 'concern' ? 'fail' : 'informational',
            level: f.polarity === 'concern' ? SARIF_LEVEL[f.severity] : 'none',
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                  region: { startLine: f.range.start.line + 1, startColumn: column, endLine: f.range.end.line + 1, endColumn },
                },
              },
            ],
            properties: { category: f.category, polarity: f.polarity, context: f.context },
          };
        }),
      },
    ],
  };
}
