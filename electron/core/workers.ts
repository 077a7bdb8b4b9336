import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A bundled worker script (scripts/build-node.mjs writes them to dist/workers, which the hosts
 * pass as `workersDir`), or null when there is none: the core opened without it (as most tests
 * open it) does the same work on its own thread.
 */
export function bundledWorker(workersDir: string | null, file: string): string | null {
  if (!workersDir) return null;
  const script = join(workersDir, file);
  return existsSync(script) ? script : null;
}
