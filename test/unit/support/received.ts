import { anchorFinding, FILE_ANCHOR, FileFindings, type PlacedRuns } from '../../../src/analysis/anchoredFindings';
import type { DocumentAnalysis } from '../../../src/analysis/engine';
import type { FileAnalysis } from '../../../src/analysis/model';
import type { ReceivedDocument } from '../../../src/worker/packedFindings';

/** A reply as the host took it in, as a file's analysis: its findings placed in the file, `reuse` keeping those of runs that did not move. */
export function placedAnalysis({ summary, findings }: ReceivedDocument, reuse?: PlacedRuns): FileAnalysis {
  return { ...summary, findings: findings.placed(reuse) };
}

/** A document's analysis, as the worker holds it, as a file's: its findings placed in the file. */
export function fileAnalysisOf({ summary, groups, fileFindings }: DocumentAnalysis): FileAnalysis {
  return { ...summary, findings: new FileFindings(groups, fileFindings.map((f) => anchorFinding(f, FILE_ANCHOR))).placed() };
}
