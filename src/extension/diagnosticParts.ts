import * as vscode from 'vscode';
import { ShownParts, type DiagnosticShape, type Layout } from '../presentation/partLayout';

/** One part of one file's diagnostics that differs from what VS Code shows: the items to make them from. */
export interface PartUpdate<T> {
  uri: vscode.Uri;
  part: number;
  items: T[];
  shapes: DiagnosticShape[];
}

/**
 * The diagnostics of many files, each file's split into parts (see partLayout.ts), each part in a
 * collection of its own. They are made from items of type T: a diagnostic object is made only for
 * a part that is set, since typing in a long file leaves most parts as they are.
 */
export class PartitionedDiagnostics<T> implements vscode.Disposable {
  private readonly collections: vscode.DiagnosticCollection[] = [];
  private readonly shown = new ShownParts();

  /** `shapeOf` tells how the diagnostic `diagnosticOf` makes of an item looks, and where it is. */
  constructor(
    private readonly name: string,
    private readonly shapeOf: (item: T) => DiagnosticShape,
    private readonly diagnosticOf: (item: T) => vscode.Diagnostic,
  ) {}

  /** The parts to set so that the file shows the diagnostics of `items`, given in the file's order; `settleLater` as in PartLayout. */
  changes(uri: vscode.Uri, items: readonly T[], layout: Layout): { updates: PartUpdate<T>[]; settleLater: boolean } {
    const shapes = items.map(this.shapeOf);
    const { parts, settleLater } = this.shown.layout(uri.toString(), shapes, layout);
    const updates = parts.flatMap(({ from, to, set }, part) => (set ? [{ uri, part, items: items.slice(from, to), shapes: shapes.slice(from, to) }] : []));
    return { updates, settleLater };
  }

  apply({ uri, part, items, shapes }: PartUpdate<T>): void {
    // The first part's collection has the plain name; VS Code keys a file's diagnostics by it.
    const collection = (this.collections[part] ??= vscode.languages.createDiagnosticCollection(part === 0 ? this.name : `${this.name}#${part + 1}`));
    collection.set(uri, items.map(this.diagnosticOf));
    this.shown.set(uri.toString(), part, shapes);
  }

  /** Follows an edit of an open document, as VS Code moves the diagnostics it shows there. */
  textChanged(event: vscode.TextDocumentChangeEvent): void {
    this.shown.edited(
      event.document.uri.toString(),
      event.contentChanges.map(({ range, text }) => ({ startLine: range.start.line, endLine: range.end.line, breaks: text.split('\n').length - 1 })),
    );
  }

  dispose(): void {
    for (const collection of this.collections) collection.dispose();
  }
}
