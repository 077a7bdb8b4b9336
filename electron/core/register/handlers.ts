import { join } from 'node:path';
import { z } from 'zod';
import type { registerMethods } from '../../../shared/contract/register';
import { REGISTER_FORMATS } from '../../../shared/register/schema';
import { isoToday } from '../clock';
import type { HandlersFor } from '../context';
import { networkKeyRow } from '../signing/keystore';
import { buildRegister, LAST_PUBLICATION_KEY } from './build';
import { comparePublications } from './compare';
import { networkDashboard } from './dashboard';
import { verifyPublication } from './verify';

const lastPublicationSchema = z.object({
  outDir: z.string(),
  generatedAt: z.string(),
  entries: z.number(),
  formats: z.array(z.enum(REGISTER_FORMATS)),
});

export const registerHandlers: HandlersFor<typeof registerMethods> = {
  'register.status': (_input, ctx) => {
    const row = ctx.db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .get(LAST_PUBLICATION_KEY) as { value: string } | undefined;
    const last = row ? lastPublicationSchema.safeParse(JSON.parse(row.value)) : null;
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
