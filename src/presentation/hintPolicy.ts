import { isTestNoise, type AnchoredFinding, type CategoryId, type Finding, type FindingDescription, type Polarity } from '../analysis/model';

/**
 * How one polarity of findings is shown: as a diagnostic of the signal's own default severity
 * (`signal`) or of a fixed one, as a decoration, or not at all.
 */
export type Display = 'signal' | 'error' | 'warning' | 'information' | 'hint' | 'decoration' | 'off';

/** The settings that decide which findings show and how: the pure half of the hint settings. */
export interface HintPolicy {
  categories: Partial<Record<CategoryId, boolean>>;
  signals: Record<string, boolean>;
  analyzeTests: boolean;
  display: Record<Polarity, Display>;
  /** Concerns in test code are expected more often; they get this display instead. */
  testConcernDisplay: Display;
}

export const DEFAULT_HINT_POLICY: HintPolicy = {
  categories: {},
  signals: {},
  analyzeTests: true,
  display: { concern: 'signal', strength: 'decoration', info: 'decoration' },
  testConcernDisplay: 'hint',
};

/** Whether a finding is shown at all under the policy. */
export function isShown(finding: Finding | AnchoredFinding, policy: HintPolicy): boolean {
  if (policy.categories[finding.category] === false || policy.signals[finding.rule] === false) return false;
  if (!policy.analyzeTests && isTestNoise(finding)) return false;
  return displayOf(finding, policy) !== 'off';
}

/** The display of a finding, with `signal` resolved to the signal's default severity. */
export function displayOf(finding: FindingDescription, policy: HintPolicy): Exclude<Display, 'signal'> {
  const display = finding.polarity === 'concern' && finding.context === 'test' ? policy.testConcernDisplay : policy.display[finding.polarity];
  return display === 'signal' ? finding.severity : display;
}
