import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md live in eslint.config.js. These tests lint made-up files
 * placed in each layer (nothing is written to disk) so that a config change which quietly stops
 * a rule from applying fails here rather than going unnoticed.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function lint(filePath: string, code: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
  return result;
}

/** A made-up module that imports `specifier` and uses it, so no other rule has anything to say. */
const importing = (clause: string, specifier: string) =>
  `import ${clause} from '${specifier}';\n\nexport const used = ${clause.replace(/[{}]/g, '').trim()};\n`;

interface Violation {
  file: string;
  code: string;
  rule: string;
  /** Part of the message, to show which layer's rule fired. */
  says: string;
}

const violations: Violation[] = [
  {
    file: 'shared/x.ts',
    code: importing('{ readFileSync }', 'node:fs'),
    rule: 'no-restricted-imports',
    says: 'shared/ runs anywhere',
  },
  {
    file: 'shared/x.ts',
    code: "export { readFileSync } from 'fs';\n",
    rule: 'no-restricted-imports',
    says: 'shared/ runs anywhere',
  },
  {
    file: 'shared/deep/x.tsx',
    code: importing('fs', 'fs'),
    rule: 'no-restricted-imports',
    says: 'shared/ runs anywhere',
  },
  {
    file: 'renderer/x.tsx',
    code: importing('fs', 'fs'),
    rule: 'no-restricted-imports',
    says: 'renderer/ is DOM only',
  },
  {
    file: 'renderer/pages/x.tsx',
    code: importing('{ openCore }', '../../electron/core/app'),
    rule: 'no-restricted-imports',
    says: 'renderer/ is DOM only',
  },
  {
    file: 'electron/core/x.ts',
    code: importing('{ app }', 'electron'),
    rule: 'no-restricted-imports',
    says: 'electron/core/ is Node only',
  },
  {
    file: 'electron/core/x.ts',
    code: importing('{ app }', 'electron/main'),
    rule: 'no-restricted-imports',
    says: 'electron/core/ is Node only',
  },
  {
    file: 'electron/core/providers/x.ts',
    code: importing('App', '../../../renderer/App'),
    rule: 'no-restricted-imports',
    says: 'electron/core/ is Node only',
  },
  {
    file: 'electron/core/x.ts',
    code: importing('App', '../../renderer/App'),
    rule: 'no-restricted-imports',
    says: 'electron/core/ is Node only',
  },
  {
    file: 'electron/cli/x.ts',
    code: importing('{ app }', 'electron'),
    rule: 'no-restricted-imports',
    says: 'The CLI and browser mode',
  },
  {
    file: 'electron/web/x.ts',
    code: importing('{ app }', 'electron'),
    rule: 'no-restricted-imports',
    says: 'The CLI and browser mode',
  },
  {
    file: 'test/unit/x.test.ts',
    code: importing('{ app }', 'electron/main'),
    rule: 'no-restricted-imports',
    says: 'Only the shell (electron/shell/)',
  },
  {
    file: 'electron/shell/main.ts',
    code: importing('App', '../renderer/App'),
    rule: 'no-restricted-imports',
    says: 'never its source',
  },
  // import() is not an import declaration; no-restricted-syntax covers it.
  {
    file: 'electron/core/x.ts',
    code: "export const load = () => import('electron');\n",
    rule: 'no-restricted-syntax',
    says: 'electron/core/ is Node only',
  },
  {
    file: 'renderer/x.tsx',
    code: "export const load = () => import('better-sqlite3');\n",
    rule: 'no-restricted-syntax',
    says: 'renderer/ is DOM only',
  },
  {
    file: 'shared/x.ts',
    code: "export const load = () => import('node:fs/promises');\n",
    rule: 'no-restricted-syntax',
    says: 'shared/ runs anywhere',
  },
  // Importing a shell file imports electron, whatever the import text looks like.
  {
    file: 'electron/core/x.ts',
    code: importing('{ registerIpc }', '../shell/ipc'),
    rule: 'layers/no-cross-layer-import',
    says: 'electron/shell/ipc is the Electron shell',
  },
  {
    file: 'electron/cli/commands/x.ts',
    code: importing('{ x }', '../../shell/main'),
    rule: 'layers/no-cross-layer-import',
    says: 'electron/shell/main is the Electron shell',
  },
  {
    file: 'test/unit/x.test.ts',
    code: "export * from '../../electron/shell/preload';\n",
    rule: 'layers/no-cross-layer-import',
    says: 'electron/shell/preload is the Electron shell',
  },
  {
    file: 'renderer/x.tsx',
    code: "export const load = () => import('../electron/shell/choose-path');\n",
    rule: 'layers/no-cross-layer-import',
    says: 'is the Electron shell',
  },
  // The CLI and browser mode share through the core; the core imports neither; scripts stay out.
  {
    file: 'electron/web/x.ts',
    code: importing('{ RESOURCES_DIR }', '../cli/paths'),
    rule: 'layers/no-cross-layer-import',
    says: 'browser mode does not import the CLI',
  },
  {
    file: 'electron/cli/commands/x.ts',
    code: importing('{ createWebServer }', '../../web/http'),
    rule: 'layers/no-cross-layer-import',
    says: 'the CLI does not import browser mode',
  },
  {
    file: 'electron/core/providers/x.ts',
    code: importing('{ run }', '../../cli/run'),
    rule: 'layers/no-cross-layer-import',
    says: 'never the other way',
  },
  {
    file: 'electron/core/x.ts',
    code: importing('{ createWebServer }', '../web/http'),
    rule: 'layers/no-cross-layer-import',
    says: 'never the other way',
  },
  {
    file: 'electron/core/x.ts',
    code: importing('{ generateData }', '../../scripts/bench/generator/generate'),
    rule: 'layers/no-cross-layer-import',
    says: 'product code never imports scripts/',
  },
];

const allowed: { file: string; code: string }[] = [
  { file: 'shared/x.ts', code: importing('{ z }', 'zod') },
  { file: 'shared/providers/x.ts', code: importing('{ x }', '../contract') },
  { file: 'renderer/x.tsx', code: importing('{ x }', '../shared/contract') },
  { file: 'renderer/x.tsx', code: "export const load = () => import('./pages/home');\n" },
  { file: 'electron/core/x.ts', code: importing('{ readFileSync }', 'node:fs') },
  { file: 'electron/core/x.ts', code: importing('Database', 'better-sqlite3') },
  { file: 'electron/core/x.ts', code: "export const load = () => import('node:fs');\n" },
  { file: 'electron/cli/x.ts', code: importing('{ openCore }', '../core/app') },
  // electron/cli/main.ts is the CLI's entry, not the Electron shell.
  { file: 'electron/cli/commands/x.ts', code: importing('{ x }', '../main') },
  { file: 'electron/shell/main.ts', code: importing('{ app }', 'electron') },
  { file: 'electron/shell/main.ts', code: importing('{ registerIpc }', './ipc') },
  {
    file: 'electron/shell/main.ts',
    code: importing('{ openWorkerCore }', '../core/host/worker-client'),
  },
  { file: 'electron/shell/preload.ts', code: importing('{ contextBridge }', 'electron') },
  { file: 'electron/shell/dialogs/x.ts', code: importing('{ dialog }', 'electron') },
  { file: 'electron/web/x.ts', code: importing('{ RESOURCES_DIR }', '../core/install-paths') },
  { file: 'scripts/bench/x.ts', code: importing('{ openCore }', '../../electron/core/app') },
  // The shell's pure parts (no electron import) are unit-tested on plain Node.
  {
    file: 'test/unit/x.test.ts',
    code: importing('{ answerChoosePath }', '../../electron/shell/choose-path'),
  },
  { file: 'test/unit/x.test.ts', code: importing('{ openCore }', '../../electron/core/app') },
];

/** The first line of a case's code, for the test's name. */
const titled = <T extends { code: string }>(cases: T[]) =>
  cases.map((c) => ({ ...c, line: c.code.split('\n')[0] ?? '' }));

describe('the layer rules of eslint.config.js', () => {
  it.each(titled(violations))(
    '$rule refuses in $file: $line',
    async ({ file, code, rule, says }) => {
      const result = await lint(file, code);
      const hits = result.messages.filter((m) => m.ruleId === rule);
      expect(hits, JSON.stringify(result.messages, null, 2)).not.toHaveLength(0);
      expect(hits.map((m) => m.message).join('\n')).toContain(says);
      expect(hits.every((m) => m.severity === 2)).toBe(true);
    },
  );

  it.each(titled(allowed))('allows in $file: $line', async ({ file, code }) => {
    const result = await lint(file, code);
    expect(result.messages).toEqual([]);
  });
});
