import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath, storeRoot } from '../../electron/core/evidence/store';
import { unlockNetworkKey } from '../../electron/core/signing/keystore';
import type { RatingValue } from '../../shared/assessment/ratings';
import { dumpDatabase } from '../helpers/db-dump';
import { failure, unwrap } from '../helpers/core';
import {
  accreditedAssessment,
  exportBundle,
  folderState,
  installation,
  PASSPHRASE,
  recordsOf,
  storedHashes,
  trust,
  type Installation,
} from '../helpers/bundle-fixtures';
import { readZip, resigned, zipOf } from '../helpers/hostile-zips';
import { rateCriterion, startSelfAssessment } from '../helpers/fixtures';
import { nationalCodes } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const at = (path: string) => ({ source: { kind: 'path' as const, path } });

async function senderAndReceiver() {
  const sender = await installation();
  const made = await accreditedAssessment(sender.core);
  const receiver = await installation('2026-03-05T09:00:00Z');
  await trust(sender.core, receiver.core);
  return { sender, made, receiver };
}

/** Imports a bundle file, which must succeed, and returns what the import did. */
async function importBundle(to: Installation, file: string) {
  return unwrap(await to.core.invoke('bundles.import', at(file)));
}

/** Asserts a refusal changed nothing at all in the data folder, byte for byte. */
async function expectRefusedUnchanged(
  to: Installation,
  file: string,
  code: 'invalid_input' | 'conflict' | 'refused',
  message: RegExp,
) {
  const before = folderState(to.core, to.dataDir);
  const error = failure(await to.core.invoke('bundles.import', at(file)), code);
  expect(error.message).toMatch(message);
  expect(folderState(to.core, to.dataDir)).toEqual(before);
  return error;
}

/** Asserts the receiver holds the same records of the assessment as the sender, byte for byte. */
function expectSameRecords(receiver: Installation, sender: Installation, assessmentId: string) {
  expect(recordsOf(receiver.core.context.db, assessmentId)).toEqual(
    recordsOf(sender.core.context.db, assessmentId),
  );
}

/**
 * Opens revision 2 on 1 April, rates the second applicable criterion again and seals it, as a
 * side of the exchange does after a later look.
 */
async function sealRevisionTwo(
  side: Installation,
  assessmentId: string,
  reason: string,
  rating: RatingValue,
  more: { note?: string } = {},
) {
  side.clock.set('2026-04-01T10:00:00Z');
  unwrap(await side.core.invoke('assessments.revise', { id: assessmentId, reason }));
  const detail = unwrap(await side.core.invoke('assessments.get', { id: assessmentId }));
  await rateCriterion(side.core, assessmentId, detail.applicableCodes[1] ?? '', rating, more);
  unwrap(await side.core.invoke('assessments.submit', { id: assessmentId }));
}

describe('exporting and importing a bundle between two data folders', () => {
  it('gives the receiver the same records and evidence hashes, framework and certificate included', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const file = await exportBundle(sender.core, made.assessmentId);

    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(file)));
    expect(preview.canApply).toBe(true);
    expect(preview.framework).toMatchObject({ id: 'bundle-test-framework', installed: false });
    expect(preview.counts).toEqual({ new: 11, unchanged: 0, changed: 0, conflict: 0 });
    expect(preview.items.map((i) => [i.kind, i.status])).toEqual(
      expect.arrayContaining([
        ['framework', 'new'],
        ['provider', 'new'],
        ['assessment', 'new'],
        ['revision', 'new'],
        ['decision', 'new'],
        ['certificate', 'new'],
      ]),
    );

    const result = await importBundle(receiver, file);
    expect(result.applied).toBe(true);
    expectSameRecords(receiver, sender, made.assessmentId);

    // The evidence file travelled under its hash; the personal data file did not.
    const received = storedHashes(receiver.dataDir);
    expect(received[made.policy.sha256]).toBe(made.policy.sha256);
    expect(received[made.personal.sha256]).toBeUndefined();
    expect(unwrap(await receiver.core.invoke('evidence.verify', {})).ok).toBe(true);

    // The certificate is in the receiver's certificates table, and verifies there.
    const cert = unwrap(
      await receiver.core.invoke('certificates.get', { number: made.certificate }),
    );
    expect(cert.status).toBe('active');
    const json = unwrap(
      await receiver.core.invoke('certificates.render', {
        number: made.certificate,
        format: 'json',
      }),
    );
    const verdict = unwrap(
      await receiver.core.invoke('certificates.verify', {
        fileName: 'c.json',
        base64: json.base64,
      }),
    );
    expect(verdict.valid).toBe(true);
    // Its scope is recorded beside it, as the register reads it.
    const scopeOf = (db: typeof receiver.core.context.db) =>
      db
        .prepare('SELECT service_id FROM certificate_services WHERE number = ? ORDER BY position')
        .pluck()
        .all(made.certificate);
    expect(scopeOf(receiver.core.context.db)).toEqual(scopeOf(sender.core.context.db));
    expect(scopeOf(receiver.core.context.db).length).toBeGreaterThan(0);
    // The receiver's own numbering now starts after the imported certificate.
    expect(
      receiver.core.context.db
        .prepare("SELECT value FROM settings WHERE key = 'certificate_sequence:2026'")
        .pluck()
        .get(),
    ).toBe('1');
    expect(unwrap(await receiver.core.invoke('audit.verify', {})).ok).toBe(true);

    // The sender's own bundle is signed with its own key, always trusted, and holds nothing new.
    expect((await importBundle(sender, file)).applied).toBe(false);
  });

  it('changes nothing, not even the audit trail, when the same bundle is imported twice', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const file = await exportBundle(sender.core, made.assessmentId);
    await importBundle(receiver, file);
    const before = dumpDatabase(receiver.core.context.db);
    const files = folderState(receiver.core, receiver.dataDir);

    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(file)));
    expect(preview.nothingToImport).toBe(true);
    expect(preview.counts.unchanged).toBe(preview.items.length);
    const again = await importBundle(receiver, file);
    expect(again).toMatchObject({
      applied: false,
      message: 'nothing to import: every record in the bundle is already here',
    });
    expect(dumpDatabase(receiver.core.context.db)).toEqual(before);
    expect(folderState(receiver.core, receiver.dataDir)).toEqual(files);

    // A fresh export of unchanged records is nothing new either.
    const second = await exportBundle(sender.core, made.assessmentId, { name: 'again.spqa' });
    expect((await importBundle(receiver, second)).applied).toBe(false);
  });

  it('leaves personal data files out unless the sender includes them', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const without = await exportBundle(sender.core, made.assessmentId);
    const names = (await readZip(without)).map((e) => e.name);
    expect(names).toContain(`evidence/${made.policy.sha256}`);
    expect(names).not.toContain(`evidence/${made.personal.sha256}`);

    const withPersonal = await exportBundle(sender.core, made.assessmentId, {
      includePersonalData: true,
      name: 'with.spqa',
    });
    expect((await readZip(withPersonal)).map((e) => e.name)).toContain(
      `evidence/${made.personal.sha256}`,
    );
    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(withPersonal)));
    expect(preview.includesPersonalData).toBe(true);
    expect(preview.evidenceFiles).toMatchObject({ included: 2, leftOut: 0 });
    await importBundle(receiver, withPersonal);
    expect(storedHashes(receiver.dataDir)[made.personal.sha256]).toBe(made.personal.sha256);
    expectSameRecords(receiver, sender, made.assessmentId);
  });

  it('restores a file left out before when a later bundle includes it', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    await importBundle(receiver, await exportBundle(sender.core, made.assessmentId));
    expect(existsSync(blobPath(storeRoot(receiver.dataDir), made.personal.sha256))).toBe(false);
    // Asking for the file left out says why it is not here, not just that it is missing.
    const notHeld = /^the file is not held here: it was left out of the bundle/;
    expect(
      failure(await receiver.core.invoke('evidence.preview', { id: made.personal.id }), 'refused')
        .message,
    ).toMatch(notHeld);
    expect(
      failure(await receiver.core.invoke('evidence.locate', { id: made.personal.id }), 'refused')
        .message,
    ).toMatch(notHeld);
    const withPersonal = await exportBundle(sender.core, made.assessmentId, {
      includePersonalData: true,
      name: 'with.spqa',
    });
    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(withPersonal)));
    expect(preview.items.find((i) => i.id === made.personal.id)).toMatchObject({
      status: 'changed',
      detail: 'the missing file is restored',
    });
    await importBundle(receiver, withPersonal);
    expect(unwrap(await receiver.core.invoke('evidence.verify', {})).ok).toBe(true);
    expect(
      unwrap(await receiver.core.invoke('evidence.preview', { id: made.personal.id })).base64,
    ).not.toBe('');
    expect(storedHashes(receiver.dataDir)[made.personal.sha256]).toBe(made.personal.sha256);
  });

  it('refuses a bundle from a key that is not trusted, naming the key and how to trust it', async () => {
    const sender = await installation();
    const made = await accreditedAssessment(sender.core);
    const file = await exportBundle(sender.core, made.assessmentId);
    const receiver = await installation();
    const keyId = unwrap(await sender.core.invoke('keys.exportPublic', {})).keyId;
    const error = await expectRefusedUnchanged(
      receiver,
      file,
      'invalid_input',
      /which you do not trust/,
    );
    expect(error.message).toContain(keyId);
    expect(error.message).toContain('spqa keys trust FILE --name NAME');
    failure(await receiver.core.invoke('bundles.preview', at(file)), 'invalid_input');
  });

  it('supersedes an older revision with a newer one, and refuses the older one afterwards', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const first = await exportBundle(sender.core, made.assessmentId, { name: 'r1.spqa' });
    await importBundle(receiver, first);

    await sealRevisionTwo(sender, made.assessmentId, 'Late evidence', 'partial', {
      note: 'Only partly in place.',
    });
    const second = await exportBundle(sender.core, made.assessmentId, { name: 'r2.spqa' });

    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(second)));
    expect(preview.items.find((i) => i.kind === 'assessment')).toMatchObject({
      status: 'changed',
      detail: 'revision 2 supersedes your revision 1',
    });
    expect(preview.items.find((i) => i.id === `${made.assessmentId}#2`)?.status).toBe('new');
    await importBundle(receiver, second);
    expectSameRecords(receiver, sender, made.assessmentId);

    await expectRefusedUnchanged(
      receiver,
      first,
      'conflict',
      /the bundle holds revision 1, but you already have revision 2; an older revision is not imported/,
    );
  });

  it('refuses a bundle whose revision was sealed differently here', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    await importBundle(receiver, await exportBundle(sender.core, made.assessmentId));
    // Both sides open revision 2 and seal it with different ratings.
    for (const [side, rating] of [
      [sender, 'partial'],
      [receiver, 'not-met'],
    ] as const) {
      await sealRevisionTwo(side, made.assessmentId, 'Second look', rating);
    }
    const file = await exportBundle(sender.core, made.assessmentId, { name: 'r2.spqa' });
    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(file)));
    expect(preview.canApply).toBe(false);
    expect(preview.items.find((i) => i.id === `${made.assessmentId}#2`)).toMatchObject({
      status: 'conflict',
      detail: expect.stringMatching(/revision 2 was sealed differently here/),
    });
    await expectRefusedUnchanged(receiver, file, 'conflict', /sealed differently here/);
  });

  it('carries a certificate’s later suspension to a receiver that has it', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    await importBundle(receiver, await exportBundle(sender.core, made.assessmentId));
    sender.clock.set('2026-05-01T10:00:00Z');
    unwrap(
      await sender.core.invoke('certificates.suspend', {
        number: made.certificate,
        reason: 'Safeguarding lead left',
      }),
    );
    const file = await exportBundle(sender.core, made.assessmentId, { name: 'later.spqa' });
    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(file)));
    expect(preview.items.find((i) => i.kind === 'certificate')).toMatchObject({
      status: 'changed',
    });
    await importBundle(receiver, file);
    const cert = unwrap(
      await receiver.core.invoke('certificates.get', { number: made.certificate }),
    );
    expect(cert.status).toBe('suspended');
    expectSameRecords(receiver, sender, made.assessmentId);
  });

  it('keeps the receiver’s more recent provider details, and takes newer ones', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const file = await exportBundle(sender.core, made.assessmentId);
    await importBundle(receiver, file);
    const edit = async (side: Installation, fields: Record<string, unknown>) => {
      const { provider } = unwrap(await side.core.invoke('providers.get', { id: made.providerId }));
      unwrap(
        await side.core.invoke('providers.update', {
          id: made.providerId,
          fields: {
            name: provider.name,
            type: provider.type,
            charityNumber: provider.charityNumber,
            postcode: provider.postcode,
            region: provider.region,
            addressLine1: provider.addressLine1,
            town: provider.town,
            ...fields,
          },
        }),
      );
    };
    receiver.clock.set('2026-06-01T10:00:00Z');
    await edit(receiver, { website: 'https://gwyl.example.org' });
    const preview = unwrap(await receiver.core.invoke('bundles.preview', at(file)));
    expect(preview.items.find((i) => i.kind === 'provider')).toMatchObject({
      status: 'unchanged',
      detail: 'your copy was updated more recently (2026-06-01) and is kept',
    });
    expect(preview.nothingToImport).toBe(true);

    sender.clock.set('2026-07-01T10:00:00Z');
    await edit(sender, { description: 'Gardening and walking in the Conwy valley.' });
    const newer = await exportBundle(sender.core, made.assessmentId, { name: 'newer.spqa' });
    const next = unwrap(await receiver.core.invoke('bundles.preview', at(newer)));
    expect(next.items.find((i) => i.kind === 'provider')).toMatchObject({
      status: 'changed',
      detail: expect.stringMatching(/^updated: .*description/),
    });
    await importBundle(receiver, newer);
    expect(recordsOf(receiver.core.context.db, made.assessmentId).providers).toEqual(
      recordsOf(sender.core.context.db, made.assessmentId).providers,
    );
  });

  it('installs a framework the bundle carries only if it passes the schema', async () => {
    const { sender, made, receiver } = await senderAndReceiver();
    const file = await exportBundle(sender.core, made.assessmentId);
    const key = unlockNetworkKey(sender.core.context.db, PASSPHRASE);
    const entries = await readZip(file);
    const broken = resigned(entries, key, (list) =>
      list.map((e) => {
        if (e.name !== 'framework.json') return e;
        const framework = JSON.parse(e.data.toString('utf8')) as { domains: { code: string }[] };
        (framework.domains[0] as { code: string }).code = 'not a code';
        return { name: e.name, data: Buffer.from(JSON.stringify(framework)) };
      }),
    );
    const bad = writeTempFile(tempDir(), 'bad-framework.spqa', zipOf(broken));
    await expectRefusedUnchanged(
      receiver,
      bad,
      'invalid_input',
      /the framework in the bundle: domains\[0\]\.code: .*; the bundle cannot be imported/,
    );
    expect(
      unwrap(await receiver.core.invoke('frameworks.list', {})).map((f) => f.id),
    ).not.toContain('bundle-test-framework');
  });

  it('exports through the app as bytes to download, and refuses a wrong passphrase', async () => {
    const sender = await installation();
    const made = await accreditedAssessment(sender.core);
    failure(
      await sender.core.invoke('bundles.export', {
        assessmentId: made.assessmentId,
        passphrase: 'not the passphrase',
      }),
      'invalid_input',
    );
    const inline = unwrap(
      await sender.core.invoke('bundles.export', {
        assessmentId: made.assessmentId,
        passphrase: PASSPHRASE,
      }),
    );
    expect(inline.file).toBeNull();
    expect(inline.fileName).toBe('cymdeithas-gwyl-yd-external-assessment-r1.spqa');
    const copy = writeTempFile(
      tempDir(),
      inline.fileName,
      Buffer.from(inline.base64 ?? '', 'base64'),
    );
    const receiver = await installation();
    await trust(sender.core, receiver.core);
    expect((await importBundle(receiver, copy)).applied).toBe(true);
    failure(
      await sender.core.invoke('bundles.export', {
        assessmentId: made.assessmentId,
        passphrase: PASSPHRASE,
        file: join(tempDir(), 'wrong-extension.zip'),
      }),
      'invalid_input',
    );
  });

  it('carries a self-assessment in progress to an assessor, and later work on it', async () => {
    const org = await installation();
    const assessor = await installation('2026-03-05T09:00:00Z');
    await trust(org.core, assessor.core, 'Riverside Gardening Club');
    const { assessment } = await startSelfAssessment(
      org.core,
      'activity',
      'Riverside Gardening Club',
    );
    const [first = '', second = ''] = nationalCodes({
      appliesTo: 'activity',
      level: 'developmental',
    });
    const rate = (side: Installation, criterion: string, rating: 'met' | 'partial') =>
      side.core.invoke('assessments.rate', { id: assessment.id, criterion, rating });
    unwrap(await rate(org, first, 'partial'));
    const early = await exportBundle(org.core, assessment.id, { name: 'early.spqa' });
    const preview = unwrap(await assessor.core.invoke('bundles.preview', at(early)));
    expect(preview.framework.installed).toBe(true);
    expect(preview.items.find((i) => i.kind === 'revision')?.label).toBe('Revision 1 (open)');
    await importBundle(assessor, early);

    // The assessor's external assessment rests on the self-assessment just received.
    const external = unwrap(
      await assessor.core.invoke('assessments.startExternal', {
        providerId: preview.subject.providerId,
        assessor: 'Sam Okafor',
        fromAssessmentId: assessment.id,
        declaration: { kind: 'none' },
      }),
    );

    org.clock.set('2026-03-10T10:00:00Z');
    unwrap(await rate(org, second, 'met'));
    const later = await exportBundle(org.core, assessment.id, { name: 'later.spqa' });
    const next = unwrap(await assessor.core.invoke('bundles.preview', at(later)));
    expect(next.items.find((i) => i.kind === 'assessment')).toMatchObject({
      status: 'changed',
      detail: expect.stringContaining(`rating ${second}`),
    });
    await importBundle(assessor, later);
    expectSameRecords(assessor, org, assessment.id);
    // The older bundle is now behind the assessor's copy of the same open revision.
    await expectRefusedUnchanged(
      assessor,
      early,
      'conflict',
      /your copy of revision 1 was changed more recently/,
    );

    // A network that never saw the self-assessment still takes the external one, without the link.
    const network = await installation('2026-03-06T09:00:00Z');
    await trust(assessor.core, network.core);
    const externalFile = await exportBundle(assessor.core, external.id, { name: 'external.spqa' });
    const received = unwrap(await network.core.invoke('bundles.preview', at(externalFile)));
    expect(received.items.find((i) => i.kind === 'assessment')?.detail).toContain(
      `it was based on ${assessment.id}, which is not in your records`,
    );
    await importBundle(network, externalFile);
    const there = unwrap(await network.core.invoke('assessments.get', { id: external.id }));
    expect(there.assessment.basedOn).toBeNull();
    expect((await importBundle(network, externalFile)).applied).toBe(false);
  });
});
