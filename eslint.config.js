// @ts-check
import { builtinModules } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const code = '{ts,tsx,js,mjs}';
const shellFiles = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'];

/**
 * An esquery regex matching the given module names and their subpaths (`electron/main`). esquery
 * ends a regex at the first "/", so slashes are written as \x2F.
 */
const moduleNameRegex = (names, { nodePrefix = false } = {}) => {
  const alternatives = names.map((name) =>
    name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '\\x2F'),
  );
  if (nodePrefix) alternatives.push('node:.*');
  return `/^(?:${alternatives.join('|')})(?:\\x2F.*)?$/`;
};

/**
 * The layers of ARCHITECTURE.md. Each entry says what a folder must never import; the
 * rule is tested in test/unit/lint-layers.test.ts so it cannot silently stop working.
 * no-restricted-imports checks import and export-from declarations; import() is checked by
 * no-restricted-syntax, since TypeScript resolves `import('electron')` anywhere.
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
    'no-restricted-syntax': [
      'error',
      {
        selector: `ImportExpression[source.value=${moduleNameRegex(paths, { nodePrefix: patterns.includes('node:*') })}]`,
        message: reason,
      },
    ],
  },
});

/**
 * Importing a shell file imports electron. Relative paths are checked by where they land, which
 * a pattern over the import text cannot tell (from electron/cli/commands, '../main' is the CLI).
 */
const shellModules = new Set(shellFiles.map((file) => resolve(root, file.replace(/\.ts$/, ''))));
const layersPlugin = {
  rules: {
    'no-shell-import': {
      meta: {
        type: /** @type {const} */ ('problem'),
        schema: [],
        messages: {
          shell:
            'electron/{{name}} is the Electron shell; only main.ts, preload.ts and ipc.ts import it.',
        },
      },
      /** @param {import('eslint').Rule.RuleContext} context */
      create(context) {
        /** @param {{ source?: import('estree').Node | null }} node */
        const check = (node) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          if (!source.value.startsWith('.')) return;
          const target = resolve(dirname(context.filename), source.value).replace(
            /\.[cm]?[jt]sx?$/,
            '',
          );
          if (shellModules.has(target)) {
            context.report({ node: source, messageId: 'shell', data: { name: basename(target) } });
          }
        };
        return {
          ImportDeclaration: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

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
    [`**/*.${code}`],
    { paths: ['electron'], patterns: ['electron/*'] },
    'Only the shell files (electron/main.ts, preload.ts, ipc.ts) import electron.',
  ),
  {
    files: [`**/*.${code}`],
    ignores: shellFiles,
    plugins: { layers: layersPlugin },
    rules: { 'layers/no-shell-import': 'error' },
  },
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
    [`shared/**/*.${code}`],
    {
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom'],
      patterns: ['**/electron/**', '**/renderer/**', 'node:*'],
    },
    'shared/ runs anywhere: pure code and zod only (no Node, DOM, Electron or SQLite).',
  ),
  layer(
    [`renderer/**/*.${code}`],
    {
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
      patterns: ['**/electron/**', 'node:*'],
    },
    'renderer/ is DOM only: reach the core through window.spqa and the contract.',
  ),
  layer(
    [`electron/core/**/*.${code}`],
    { paths: ['electron', 'react', 'react-dom'], patterns: ['**/renderer/**', 'electron/*'] },
    'electron/core/ is Node only and never imports electron, so it runs in the CLI and tests.',
  ),
  layer(
    [`electron/cli/**/*.${code}`, `electron/web/**/*.${code}`],
    { paths: ['electron', 'react', 'react-dom'], patterns: ['**/renderer/**', 'electron/*'] },
    'The CLI and browser mode use the core and shared/ only; never electron or renderer source.',
  ),
  {
    // Only the shell files may import electron; they still never import renderer source.
    files: shellFiles,
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
      'no-restricted-syntax': 'off',
    },
  },
);
