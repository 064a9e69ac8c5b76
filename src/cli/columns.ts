import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../analysis/model';
import { codePointColumn, LineIndex } from '../analysis/source';
import type { ColumnMapper } from './formats';

/**
 * Character columns for the findings. In ASCII files UTF-16 columns already count characters;
 * only the files with other characters (and findings) are read again to count code points.
 */
export function characterColumns(root: string, findings: readonly Finding[], nonAsciiFiles: readonly string[]): ColumnMapper {
  const lineIndexes = new Map<string, LineIndex>();
  const withFindings = new Set(findings.map((f) => f.file));
  for (const file of nonAsciiFiles) {
    if (!withFindings.has(file)) continue;
    try {
      lineIndexes.set(file, new LineIndex(new TextDecoder().decode(readFileSync(path.join(root, file)))));
    } catch {
      // A file gone since the scan keeps its UTF-16 columns.
    }
  }
  return (finding) => {
    const lines = lineIndexes.get(finding.file);
    const { start, end } = finding.range;
    if (!lines) return { column: start.character + 1, endColumn: end.character + 1 };
    return {
      column: codePointColumn(lines.lineText(start.line), start.character) + 1,
      endColumn: codePointColumn(lines.lineText(end.line), end.character) + 1,
    };
  };
}
