import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import {
  assessmentFileSchema,
  certificatesFileSchema,
  evidenceFileSchema,
  providerFileSchema,
  type AssessmentFile,
  type ProviderFile,
} from '../../../shared/bundles/schema';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { notFound, refused } from '../errors';
import { networkKeyRow } from '../signing/keystore';
import {
  ACTIONS,
  ASSESSMENTS,
  CERTIFICATES,
  CERTIFICATE_EVENTS,
  DECISIONS,
  EVIDENCE,
  FINDINGS,
  PROVIDERS,
  RATINGS,
  REVISIONS,
  SERVICES,
  selectRow,
  selectRows,
  toRecord,
} from './records';

export interface EvidenceFileToPack {
  sha256: string;
  size: number;
}

/** Everything one bundle carries, gathered in one synchronous pass (so it is one consistent state). */
export interface BundleContent {
  provider: ProviderFile;
  assessment: AssessmentFile;
  evidence: z.infer<typeof evidenceFileSchema>;
  certificates: z.infer<typeof certificatesFileSchema>;
  framework: { id: string; version: string; sha256: string; text: string };
  /** Public keys of the certificates' issuers, where this installation knows them. */
  keys: { keyId: string; pem: string }[];
  files: EvidenceFileToPack[];
  leftOut: number;
}

/** Checks what is about to be sent against the format, so a bundle that leaves here always imports. */
function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw refused(
      `the ${what} cannot be put in a bundle: ${summariseProblems(problemsFromZod(result.error))}`,
    );
  return result.data;
}

export function collectBundleContent(
  db: Database,
  assessmentId: string,
  includePersonalData: boolean,
): BundleContent {
  const assessmentRow = selectRow(db, ASSESSMENTS, 'id = ?', [assessmentId]);
  if (!assessmentRow) throw notFound('assessment', assessmentId);
  const providerId = String(assessmentRow.provider_id);
  const byAssessment = (spec: typeof RATINGS, order?: string) =>
    selectRows(db, spec, 'assessment_id = ?', [assessmentId], order).map((r) => toRecord(spec, r));

  const provider = checked(
    providerFileSchema,
    {
      provider: toRecord(PROVIDERS, selectRow(db, PROVIDERS, 'id = ?', [providerId]) ?? {}),
      services: selectRows(db, SERVICES, 'provider_id = ?', [providerId], 'created_at, id').map(
        (r) => toRecord(SERVICES, r),
      ),
    },
    'provider record',
  );
  const assessment = checked(
    assessmentFileSchema,
    {
      assessment: toRecord(ASSESSMENTS, assessmentRow),
      ratings: byAssessment(RATINGS, 'criterion'),
      actions: byAssessment(ACTIONS, 'criterion'),
      findings: byAssessment(FINDINGS, 'created_at, id'),
      revisions: byAssessment(REVISIONS, 'revision'),
      decisions: byAssessment(DECISIONS, 'revision'),
    },
    'assessment',
  );

  const evidenceRows = selectRows(db, EVIDENCE, 'assessment_id = ?', [assessmentId]);
  const criteria = new Map<string, string[]>();
  for (const r of db
    .prepare(
      `SELECT c.evidence_id, c.criterion FROM evidence_criteria c JOIN evidence e ON e.id = c.evidence_id
       WHERE e.assessment_id = ? ORDER BY c.criterion`,
    )
    .all(assessmentId) as { evidence_id: string; criterion: string }[]) {
    criteria.set(r.evidence_id, [...(criteria.get(r.evidence_id) ?? []), r.criterion]);
  }
  // A file any record marks as personal data stays out unless the sender chose to include it.
  const personal = new Set(
    evidenceRows.filter((r) => r.personal_data === 1 && r.sha256).map((r) => String(r.sha256)),
  );
  const liveBlob = db.prepare(
    'SELECT size FROM evidence_blobs WHERE sha256 = ? AND deleted_at IS NULL',
  );
  const files = new Map<string, EvidenceFileToPack>();
  let leftOut = 0;
  const evidence = checked(
    evidenceFileSchema,
    {
      evidence: evidenceRows.map((row) => {
        const sha256 = row.sha256 === null ? null : String(row.sha256);
        let fileIncluded = false;
        if (sha256 && row.removed_at === null) {
          const blob = liveBlob.get(sha256) as { size: number } | undefined;
          if (personal.has(sha256) && !includePersonalData) leftOut += 1;
          else if (blob) {
            fileIncluded = true;
            files.set(sha256, { sha256, size: blob.size });
          }
        }
        return {
          ...toRecord(EVIDENCE, row),
          criteria: criteria.get(String(row.id)) ?? [],
          fileIncluded,
        };
      }),
    },
    'evidence records',
  );

  const certificateRows = selectRows(
    db,
    CERTIFICATES,
    'assessment_id = ?',
    [assessmentId],
    'created_at, number',
  );
  const certificates = checked(
    certificatesFileSchema,
    {
      certificates: certificateRows.map((row) => ({
        ...toRecord(CERTIFICATES, row),
        events: selectRows(db, CERTIFICATE_EVENTS, 'number = ?', [row.number], 'seq').map((e) =>
          toRecord(CERTIFICATE_EVENTS, e),
        ),
      })),
    },
    'certificates',
  );

  const frameworkRow = db
    .prepare('SELECT id, version, document, sha256 FROM frameworks WHERE id = ? AND version = ?')
    .get(assessmentRow.framework_id, assessmentRow.framework_version) as
    { id: string; version: string; document: string; sha256: string } | undefined;
  if (!frameworkRow)
    throw notFound(
      'framework',
      `${String(assessmentRow.framework_id)}@${String(assessmentRow.framework_version)}`,
    );

  const keys = new Map<string, string>();
  const own = networkKeyRow(db);
  const trusted = db.prepare('SELECT public_key_pem FROM trusted_keys WHERE key_id = ?');
  for (const certificate of certificates.certificates) {
    if (keys.has(certificate.keyId)) continue;
    const pem =
      own?.key_id === certificate.keyId
        ? own.public_key_pem
        : (trusted.get(certificate.keyId) as { public_key_pem: string } | undefined)
            ?.public_key_pem;
    if (pem) keys.set(certificate.keyId, pem);
  }

  return {
    provider,
    assessment,
    evidence,
    certificates,
    framework: {
      id: frameworkRow.id,
      version: frameworkRow.version,
      sha256: frameworkRow.sha256,
      text: frameworkRow.document,
    },
    keys: [...keys].map(([keyId, pem]) => ({ keyId, pem })),
    files: [...files.values()],
    leftOut,
  };
}
