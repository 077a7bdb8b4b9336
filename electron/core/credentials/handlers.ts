import type { accreditationMethods } from '../../../shared/contract/accreditation';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import { certificateRow, documentOf } from '../certificates/queries';
import { isoNow, isoToday } from '../clock';
import { change, type HandlersFor } from '../context';
import { refused } from '../errors';
import { drawBadgeImage } from '../exports/badge-image';
import { BADGE_KEYWORD, withITxt } from '../exports/png-itxt';
import { unlockNetworkKey } from '../signing/keystore';
import { badgeRefusal, badgeSigner, registerWebIssuer, signBadges } from './badges';

type Handlers = HandlersFor<Pick<typeof accreditationMethods, 'certificates.badge'>>;

export const badgeHandlers: Handlers = {
  'certificates.badge': async (input, ctx) => {
    const row = certificateRow(ctx.db, input.number);
    const refusal = badgeRefusal(ctx.db, row, isoToday(ctx.clock));
    if (refusal) throw refused(refusal);
    const signer = badgeSigner(ctx.db, unlockNetworkKey(ctx.db, input.passphrase));
    const [badge] = await signBadges(ctx.db, signer, [row], {
      now: isoNow(ctx.clock),
      resourcesDir: ctx.resourcesDir,
    });
    if (!badge) throw new Error(`no badge was made for ${row.number}`);
    if (badge.signed)
      change(ctx, (_now, audit) =>
        audit({
          action: 'certificate.badge-signed',
          entityType: 'certificate',
          entityId: row.number,
          detail: { issuer: signer.issuer.id, statusIndex: badge.statusIndex },
        }),
      );
    const made = { issuer: signer.issuer.id, statusIndex: badge.statusIndex };
    if (input.format === 'json')
      return {
        ...made,
        fileName: `${row.number}.badge.json`,
        mediaType: 'application/json',
        base64: Buffer.from(`${JSON.stringify(badge.credential, null, 2)}\n`).toString('base64'),
      };
    const cert = documentOf(row).payload;
    const image = await drawBadgeImage(
      {
        network: cert.issuer.name,
        holder: cert.holder.name,
        wording: OUTCOME_LABELS[cert.decision.outcome],
        validUntil: cert.expiresOn,
        number: cert.number,
        checkAt: registerWebIssuer(ctx.db)?.baseUrl ?? null,
      },
      ctx.resourcesDir,
    );
    return {
      ...made,
      fileName: `${row.number}.badge.png`,
      mediaType: 'image/png',
      base64: withITxt(image, BADGE_KEYWORD, JSON.stringify(badge.credential)).toString('base64'),
    };
  },
};
