import type { CategoryId, Finding, Polarity } from './model';

/** How one polarity of findings is shown: as a diagnostic of some severity, a decoration, or not at all. */
export type Display = 'error' | 'warning' | 'information' | 'hint' | 'decoration' | 'off';

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
  display: { concern: 'information', strength: 'decoration', info: 'decoration' },
  testConcernDisplay: 'hint',
};

/** Whether a finding is shown at all under the policy. */
export function isShown(finding: Finding, policy: HintPolicy): boolean {
  if (policy.categories[finding.category] === false || policy.signals[finding.rule] === false) return false;
  if (!policy.analyzeTests && finding.context === 'test' && finding.category !== 'testing') return false;
  return displayOf(finding, policy) !== 'off';
}

export function displayOf(finding: Finding, policy: HintPolicy): Display {
  if (finding.polarity === 'concern' && finding.context === 'test') return policy.testConcernDisplay;
  return policy.display[finding.polarity];
}
