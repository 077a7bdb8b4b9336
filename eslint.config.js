// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const code = '{ts,tsx,js,mjs}';
/** The Electron shell: main process, preload, IPC and dialogs. The only folder importing electron. */
const SHELL_DIR = 'electron/shell';
const shellFiles = [`${SHELL_DIR}/**/*.${code}`];

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
 * Layers that must not reach into one another by a relative path, which a pattern over the import
 * text cannot tell (from electron/cli/commands, '../main' is the CLI's own entry): each import is
 * checked by the file it lands on. Importing the shell imports electron; the CLI and browser mode
 * share what they need through the core, never through each other; the product never imports the
 * benchmarks' data generator in scripts/.
 */
const folderRules = [
  {
    from: (file) => !file.startsWith(`${SHELL_DIR}/`),
    into: `${SHELL_DIR}/`,
    // Tests run on plain Node: they may load the shell's pure parts, never a file that loads electron.
    allow: (file, target) => file.startsWith('test/') && !importsElectron(target),
    message: '{{target}} is the Electron shell; only files in electron/shell/ import it.',
  },
  {
    from: (file) => file.startsWith('electron/web/'),
    into: 'electron/cli/',
    message: 'browser mode does not import the CLI ({{target}}); share it through electron/core/.',
  },
  {
    from: (file) => file.startsWith('electron/cli/'),
    into: 'electron/web/',
    message: 'the CLI does not import browser mode ({{target}}); share it through electron/core/.',
  },
  {
    from: (file) => file.startsWith('electron/core/'),
    into: 'electron/cli/',
    message: 'electron/core/ is imported by the CLI, never the other way ({{target}}).',
  },
  {
    from: (file) => file.startsWith('electron/core/'),
    into: 'electron/web/',
    message: 'electron/core/ is imported by browser mode, never the other way ({{target}}).',
  },
  {
    from: (file) => /^(electron|shared|renderer)\//.test(file),
    into: 'scripts/',
    message: 'product code never imports scripts/ ({{target}}): they are tools around it.',
  },
];

/** Whether the module at `target` (a path from the root, without extension) imports electron. */
function importsElectron(target) {
  const file = ['.ts', '.tsx', '.mjs', '.js']
    .map((ext) => resolve(root, `${target}${ext}`))
    .find((path) => existsSync(path));
  if (!file) return true;
  return /(?:from|import\s*\(|require\()\s*['"]electron(?:\/[^'"]*)?['"]/.test(
    readFileSync(file, 'utf8'),
  );
}

const layersPlugin = {
  rules: {
    'no-cross-layer-import': {
      meta: {
        type: /** @type {const} */ ('problem'),
        schema: [],
        messages: { crossing: '{{message}}' },
      },
      /** @param {import('eslint').Rule.RuleContext} context */
      create(context) {
        const file = relative(root, context.filename).split(sep).join('/');
        const rules = folderRules.filter((r) => r.from(file));
        /** @param {{ source?: import('estree').Node | null }} node */
        const check = (node) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          if (!source.value.startsWith('.')) return;
          const target = relative(root, resolve(dirname(context.filename), source.value))
            .split(sep)
            .join('/');
          const rule = rules.find(
            (r) => `${target}/`.startsWith(r.into) && !r.allow?.(file, target),
          );
          if (rule) {
            const message = rule.message.replace('{{target}}', target);
            context.report({ node: source, messageId: 'crossing', data: { message } });
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
    'Only the shell (electron/shell/) imports electron.',
  ),
  {
    files: [`**/*.${code}`],
    plugins: { layers: layersPlugin },
    rules: { 'layers/no-cross-layer-import': 'error' },
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
