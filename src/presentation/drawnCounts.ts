/** The shown findings counted as drawn, and the status bar's text for them. */
import type { FindingDescription } from '../analysis/model';
import { displayOf, type HintPolicy } from './hintPolicy';
import { plural } from '../rubric/text';

/**
 * The shown findings counted as a reviewer sees them drawn: diagnostics by severity (the Problems
 * panel lists all but hints, which the editor draws as faint dots), and strengths by their gutter
 * mark. A strength drawn as a diagnostic counts under its severity.
 */
export interface DrawnCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
  strength: number;
}

const DRAWN_KINDS: readonly (keyof DrawnCounts)[] = ['error', 'warning', 'information', 'hint', 'strength'];

export function noCounts(): DrawnCounts {
  return { error: 0, warning: 0, information: 0, hint: 0, strength: 0 };
}

/** Adds (`sign` 1) or takes away (-1) one set of counts to or from the totals, in place. */
export function addCounts(totals: DrawnCounts, counts: DrawnCounts, sign: 1 | -1): void {
  for (const kind of DRAWN_KINDS) totals[kind] += sign * counts[kind];
}

/** How the findings, shown under the policy, are drawn, counted: a list of them, or a file's held group by group. */
export function countDrawn(findings: { forEach(visit: (finding: FindingDescription) => void): void }, policy: HintPolicy): DrawnCounts {
  const counts = noCounts();
  findings.forEach((finding) => {
    const display = displayOf(finding, policy);
    if (display === 'decoration') {
      if (finding.polarity === 'strength') counts.strength++;
    } else if (display !== 'off') counts[display]++;
  });
  return counts;
}

/**
 * The status bar's text, in VS Code's icon syntax, and its tooltip, one line each. The text
 * counts what the Problems panel lists (errors only when there are some), then the strengths;
 * the tooltip says what each number counts, and how many hints the Problems panel leaves out.
 */
export function statusSummary(counts: DrawnCounts): { text: string; tooltip: string } {
  const errors = counts.error > 0 ? `$(error) ${counts.error}  ` : '';
  const text = `$(checklist) ${errors}$(warning) ${counts.warning}  $(info) ${counts.information}  $(pass) ${counts.strength}`;
  const listed = [
    ...(counts.error > 0 ? [plural(counts.error, 'error', 'errors')] : []),
    plural(counts.warning, 'warning', 'warnings'),
    plural(counts.information, 'info', 'infos'),
  ];
  const tooltip = [
    'Rust Review, the hints drawn in the editor:',
    `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}, listed in the Problems panel`,
    ...(counts.hint > 0 ? [`${plural(counts.hint, 'hint', 'hints')}, drawn as dots under the code (the Problems panel does not list hints)`] : []),
    `${plural(counts.strength, 'strength', 'strengths')}, marked ✓ in the gutter`,
    'Click to open the scorecard.',
  ];
  return { text, tooltip: tooltip.join('\n') };
}
