// Builds better-sqlite3's native module for the installed Electron into .native/electron/, which
// the Electron shell passes to the core as `nativeBinding` (see electron/shell/main.ts). Electron has
// its own Node ABI, so the module in node_modules/better-sqlite3 (built for Node, which the CLI,
// browser mode and the tests use) cannot be loaded there. Building a private copy instead of
// rebuilding node_modules in place is what lets `npm test` and `npm start` take turns.
//
//   node scripts/native-electron.mjs              build for node_modules/electron (skips if current)
//   node scripts/native-electron.mjs --force      build even if .native/electron is current
//   node scripts/native-electron.mjs --arch arm64 build for another CPU of this platform
//   node scripts/native-electron.mjs --runtime node
//                                                 build for the running Node into .native/node/
//                                                 (exercises the same pipeline without Electron)
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (message) => process.stderr.write(`native-electron: ${message}\n`);

function fail(message) {
  log(message);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

let args;
try {
  args = parseArgs({
    options: {
      runtime: { type: 'string', default: 'electron' },
      arch: { type: 'string', default: process.arch },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(
    `${error.message}\nusage: node scripts/native-electron.mjs [--force] [--arch <arch>] [--runtime electron|node]`,
  );
}
if (args.help) {
  process.stderr.write(
    'usage: node scripts/native-electron.mjs [--force] [--arch <arch>] [--runtime electron|node]\n',
  );
  process.exit(0);
}
if (args.runtime !== 'electron' && args.runtime !== 'node') {
  fail(`--runtime must be "electron" or "node", not "${args.runtime}"`);
}

const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
if (!existsSync(join(sqliteDir, 'package.json'))) {
  fail('node_modules/better-sqlite3 is missing; run `npm install` first');
}
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;

/** What to build for, and the executable that can load the result (used to check it). */
function resolveRuntime() {
  if (args.runtime === 'node') {
    return {
      runtime: 'node',
      version: process.versions.node,
      executable: process.execPath,
      // Node's own headers: keep the nodedir the user configured (~/.npmrc), if any.
      env: {},
      npmArgs: [],
    };
  }
  const electronDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'package.json'))) {
    fail('node_modules/electron is missing; run `npm install` first');
  }
  const version = readJson(join(electronDir, 'package.json')).version;
  const pathTxt = join(electronDir, 'path.txt');
  const executable = existsSync(pathTxt)
    ? join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim())
    : null;
  if (!executable || !existsSync(executable)) {
    fail(
      [
        `the Electron ${version} binary is not installed (node_modules/electron has no path.txt or dist/),`,
        'which is what happens when dependencies are installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.',
        'The desktop app cannot start without it, and the database driver cannot be built for it.',
        "To fix it, on a machine that can reach Electron's download host run:",
        '    npm rebuild electron',
        'or, to use the app without Electron, run it in the browser:',
        '    npm run web',
      ].join('\n'),
    );
  }
  return {
    runtime: 'electron',
    version,
    executable,
    env: { npm_config_disturl: 'https://electronjs.org/headers' },
    // A nodedir (~/.npmrc sets one on some machines) holds Node's headers, not Electron's, and
    // node-gyp must download Electron's instead. npm ignores an empty npm_config_nodedir in the
    // environment and passes the configured one on to the script; on its command line it does not.
    npmArgs: ['--nodedir='],
  };
}

const target = resolveRuntime();
const outDir = join(root, '.native', target.runtime);
const outFile = join(outDir, 'better_sqlite3.node');
const manifestFile = join(outDir, 'build.json');
const wanted = {
  runtime: target.runtime,
  runtimeVersion: target.version,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: args.arch,
};
const label = `better-sqlite3 ${sqliteVersion} for ${target.runtime} ${target.version} (${process.platform}-${args.arch})`;

if (!args.force && existsSync(outFile) && existsSync(manifestFile)) {
  let recorded = null;
  try {
    recorded = readJson(manifestFile);
  } catch {
    // An unreadable manifest only means we rebuild.
  }
  if (recorded && Object.entries(wanted).every(([key, value]) => recorded[key] === value)) {
    log(`${relative(root, outFile)} is up to date (${label})`);
    process.exit(0);
  }
}

const tmpRoot = join(root, '.native', 'tmp');
const work = join(tmpRoot, 'better-sqlite3');
rmSync(tmpRoot, { recursive: true, force: true });

/** `npm run <script>` in `cwd`, through the npm that runs us when it is npm that does. */
function npmRun(script, cwd, env, npmArgs) {
  const npmCli = process.env.npm_execpath;
  const [command, prefix, shell] =
    npmCli && /npm-cli\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli], false]
      : ['npm', [], process.platform === 'win32'];
  return spawnSync(command, [...prefix, 'run', script, ...npmArgs], {
    cwd,
    env,
    shell,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

try {
  log(`building ${label}`);
  log(`copying node_modules/better-sqlite3 (without build/) to ${relative(root, work)}`);
  mkdirSync(tmpRoot, { recursive: true });
  const buildDir = join(sqliteDir, 'build');
  cpSync(sqliteDir, work, {
    recursive: true,
    // Leave out build/: the Node build in it must never be mistaken for the new one.
    filter: (src) => relative(buildDir, src).startsWith('..'),
  });

  const env = {
    ...process.env,
    npm_config_runtime: target.runtime,
    npm_config_target: target.version,
    npm_config_arch: args.arch,
    npm_config_target_arch: args.arch,
    ...target.env,
  };
  // Inherited from an outer npm, this would point node-gyp at Electron's headers for a Node build.
  if (target.runtime === 'node') delete env.npm_config_disturl;
  // And this would point it at Node's headers for an Electron build; see npmArgs.
  if (target.runtime === 'electron') delete env.npm_config_nodedir;
  log(
    'running its install script (prebuild-install, else node-gyp from source; this can take minutes)',
  );
  const started = Date.now();
  const install = npmRun('install', work, env, target.npmArgs);
  if (install.error) throw install.error;
  if (install.status !== 0) {
    throw new Error(
      `better-sqlite3's install script failed (exit ${install.status}). Building for ` +
        `${target.runtime} ${target.version} needs either its prebuilt binary (from GitHub) or ` +
        `its headers (${target.runtime === 'electron' ? 'https://electronjs.org/headers' : 'nodedir or https://nodejs.org/dist'}) and a C++ toolchain.`,
    );
  }
  log(`install script finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built))
    throw new Error(`the install script did not produce ${relative(root, built)}`);

  // Open a database with the new module in the runtime it is for, as the app will.
  const checkScript = join(tmpRoot, 'check.cjs');
  writeFileSync(
    checkScript,
    `const Database = require(${JSON.stringify(work)});
const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(built)} });
process.stdout.write(db.prepare('select sqlite_version() as v').get().v);
db.close();
`,
  );
  if (args.arch === process.arch) {
    const check = spawnSync(target.executable, [checkScript], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (check.status !== 0) {
      throw new Error(
        `the built module does not load in ${target.runtime} ${target.version}: ${check.error?.message ?? check.stderr.trim()}`,
      );
    }
    log(
      `checked: it opens a database in ${target.runtime} ${target.version} (SQLite ${check.stdout})`,
    );
  } else {
    log(
      `not loading it to check it: it is built for ${args.arch}, this machine is ${process.arch}`,
    );
  }

  mkdirSync(outDir, { recursive: true });
  rmSync(manifestFile, { force: true });
  const staged = `${outFile}.tmp`;
  cpSync(built, staged);
  renameSync(staged, outFile);
  writeFileSync(
    manifestFile,
    `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  log(`wrote ${relative(root, outFile)} and ${relative(root, manifestFile)}`);
} catch (error) {
  log(`failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmpRoot, { recursive: true, force: true });
}
