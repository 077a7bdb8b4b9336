import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import beforePack, { nativeBuildProblem } from '../../scripts/electron-before-pack.mjs';

/**
 * Installers cannot be built here (Electron's binary cannot be downloaded), so this checks what
 * the installers depend on in electron-builder.yml instead: that it is a valid configuration,
 * that the files electron/shell/main.ts loads are packaged where it looks for them, and that the
 * Node build of better-sqlite3 is neither rebuilt in place nor shipped.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraResources: FileSet[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  beforePack: string;
  win: { target: string | string[] };
  mac: { target: string | string[]; category: string };
  linux: { target: string | string[]; category: string; maintainer: string };
}

const configText = read('electron-builder.yml');
const config = parse(configText) as BuilderConfig;
const pkg = JSON.parse(read('package.json')) as { main: string };
const mainSource = read('electron/shell/main.ts');
const workerSource = read('electron/core/host/worker-entry.ts');

/** The part of minimatch that electron-builder.yml uses (**, *, {a,b}); dot files match. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob.charAt(i);
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '{') {
      braces += 1;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether electron-builder selects `path` with `patterns`, evaluated the way it does
 * (app-builder-lib's minimatchAll): in order, inclusions only while unmatched, exclusions only
 * while matched.
 */
function selects(patterns: readonly string[], path: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (matched === negated) {
      const hit = globToRegExp(negated ? pattern.slice(1) : pattern).test(path);
      matched = negated ? !hit : hit;
    }
  }
  return matched;
}

/** The paths electron/shell/main.ts joins onto `base` (for example `unpackedRoot`), as posix paths. */
function pathsJoinedOnto(base: string): string[] {
  const calls = mainSource.matchAll(new RegExp(`join\\(${base},([^)]*)\\)`, 'g'));
  return [...calls].map((call) =>
    [...(call[1] ?? '').matchAll(/'([^']*)'/g)].map((part) => part[1]).join('/'),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

const asArray = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', () => {
    // electron-builder publishes this JSON schema and checks configurations against it.
    const requireHere = createRequire(import.meta.url);
    const requireFromBuilder = createRequire(requireHere.resolve('electron-builder/package.json'));
    const schema: unknown = JSON.parse(
      readFileSync(requireFromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema as object);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('org.spqa.desktop');
    expect(config.productName).toBe('SPQA');
    expect(config.directories.output).toBe('release');
  });

  it('builds an NSIS installer, a DMG, an AppImage and a deb', () => {
    expect(asArray(config.win.target)).toEqual(['nsis']);
    expect(asArray(config.mac.target)).toEqual(['dmg']);
    expect(asArray(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    // A deb needs a maintainer and desktop environments need a menu category.
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.linux.category).not.toBe('');
    expect(config.mac.category).toMatch(/^public\.app-category\./);
  });

  it('never rebuilds node_modules for Electron (that would break the CLI and npm test)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('packages the entry point, the bundles, the renderer and the Electron native module', () => {
    const shipped = [
      'package.json',
      pkg.main,
      'dist/electron/preload.cjs',
      'dist/electron/core-worker.cjs',
      'dist/workers/certificate-pdf.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
      '.native/electron/better_sqlite3.node',
      ...pathsJoinedOnto('unpackedRoot'),
    ];
    for (const path of shipped) expect(selects(config.files, path), path).toBe(true);
  });

  it('leaves out sources, source maps, Node-only bundles and node_modules', () => {
    const left = [
      'dist/electron/main.cjs.map',
      'dist/renderer/assets/index-abc123.js.map',
      'dist/cli/spqa.mjs',
      'dist/web/server.mjs',
      'electron/shell/main.ts',
      'renderer/App.tsx',
      'test/unit/packaging.test.ts',
      '.native/node/better_sqlite3.node',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ];
    for (const path of left) expect(selects(config.files, path), path).toBe(false);
    // electron-builder copies the production dependencies with "**/*" and only this file's
    // exclusions (app-builder-lib's getNodeModuleFileMatcher), so an exclusion must cover them.
    const nodeModulePatterns = ['**/*', ...config.files.filter((p) => p.startsWith('!'))];
    for (const path of [
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/zod/package.json',
      'node_modules/@scope/name/index.js',
    ]) {
      expect(selects(nodeModulePatterns, path), path).toBe(false);
    }
  });

  it('unpacks from the asar archive the worker and native module that main.ts loads by path', () => {
    const loadedByPath = pathsJoinedOnto('unpackedRoot');
    expect(loadedByPath).toEqual(
      expect.arrayContaining([
        'dist/electron/core-worker.cjs',
        '.native/electron/better_sqlite3.node',
      ]),
    );
    for (const path of loadedByPath) expect(selects(config.asarUnpack, path), path).toBe(true);
    // The core worker starts the certificate PDF threads by path, beside itself.
    expect(workerSource).toContain("join(__dirname, '..', 'workers')");
    for (const worker of ['certificate-pdf.cjs', 'register-writers.cjs'])
      expect(selects(config.asarUnpack, `dist/workers/${worker}`), worker).toBe(true);
    expect(selects(config.asarUnpack, pkg.main)).toBe(false);
    expect(selects(config.asarUnpack, 'dist/renderer/index.html')).toBe(false);
  });

  it('ships resources/ at <resourcesPath>/resources, where main.ts looks when packaged', () => {
    expect(mainSource).toContain("join(process.resourcesPath, 'resources')");
    const sets = config.extraResources.filter((set) => set.from === 'resources');
    expect(sets).toHaveLength(1);
    const [resources] = sets;
    expect(resources?.to).toBe('resources');
    const filter = resources?.filter ?? [];
    const buildAssets = config.directories.buildResources;
    expect(buildAssets).toBe('resources/build');
    const runtimeFiles = filesUnder(join(repoRoot, 'resources')).filter(
      (file) => !file.startsWith('build/'),
    );
    expect(runtimeFiles).toContain('frameworks/spqa-national-1.0.0.json');
    for (const file of runtimeFiles) expect(selects(filter, file), file).toBe(true);
    expect(selects(filter, 'build/icon.png')).toBe(false);
    expect(selects(filter, 'fonts/NotoSans-Regular.ttf')).toBe(true);
  });
});

describe('the beforePack check of the native module', () => {
  const built = {
    runtime: 'electron',
    runtimeVersion: '41.7.1',
    betterSqlite3: '12.11.1',
    platform: 'linux',
    arch: 'x64',
  };
  const target = { platform: 'linux', arch: 'x64', electronVersion: '41.7.1' };

  it('accepts a module built for the package being made', () => {
    expect(nativeBuildProblem(built, target)).toBeNull();
    expect(nativeBuildProblem({ ...built, arch: 'arm' }, { ...target, arch: 'armv7l' })).toBeNull();
  });

  it('refuses a missing module and one built for anything else', () => {
    expect(nativeBuildProblem(null, target)).toMatch(/build\.json is missing/);
    expect(nativeBuildProblem(built, { ...target, platform: 'win32' })).toMatch(
      /built for electron 41\.7\.1 on linux-x64, but this package is for Electron 41\.7\.1 on win32-x64/,
    );
    expect(nativeBuildProblem(built, { ...target, arch: 'arm64' })).toMatch(/linux-arm64/);
    expect(nativeBuildProblem(built, { ...target, electronVersion: '42.0.0' })).toMatch(
      /Electron 42\.0\.0/,
    );
    expect(nativeBuildProblem({ ...built, runtime: 'node' }, target)).toMatch(/built for node/);
    expect(nativeBuildProblem(built, { ...target, arch: 'universal' })).toMatch(/one CPU/);
  });

  it('reads .native/electron/build.json from the project being packaged', () => {
    const projectDir = mkdtempSync(join(tmpdir(), 'spqa-pack-'));
    try {
      // electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
      const context = {
        electronPlatformName: 'linux',
        arch: 1,
        packager: { projectDir, info: { framework: { version: '41.7.1' } } },
      };
      expect(() => beforePack(context)).toThrow(/build\.json is missing/);
      mkdirSync(join(projectDir, '.native', 'electron'), { recursive: true });
      writeFileSync(join(projectDir, '.native', 'electron', 'build.json'), JSON.stringify(built));
      expect(() => beforePack(context)).not.toThrow();
      expect(() => beforePack({ ...context, arch: 3 })).toThrow(/linux-arm64/);
    } finally {
      rmSync(projectDir, { recursive: true, force: true });
    }
  });
});

describe('the bundles the app ships', () => {
  const bundles = [
    ...['main.cjs', 'preload.cjs', 'core-worker.cjs'].map((name) =>
      join(repoRoot, 'dist', 'electron', name),
    ),
    join(repoRoot, 'dist', 'workers', 'certificate-pdf.cjs'),
    join(repoRoot, 'dist', 'workers', 'register-writers.cjs'),
  ];
  // node_modules is not packaged, so the bundles may load only Node's modules and electron.
  // vitest's global setup builds them (scripts/build-node.mjs) before any test runs.
  it('need nothing from node_modules', () => {
    for (const file of bundles) expect(existsSync(file), `${file} was not built`).toBe(true);
    const available = new Set([...builtinModules, 'electron']);
    for (const file of bundles) {
      const required = [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(
        (m) => m[1] ?? '',
      );
      const missing = required.filter((name) => !available.has(name.replace(/^node:/, '')));
      expect(missing, file).toEqual([]);
    }
  });
});
