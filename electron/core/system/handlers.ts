import type { systemMethods } from '../../../shared/contract/system';
import { listAudit, verifyAudit } from '../audit/trail';
import type { HandlersFor } from '../context';
import { loadDemo } from '../demo/load';

export interface SystemFacts {
  appVersion: string;
  schemaVersion: number;
  databasePath: string;
  journalMode: string;
}

export function systemHandlers(facts: SystemFacts): HandlersFor<typeof systemMethods> {
  return {
    'system.info': (_input, ctx) => ({ ...facts, dataDir: ctx.dataDir, actor: ctx.actor }),
    'system.loadDemo': (_input, ctx) => loadDemo(ctx),
    'audit.list': (input, ctx) => listAudit(ctx.db, input),
    'audit.verify': (_input, ctx) => verifyAudit(ctx.db),
  };
}
