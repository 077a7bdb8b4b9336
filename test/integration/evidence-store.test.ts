import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ingestStream, storeRoot } from '../../electron/core/evidence/store';
import { SNIFF_BYTES } from '../../electron/core/evidence/sniff';
import { failure, manualClock, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { sha256Hex, storedBlobFiles, storedPath, storeListing } from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const [essential1, essential2] = [0, 1].map((i) =>
  nationalCode({ appliesTo: 'activity', level: 'essential' }, i),
) as [string, string];
const linkWorkerOnly = nationalCode({ appliesTo: 'link-worker', notFor: 'activity' });
const PDF = Buffer.from(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
  'latin1',
);

async function setUp() {
  const dataDir = tempDir();
  const clock = manualClock('2025-03-10T09:30:00.000Z');
  const { core, provider, assessment } = await coreWithSelfAssessment({ dataDir, clock });
  return { dataDir, clock, core, provider, assessment, sources: tempDir('spqa-sources-') };
}

const pathSource = (path: string) => ({ kind: 'path' as const, path });

describe('the evidence store', () => {
  it('stores identical files once, under evidence/sha256/xx/<hash>, with a record each', async () => {
    const { dataDir, core, assessment, sources } = await setUp();
    const content = Buffer.concat([PDF, Buffer.from('Public liability insurance, £5m')]);
    const hash = sha256Hex(content);
    const first = writeTempFile(sources, 'insurance.pdf', content);
    const copy = writeTempFile(sources, 'insurance (copy).pdf', content);

    const [a] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [pathSource(first)],
        metadata: {},
      }),
    );
    const [b] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential2],
        sources: [pathSource(copy)],
        metadata: {},
      }),
    );
    expect(a?.sha256).toBe(hash);
    expect(b?.sha256).toBe(hash);
    expect(a?.id).not.toBe(b?.id);
    expect(storedBlobFiles(dataDir)).toEqual([join('sha256', hash.slice(0, 2), hash)]);
    expect(readFileSync(storedPath(dataDir, hash))).toEqual(content);
    // Nothing is left in the temporary folder either.
    expect(storeListing(dataDir)).toEqual([
      `${join('sha256', hash.slice(0, 2), hash)} ${content.length}`,
    ]);

    const db = core.context.db;
    expect(db.prepare('SELECT sha256, size, media_type FROM evidence_blobs').all()).toEqual([
      { sha256: hash, size: content.length, media_type: 'application/pdf' },
    ]);
    expect(db.prepare('SELECT count(*) FROM evidence WHERE sha256 = ?').pluck().get(hash)).toBe(2);
  });

  it('stores a file named twice in one request once, with two records', async () => {
    const { dataDir, core, assessment, sources } = await setUp();
    const path = writeTempFile(sources, 'minutes.txt', 'AGM minutes, 4 March');
    const records = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [pathSource(path), pathSource(path)],
        metadata: {},
      }),
    );
    expect(records).toHaveLength(2);
    expect(new Set(records.map((r) => r.sha256))).toEqual(
      new Set([sha256Hex('AGM minutes, 4 March')]),
    );
    expect(storedBlobFiles(dataDir)).toHaveLength(1);
    expect(core.context.db.prepare('SELECT count(*) FROM evidence_blobs').pluck().get()).toBe(1);
  });

  it('keeps every piece of metadata, and returns it the same from add, get and list', async () => {
    const { core, assessment, sources } = await setUp();
    // A PDF whose name says text: the media type comes from the content.
    const path = writeTempFile(sources, 'certificate.txt', PDF);
    const [added] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential2.toLowerCase(), essential1],
        sources: [pathSource(path)],
        metadata: {
          title: '  Public liability certificate  ',
          kind: 'insurance',
          effectiveDate: '2025-01-01',
          expiryDate: '2025-12-31',
          personalData: true,
          retainUntil: '2031-12-31',
          notes: 'Renewed every January',
        },
      }),
    );
    expect(added).toEqual({
      id: expect.stringMatching(/^evd_/) as string,
      assessmentId: assessment.id,
      criteria: [essential1, essential2].sort(),
      title: 'Public liability certificate',
      kind: 'insurance',
      sha256: sha256Hex(PDF),
      url: null,
      originalName: 'certificate.txt',
      size: PDF.length,
      mediaType: 'application/pdf',
      effectiveDate: '2025-01-01',
      expiryDate: '2025-12-31',
      personalData: true,
      retainUntil: '2031-12-31',
      notes: 'Renewed every January',
      addedBy: 'tester',
      addedAt: '2025-03-10T09:30:00.000Z',
      removedAt: null,
      removedBy: null,
      removalReason: null,
    });
    if (!added) throw new Error('no record');
    expect(unwrap(await core.invoke('evidence.get', { id: added.id }))).toEqual(added);
    expect(unwrap(await core.invoke('evidence.list', { assessmentId: assessment.id }))).toEqual([
      added,
    ]);
    const audit = unwrap(await core.invoke('audit.list', { entityId: added.id, limit: 10 }));
    expect(audit.map((e) => e.action)).toEqual(['evidence.added']);
  });

  it('defaults the kind to other, the title to the file name, and the rest to empty', async () => {
    const { core, assessment, sources } = await setUp();
    const one = writeTempFile(sources, 'risk-assessment.txt', 'Risk assessment: garden');
    const two = writeTempFile(sources, 'first-aid.txt', 'First aid: 2 trained');
    const records = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [pathSource(one), pathSource(two)],
        metadata: {},
      }),
    );
    expect(records.map((r) => [r.title, r.kind, r.mediaType, r.personalData])).toEqual([
      ['risk-assessment.txt', 'other', 'text/plain', false],
      ['first-aid.txt', 'other', 'text/plain', false],
    ]);
    expect(records.map((r) => [r.effectiveDate, r.expiryDate, r.retainUntil, r.notes])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
  });

  it('refuses an expiry before the effective date, storing nothing', async () => {
    const { dataDir, core, assessment, sources } = await setUp();
    const path = writeTempFile(sources, 'policy.txt', 'Safeguarding policy');
    const before = { db: dumpDatabase(core.context.db), store: storeListing(dataDir) };
    const error = failure(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [pathSource(path)],
        metadata: { effectiveDate: '2025-06-01', expiryDate: '2025-05-31' },
      }),
      'invalid_input',
    );
    expect(error.message).toContain('the expiry date is before the effective date');
    expect({ db: dumpDatabase(core.context.db), store: storeListing(dataDir) }).toEqual(before);
  });

  it('records a web link as evidence, with no file and no blob', async () => {
    const { dataDir, core, assessment } = await setUp();
    const url = 'https://example.org/annual-report-2024';
    const [link] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [{ kind: 'link', url }],
        metadata: { kind: 'report', expiryDate: '2026-01-31' },
      }),
    );
    expect(link).toMatchObject({
      url,
      title: url,
      kind: 'report',
      sha256: null,
      originalName: null,
      size: null,
      mediaType: null,
      expiryDate: '2026-01-31',
    });
    expect(storeListing(dataDir)).toEqual([]);
    expect(core.context.db.prepare('SELECT count(*) FROM evidence_blobs').pluck().get()).toBe(0);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      checked: 0,
    });
  });

  it('refuses a link that is not http or https', async () => {
    const { dataDir, core, assessment } = await setUp();
    const before = { db: dumpDatabase(core.context.db), store: storeListing(dataDir) };
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'not a url',
    ]) {
      const error = failure(
        await core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria: [essential1],
          sources: [{ kind: 'link', url }],
          metadata: {},
        }),
        'invalid_input',
      );
      expect(error.message, url).toContain('a link must be an http or https address');
    }
    expect({ db: dumpDatabase(core.context.db), store: storeListing(dataDir) }).toEqual(before);
  });

  it('refuses criteria the assessment does not ask, before storing any file', async () => {
    const { dataDir, core, assessment, sources } = await setUp();
    const path = writeTempFile(sources, 'plan.txt', 'Care plan template');
    const before = { db: dumpDatabase(core.context.db), store: storeListing(dataDir) };
    for (const criteria of [[linkWorkerOnly], ['ZZ9.9'], [essential1, linkWorkerOnly]]) {
      const error = failure(
        await core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria,
          sources: [pathSource(path)],
          metadata: {},
        }),
        'invalid_input',
      );
      expect(error.message).toMatch(/^criterion .* is not asked in assessment asm_/);
      expect(error.message).not.toContain(essential1);
      expect(error.details).toMatchObject({ field: 'criteria' });
    }
    expect({ db: dumpDatabase(core.context.db), store: storeListing(dataDir) }).toEqual(before);

    const [record] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [essential1],
        sources: [pathSource(path)],
        metadata: {},
      }),
    );
    if (!record) throw new Error('no record');
    const afterAdd = dumpDatabase(core.context.db);
    failure(
      await core.invoke('evidence.attach', { id: record.id, criteria: [linkWorkerOnly] }),
      'invalid_input',
    );
    expect(dumpDatabase(core.context.db)).toEqual(afterAdd);
    const attached = unwrap(
      await core.invoke('evidence.attach', { id: record.id, criteria: [essential1, essential2] }),
    );
    expect(attached.criteria).toEqual([essential1, essential2].sort());
  });

  it('refuses evidence for an assessment that does not exist', async () => {
    const { core, sources } = await setUp();
    const path = writeTempFile(sources, 'x.txt', 'something');
    failure(
      await core.invoke('evidence.add', {
        assessmentId: 'asm_NOPE',
        criteria: [],
        sources: [pathSource(path)],
        metadata: {},
      }),
      'not_found',
    );
  });

  it('stores a file again when it comes back after its only record was removed', async () => {
    const { dataDir, core, assessment, sources } = await setUp();
    const path = writeTempFile(sources, 'dbs.txt', 'DBS check record, enhanced');
    const hash = sha256Hex('DBS check record, enhanced');
    const add = async () =>
      unwrap(
        await core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria: [essential1],
          sources: [pathSource(path)],
          metadata: { personalData: true },
        }),
      )[0];
    const first = await add();
    if (!first) throw new Error('no record');
    unwrap(await core.invoke('evidence.remove', { id: first.id, reason: 'Held too long' }));
    expect(storedBlobFiles(dataDir)).toEqual([]);
    const second = await add();
    expect(second?.sha256).toBe(hash);
    expect(storedBlobFiles(dataDir)).toEqual([join('sha256', hash.slice(0, 2), hash)]);
    expect(
      core.context.db
        .prepare('SELECT deleted_at FROM evidence_blobs WHERE sha256 = ?')
        .pluck()
        .get(hash),
    ).toBeNull();
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 0,
    });
  });
});

describe('ingesting a stream', () => {
  const collect = () => {
    const seen: number[] = [];
    return { seen, onBytes: (n: number) => seen.push(n) };
  };

  it('sniffs a head gathered from many small chunks, even cut inside a character', async () => {
    const root = storeRoot(tempDir());
    const text = Buffer.concat([
      Buffer.from('n'.repeat(SNIFF_BYTES - 1)),
      Buffer.from('€ then plenty more text so the file is longer than the head\n'.repeat(50)),
    ]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < text.length; at += 999) chunks.push(text.subarray(at, at + 999));
    const { seen, onBytes } = collect();
    const blob = await ingestStream(root, Readable.from(chunks), text.length, onBytes);
    expect(blob).toEqual({
      sha256: sha256Hex(text),
      size: text.length,
      mediaType: 'text/plain',
      created: true,
    });
    expect(seen.at(-1)).toBe(text.length);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    // The same content again is recognised as already stored.
    const again = await ingestStream(root, Readable.from([text]), text.length, () => undefined);
    expect(again).toEqual({ ...blob, created: false });
  });

  it('sniffs a PDF split across chunks and a short text file read whole', async () => {
    const root = storeRoot(tempDir());
    const pdf = Buffer.concat([PDF, Buffer.alloc(10_000, 0x20)]);
    const split = [pdf.subarray(0, 3), pdf.subarray(3, 5000), pdf.subarray(5000)];
    expect(
      (await ingestStream(root, Readable.from(split), pdf.length, () => undefined)).mediaType,
    ).toBe('application/pdf');
    const short = Buffer.from('Volunteer handbook, version 3 — résumé');
    expect(
      (await ingestStream(root, Readable.from([short]), short.length, () => undefined)).mediaType,
    ).toBe('text/plain');
  });
});
