import { Edit, type Tree } from 'web-tree-sitter';
import type { DocumentAnalysis, RustAnalyzer } from '../analysis/engine';
import type { EditSpan } from '../analysis/itemGroups';

/** One edit as the editor reports it: UTF-16 offsets into the text before the edit. */
export interface TextEdit {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** An open document as the worker holds it: its text, its syntax tree and its analysis. */
interface ParsedDocument {
  file: string;
  version: number;
  text: string;
  tree: Tree;
  analysis: DocumentAnalysis;
}

type Point = { row: number; column: number };

/** A document's analysis after an edit: its groups numbered from `newFrom` on are new since the analysis before, the others kept. */
export interface DocumentChange {
  analysis: DocumentAnalysis;
  newFrom: number;
}

/** The row and UTF-16 column of an offset, counted from the start of `text`. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The point reached after writing `inserted` at `start`. */
function advance(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak === -1) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - lastBreak - 1 };
}

/**
 * The documents open in the editor, each with its syntax tree. An edit is applied to the old tree
 * with `tree.edit` so the next parse reuses everything the edit did not touch.
 */
export class DocumentStore {
  private readonly documents = new Map<string, ParsedDocument>();

  constructor(private readonly analyzer: RustAnalyzer) {}

  /** Opens a document, analysed whole. */
  open(uri: string, file: string, version: number, text: string): DocumentAnalysis | undefined {
    this.close(uri);
    const tree = this.analyzer.parse(text);
    if (!tree) return undefined;
    const analysis = this.analyzer.analyzeDocument(file, text, tree);
    this.documents.set(uri, { file, version, text, tree, analysis });
    return analysis;
  }

  /**
   * Applies edits in order, each relative to the text the previous one left, then re-parses
   * incrementally. Returns undefined when the document is unknown (the host then re-opens it).
   */
  change(uri: string, version: number, edits: readonly TextEdit[]): DocumentChange | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    let { text } = document;
    const spans: EditSpan[] = [];
    for (const edit of edits) {
      const start = edit.rangeOffset;
      const oldEnd = start + edit.rangeLength;
      const startPosition = pointAt(text, start);
      const oldEndPosition = advance(startPosition, text.slice(start, oldEnd));
      const newEndPosition = advance(startPosition, edit.text);
      text = text.slice(0, start) + edit.text + text.slice(oldEnd);
      const offsets = { startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + edit.text.length };
      spans.push({ ...offsets, oldEndRow: oldEndPosition.row, newEndRow: newEndPosition.row });
      document.tree.edit(new Edit({ ...offsets, startPosition, oldEndPosition, newEndPosition }));
    }
    const tree = this.analyzer.parse(text, document.tree);
    if (!tree) return undefined;
    const changedRanges = document.tree.getChangedRanges(tree);
    document.tree.delete();
    const previous = document.analysis;
    const analysis = this.analyzer.analyzeDocument(document.file, text, tree, { previous, edits: spans, changedRanges });
    Object.assign(document, { version, text, tree, analysis });
    return { analysis, newFrom: previous.nextSerial };
  }

  /**
   * Opens a copy of an open document under another URI and returns its text. The copy shares the
   * document's analysis, which an edit of either leaves as it is, and has a tree of its own.
   */
  copy(uri: string, copyUri: string): string | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    this.close(copyUri);
    this.documents.set(copyUri, { ...document, tree: document.tree.copy() });
    return document.text;
  }

  versionOf(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  close(uri: string): void {
    this.documents.get(uri)?.tree.delete();
    this.documents.delete(uri);
  }
}
