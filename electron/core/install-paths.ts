import { fileURLToPath } from 'node:url';

/**
 * The shipped resources (framework files, fonts). This file sits two folders below the project
 * root both as source (electron/core/) and in every bundle that includes it (dist/cli/, dist/web/,
 * dist/bench/), so the same path works for the CLI, browser mode and the benchmarks.
 */
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));

/** The bundled worker scripts (scripts/build-node.mjs writes them), found the same way. */
export const WORKERS_DIR = fileURLToPath(new URL('../../dist/workers/', import.meta.url));
