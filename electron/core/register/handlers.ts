import { join } from 'node:path';
import { publicationSchema, type registerMethods } from '../../../shared/contract/register';
import { isoToday } from '../clock';
import type { HandlersFor } from '../context';
import { readSetting } from '../db/settings';
import { networkKeyRow } from '../signing/keystore';
import { buildRegister, LAST_PUBLICATION_KEY } from './build';
import { comparePublications } from './compare';
import { networkDashboard } from './dashboard';
import { verifyPublication } from './verify';

export const registerHandlers: HandlersFor<typeof registerMethods> = {
  'register.status': (_input, ctx) => {
    const stored = readSetting(ctx.db, LAST_PUBLICATION_KEY);
    const last = stored !== null ? publicationSchema.safeParse(JSON.parse(stored)) : null;
    const key = networkKeyRow(ctx.db);
    return {
      certificates: (
        ctx.db.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number }
      ).n,
      networkKey: key ? { keyId: key.key_id } : null,
      lastPublication: last?.success ? last.data : null,
      suggestedOutDir: last?.success ? last.data.outDir : join(ctx.dataDir, 'register'),
    };
  },
  'register.build': (input, ctx) => buildRegister(ctx, input),
  'register.verify': (input, ctx) => verifyPublication(ctx, input),
  'register.diff': (input) => comparePublications(input.old, input.new),
  'register.dashboard': (_input, ctx) => networkDashboard(ctx.db, isoToday(ctx.clock)),
};
