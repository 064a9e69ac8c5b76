// ESLint over the sources, tests and scripts: ESLint's and typescript-eslint's recommended rules
// with type information, and the import boundaries between the parts of the extension.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every Node built-in, as `fs` and as `node:fs` (a few exist only with the prefix). */
const NODE_BUILTINS = [...new Set(builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])))];

const NO_VSCODE = { name: 'vscode', message: 'Only src/extension talks to VS Code.' };
const NO_NODE = NODE_BUILTINS.map((name) => ({ name, message: 'This code runs in the browser too: no Node built-ins.' }));
/** A relative import that reaches into src/extension: `../extension/…` from src, `../../src/extension/…` from test. */
const NOT_INTO_EXTENSION = {
  regex: '^(\\.{1,2}/)+(src/)?extension(/|$)',
  message: 'src/extension is the VS Code glue and nothing else depends on it: move what is shared out of it.',
};
/** A relative import of the layers above the pure core, from inside it. */
const NOT_INTO_PRESENTATION = {
  regex: '^(\\.{1,2}/)+(presentation|webview)(/|$)',
  message: 'The analysis and the rubric are the core: how findings are shown (src/presentation, src/webview) builds on them, not the other way.',
};
const NOT_INTO_WEBVIEW = {
  regex: '^(\\.{1,2}/)+webview(/|$)',
  message: 'src/presentation is shared by the extension and the webview: it holds no part of either.',
};
/** The boundary of one part of the tree: each `no-restricted-imports` replaces the one before. */
const boundary = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns: [NOT_INTO_EXTENSION, ...patterns] }] });

/** The rules that follow an `any` value as it is used. */
const UNSAFE_ANY_OFF = Object.fromEntries(
  ['no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return'].map((rule) => [`@typescript-eslint/${rule}`, 'off']),
);

export default defineConfig(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // A program per place the code runs (tsconfig.json lists them); a file is linted in the first that
    // holds it. The programs are named rather than found by the project service, which measured here
    // took about a fifth more CPU and a third more memory than a named program.
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.webworker.json', './tsconfig.dom.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `const { dropped: _, ...rest } = value` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read JSON (the CLI's output, saved reviews) and check it with assertions: an `any`
    // there is checked by the assertion that reads it.
    files: ['test/**'],
    rules: UNSAFE_ANY_OFF,
  },
  {
    // The scripts are plain JavaScript: TypeScript only infers their types, so the rules that judge
    // `any` and exact types would report the inference. The promise rules still apply.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      ...UNSAFE_ANY_OFF,
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Functions that these scripts hand to the browser page run there.
    files: ['test/e2e/**', 'test/integration/launcher/**'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['test/e2e/**'], languageOptions: { globals: globals.mocha } },
  { files: ['test/integration/suite/process-shim.js'], languageOptions: { globals: globals.worker } },

  // Import boundaries.
  { ignores: ['src/extension/**'], rules: boundary([]) },
  // The analysis, the rubric, the git history reader and the team review run in Node, in workers and
  // in the browser; the panel in a webview; the presentation, between them and the extension or the
  // panel, wherever either runs.
  { files: ['src/analysis/**', 'src/rubric/**', 'src/history/**', 'src/team/**'], rules: boundary([NO_VSCODE, ...NO_NODE], [NOT_INTO_PRESENTATION]) },
  { files: ['src/presentation/**'], rules: boundary([NO_VSCODE, ...NO_NODE], [NOT_INTO_WEBVIEW]) },
  { files: ['src/webview/**'], rules: boundary([NO_VSCODE, ...NO_NODE]) },
);
