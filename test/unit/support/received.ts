import type { PlacedRuns } from '../../../src/analysis/anchoredFindings';
import type { FileAnalysis } from '../../../src/analysis/model';
import type { ReceivedDocument } from '../../../src/worker/packedFindings';

/** A reply as the host took it in, as a file's analysis: its findings placed in the file, `reuse` keeping those of runs that did not move. */
export function placedAnalysis({ summary, findings }: ReceivedDocument, reuse?: PlacedRuns): FileAnalysis {
  return { ...summary, findings: findings.placed(reuse) };
}
