import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Core } from '../../electron/core/app';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { decide, issueCertificate, providerWithTwoServices, startExternal } from './accreditation';
import { manualClock, openTestCore, unwrap, type ManualClock } from './core';
import { buildFramework } from './framework-builder';
import { tempDir, writeTempFile } from './temp-dir';

export const PASSPHRASE = 'bundle passphrase for tests';
export const ASSESSOR = 'Rhiannon Assessor';
export const PANEL = 'Panel chair';

/**
 * A framework no installation ships (so a second data folder lacks it until a bundle brings it):
 * two domains of two standards, the first criterion of each domain essential.
 */
export const BUNDLE_FRAMEWORK = {
  ...buildFramework([
    { standards: [[{ level: 'essential' }, {}], [{}]] },
    { standards: [[{ level: 'essential' }], [{}, {}]] },
  ]),
  id: 'bundle-test-framework',
  title: 'Framework carried by bundles',
};

export interface Installation {
  core: Core;
  dataDir: string;
  clock: ManualClock;
}

/** A core on its own data folder with a clock the test moves by hand. */
export async function installation(start = '2026-03-04T10:00:00Z'): Promise<Installation> {
  const dataDir = tempDir('spqa-bundle-');
  const clock = manualClock(start);
  const core = await openTestCore({ dataDir, clock });
  return { core, dataDir, clock };
}

/** Trusts `from`'s network key in `to`, as a person would with `keys trust`. */
export async function trust(from: Core, to: Core, name = 'Sending network'): Promise<string> {
  unwrap(await from.invoke('keys.init', { passphrase: PASSPHRASE }));
  const key = unwrap(await from.invoke('keys.exportPublic', {}));
  unwrap(await to.invoke('trustedKeys.add', { pem: key.pem, name }));
  return key.keyId;
}

export interface Accredited {
  providerId: string;
  assessmentId: string;
  certificate: string;
  policy: { id: string; sha256: string };
  personal: { id: string; sha256: string };
  link: { id: string };
}

/**
 * The whole path to a certificate on the carried framework: a provider with two services, an
 * external assessment with evidence (one file marked as personal data, one web link), ratings,
 * a finding and an action, submitted, decided by a panel and certified.
 */
export async function accreditedAssessment(
  core: Core,
  name = 'Cymdeithas Gŵyl Ŷd',
): Promise<Accredited> {
  unwrap(
    await core.invoke('frameworks.import', {
      fileName: 'bundle-test-framework.json',
      text: JSON.stringify(BUNDLE_FRAMEWORK),
    }),
  );
  const provider = await providerWithTwoServices(core, name, {
    contacts: [{ name: 'Elin Jones', email: 'elin@example.org' }],
  });
  const { assessment } = await startExternal(core, provider, {
    assessor: ASSESSOR,
    frameworkId: BUNDLE_FRAMEWORK.id,
  });
  const detail = unwrap(await core.invoke('assessments.get', { id: assessment.id }));
  const [first = '', second = ''] = detail.applicableCodes;
  const folder = tempDir('spqa-bundle-evidence-');
  const add = async (file: string, text: string, metadata: Record<string, unknown>) => {
    const [record] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [first],
        sources: [{ kind: 'path', path: writeTempFile(folder, file, text) }],
        metadata,
      }),
    );
    if (!record?.sha256) throw new Error('evidence was not stored');
    return { id: record.id, sha256: record.sha256 };
  };
  const policy = await add(
    'safeguarding-policy.txt',
    'Our safeguarding policy, adopted by the trustees.',
    {
      title: 'Safeguarding policy',
      kind: 'policy',
      effectiveDate: '2026-01-01',
    },
  );
  const personal = await add('dbs-register.csv', 'name,dbs\nAled Roberts,001234567890\n', {
    title: 'DBS register',
    kind: 'vetting',
    personalData: true,
    retainUntil: '2027-01-01',
  });
  const [link] = unwrap(
    await core.invoke('evidence.add', {
      assessmentId: assessment.id,
      criteria: [second],
      sources: [{ kind: 'link', url: 'https://example.org/annual-report' }],
      metadata: { title: 'Annual report', kind: 'report' },
    }),
  );
  for (const code of detail.applicableCodes) {
    unwrap(
      await core.invoke('assessments.rate', {
        id: assessment.id,
        criterion: code,
        rating: 'met',
        note: `Seen for ${code}.`,
        overrideReason: 'Seen at the visit.',
      }),
    );
  }
  unwrap(
    await core.invoke('findings.save', {
      assessmentId: assessment.id,
      criterion: second,
      type: 'minor-nc',
      text: 'Two volunteer inductions were not signed off.',
      action: 'Sign off the inductions',
      actionOwner: 'Service manager',
      actionDue: '2026-06-30',
    }),
  );
  unwrap(
    await core.invoke('actions.save', {
      assessmentId: assessment.id,
      criterion: second,
      description: 'Review the induction checklist',
      owner: 'Service manager',
      dueDate: '2026-06-30',
    }),
  );
  unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
  await decide(core, assessment.id, 'accredited', { decidedBy: PANEL });
  const certificate = await issueCertificate(core, assessment.id, PASSPHRASE);
  return {
    providerId: provider.id,
    assessmentId: assessment.id,
    certificate: certificate.number,
    policy,
    personal,
    link: { id: link?.id ?? '' },
  };
}

/** Exports a bundle to a new file and returns its path. */
export async function exportBundle(
  core: Core,
  assessmentId: string,
  options: { includePersonalData?: boolean; dir?: string; name?: string } = {},
): Promise<string> {
  const file = join(options.dir ?? tempDir('spqa-bundles-'), options.name ?? 'out.spqa');
  unwrap(
    await core.invoke('bundles.export', {
      assessmentId,
      passphrase: PASSPHRASE,
      includePersonalData: options.includePersonalData ?? false,
      file,
    }),
  );
  return file;
}

/**
 * Every record an import writes, for one assessment and its provider, in a fixed order and
 * without the columns that are local by nature (audit sequence numbers).
 */
export function recordsOf(db: Database, assessmentId: string): Record<string, unknown[]> {
  const providerId = (
    db.prepare('SELECT provider_id FROM assessments WHERE id = ?').get(assessmentId) as {
      provider_id: string;
    }
  ).provider_id;
  const q = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
  return {
    providers: q('SELECT * FROM providers WHERE id = ?', providerId),
    services: q('SELECT * FROM services WHERE provider_id = ? ORDER BY id', providerId),
    assessments: q('SELECT * FROM assessments WHERE id = ?', assessmentId),
    ratings: q('SELECT * FROM ratings WHERE assessment_id = ? ORDER BY criterion', assessmentId),
    actions: q(
      'SELECT * FROM improvement_actions WHERE assessment_id = ? ORDER BY id',
      assessmentId,
    ),
    findings: q('SELECT * FROM findings WHERE assessment_id = ? ORDER BY id', assessmentId),
    revisions: q(
      'SELECT * FROM assessment_revisions WHERE assessment_id = ? ORDER BY revision',
      assessmentId,
    ),
    decisions: q('SELECT * FROM decisions WHERE assessment_id = ? ORDER BY id', assessmentId),
    evidence: q('SELECT * FROM evidence WHERE assessment_id = ? ORDER BY id', assessmentId),
    criteria: q(
      `SELECT c.* FROM evidence_criteria c JOIN evidence e ON e.id = c.evidence_id
       WHERE e.assessment_id = ? ORDER BY c.evidence_id, c.criterion`,
      assessmentId,
    ),
    certificates: q(
      'SELECT * FROM certificates WHERE assessment_id = ? ORDER BY number',
      assessmentId,
    ),
    events: q(
      `SELECT number, at, actor, action, from_status, to_status, reason FROM certificate_events
       WHERE number IN (SELECT number FROM certificates WHERE assessment_id = ?) ORDER BY seq`,
      assessmentId,
    ),
  };
}

/** SHA-256 of every file under the evidence store's sha256/ folder, by name. */
export function storedHashes(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'evidence', 'sha256');
  const out: Record<string, string> = {};
  if (!existsSync(root)) return out;
  for (const prefix of readdirSync(root)) {
    for (const name of readdirSync(join(root, prefix))) {
      out[name] = createHash('sha256')
        .update(readFileSync(join(root, prefix, name)))
        .digest('hex');
    }
  }
  return out;
}

/**
 * The data folder byte for byte: the database file (after its write-ahead log is folded in by
 * a checkpoint) and every file in the evidence store, with its size and content hash.
 */
export function folderState(core: Core, dataDir: string): Record<string, string> {
  core.context.db.pragma('wal_checkpoint(TRUNCATE)');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (!name.endsWith('-shm'))
        out[relative(dataDir, path)] =
          `${info.size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dataDir);
  return out;
}

export const databasePath = (dataDir: string) => join(dataDir, DATABASE_FILE);
