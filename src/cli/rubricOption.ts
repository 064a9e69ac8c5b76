import { readFileSync } from 'node:fs';
import { errorMessage } from '../analysis/errorMessage';
import { SIGNALS } from '../analysis/signals';
import { DEFAULT_RUBRIC } from '../rubric/defaultRubric';
import type { Rubric } from '../rubric/model';
import { parseRubric } from '../rubric/rubricFile';

/** The rubric `--rubric <file>` names, checked against the signals there are; the default rubric without one; or why the file cannot be used. */
export function readRubricOption(file: string | undefined): { rubric: Rubric } | { error: string } {
  if (!file) return { rubric: DEFAULT_RUBRIC };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read the rubric ${file}: ${errorMessage(error)}` };
  }
  const parsed = parseRubric(text, new Set(SIGNALS.map((s) => s.id)));
  return 'error' in parsed ? { error: `the rubric ${file} is not valid: ${parsed.error}` } : { rubric: parsed.rubric };
}
