import * as vscode from 'vscode';

/**
 * Setting a file's diagnostics makes VS Code convert and send every one of them, about 6 µs each in
 * a remote window: a file with a thousand concerns held the extension host's thread for 3–30 ms on
 * every edit. So a file's diagnostics, in order, are kept in parts of at most this many, each part
 * in a collection of its own, and an edit sets only the parts that changed, one at a time.
 */
const DIAGNOSTICS_PER_PART = 200;

/** One part of one file's diagnostics that differs from what VS Code shows. */
export interface PartUpdate {
  uri: vscode.Uri;
  part: number;
  diagnostics: vscode.Diagnostic[];
  signature: string;
}

/** What a diagnostic shows, as text: two diagnostics with the same signature look the same. */
function signatureOf(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${start.line}:${start.character}:${end.line}:${end.character}:${diagnostic.severity}:${code}:${diagnostic.message}`;
}

/** The diagnostics of many files, each file's split into parts (see DIAGNOSTICS_PER_PART). */
export class PartitionedDiagnostics implements vscode.Disposable {
  private readonly collections: vscode.DiagnosticCollection[] = [];
  /** Per file, the signature of each part as set. */
  private readonly shown = new Map<string, string[]>();

  constructor(private readonly name: string) {}

  /** The parts to set so that the file shows `diagnostics`: none when it already does. */
  changes(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): PartUpdate[] {
    const before = this.shown.get(uri.toString()) ?? [];
    const updates: PartUpdate[] = [];
    const parts = Math.max(Math.ceil(diagnostics.length / DIAGNOSTICS_PER_PART), before.length);
    for (let part = 0; part < parts; part++) {
      const slice = diagnostics.slice(part * DIAGNOSTICS_PER_PART, (part + 1) * DIAGNOSTICS_PER_PART);
      const signature = slice.map(signatureOf).join('\n');
      if (signature !== (before[part] ?? '')) updates.push({ uri, part, diagnostics: slice, signature });
    }
    return updates;
  }

  apply({ uri, part, diagnostics, signature }: PartUpdate): void {
    // The first part's collection has the plain name; VS Code keys a file's diagnostics by it.
    const collection = (this.collections[part] ??= vscode.languages.createDiagnosticCollection(part === 0 ? this.name : `${this.name}#${part + 1}`));
    collection.set(uri, diagnostics);
    const key = uri.toString();
    const shown = this.shown.get(key) ?? [];
    shown[part] = signature;
    while (shown.length > 0 && shown[shown.length - 1] === '') shown.pop();
    if (shown.length > 0) this.shown.set(key, shown);
    else this.shown.delete(key);
  }

  dispose(): void {
    for (const collection of this.collections) collection.dispose();
  }
}
