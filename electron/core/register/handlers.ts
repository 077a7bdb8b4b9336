import { join } from 'node:path';
import { publicationSchema, type registerMethods } from '../../../shared/contract/register';
import { isoToday } from '../clock';
import { change, type HandlersFor } from '../context';
import { readSetting, writeSetting } from '../db/settings';
import { registerWebIssuer, WEB_ADDRESS_KEY } from '../credentials/badges';
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
      webAddress: registerWebIssuer(ctx.db),
    };
  },
  'register.configure': (input, ctx) =>
    change(ctx, (_now, audit) => {
      const before = registerWebIssuer(ctx.db);
      if (input.baseUrl === null)
        ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(WEB_ADDRESS_KEY);
      else writeSetting(ctx.db, WEB_ADDRESS_KEY, input.baseUrl);
      const after = registerWebIssuer(ctx.db);
      if (before?.baseUrl !== after?.baseUrl)
        audit({
          action: 'register.configured',
          entityType: 'register',
          entityId: 'web-address',
          detail: { from: before?.baseUrl ?? null, to: after?.baseUrl ?? null },
        });
      return { webAddress: after };
    }),
  'register.build': (input, ctx) => buildRegister(ctx, input),
  'register.verify': (input, ctx) => verifyPublication(ctx, input),
  'register.diff': (input) => comparePublications(input.old, input.new),
  'register.dashboard': (_input, ctx) => networkDashboard(ctx.db, isoToday(ctx.clock)),
};
