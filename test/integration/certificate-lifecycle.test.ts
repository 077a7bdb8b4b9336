import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import type { SignedDocument } from '../../shared/signing/format';
import { failure, manualClock, unwrap, type ManualClock } from '../helpers/core';
import { rateCriterion } from '../helpers/fixtures';
import { dumpDatabase } from '../helpers/db-dump';
import {
  decide,
  issuedCertificate,
  PASSPHRASE,
  SMALL_FRAMEWORK,
  smallCore,
  submittedExternal,
} from '../helpers/accreditation';

async function coreWithClock(): Promise<{ core: Core; clock: ManualClock }> {
  const clock = manualClock('2026-03-04T10:00:00Z');
  return { core: await smallCore({ clock }), clock };
}

const reason = 'Reason given by the network';

function lifecycle(core: Core, action: 'suspend' | 'reinstate' | 'withdraw', number: string) {
  return core.invoke(`certificates.${action}`, { number, reason: `${reason}: ${action}` });
}

/** The message of a reissue the lifecycle refuses. */
async function refusedReissue(core: Core, number: string): Promise<string> {
  const attempt = await core.invoke('certificates.reissue', {
    number,
    reason,
    passphrase: PASSPHRASE,
  });
  return failure(attempt, 'refused').message;
}

async function storedDocument(
  core: Core,
  number: string,
): Promise<SignedDocument<CertificatePayload>> {
  const file = unwrap(await core.invoke('certificates.render', { number, format: 'json' }));
  return JSON.parse(
    Buffer.from(file.base64, 'base64').toString('utf8'),
  ) as SignedDocument<CertificatePayload>;
}

/**
 * The provider's renewal of a certificate: a new assessment, decided and issued, which
 * supersedes the certificate given; returns the new one and the old one as it now stands.
 */
async function renewal(core: Core, first: Awaited<ReturnType<typeof issuedCertificate>>) {
  const { assessment, certificate: renewed } = await issuedCertificate(core, first.provider);
  expect(renewed.payload.supersedes).toBe(first.certificate.number);
  const old = unwrap(await core.invoke('certificates.get', { number: first.certificate.number }));
  expect(old).toMatchObject({ status: 'superseded', supersededBy: renewed.number });
  return { assessment, renewed, old };
}

async function auditActions(core: Core, number: string): Promise<string[]> {
  return unwrap(await core.invoke('audit.list', { entityId: number }))
    .map((e) => e.action)
    .reverse();
}

describe('issuing a certificate', () => {
  it('for an accredited decision: numbered, dated by the framework, active, in the history and the trail', async () => {
    const { core } = await coreWithClock();
    const { certificate, decision, revision, assessment } = await issuedCertificate(core);
    expect(certificate).toMatchObject({
      number: 'SPQA-2026-000001',
      status: 'active',
      issuedOn: '2026-03-04',
      expiresOn: '2029-03-03',
      suspendedOn: null,
      supersededBy: null,
      assessmentId: assessment.id,
      holderName: 'Riverside Gardening Club',
    });
    expect(certificate.payload).toMatchObject({
      number: 'SPQA-2026-000001',
      holder: {
        name: 'Riverside Gardening Club',
        address: '1 Mill Lane, Hexham',
        postcode: 'NE46 1AA',
      },
      scope: {
        services: [{ name: 'Community garden', category: 'nature-and-gardening' }],
        domains: [
          { code: 'AA', title: 'Domain AA' },
          { code: 'BB', title: 'Domain BB' },
        ],
      },
      framework: { id: SMALL_FRAMEWORK.id, version: '1.0.0' },
      decision: { outcome: 'accredited', decidedOn: decision.decidedAt.slice(0, 10) },
      assessment: { id: assessment.id, revision: 1, sealSha256: revision.sha256 },
      issuedOn: '2026-03-04',
      expiresOn: '2029-03-03',
      issuer: { name: 'Test suite', keyId: certificate.keyId },
      supersedes: null,
    });
    expect(certificate.events).toEqual([
      {
        at: '2026-03-04T10:00:00.000Z',
        actor: 'tester',
        action: 'issue',
        fromStatus: null,
        toStatus: 'active',
        reason: null,
      },
    ]);
    expect(await auditActions(core, certificate.number)).toEqual(['certificate.issued']);
  });

  it('takes its validity from the framework the assessment is pinned to', async () => {
    const { core } = await coreWithClock();
    const shorter = {
      ...SMALL_FRAMEWORK,
      version: '1.1.0',
      outcomeRules: { ...SMALL_FRAMEWORK.outcomeRules, validityYears: 1 },
    };
    unwrap(
      await core.invoke('frameworks.import', {
        fileName: 'shorter.json',
        text: JSON.stringify(shorter),
      }),
    );
    const { certificate } = await issuedCertificate(core);
    expect(certificate.payload.framework.version).toBe('1.1.0');
    expect(certificate).toMatchObject({ issuedOn: '2026-03-04', expiresOn: '2027-03-03' });
  });

  it('refuses a second certificate for the same decision, and one for an undecided or not-accredited assessment', async () => {
    const { core } = await coreWithClock();
    const { certificate, assessment } = await issuedCertificate(core);
    let before = dumpDatabase(core.context.db);
    const issue = (assessmentId: string) =>
      core.invoke('certificates.issue', { assessmentId, passphrase: PASSPHRASE });
    expect(failure(await issue(assessment.id), 'refused').message).toBe(
      `a certificate was already issued for this decision: ${certificate.number}`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const { assessment: submitted } = await submittedExternal(core);
    before = dumpDatabase(core.context.db);
    expect(failure(await issue(submitted.id), 'refused').message).toBe(
      `assessment ${submitted.id} has no decision yet; record one before issuing`,
    );
    await decide(core, submitted.id, 'not-accredited');
    before = dumpDatabase(core.context.db);
    expect(failure(await issue(submitted.id), 'refused').message).toBe(
      'the decision was not to accredit, so no certificate is issued',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses to issue again for a decision whose certificate a renewal has since superseded', async () => {
    const { core } = await coreWithClock();
    const first = await issuedCertificate(core);
    const { renewed, old } = await renewal(core, first);
    expect(old.events.at(-1)).toMatchObject({
      action: 'supersede',
      fromStatus: 'active',
      toStatus: 'superseded',
      reason: `renewed by ${renewed.number}`,
    });

    const before = dumpDatabase(core.context.db);
    const again = failure(
      await core.invoke('certificates.issue', {
        assessmentId: first.assessment.id,
        passphrase: PASSPHRASE,
      }),
      'refused',
    );
    expect(again.message).toContain('a certificate was already issued for this decision');
    expect(dumpDatabase(core.context.db)).toEqual(before);
    expect(unwrap(await core.invoke('certificates.get', { number: renewed.number })).status).toBe(
      'active',
    );
  });
});

describe('the certificate lifecycle', () => {
  it('goes active -> suspended -> reinstated -> suspended -> withdrawn, each move in the history and the audit trail', async () => {
    const { core, clock } = await coreWithClock();
    const { certificate } = await issuedCertificate(core);
    const number = certificate.number;

    clock.set('2026-04-01T09:00:00Z');
    const suspended = unwrap(await lifecycle(core, 'suspend', number));
    expect(suspended).toMatchObject({ status: 'suspended', suspendedOn: '2026-04-01' });
    clock.set('2026-05-01T09:00:00Z');
    const reinstated = unwrap(await lifecycle(core, 'reinstate', number));
    expect(reinstated).toMatchObject({ status: 'active', suspendedOn: null });
    clock.set('2026-06-01T09:00:00Z');
    unwrap(await lifecycle(core, 'suspend', number));
    clock.set('2026-06-02T09:00:00Z');
    const withdrawn = unwrap(await lifecycle(core, 'withdraw', number));
    expect(withdrawn.status).toBe('withdrawn');

    expect(
      withdrawn.events.map((e) => [
        e.at.slice(0, 10),
        e.action,
        e.fromStatus,
        e.toStatus,
        e.reason,
      ]),
    ).toEqual([
      ['2026-03-04', 'issue', null, 'active', null],
      ['2026-04-01', 'suspend', 'active', 'suspended', `${reason}: suspend`],
      ['2026-05-01', 'reinstate', 'suspended', 'active', `${reason}: reinstate`],
      ['2026-06-01', 'suspend', 'active', 'suspended', `${reason}: suspend`],
      ['2026-06-02', 'withdraw', 'suspended', 'withdrawn', `${reason}: withdraw`],
    ]);
    expect(await auditActions(core, number)).toEqual([
      'certificate.issued',
      'certificate.suspend',
      'certificate.reinstate',
      'certificate.suspend',
      'certificate.withdraw',
    ]);
    const entries = unwrap(await core.invoke('audit.list', { entityId: number }));
    expect(entries[0]?.detail).toEqual({
      from: 'suspended',
      to: 'withdrawn',
      reason: `${reason}: withdraw`,
    });
    expect(unwrap(await core.invoke('audit.verify', {})).ok).toBe(true);
    // The signed document never changes with the status.
    expect((await storedDocument(core, number)).payload).toEqual(certificate.payload);
  });

  it('refuses every move from withdrawn, reinstating an active one and suspending a suspended one, changing nothing', async () => {
    const { core } = await coreWithClock();
    const { certificate } = await issuedCertificate(core);
    const number = certificate.number;

    let before = dumpDatabase(core.context.db);
    expect(failure(await lifecycle(core, 'reinstate', number), 'refused').message).toBe(
      `${number} cannot be reinstated: an active certificate cannot be reinstated`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    unwrap(await lifecycle(core, 'suspend', number));
    before = dumpDatabase(core.context.db);
    expect(failure(await lifecycle(core, 'suspend', number), 'refused').message).toBe(
      `${number} cannot be suspended: a suspended certificate cannot be suspended`,
    );
    expect(await refusedReissue(core, number)).toBe(
      `${number} is suspended; only an active certificate is reissued`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    unwrap(await lifecycle(core, 'withdraw', number));
    before = dumpDatabase(core.context.db);
    for (const action of ['suspend', 'reinstate', 'withdraw'] as const) {
      expect(failure(await lifecycle(core, action, number), 'refused').message).toMatch(
        new RegExp(`^${number} cannot be \\w+: a withdrawn certificate cannot be \\w+$`),
      );
    }
    expect(await refusedReissue(core, number)).toBe(
      `${number} is withdrawn; only an active certificate is reissued`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);

    // A reason is needed, and the certificate must exist.
    failure(await core.invoke('certificates.suspend', { number, reason: '' }), 'invalid_input');
    failure(await lifecycle(core, 'suspend', 'SPQA-2026-999999'), 'not_found');
  });

  it('lets a suspension be lifted up to six months on; after that it can only be withdrawn', async () => {
    const { core, clock } = await coreWithClock();
    const late = (await issuedCertificate(core)).certificate.number;
    const inTime = (await issuedCertificate(core)).certificate.number;
    clock.set('2026-04-10T09:00:00Z');
    unwrap(await lifecycle(core, 'suspend', late));
    unwrap(await lifecycle(core, 'suspend', inTime));

    clock.set('2026-10-10T09:00:00Z');
    expect(unwrap(await lifecycle(core, 'reinstate', inTime)).status).toBe('active');

    clock.set('2026-10-11T09:00:00Z');
    const before = dumpDatabase(core.context.db);
    expect(failure(await lifecycle(core, 'reinstate', late), 'refused').message).toBe(
      `${late} cannot be reinstated: it was suspended on 2026-04-10; reinstatement was possible until 2026-10-10, so it can now only be withdrawn`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
    expect(unwrap(await core.invoke('certificates.get', { number: late })).status).toBe(
      'suspended',
    );
    expect(unwrap(await lifecycle(core, 'withdraw', late)).status).toBe('withdrawn');
  });

  it('shows a certificate past its expiry date as expired, and refuses to change it', async () => {
    const { core, clock } = await coreWithClock();
    const { certificate } = await issuedCertificate(core);
    const number = certificate.number;

    clock.set('2029-03-03T22:00:00Z');
    expect(unwrap(await core.invoke('certificates.get', { number })).status).toBe('active');
    clock.set('2029-03-04T08:00:00Z');
    expect(unwrap(await core.invoke('certificates.get', { number })).status).toBe('expired');
    expect(unwrap(await core.invoke('certificates.list', {}))[0]?.status).toBe('expired');

    const before = dumpDatabase(core.context.db);
    for (const action of ['suspend', 'reinstate', 'withdraw'] as const) {
      expect(failure(await lifecycle(core, action, number), 'refused').message).toContain(
        'the certificate expired on 2029-03-03; it can only be renewed',
      );
    }
    expect(await refusedReissue(core, number)).toBe(
      `${number} expired on 2029-03-03; renew it with a new assessment`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
    // Expired is worked out from the date, never stored.
    const row = core.context.db
      .prepare('SELECT status FROM certificates WHERE number = ?')
      .get(number);
    expect(row).toEqual({ status: 'active' });
  });
});

describe('reissuing a certificate', () => {
  it('numbers the new one -R1 then -R2, keeps the award’s dates and supersedes the one before', async () => {
    const { core, clock } = await coreWithClock();
    const { certificate, assessment } = await issuedCertificate(core);
    const base = certificate.number;

    clock.set('2026-05-05T09:00:00Z');
    const before = dumpDatabase(core.context.db);
    expect(
      failure(
        await core.invoke('certificates.reissue', {
          number: base,
          reason: 'Address corrected',
          passphrase: 'the wrong passphrase',
        }),
        'invalid_input',
      ).message,
    ).toBe('wrong passphrase for the network signing key');
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const r1 = unwrap(
      await core.invoke('certificates.reissue', {
        number: base,
        reason: 'Address corrected',
        passphrase: PASSPHRASE,
      }),
    );
    expect(r1).toMatchObject({
      number: `${base}-R1`,
      status: 'active',
      issuedOn: '2026-05-05',
      expiresOn: certificate.expiresOn,
    });
    expect(r1.payload).toMatchObject({
      number: `${base}-R1`,
      supersedes: base,
      decision: certificate.payload.decision,
      assessment: certificate.payload.assessment,
    });
    expect(r1.events).toEqual([
      expect.objectContaining({
        action: 'reissue',
        toStatus: 'active',
        reason: 'Address corrected',
      }),
    ]);
    const old = unwrap(await core.invoke('certificates.get', { number: base }));
    expect(old).toMatchObject({ status: 'superseded', supersededBy: `${base}-R1` });
    expect(old.events.at(-1)).toMatchObject({
      action: 'supersede',
      fromStatus: 'active',
      toStatus: 'superseded',
      reason: `reissued as ${base}-R1: Address corrected`,
    });

    clock.set('2026-06-06T09:00:00Z');
    const r2 = unwrap(
      await core.invoke('certificates.reissue', {
        number: r1.number,
        reason: 'Scope corrected',
        passphrase: PASSPHRASE,
      }),
    );
    expect(r2.number).toBe(`${base}-R2`);
    expect(r2.payload.supersedes).toBe(`${base}-R1`);
    expect(unwrap(await core.invoke('certificates.get', { number: r1.number })).status).toBe(
      'superseded',
    );

    // A superseded certificate takes no further moves.
    const frozen = dumpDatabase(core.context.db);
    for (const number of [base, r1.number]) {
      for (const action of ['suspend', 'reinstate', 'withdraw'] as const)
        failure(await lifecycle(core, action, number), 'refused');
      expect(await refusedReissue(core, number)).toBe(
        `${number} is superseded; only an active certificate is reissued`,
      );
    }
    // Nor is the decision issued afresh: its certificate now is the latest reissue.
    expect(
      failure(
        await core.invoke('certificates.issue', {
          assessmentId: assessment.id,
          passphrase: PASSPHRASE,
        }),
        'refused',
      ).message,
    ).toBe(`a certificate was already issued for this decision: ${base}-R2`);
    expect(dumpDatabase(core.context.db)).toEqual(frozen);

    expect(await auditActions(core, `${base}-R1`)).toEqual(['certificate.reissued']);
    expect(unwrap(await core.invoke('audit.list', { entityId: `${base}-R1` }))[0]?.detail).toEqual({
      supersedes: base,
      reason: 'Address corrected',
    });
    expect(
      unwrap(await core.invoke('certificates.list', {})).map((x) => [x.number, x.status]),
    ).toEqual([
      [`${base}-R2`, 'active'],
      [`${base}-R1`, 'superseded'],
      [base, 'superseded'],
    ]);
    expect(unwrap(await core.invoke('audit.verify', {})).ok).toBe(true);
  });

  it('keeps the decision it was issued for, even after a later revision is decided differently', async () => {
    const { core } = await coreWithClock();
    const { certificate, assessment } = await issuedCertificate(core);
    unwrap(
      await core.invoke('assessments.revise', {
        id: assessment.id,
        reason: 'Complaint investigated',
      }),
    );
    await rateCriterion(core, assessment.id, 'AA1.1', 'partial');
    unwrap(await core.invoke('assessments.submit', { id: assessment.id }));
    await decide(core, assessment.id, 'conditional', {
      conditions: 'Evidence of the safeguarding policy',
      conditionsDue: '2026-05-01',
    });
    const r1 = unwrap(
      await core.invoke('certificates.reissue', {
        number: certificate.number,
        reason: 'Name corrected',
        passphrase: PASSPHRASE,
      }),
    );
    expect(r1.payload.decision).toEqual(certificate.payload.decision);
    expect(r1.payload.assessment).toEqual(certificate.payload.assessment);
  });
});

describe('a renewal', () => {
  it('supersedes its provider’s certificate still in force, suspended or not, and no one else’s', async () => {
    const { core } = await coreWithClock();
    const first = await issuedCertificate(core);
    const neighbour = await issuedCertificate(core);
    unwrap(await lifecycle(core, 'suspend', first.certificate.number));

    const { assessment, renewed, old } = await renewal(core, first);
    expect(old.events.at(-1)).toMatchObject({
      action: 'supersede',
      fromStatus: 'suspended',
      toStatus: 'superseded',
    });
    expect(
      unwrap(await core.invoke('certificates.get', { number: neighbour.certificate.number }))
        .status,
    ).toBe('active');
    expect(
      unwrap(await core.invoke('audit.list', { entityId: renewed.number }))[0]?.detail,
    ).toEqual({
      assessmentId: assessment.id,
      decisionId: expect.stringMatching(/^dec_/) as unknown,
      supersedes: first.certificate.number,
    });
  });
});
