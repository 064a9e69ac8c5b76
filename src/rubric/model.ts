/**
 * The rubric and the scale: plain data, shared by the extension, the webview and the export.
 * The scale is the one hiring scorecards use: four anchored levels and no neutral middle.
 */
export const LEVELS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_TITLES: Record<Level, string> = {
  'strong-no': 'Strong No',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong Yes',
};

/** A level's place on the scale, 1 to 4, for the weighted mean shown as a hint. */
export const LEVEL_SCORES: Record<Level, number> = { 'strong-no': 1, no: 2, yes: 3, 'strong-yes': 4 };

export interface RubricCategory {
  id: string;
  title: string;
  weight: number;
  /** The analysis signals whose findings are this category's evidence. */
  signals: string[];
  /** What each level means for this category. */
  descriptors: Record<Level, string>;
  /** The interview guide's question for this area. */
  question: string;
}

export interface Rubric {
  id: string;
  version: string;
  title: string;
  categories: RubricCategory[];
  /** Mistakes that lead to poor hiring decisions, shown to the reviewer as a checklist. */
  checklist: string[];
  /** The take-home's time-box in hours, when the hiring team gives one: the history's span is set against it. */
  expectedHours?: number;
}

/** Counts of a category's findings, by polarity and by whether they are in test code. */
export interface EvidenceCounts {
  concern: { code: number; test: number };
  strength: { code: number; test: number };
  info: { code: number; test: number };
}
