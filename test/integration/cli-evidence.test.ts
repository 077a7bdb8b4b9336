import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../shared/evidence/schema';
import type { VerifyReport } from '../../shared/contract/evidence';
import { spqa, spqaJson } from '../helpers/cli';
import { addEvidenceArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { cliAssessment, cliSnapshot, flipByte, sha256Hex, storedPath } from '../helpers/evidence';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const [essential, otherEssential, thirdEssential] = [0, 1, 2].map((i) =>
  nationalCode({ appliesTo: 'activity', level: 'essential' }, i),
) as [string, string, string];

describe('spqa evidence', () => {
  let dataDir: string;
  let assessmentId: string;
  let sources: string;

  beforeAll(() => {
    ({ dataDir, assessmentId } = cliAssessment());
    sources = tempDir('spqa-sources-');
  });

  it('adds files, prints each record, and with --json its sha256', () => {
    const policy = writeTempFile(sources, 'safeguarding policy.pdf', '%PDF-1.4 safeguarding');
    const photo = writeTempFile(sources, 'notes.txt', 'Session notes');
    const human = spqa(
      dataDir,
      addEvidenceArgs(
        assessmentId,
        essential,
        '--kind',
        'policy',
        '--effective',
        '2025-01-01',
        '--expires',
        '2099-12-31',
        policy,
      ),
    );
    expect(human.status, human.stderr).toBe(0);
    expect(human.stderr).toBe('');
    expect(human.stdout).toMatch(
      /^evd_\S+ {2}safeguarding policy\.pdf \[policy\] safeguarding policy\.pdf \(21 bytes, application\/pdf\); from 2025-01-01, expires 2099-12-31; criteria /,
    );
    expect(human.stdout).toContain(`\n  sha256 ${sha256Hex('%PDF-1.4 safeguarding')}`);

    const records = spqaJson<EvidenceRecord[]>(
      dataDir,
      addEvidenceArgs(
        assessmentId,
        essential,
        '--criterion',
        otherEssential,
        '--title',
        'Session notes',
        '--personal-data',
        '--retain-until',
        '2026-01-01',
        '--notes',
        'Anonymise first',
        photo,
      ),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      sha256: sha256Hex('Session notes'),
      title: 'Session notes',
      originalName: 'notes.txt',
      mediaType: 'text/plain',
      criteria: [essential, otherEssential].sort(),
      personalData: true,
      retainUntil: '2026-01-01',
      notes: 'Anonymise first',
      addedBy: 'tester',
    });
    expect(readFileSync(storedPath(dataDir, sha256Hex('Session notes')), 'utf8')).toBe(
      'Session notes',
    );
  });

  it('adds every file of a folder, and a web link', () => {
    const folder = join(sources, 'policies');
    mkdirSync(folder);
    writeTempFile(folder, 'b-data-protection.txt', 'Data protection policy');
    writeTempFile(folder, 'a-health-and-safety.txt', 'Health and safety policy');
    writeTempFile(folder, '.DS_Store', 'hidden');
    mkdirSync(join(folder, 'archive'));
    const added = spqaJson<EvidenceRecord[]>(
      dataDir,
      addEvidenceArgs(
        assessmentId,
        thirdEssential,
        '--kind',
        'policy',
        '--folder',
        folder,
        '--link',
        'https://example.org/insurance',
      ),
    );
    expect(added.map((r) => r.originalName ?? r.url)).toEqual([
      'a-health-and-safety.txt',
      'b-data-protection.txt',
      'https://example.org/insurance',
    ]);
    expect(added.map((r) => r.sha256)).toEqual([
      sha256Hex('Health and safety policy'),
      sha256Hex('Data protection policy'),
      null,
    ]);
  });

  it('lists the evidence, in the order added, as a table and as JSON', () => {
    const list = spqaJson<EvidenceRecord[]>(dataDir, [
      'evidence',
      'list',
      '--assessment',
      assessmentId,
    ]);
    expect(list.map((r) => r.originalName ?? r.url)).toEqual([
      'safeguarding policy.pdf',
      'notes.txt',
      'a-health-and-safety.txt',
      'b-data-protection.txt',
      'https://example.org/insurance',
    ]);
    const table = spqa(dataDir, ['evidence', 'list', '--assessment', assessmentId]);
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +TITLE +KIND +EXPIRES +CRITERIA +SHA-256 \/ LINK$/);
    expect(lines).toHaveLength(6);
    for (const record of list) {
      const line = lines.find((l) => l.startsWith(record.id));
      expect(line).toContain(record.sha256 ?? record.url ?? '');
    }
    expect(lines.find((l) => l.startsWith(list[0]?.id ?? '-'))).toContain('2099-12-31');
  });

  it('refuses a folder given as a file, pointing at --folder', () => {
    const before = cliSnapshot(dataDir);
    expectRefused(
      spqa(dataDir, addEvidenceArgs(assessmentId, essential, sources)),
      `${sources} is a folder; use --folder ${sources} to add every file in it`,
    );
    expectRefused(
      spqa(dataDir, addEvidenceArgs(assessmentId, essential, '/dev/zero')),
      '/dev/zero is not a regular file',
    );
    expectRefused(
      spqa(dataDir, addEvidenceArgs(assessmentId, essential)),
      'name at least one FILE, --folder or --link',
    );
    expect(cliSnapshot(dataDir)).toEqual(before);
  });

  it('refuses a folder with an empty file in it, storing none of its files', () => {
    const folder = join(sources, 'with-empty');
    mkdirSync(folder);
    writeTempFile(folder, 'a.txt', 'first file, which would fit');
    writeTempFile(folder, 'b.txt', '');
    const before = cliSnapshot(dataDir);
    expectRefused(
      spqa(dataDir, addEvidenceArgs(assessmentId, essential, '--folder', folder)),
      `${join(folder, 'b.txt')} is empty (0 bytes)`,
    );
    expect(cliSnapshot(dataDir)).toEqual(before);
  });

  it('takes odd file names, a leading dash after --, and shows them back exactly', () => {
    const names = [
      '-rf',
      '--json',
      '--help',
      'two  spaces.txt',
      `quote's "here".txt`,
      'naïve 日本 😊.txt',
      'new\nline.txt',
    ];
    names.forEach((name, i) => writeTempFile(sources, name, `odd name ${i}`));
    // Named relative to the folder they are in, so the dashes really lead the arguments.
    const run = spqa(
      dataDir,
      ['--json', ...addEvidenceArgs(assessmentId, essential, '--', ...names)],
      {},
      { cwd: sources },
    );
    expect(run.status, run.stderr).toBe(0);
    const added = JSON.parse(run.stdout) as EvidenceRecord[];
    expect(added.map((r) => r.originalName)).toEqual(names);
    expect(added.map((r) => r.sha256)).toEqual(names.map((_, i) => sha256Hex(`odd name ${i}`)));
  });

  it('verifies: exit 0 when intact, exit 3 naming the altered file and its evidence', () => {
    const ok = spqa(dataDir, ['evidence', 'verify']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^all \d+ stored files are intact \(\d+ bytes checked\)$/m);

    const hash = sha256Hex('Data protection policy');
    const [record] = spqaJson<EvidenceRecord[]>(dataDir, [
      'evidence',
      'list',
      '--assessment',
      assessmentId,
    ]).filter((r) => r.sha256 === hash);
    flipByte(storedPath(dataDir, hash), 5);
    try {
      const bad = spqa(dataDir, ['evidence', 'verify']);
      expect(bad.status).toBe(3);
      expect(bad.stdout).toMatch(/^0 missing and 1 altered of \d+ stored files$/m);
      expect(bad.stdout).toContain(`  altered  ${hash}  now hashes to `);
      expect(bad.stdout).toContain(`(evidence ${record?.id})`);
      const json = spqa(dataDir, ['--json', 'evidence', 'verify']);
      expect(json.status).toBe(3);
      const report = JSON.parse(json.stdout) as VerifyReport;
      expect(report.altered.map((a) => [a.sha256, a.evidenceIds])).toEqual([[hash, [record?.id]]]);
    } finally {
      flipByte(storedPath(dataDir, hash), 5);
    }
    expect(spqa(dataDir, ['evidence', 'verify']).status).toBe(0);
  });

  it('removes evidence with a reason, and refuses without one', () => {
    const [notes] = spqaJson<EvidenceRecord[]>(dataDir, [
      'evidence',
      'list',
      '--assessment',
      assessmentId,
    ]).filter((r) => r.originalName === 'notes.txt');
    if (!notes) throw new Error('notes.txt was not added');
    const before = cliSnapshot(dataDir);
    expectRefused(spqa(dataDir, ['evidence', 'remove', notes.id]), '--reason is required');
    expect(cliSnapshot(dataDir)).toEqual(before);

    const removed = spqa(dataDir, [
      'evidence',
      'remove',
      notes.id,
      '--reason',
      'Holds personal data we do not need',
    ]);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout.trim()).toBe(`removed ${notes.id}; its file was deleted`);
    const tombstone = spqaJson<EvidenceRecord[]>(dataDir, [
      'evidence',
      'list',
      '--assessment',
      assessmentId,
      '--removed',
    ]).find((r) => r.id === notes.id);
    expect(tombstone).toMatchObject({
      removedBy: 'tester',
      removalReason: 'Holds personal data we do not need',
    });
    expect(spqa(dataDir, ['evidence', 'verify']).status).toBe(0);
  });
});
