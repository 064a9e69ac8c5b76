import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../analysis/model';
import { codePointColumn, LineIndex } from '../analysis/source';
import type { ColumnMapper } from './formats';

/**
 * Character columns for the files that have findings. Most files are ASCII, where UTF-16 columns
 * already count characters; only the others are read again to count code points.
 */
export function characterColumns(root: string, findings: readonly Finding[]): ColumnMapper {
  const lineIndexes = new Map<string, LineIndex | undefined>();
  for (const file of new Set(findings.map((f) => f.file))) {
    try {
      const bytes = readFileSync(path.join(root, file));
      lineIndexes.set(file, bytes.some((b) => b >= 0x80) ? new LineIndex(new TextDecoder().decode(bytes)) : undefined);
    } catch {
      lineIndexes.set(file, undefined);
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
