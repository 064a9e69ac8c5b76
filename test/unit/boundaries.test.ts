import { deepStrictEqual } from 'node:assert';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/** Each case: a file of the tree, its imports, and whether the project's ESLint config rejects them. */
const CASES: [file: string, imports: string[], rejected: boolean][] = [
  ['src/analysis/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/analysis/x.ts', ["import type { Uri } from 'vscode';"], true],
  ['src/analysis/x.ts', ["import { readFileSync } from 'node:fs';"], true],
  ['src/analysis/x.ts', ["import { readFileSync } from 'fs';"], true],
  ['src/analysis/rules/x.ts', ["import { readFile } from 'fs/promises';"], true],
  ['src/analysis/x.ts', ["import { activateExtension } from '../extension/activate';"], true],
  ['src/rubric/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/rubric/x.ts', ["import { readFileSync } from 'node:fs';"], true],
  ['src/rubric/x.ts', ["import { readFileSync } from 'fs';"], true],
  ['src/webview/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/webview/x.ts', ["import { readFileSync } from 'node:fs';"], true],
  ['src/webview/components/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/presentation/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/presentation/x.ts', ["import type { Uri } from 'vscode';"], true],
  ['src/presentation/x.ts', ["import { readFileSync } from 'node:fs';"], true],
  ['src/presentation/x.ts', ["import { PartitionedDiagnostics } from '../extension/diagnosticParts';"], true],
  ['src/presentation/x.ts', ["import { ScorecardApp } from '../webview/app';"], true],
  ['src/analysis/x.ts', ["import { plural } from '../presentation/text';"], true],
  ['src/analysis/rules/x.ts', ["import { plural } from '../../presentation/text';"], true],
  ['src/rubric/x.ts', ["import type { ScorecardView } from '../presentation/scorecardView';"], true],
  ['src/rubric/x.ts', ["import type { WebviewMessage } from '../webview/protocol';"], true],
  ['src/cli/x.ts', ["import { createLog } from '../extension/log';"], true],
  ['src/history/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/history/x.ts', ["import { readFile } from 'node:fs/promises';"], true],
  ['src/history/x.ts', ["import type { ScorecardView } from '../presentation/scorecardView';"], true],
  ['src/team/x.ts', ["import * as vscode from 'vscode';"], true],
  ['src/team/x.ts', ["import { readFileSync } from 'node:fs';"], true],
  ['src/team/x.ts', ["import type { ScorecardView } from '../presentation/scorecardView';"], true],
  ['src/api.ts', ["import { createLog } from './extension/log';"], true],
  ['test/unit/x.test.ts', ["import { activateExtension } from '../../src/extension/activate';"], true],
  ['test/integration/suite/x.ts', ["import { ReviewStore } from '../../../src/extension/reviewStore';"], true],

  ['src/analysis/x.ts', ["import { Parser } from 'web-tree-sitter';", "import { LEVELS } from '../rubric/model';", "import { decodeSource } from './source';"], false],
  ['src/rubric/x.ts', ["import type { Finding } from '../analysis/model';", "import { parse } from 'smol-toml';"], false],
  ['src/history/x.ts', ["import type { Finding } from '../analysis/model';", "import type { CommitRecord } from './model';"], false],
  ['src/team/x.ts', ["import type { Review } from '../rubric/review';", "import type { Person } from '../history/model';", "import { parse } from 'smol-toml';"], false],
  ['src/webview/x.ts', ["import { LEVELS } from '../rubric/model';", "import type { WebviewMessage } from './protocol';", "import type { ScorecardView } from '../presentation/scorecardView';"], false],
  ['src/webview/components/x.ts', ["import { fileLineLabel } from '../../presentation/scorecardText';", "import { el } from '../dom';"], false],
  ['src/presentation/x.ts', ["import type { Finding } from '../analysis/model';", "import { LEVELS } from '../rubric/model';", "import { plural } from './text';"], false],
  ['src/extension/x.ts', ["import { statusSummary } from '../presentation/drawnCounts';", "import type { WebviewMessage } from '../webview/protocol';"], false],
  ['src/extension/x.ts', ["import * as vscode from 'vscode';", "import * as path from 'node:path';", "import { activateExtension } from './activate';"], false],
  ['src/cli/x.ts', ["import { readFileSync } from 'node:fs';", "import { analyzeManifest } from '../analysis/manifest';"], false],
  ['test/unit/x.test.ts', ["import { readFileSync } from 'node:fs';", "import { buildScorecard } from '../../src/presentation/scorecardModel';"], false],
  ['test/unit/webview/x.test.ts', ["import { Window } from 'happy-dom';", "import { ScorecardApp } from '../../../src/webview/app';"], false],
  ['test/integration/suite/x.ts', ["import * as vscode from 'vscode';", "import type { ExtensionApi } from '../../../src/api';", "import './extension.test';"], false],
];

describe('import boundaries', function () {
  this.timeout(30_000);
  // A snippet is no file on disk, so no TypeScript project holds it: it is linted with the project's
  // config minus type information, which the boundaries (a syntactic rule) do not need.
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

  for (const [file, imports, rejected] of CASES) {
    it(`${rejected ? 'rejects' : 'allows'} ${imports.join(' ')} in ${file}`, async () => {
      const [result] = await eslint.lintText(`${imports.join('\n')}\n`, { filePath: file });
      // The boundary's verdict, and anything that kept the snippet from being linted at all (a
      // parse error, an ignored path); other rules, such as unused imports, are beside the point.
      const verdicts = result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === null);
      const described = verdicts.map((m) => `${m.ruleId ?? 'not linted'}: ${m.message}`).join('\n');
      deepStrictEqual(verdicts.map((m) => m.ruleId), rejected ? ['no-restricted-imports'] : [], described);
    });
  }
});
