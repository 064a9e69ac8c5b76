import * as vscode from 'vscode';
import type { Display, HintPolicy } from '../presentation/hintPolicy';
import type { CategoryId, Polarity } from '../analysis/model';

export type InlineTextMode = 'activeLine' | 'all' | 'off';

/** Every setting of the extension, read through one typed view. */
export interface Settings {
  hintsEnabled: boolean;
  inlineText: InlineTextMode;
  /** The most characters of inline text after a line; 0 for no limit. */
  inlineMaxLength: number;
  policy: HintPolicy;
  exclude: string[];
  maxFileSize: number;
  debounceMs: number;
  reviewer: string;
  rubricPath: string;
  /** Start every review blind (see blindReview.ts). */
  blind: boolean;
}

const SECTION = 'rustReview';

/** Settings that change which files are analysed: a change to them needs a rescan, the rest only a redraw. */
export const RESCAN_SETTINGS = ['exclude', 'maxFileSize'].map((key) => `${SECTION}.${key}`);

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  // VS Code hands out an object setting behind a proxy, whose every property read runs a trap: the
  // policy is read per finding, thousands per keystroke, so it gets plain copies.
  const severity = { ...config.get<Partial<Record<Polarity, Display>>>('severity', {}) };
  return {
    hintsEnabled: config.get<boolean>('hints.enabled', true),
    inlineText: config.get<InlineTextMode>('hints.inlineText', 'activeLine'),
    inlineMaxLength: config.get<number>('hints.inlineMaxLength', 60),
    policy: {
      categories: { ...config.get<Partial<Record<CategoryId, boolean>>>('categories', {}) },
      signals: { ...config.get<Record<string, boolean>>('signals', {}) },
      analyzeTests: config.get<boolean>('analyzeTests', true),
      display: {
        concern: severity.concern ?? 'signal',
        strength: severity.strength ?? 'decoration',
        info: severity.info ?? 'decoration',
      },
      testConcernDisplay: config.get<Display>('testCodeSeverity', 'hint'),
    },
    exclude: config.get<string[]>('exclude', []),
    maxFileSize: config.get<number>('maxFileSize', 1024 * 1024),
    debounceMs: config.get<number>('debounceMs', 300),
    reviewer: config.get<string>('reviewer', ''),
    rubricPath: config.get<string>('rubricPath', ''),
    blind: config.get<boolean>('blind', false),
  };
}

export function setHintsEnabled(enabled: boolean): Thenable<void> {
  return vscode.workspace.getConfiguration(SECTION).update('hints.enabled', enabled, vscode.ConfigurationTarget.Workspace);
}
