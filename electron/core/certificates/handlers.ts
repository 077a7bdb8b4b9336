import type { accreditationMethods } from '../../../shared/contract/accreditation';
import { transition, type LifecycleAction } from '../../../shared/accreditation/lifecycle';
import { reissuedCertificateNumber } from '../../../shared/accreditation/certificate-number';
import { getDecision, getDecisionById } from '../accreditation/decisions';
import { networkName, setNetworkName, storedNetworkName } from '../accreditation/profile';
import { getAssessment } from '../assessments/queries';
import { isoToday } from '../clock';
import { change, type CoreContext, type HandlersFor } from '../context';
import { notFound, refused } from '../errors';
import { renderCertificatePdf } from '../exports/certificate-pdf';
import { renderAssessmentReport } from '../exports/report-pdf';
import { getFramework } from '../frameworks/store';
import { ensureNetworkKey, networkKeyRow, unlockNetworkKey } from '../signing/keystore';
import { exportCertificatePdfs } from './export-pdfs';
import { buildPayload, insertCertificate } from './issue';
import {
  certificateFromRow,
  certificateRow,
  documentOf,
  listCertificateRows,
  nextCertificateNumber,
  recordEvent,
} from './queries';
import { reportData } from './report-data';
import { verifyCertificateFile } from './verify';

type Handlers = HandlersFor<
  Pick<
    typeof accreditationMethods,
    | 'keys.status'
    | 'keys.init'
    | 'keys.exportPublic'
    | 'certificates.issue'
    | 'certificates.reissue'
    | 'certificates.list'
    | 'certificates.get'
    | 'certificates.suspend'
    | 'certificates.reinstate'
    | 'certificates.withdraw'
    | 'certificates.render'
    | 'certificates.verify'
    | 'certificates.exportPdfs'
    | 'reports.render'
  >
>;

function lifecycle(
  ctx: CoreContext,
  numberRaw: string,
  action: Exclude<LifecycleAction, 'supersede'>,
  reason: string,
) {
  return change(ctx, (now, audit) => {
    const row = certificateRow(ctx.db, numberRaw);
    const today = isoToday(ctx.clock);
    const rules = getFramework(
      ctx.db,
      documentOf(row).payload.framework.id,
      documentOf(row).payload.framework.version,
    ).framework.outcomeRules;
    const result = transition(
      { status: row.status, expiresOn: row.expires_on, suspendedOn: row.suspended_on },
      action,
      today,
      rules.maxSuspensionMonths,
    );
    if (!result.ok)
      throw refused(
        `${row.number} cannot be ${action === 'suspend' ? 'suspended' : action === 'reinstate' ? 'reinstated' : 'withdrawn'}: ${result.reason}`,
      );
    ctx.db
      .prepare('UPDATE certificates SET status = ?, suspended_on = ? WHERE number = ?')
      .run(
        result.to,
        action === 'suspend' ? today : action === 'reinstate' ? null : row.suspended_on,
        row.number,
      );
    recordEvent(ctx.db, row.number, {
      at: now,
      actor: ctx.actor,
      action,
      from: row.status,
      to: result.to,
      reason,
    });
    audit({
      action: `certificate.${action}`,
      entityType: 'certificate',
      entityId: row.number,
      detail: { from: row.status, to: result.to, reason },
    });
    return certificateFromRow(ctx.db, certificateRow(ctx.db, row.number), today);
  });
}

export const certificateHandlers: Handlers = {
  'keys.status': (_input, ctx) => {
    const row = networkKeyRow(ctx.db);
    return {
      networkKey: row ? { keyId: row.key_id, createdAt: row.created_at } : null,
      network: storedNetworkName(ctx.db),
    };
  },
  'keys.init': (input, ctx) =>
    change(ctx, (now, audit) => {
      const result = ensureNetworkKey(ctx.db, input.passphrase, { actor: ctx.actor, now });
      if (result.created)
        audit({ action: 'keys.created', entityType: 'signing-key', entityId: result.keyId });
      return result;
    }),
  'keys.exportPublic': (_input, ctx) => {
    const row = networkKeyRow(ctx.db);
    if (!row)
      throw refused(
        'this installation has no network signing key yet; create one with `spqa keys init`',
      );
    return { keyId: row.key_id, pem: row.public_key_pem };
  },

  'certificates.issue': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.assessmentId);
      const decision = getDecision(ctx.db, assessment.id);
      if (!decision || assessment.status !== 'decided')
        throw refused(`assessment ${assessment.id} has no decision yet; record one before issuing`);
      if (decision.outcome === 'not-accredited')
        throw refused('the decision was not to accredit, so no certificate is issued');
      // Whatever has happened to it since (reissued, superseded by a renewal, withdrawn), a decision
      // gets one certificate; later copies come from reissuing it.
      const existing = ctx.db
        .prepare(
          'SELECT number FROM certificates WHERE decision_id = ? ORDER BY reissue DESC LIMIT 1',
        )
        .get(decision.id) as { number: string } | undefined;
      if (existing)
        throw refused(`a certificate was already issued for this decision: ${existing.number}`);
      // The key is created on first use, under the passphrase given now.
      const created = ensureNetworkKey(ctx.db, input.passphrase, { actor: ctx.actor, now });
      if (created.created)
        audit({ action: 'keys.created', entityType: 'signing-key', entityId: created.keyId });
      const { keyId, privateKey } = unlockNetworkKey(ctx.db, input.passphrase);
      const framework = getFramework(
        ctx.db,
        assessment.frameworkId,
        assessment.frameworkVersion,
      ).framework;
      if (!storedNetworkName(ctx.db))
        setNetworkName(ctx.db, networkName(ctx.db, framework.publisher));
      const today = isoToday(ctx.clock);
      const number = nextCertificateNumber(ctx.db, today.slice(0, 4));
      // A renewal supersedes the provider's earlier certificate that is still in force.
      const previous = ctx.db
        .prepare(
          "SELECT number, status FROM certificates WHERE provider_id = ? AND status IN ('active', 'suspended') ORDER BY issued_on DESC",
        )
        .all(assessment.providerId) as { number: string; status: string }[];
      const payload = buildPayload(ctx.db, {
        number,
        assessment,
        decision,
        issuedOn: today,
        issuer: { name: networkName(ctx.db, framework.publisher), keyId },
        supersedes: previous[0]?.number ?? null,
      });
      insertCertificate(ctx.db, payload, {
        baseNumber: number,
        reissue: 0,
        decisionId: decision.id,
        privateKey,
        now,
      });
      recordEvent(ctx.db, number, {
        at: now,
        actor: ctx.actor,
        action: 'issue',
        from: null,
        to: 'active',
        reason: null,
      });
      for (const earlier of previous) {
        ctx.db
          .prepare(
            "UPDATE certificates SET status = 'superseded', superseded_by = ? WHERE number = ?",
          )
          .run(number, earlier.number);
        recordEvent(ctx.db, earlier.number, {
          at: now,
          actor: ctx.actor,
          action: 'supersede',
          from: earlier.status,
          to: 'superseded',
          reason: `renewed by ${number}`,
        });
      }
      audit({
        action: 'certificate.issued',
        entityType: 'certificate',
        entityId: number,
        detail: {
          assessmentId: assessment.id,
          decisionId: decision.id,
          supersedes: payload.supersedes,
        },
      });
      return certificateFromRow(ctx.db, certificateRow(ctx.db, number), today);
    }),
  'certificates.reissue': (input, ctx) =>
    change(ctx, (now, audit) => {
      const old = certificateRow(ctx.db, input.number);
      if (old.status !== 'active')
        throw refused(`${old.number} is ${old.status}; only an active certificate is reissued`);
      const today = isoToday(ctx.clock);
      if (today > old.expires_on)
        throw refused(`${old.number} expired on ${old.expires_on}; renew it with a new assessment`);
      const { keyId, privateKey } = unlockNetworkKey(ctx.db, input.passphrase);
      const reissue =
        (
          ctx.db
            .prepare('SELECT max(reissue) AS n FROM certificates WHERE base_number = ?')
            .get(old.base_number) as { n: number }
        ).n + 1;
      const number = reissuedCertificateNumber(old.base_number, reissue);
      const assessment = getAssessment(ctx.db, old.assessment_id);
      // The award being reissued: the decision this certificate was issued for, not a later one.
      const decision = getDecisionById(ctx.db, old.decision_id);
      if (!decision) throw notFound('decision', old.decision_id);
      const oldPayload = documentOf(old).payload;
      const payload = buildPayload(ctx.db, {
        number,
        assessment,
        decision,
        issuedOn: today,
        // A reissue corrects details; the award's dates stay those of the original.
        expiresOn: old.expires_on,
        issuer: { name: oldPayload.issuer.name, keyId },
        supersedes: old.number,
      });
      insertCertificate(ctx.db, payload, {
        baseNumber: old.base_number,
        reissue,
        decisionId: old.decision_id,
        privateKey,
        now,
      });
      ctx.db
        .prepare(
          "UPDATE certificates SET status = 'superseded', superseded_by = ? WHERE number = ?",
        )
        .run(number, old.number);
      recordEvent(ctx.db, number, {
        at: now,
        actor: ctx.actor,
        action: 'reissue',
        from: null,
        to: 'active',
        reason: input.reason,
      });
      recordEvent(ctx.db, old.number, {
        at: now,
        actor: ctx.actor,
        action: 'supersede',
        from: old.status,
        to: 'superseded',
        reason: `reissued as ${number}: ${input.reason}`,
      });
      audit({
        action: 'certificate.reissued',
        entityType: 'certificate',
        entityId: number,
        detail: { supersedes: old.number, reason: input.reason },
      });
      return certificateFromRow(ctx.db, certificateRow(ctx.db, number), today);
    }),
  'certificates.list': (input, ctx) => {
    const today = isoToday(ctx.clock);
    return listCertificateRows(ctx.db, input.providerId).map((row) => {
      const {
        payload: _payload,
        events: _events,
        ...rest
      } = certificateFromRow(ctx.db, row, today);
      return rest;
    });
  },
  'certificates.get': (input, ctx) =>
    certificateFromRow(ctx.db, certificateRow(ctx.db, input.number), isoToday(ctx.clock)),
  'certificates.suspend': (input, ctx) => lifecycle(ctx, input.number, 'suspend', input.reason),
  'certificates.reinstate': (input, ctx) => lifecycle(ctx, input.number, 'reinstate', input.reason),
  'certificates.withdraw': (input, ctx) => lifecycle(ctx, input.number, 'withdraw', input.reason),
  'certificates.render': async (input, ctx) => {
    const row = certificateRow(ctx.db, input.number);
    const doc = documentOf(row);
    if (input.format === 'json') {
      return {
        fileName: `${row.number}.json`,
        mediaType: 'application/json',
        base64: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`).toString('base64'),
      };
    }
    const bytes = await renderCertificatePdf(doc, ctx.resourcesDir);
    return {
      fileName: `${row.number}.pdf`,
      mediaType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    };
  },
  'certificates.verify': (input, ctx) => verifyCertificateFile(ctx, input),
  'certificates.exportPdfs': (input, ctx) => exportCertificatePdfs(ctx, input),
  'reports.render': async (input, ctx) => {
    const data = reportData(ctx.db, input.assessmentId, ctx.clock);
    ctx.progress({ phase: 'writing the report', done: 0, total: 1 });
    const bytes = await renderAssessmentReport(data, ctx.resourcesDir);
    ctx.progress({ phase: 'writing the report', done: 1, total: 1 });
    return {
      fileName: `report-${input.assessmentId}.pdf`,
      mediaType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    };
  },
};
