import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { openCore } from '../../electron/core/app';
import type { CoreContext } from '../../electron/core/context';
import { systemClock } from '../../electron/core/clock';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { openDatabase } from '../../electron/core/db/open';
import { initial } from '../../electron/core/db/migrations/0010-initial';
import { evidence as evidenceMigration } from '../../electron/core/db/migrations/0020-evidence';
import { installBundledFrameworks } from '../../electron/core/frameworks/install';
import { canonicalJson } from '../../shared/signing/canonical-json';
import { failure, unwrap, type ManualClock } from '../helpers/core';
import { rateCriterion } from '../helpers/fixtures';
import { dumpDatabase } from '../helpers/db-dump';
import { storeListing } from '../helpers/evidence';
import { NATIONAL_ID, NATIONAL_VERSION } from '../helpers/national';
import { RESOURCES_DIR } from '../helpers/paths';
import { tempDir, writeTempFile } from '../helpers/temp-dir';
import {
  providerWithService,
  rateAll,
  SMALL_FRAMEWORK,
  smallCore,
  startExternal,
  startSmallSelf,
} from '../helpers/accreditation';
import type { RevisionRow } from '../../electron/core/accreditation/seal';

const POLICY = 'Our safeguarding policy, adopted by the trustees on 1 February 2026.';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const revisionRow = (core: Core, id: string, revision: number) =>
  core.context.db
    .prepare('SELECT * FROM assessment_revisions WHERE assessment_id = ? AND revision = ?')
    .get(id, revision) as RevisionRow;

interface SnapshotShape {
  assessment: { id: string; revision: number; assessor: string | null };
  framework: { id: string; version: string; sha256: string };
  ratings: { criterion: string; rating: string }[];
  findings: { criterion: string; type: string; text: string; action: string | null }[];
  evidence: { title: string; sha256: string | null; criteria: string[] }[];
  readiness: { outcome: string };
}

/** An external assessment on the small framework with evidence, every rating and two findings. */
async function readyToSubmit(core: Core) {
  const { provider, assessment } = await startExternal(core);
  const file = writeTempFile(tempDir(), 'safeguarding-policy.txt', POLICY);
  const [record] = unwrap(
    await core.invoke('evidence.add', {
      assessmentId: assessment.id,
      criteria: ['AA1.1'],
      sources: [{ kind: 'path', path: file }],
      metadata: { title: 'Safeguarding policy', kind: 'policy' },
    }),
  );
  if (!record) throw new Error('no evidence record');
  await rateAll(core, assessment.id, 'met', { 'BB2.2': 'partial' });
  const finding = unwrap(
    await core.invoke('findings.save', {
      assessmentId: assessment.id,
      criterion: 'BB2.2',
      type: 'minor-nc',
      text: 'Two volunteer inductions were not signed off.',
      action: 'Sign off every induction',
      actionOwner: 'Volunteer coordinator',
      actionDue: '2026-05-01',
    }),
  );
  unwrap(
    await core.invoke('findings.save', {
      assessmentId: assessment.id,
      criterion: 'AA1.1',
      type: 'good-practice',
      text: 'The policy is reviewed every year.',
    }),
  );
  return { provider, assessment, record, finding, file };
}

describe('submitting an assessment', () => {
  it('is refused while criteria are unrated, saying which', async () => {
    const core = await smallCore();
    const { assessment } = await startExternal(core);
    await rateCriterion(core, assessment.id, 'AA1.2', 'met');
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await core.invoke('assessments.submit', { id: assessment.id }),
      'refused',
    );
    expect(error.message).toContain('7 criteria are not rated (AA1.1, AA2.1, AA2.2, BB1.1, BB1.2');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('seals revision 1: framework version, ratings, findings and evidence hashes, under a SHA-256 of the snapshot', async () => {
    const core = await smallCore();
    const { assessment, record } = await readyToSubmit(core);
    const preview = unwrap(await core.invoke('assessments.sealPreview', { id: assessment.id }));
    expect(preview).toMatchObject({
      revision: 1,
      framework: 'test-framework@1.0.0',
      rated: 8,
      applicable: 8,
      unrated: [],
      findings: { observation: 0, goodPractice: 1, minor: 1, major: 0 },
      evidence: [{ id: record.id, title: 'Safeguarding policy', sha256: sha256(POLICY) }],
      blockers: [],
    });

    const { revision, assessment: after } = unwrap(
      await core.invoke('assessments.submit', { id: assessment.id }),
    );
    expect(after.status).toBe('submitted');
    expect(revision).toMatchObject({
      revision: 1,
      reason: 'first assessment',
      sealedAt: '2026-03-04T10:00:00.000Z',
      sealedBy: 'tester',
    });
    const row = revisionRow(core, assessment.id, 1);
    expect(row.sha256).toBe(revision.sha256);
    // The hash is over the canonical bytes of the stored snapshot, so anyone can recompute it.
    const snapshot = JSON.parse(row.snapshot ?? 'null') as SnapshotShape;
    expect(sha256(canonicalJson(snapshot))).toBe(row.sha256);
    const fw = unwrap(await core.invoke('frameworks.get', { id: SMALL_FRAMEWORK.id }));
    expect(snapshot.framework).toEqual({
      id: 'test-framework',
      version: '1.0.0',
      sha256: fw.summary.sha256,
    });
    expect(snapshot.assessment).toMatchObject({ id: assessment.id, revision: 1 });
    expect(snapshot.ratings.map((r) => `${r.criterion}=${r.rating}`)).toEqual([
      'AA1.1=met',
      'AA1.2=met',
      'AA2.1=met',
      'AA2.2=met',
      'BB1.1=met',
      'BB1.2=met',
      'BB2.1=met',
      'BB2.2=partial',
    ]);
    expect(snapshot.findings).toEqual([
      expect.objectContaining({ criterion: 'AA1.1', type: 'good-practice' }),
      expect.objectContaining({
        criterion: 'BB2.2',
        type: 'minor-nc',
        action: 'Sign off every induction',
      }),
    ]);
    expect(snapshot.evidence).toEqual([
      expect.objectContaining({
        title: 'Safeguarding policy',
        sha256: sha256(POLICY),
        criteria: ['AA1.1'],
      }),
    ]);
    const sealedEvidence = core.context.db
      .prepare('SELECT sealed_at FROM evidence WHERE id = ?')
      .get(record.id) as { sealed_at: string | null };
    expect(sealedEvidence.sealed_at).toBe('2026-03-04T10:00:00.000Z');

    const audit = unwrap(await core.invoke('audit.list', { entityId: assessment.id }));
    expect(audit.find((e) => e.action === 'assessment.submitted')?.detail).toEqual({
      revision: 1,
      sha256: row.sha256,
    });
    expect(unwrap(await core.invoke('audit.verify', {})).ok).toBe(true);
  });

  it('refuses every change to ratings, findings, actions and evidence afterwards, changing nothing', async () => {
    const dataDir = tempDir();
    const core = await smallCore({ dataDir });
    const { assessment, record, finding } = await readyToSubmit(core);
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    const before = dumpDatabase(core.context.db);
    const storeBefore = storeListing(dataDir);
    const sealed = `assessment ${assessment.id} is submitted and sealed; open a new revision to change it`;
    const other = writeTempFile(tempDir(), 'late.txt', 'Late evidence');

    const attempts: [string, () => ReturnType<Core['invokeUnknown']>][] = [
      [
        'rate',
        () =>
          core.invoke('assessments.rate', { id: assessment.id, criterion: 'BB2.2', rating: 'met' }),
      ],
      [
        'clear a rating',
        () =>
          core.invoke('assessments.rate', { id: assessment.id, criterion: 'AA1.2', rating: null }),
      ],
      [
        'import ratings',
        () =>
          core.invoke('assessments.importRatings', {
            id: assessment.id,
            fileName: 'r.csv',
            csv: 'criterion,rating\nBB2.2,met\n',
          }),
      ],
      [
        'add a finding',
        () =>
          core.invoke('findings.save', {
            assessmentId: assessment.id,
            criterion: 'AA1.2',
            type: 'observation',
            text: 'Seen later.',
          }),
      ],
      [
        'edit a finding',
        () =>
          core.invoke('findings.save', {
            id: finding.id,
            assessmentId: assessment.id,
            criterion: 'BB2.2',
            type: 'observation',
            text: 'Softened after the event.',
          }),
      ],
      ['delete a finding', () => core.invoke('findings.delete', { id: finding.id })],
      [
        'set an action',
        () =>
          core.invoke('actions.save', {
            assessmentId: assessment.id,
            criterion: 'BB2.2',
            description: 'Do better',
            owner: 'Manager',
            dueDate: '2026-06-01',
            status: 'open',
          }),
      ],
      [
        'add evidence',
        () =>
          core.invoke('evidence.add', {
            assessmentId: assessment.id,
            criteria: ['AA1.2'],
            sources: [{ kind: 'path', path: other }],
            metadata: { title: 'Late', kind: 'other' },
          }),
      ],
      [
        'describe evidence differently',
        () =>
          core.invoke('evidence.update', {
            id: record.id,
            metadata: { title: 'Renamed policy', kind: 'policy' },
          }),
      ],
      [
        'attach evidence elsewhere',
        () => core.invoke('evidence.attach', { id: record.id, criteria: ['AA1.2'] }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const error = failure(await attempt(), 'refused');
      expect(error.message, what).toBe(sealed);
    }
    const removal = failure(
      await core.invoke('evidence.remove', { id: record.id, reason: 'Tidying up' }),
      'refused',
    );
    expect(removal.message).toContain('sealed evidence cannot be deleted');
    expect(
      failure(await core.invoke('assessments.submit', { id: assessment.id }), 'refused').message,
    ).toContain('it is already submitted');

    expect(dumpDatabase(core.context.db)).toEqual(before);
    expect(storeListing(dataDir)).toEqual(storeBefore);
  });

  it('keeps the sealed row as it is even against SQL written behind the app’s back', async () => {
    const core = await smallCore();
    const { assessment } = await readyToSubmit(core);
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    const sealed = revisionRow(core, assessment.id, 1);
    const db = core.context.db;
    for (const sql of [
      "UPDATE assessment_revisions SET snapshot = '{}' WHERE assessment_id = ?",
      "UPDATE assessment_revisions SET sha256 = 'forged' WHERE assessment_id = ?",
      "UPDATE assessment_revisions SET reason = 'rewritten' WHERE assessment_id = ?",
      'UPDATE assessment_revisions SET sealed_at = NULL WHERE assessment_id = ?',
    ]) {
      expect(() => db.prepare(sql).run(assessment.id), sql).toThrow(
        'a sealed revision never changes',
      );
    }
    expect(() =>
      db.prepare('DELETE FROM assessment_revisions WHERE assessment_id = ?').run(assessment.id),
    ).toThrow('revisions are never deleted');
    expect(revisionRow(core, assessment.id, 1)).toEqual(sealed);
  });
});

describe('a new revision', () => {
  it('opens revision 2 with its reason, leaves revision 1 byte for byte, and seals 2 under a new hash', async () => {
    const core = await smallCore();
    const clock = core.context.clock as ManualClock;
    const { assessment } = await readyToSubmit(core);
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    const first = revisionRow(core, assessment.id, 1);

    // Only a submitted (or decided) assessment gets a new revision, and only with a reason.
    failure(
      await core.invoke('assessments.revise', { id: assessment.id, reason: '' }),
      'invalid_input',
    );
    clock.set('2026-03-10T09:00:00Z');
    const opened = unwrap(
      await core.invoke('assessments.revise', {
        id: assessment.id,
        reason: 'Late evidence for BB2.2',
      }),
    );
    expect(opened.revision).toEqual({
      revision: 2,
      openedAt: '2026-03-10T09:00:00.000Z',
      openedBy: 'tester',
      reason: 'Late evidence for BB2.2',
      sealedAt: null,
      sealedBy: null,
      sha256: null,
    });
    expect(opened.assessment).toMatchObject({ status: 'in-progress', revision: 2 });
    expect(
      failure(
        await core.invoke('assessments.revise', { id: assessment.id, reason: 'Again' }),
        'refused',
      ).message,
    ).toContain('only a submitted assessment gets a new revision');

    // Revision 2 can change what revision 1 sealed.
    await rateCriterion(core, assessment.id, 'BB2.2', 'met');
    expect(revisionRow(core, assessment.id, 1)).toEqual(first);

    clock.set('2026-03-11T09:00:00Z');
    const resubmitted = unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    expect(resubmitted.revision).toMatchObject({
      revision: 2,
      reason: 'Late evidence for BB2.2',
      sealedAt: '2026-03-11T09:00:00.000Z',
    });
    expect(resubmitted.revision.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(resubmitted.revision.sha256).not.toBe(first.sha256);
    expect(revisionRow(core, assessment.id, 1)).toEqual(first);

    const second = revisionRow(core, assessment.id, 2);
    const snap1 = JSON.parse(first.snapshot ?? 'null') as SnapshotShape;
    const snap2 = JSON.parse(second.snapshot ?? 'null') as SnapshotShape;
    expect(snap1.ratings.find((r) => r.criterion === 'BB2.2')?.rating).toBe('partial');
    expect(snap2.ratings.find((r) => r.criterion === 'BB2.2')?.rating).toBe('met');
    expect(snap2.assessment.revision).toBe(2);
    expect(sha256(canonicalJson(snap2))).toBe(second.sha256);

    const revisions = unwrap(await core.invoke('assessments.revisions', { id: assessment.id }));
    expect(revisions.map((r) => [r.revision, r.reason, r.sha256])).toEqual([
      [1, 'first assessment', first.sha256],
      [2, 'Late evidence for BB2.2', second.sha256],
    ]);
    const actions = unwrap(await core.invoke('audit.list', { entityId: assessment.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'assessment.submitted',
        'assessment.revision-opened',
        'assessment.rated',
      ]),
    );
    expect(unwrap(await core.invoke('audit.verify', {})).ok).toBe(true);
  });

  it('keeps evidence sealed into revision 1 while revision 2 is open, except personal data past its keep-until date', async () => {
    const core = await smallCore();
    const clock = core.context.clock as ManualClock;
    const { assessment, record } = await readyToSubmit(core);
    const personal = writeTempFile(tempDir(), 'dbs-check.txt', 'DBS check for a volunteer.');
    const [dbs] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: ['AA1.1'],
        sources: [{ kind: 'path', path: personal }],
        metadata: {
          title: 'Volunteer DBS check',
          kind: 'vetting',
          personalData: true,
          retainUntil: '2026-06-30',
        },
      }),
    );
    if (!dbs) throw new Error('no evidence record');
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    unwrap(await core.invoke('assessments.revise', { id: assessment.id, reason: 'Late evidence' }));

    const before = dumpDatabase(core.context.db);
    const refusedRemoval = failure(
      await core.invoke('evidence.remove', { id: record.id, reason: 'Tidying up' }),
      'refused',
    );
    expect(refusedRemoval.message).toContain('sealed into a submitted revision');
    // Personal data still within its keep-until date is kept too.
    failure(
      await core.invoke('evidence.remove', { id: dbs.id, reason: 'No longer needed' }),
      'refused',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    // Past its keep-until date the duty to delete personal data wins; the tombstone keeps the hash.
    clock.set('2026-07-01T09:00:00Z');
    const removed = unwrap(
      await core.invoke('evidence.remove', { id: dbs.id, reason: 'Retention period ended' }),
    );
    expect(removed.record.removedAt).not.toBeNull();
    expect(removed.record.sha256).toBe(dbs.sha256);
  });

  it('cannot be opened on a draft or one in progress', async () => {
    const core = await smallCore();
    const { assessment } = await startExternal(core);
    const before = dumpDatabase(core.context.db);
    expect(
      failure(
        await core.invoke('assessments.revise', { id: assessment.id, reason: 'Why not' }),
        'refused',
      ).message,
    ).toBe(`assessment ${assessment.id} is draft; only a submitted assessment gets a new revision`);
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});

describe('a self-assessment', () => {
  it('is submitted and sealed like an external one', async () => {
    const core = await smallCore();
    const provider = await providerWithService(core);
    const self = await startSmallSelf(core, provider.id);
    expect(unwrap(await core.invoke('assessments.revisions', { id: self.id }))).toEqual([
      expect.objectContaining({ revision: 1, reason: 'first assessment', sealedAt: null }),
    ]);
    await rateAll(core, self.id, 'met');
    const { revision, assessment } = unwrap(
      await core.invoke('assessments.submit', { id: self.id }),
    );
    expect(assessment.status).toBe('submitted');
    expect(revision.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      failure(
        await core.invoke('assessments.rate', {
          id: self.id,
          criterion: 'AA1.2',
          rating: 'partial',
        }),
        'refused',
      ).message,
    ).toContain('sealed');
  });

  it('started before the accreditation schema is given revision 1 by the migration, and can be submitted', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    // A database as the version before accreditation left it: schema 20, one self-assessment.
    const old = await openDatabase(file, { migrations: [initial, evidenceMigration] });
    expect(old.schemaVersion).toBe(20);
    const ctx: CoreContext = {
      db: old.db,
      clock: systemClock,
      actor: 'tester',
      dataDir,
      resourcesDir: RESOURCES_DIR,
      workersDir: null,
      progress: () => undefined,
      uploads: new Map(),
    };
    installBundledFrameworks(ctx);
    const at = '2025-11-01T09:00:00.000Z';
    old.db
      .prepare(
        `INSERT INTO providers (id, name, name_key, type, created_at, updated_at)
         VALUES ('prv_old', 'Old Friends Walking Group', 'old friends walking group', 'activity', ?, ?)`,
      )
      .run(at, at);
    old.db
      .prepare(
        `INSERT INTO assessments (id, provider_id, kind, status, framework_id, framework_version, provider_type,
           started_at, started_by, updated_at)
         VALUES ('asm_old', 'prv_old', 'self', 'in-progress', ?, ?, 'activity', ?, 'old-user', ?)`,
      )
      .run(NATIONAL_ID, NATIONAL_VERSION, at, at);
    old.db.close();

    const core = await openCore({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      validateOutput: true,
      actor: 'tester',
    });
    try {
      expect(unwrap(await core.invoke('assessments.revisions', { id: 'asm_old' }))).toEqual([
        {
          revision: 1,
          openedAt: at,
          openedBy: 'old-user',
          reason: 'first assessment',
          sealedAt: null,
          sealedBy: null,
          sha256: null,
        },
      ]);
      const detail = unwrap(await core.invoke('assessments.get', { id: 'asm_old' }));
      expect(detail.assessment).toMatchObject({ revision: 1, assessor: null, conflict: null });
      const csv = [
        'criterion,rating,note,reason,override_reason',
        ...detail.applicableCodes.map((code) => `${code},met,,,Seen in the files`),
      ].join('\n');
      unwrap(
        await core.invoke('assessments.importRatings', { id: 'asm_old', fileName: 'r.csv', csv }),
      );
      const submitted = unwrap(await core.invoke('assessments.submit', { id: 'asm_old' }));
      expect(submitted.revision).toMatchObject({ revision: 1, openedBy: 'old-user' });
      expect(submitted.revision.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      core.close();
    }
  });
});
