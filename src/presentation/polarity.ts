/** How each polarity of finding is named, ordered and marked wherever findings are shown. */
import type { Polarity } from '../analysis/model';

/** Concerns first, then strengths, then info: the order a reviewer reads findings in. */
export const POLARITY_ORDER: Record<Polarity, number> = { concern: 0, strength: 1, info: 2 };

/** The name of a polarity, as a label or spoken before a finding. */
export const POLARITY_TITLES: Record<Polarity, string> = { concern: 'Concern', strength: 'Strength', info: 'Info' };

/** The codicon of a polarity: in the scorecard, and as `$(name)` in VS Code's own lists. */
export const POLARITY_CODICONS: Record<Polarity, string> = { concern: 'warning', strength: 'pass', info: 'info' };

/** The mark before a hint's inline text, per polarity: plain characters, since inline text has no icons. */
export const POLARITY_MARK: Record<Polarity, string> = { concern: '✗', strength: '✓', info: '•' };
