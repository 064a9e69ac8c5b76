import { codeBlock, codeSpan, dedent, escapeMarkdown as md } from '../rubric/markdown';
import { plural } from '../rubric/text';
import { disagreementWords, disagreements, levelTitle, type Calibration, type LevelPair, type MergedEvidence } from './calibration';

const cell = (pair: LevelPair) => {
  const words = disagreementWords(pair);
  return words ? `**${words}**` : '';
};

function evidenceLines(item: MergedEvidence, title: string): string[] {
  const { startLine, endLine } = item.range;
  const where = `${item.file}:${startLine + 1}${endLine > startLine ? `-${endLine + 1}` : ''}`;
  const who = item.pinnedBy.map((p) => md(p.reviewer));
  const lines = [`- ${codeSpan(where)} (${md(title)}), pinned by ${who.length === 2 ? `${who[0]} and ${who[1]}` : who[0]}`];
  // Each reviewer's note is their own Markdown, as in the review's export, kept to its line.
  for (const p of item.pinnedBy) if (p.note) lines.push(`  - ${md(p.reviewer)}: ${p.note.replace(/\s*\n\s*/g, ' ')}`);
  lines.push(codeBlock(dedent(item.snippet), 'rust').replace(/^/gm, '  '));
  return lines;
}

/**
 * The calibration as Markdown for the debrief: who reviewed what, the disagreements to talk through,
 * a table of both reviewers' levels, each category's notes side by side, and the evidence either
 * pinned. Names and file names are escaped or in code spans; the reviewers' notes stay Markdown.
 */
export function calibrationToMarkdown(calibration: Calibration): string {
  const [a, b] = calibration.reviewers.map(md);
  const { rubric } = calibration;
  const out: string[] = [`# Calibration: ${md(calibration.repository)}`, ''];
  out.push(`Two reviews of ${md(calibration.repository)}, by ${a} and ${b}, against ${md(rubric.title)} (${codeSpan(rubric.id)} ${md(rubric.version)}).`, '');
  for (const warning of calibration.warnings) out.push(`> **Check first:** ${md(warning)}.`, '');
  const talk = disagreements(calibration);
  out.push(
    talk.length === 0
      ? 'No disagreements: no two levels are two apart or on either side of the yes/no line.'
      : `**${plural(talk.length, 'disagreement', 'disagreements')} to talk through:** ${talk.map(md).join(', ')}.`,
    '',
  );
  out.push(`| Category | ${a} | ${b} | Disagreement |`, '| --- | --- | --- | --- |');
  for (const c of calibration.categories) out.push(`| ${md(c.title)} | ${levelTitle(c.levels[0])} | ${levelTitle(c.levels[1])} | ${cell(c)} |`);
  const r = calibration.recommendation;
  out.push(`| **Recommendation** | ${levelTitle(r.levels[0])} | ${levelTitle(r.levels[1])} | ${cell(r)} |`, '');

  const noted = calibration.categories.filter((c) => c.notes[0] || c.notes[1]);
  if (noted.length > 0) {
    out.push('## Notes', '');
    for (const c of noted) {
      const words = disagreementWords(c);
      out.push(`### ${md(c.title)}: ${levelTitle(c.levels[0])} and ${levelTitle(c.levels[1])}${words ? `, ${words}` : ''}`, '');
      c.notes.forEach((note, i) => out.push(`**${i === 0 ? a : b}:** ${note || '_No notes._'}`, ''));
    }
  }
  if (calibration.evidence.length > 0) {
    out.push('## Pinned evidence', '');
    const title = (id: string) => calibration.categories.find((c) => c.id === id)?.title ?? id;
    for (const item of calibration.evidence) out.push(...evidenceLines(item, title(item.categoryId)));
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
