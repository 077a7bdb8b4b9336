import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSIONS_FOLDER } from '../../electron/core/db/sessions';
import { startCoreWorker } from '../../electron/core/host/worker-client';
import { CORE_WORKER_BUNDLE, NODE_SQLITE_BINDING, RESOURCES_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

/**
 * The core as the desktop app runs it: the bundled worker (dist/electron/core-worker.cjs), here
 * under plain Node with Node's build of the database driver.
 */

describe('the core worker of the desktop app', () => {
  it('answers calls, and closes its database before it ends', async () => {
    expect(existsSync(CORE_WORKER_BUNDLE), 'vitest’s global setup builds the bundles').toBe(true);
    const dataDir = tempDir();
    const core = await startCoreWorker(CORE_WORKER_BUNDLE, {
      dataDir,
      resourcesDir: RESOURCES_DIR,
      nativeBinding: NODE_SQLITE_BINDING,
    });
    const created = await core.invoke('providers.create', {
      name: 'Worker Test Group',
      type: 'both',
    });
    expect(created.ok).toBe(true);
    const sessions = join(dataDir, SESSIONS_FOLDER);
    expect(readdirSync(sessions)).toHaveLength(1);
    await core.close();
    // Closed, not just stopped: its mark is gone, so the next start trusts the clean end.
    expect(readdirSync(sessions)).toEqual([]);

    const again = await startCoreWorker(CORE_WORKER_BUNDLE, {
      dataDir,
      resourcesDir: RESOURCES_DIR,
      nativeBinding: NODE_SQLITE_BINDING,
    });
    const listed = await again.invoke('providers.list', {});
    expect(listed.ok && (listed.value as { total: number }).total).toBe(1);
    await again.close();
  });
});
