import { readFileSync, statSync } from 'node:fs';
import { errorMessage } from '../analysis/errorMessage';
import { parseReview, type Review } from '../rubric/review';

/** An exported review is a few hundred KiB at most; anything far bigger is not one. */
const MAX_REVIEW_BYTES = 32 * 1024 * 1024;

/** A review exported as JSON (Copy Review or Save Review as JSON), or why the file is not one. */
export function readReviewFile(file: string): { review: Review } | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_REVIEW_BYTES) return { error: `${file} is ${Math.round(size / 1024 / 1024)} MiB, too large for an exported review` };
    const text = readFileSync(file, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { error: `${file} is not JSON: ${errorMessage(error)}` };
    }
    const parsed = parseReview(value);
    return 'error' in parsed ? { error: `${file} is not an exported review: ${parsed.error}` } : parsed;
  } catch (error) {
    return { error: `cannot read ${file}: ${errorMessage(error)}` };
  }
}
