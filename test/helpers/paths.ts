import { fileURLToPath } from 'node:url';

/** The project root, two folders above this file. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Open Badges 3.0 / VC 2.0 files copied verbatim into the shared reference folder. */
export const OBV3_DIR = fileURLToPath(new URL('../../../shared/schemas/obv3/', import.meta.url));
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));
export const NATIONAL_FRAMEWORK_FILE = fileURLToPath(
  new URL('../../resources/frameworks/spqa-national-1.0.0.json', import.meta.url),
);
/** The worker scripts scripts/build-node.mjs bundles (vitest's global setup builds them). */
export const WORKERS_DIR = fileURLToPath(new URL('../../dist/workers/', import.meta.url));
/** The bundled CLI that test/integration/global-setup.ts builds before the run. */
export const CLI_BUNDLE = fileURLToPath(new URL('../../dist/cli/spqa.mjs', import.meta.url));
/** The desktop app's core worker bundle, which tests run on Node with NODE_SQLITE_BINDING. */
export const CORE_WORKER_BUNDLE = fileURLToPath(
  new URL('../../dist/electron/core-worker.cjs', import.meta.url),
);
/** Node's build of the database driver, for the core worker bundle run outside Electron. */
export const NODE_SQLITE_BINDING = fileURLToPath(
  new URL('../../node_modules/better-sqlite3/build/Release/better_sqlite3.node', import.meta.url),
);
