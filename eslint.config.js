// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layers of ARCHITECTURE.md. Each entry says what a folder must never import; the
 * rule is tested in test/unit/lint-layers.test.ts so it cannot silently stop working.
 */
const layer = (files, { paths = [], patterns = [] }, reason) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message: reason })),
        patterns: patterns.map((group) => ({ group: [group], message: reason })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.native/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['**/*.{ts,tsx,js,mjs}'],
    { paths: ['electron'] },
    'Only the shell files (electron/main.ts, preload.ts, ipc.ts) import electron.',
  ),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layer(
    ['shared/**/*.ts'],
    {
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom'],
      patterns: ['**/electron/**', '**/renderer/**', 'node:*'],
    },
    'shared/ runs anywhere: pure code and zod only (no Node, DOM, Electron or SQLite).',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    {
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
      patterns: ['**/electron/**', 'node:*'],
    },
    'renderer/ is DOM only: reach the core through window.spqa and the contract.',
  ),
  layer(
    ['electron/core/**/*.ts'],
    { paths: ['electron', 'react', 'react-dom'], patterns: ['**/renderer/**', 'electron/*'] },
    'electron/core/ is Node only and never imports electron, so it runs in the CLI and tests.',
  ),
  layer(
    ['electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    { paths: ['electron', 'react', 'react-dom'], patterns: ['**/renderer/**', 'electron/*'] },
    'The CLI and browser mode use the core and shared/ only; never electron or renderer source.',
  ),
  {
    // Only the shell files may import electron; they still never import renderer source.
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'The shell loads the built renderer, never its source.',
            },
          ],
        },
      ],
    },
  },
);
