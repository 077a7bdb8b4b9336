import type { CoreContext } from '../context';
import { change } from '../context';
import { readBundledFrameworks, storeFramework } from './store';

/** Puts the frameworks shipped with the app into the database, once each. */
export function installBundledFrameworks(ctx: CoreContext): void {
  const bundled = readBundledFrameworks(ctx.resourcesDir);
  const missing = bundled.filter(
    ({ framework }) =>
      !ctx.db
        .prepare('SELECT 1 FROM frameworks WHERE id = ? AND version = ?')
        .get(framework.id, framework.version),
  );
  if (missing.length === 0) return;
  change({ ...ctx, actor: 'spqa' }, (now, audit) => {
    for (const parsed of missing) {
      const { summary } = storeFramework(ctx.db, parsed, { source: 'bundled', now });
      audit({
        action: 'framework.installed',
        entityType: 'framework',
        entityId: `${summary.id}@${summary.version}`,
        detail: { sha256: summary.sha256 },
      });
    }
  });
}
