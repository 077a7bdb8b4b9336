import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spqa, spqaJson } from '../helpers/cli';
import { expectRefused } from '../helpers/cli-expect';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import {
  accreditProvider,
  assessAndDecide,
  REGISTER_PASSPHRASE,
} from '../helpers/register-fixtures';
import { tempDir } from '../helpers/temp-dir';

const withPassphrase = { SPQA_PASSPHRASE: REGISTER_PASSPHRASE };

interface Change {
  kind: string;
  certificateNumber: string;
  holder: string;
  detail: string;
}

/**
 * The register commands as a real process. The records are made through the core (quicker than
 * a process per step), at dates set by the test's clock, in a data folder the CLI then opens.
 */
describe('spqa register build, verify and diff', () => {
  const dataDir = tempDir();
  const work = tempDir();
  const older = join(work, 'older');
  const newer = join(work, 'newer');
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    const clock = manualClock('2026-01-01T10:00:00Z');
    const core = await openTestCore({ dataDir, clock });
    numbers.expiring = (
      await accreditProvider(core, { name: 'Early Birds Walking Club', region: 'north-east' })
    ).number;
    clock.set('2026-03-04T10:00:00Z');
    const capacity = await accreditProvider(core, { name: 'Capacity Crafts', region: 'london' });
    numbers.capacity = capacity.number;
    numbers.suspend = (await accreditProvider(core, { name: 'Soon Suspended' })).number;
    numbers.withdraw = (await accreditProvider(core, { name: 'Soon Withdrawn' })).number;
    numbers.reinstate = (await accreditProvider(core, { name: 'Back Again' })).number;
    const renewing = await accreditProvider(core, { name: 'Renewing Readers' });
    numbers.renewed = renewing.number;

    clock.set('2028-12-01T10:00:00Z');
    const reason = 'A reason given';
    unwrap(await core.invoke('certificates.suspend', { number: numbers.reinstate, reason }));
    // The publications compared are built at set dates, so the core builds them with its clock.
    clock.set('2028-12-30T10:00:00Z');
    unwrap(await core.invoke('register.build', { outDir: older, passphrase: REGISTER_PASSPHRASE }));

    clock.set('2028-12-31T10:00:00Z');
    unwrap(await core.invoke('certificates.suspend', { number: numbers.suspend, reason }));
    unwrap(await core.invoke('certificates.withdraw', { number: numbers.withdraw, reason }));
    unwrap(await core.invoke('certificates.reinstate', { number: numbers.reinstate, reason }));
    const service = unwrap(await core.invoke('providers.get', { id: capacity.providerId }))
      .services[0];
    if (!service) throw new Error('no service');
    unwrap(
      await core.invoke('services.update', {
        id: service.id,
        fields: {
          name: service.name,
          category: service.category,
          description: service.description,
          referralRoute: service.referralRoute,
          selfReferral: service.selfReferral,
          acceptingReferrals: false,
          placesPerMonth: service.placesPerMonth,
          waitingWeeks: 8,
        },
      }),
    );
    numbers.new = (await accreditProvider(core, { name: 'Brand New Bakers' })).number;
    const renewal = await assessAndDecide(core, renewing.providerId);
    numbers.renewal = unwrap(
      await core.invoke('certificates.issue', {
        assessmentId: renewal,
        passphrase: REGISTER_PASSPHRASE,
      }),
    ).number;
    clock.set('2029-01-02T10:00:00Z');
    unwrap(await core.invoke('register.build', { outDir: newer, passphrase: REGISTER_PASSPHRASE }));
    core.close();
  }, 120_000);

  it('builds a publication and prints what it wrote', () => {
    const out = join(work, 'from-the-cli');
    const run = spqa(dataDir, ['register', 'build', out, '--formats', 'json,csv'], withPassphrase);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^published 8 certificates to .*from-the-cli in \d+ ms/);
    expect(run.stdout).toContain('register.csv');
    expect(existsSync(join(out, 'register.json'))).toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'oruk'))).toBe(false);
    const again = spqa(dataDir, ['--json', 'register', 'build', out], withPassphrase);
    expect(again.status, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout) as { entries: number; files: { path: string }[] };
    expect(json.entries).toBe(8);
    expect(json.files.map((f) => f.path)).toContain('oruk/services.json');
  });

  it('verifies a publication (exit 0) and names a changed file (exit 3)', () => {
    const good = spqa(dataDir, ['register', 'verify', older]);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^VALID: /);
    expect(good.stdout).toContain('this network’s own key');

    const json = spqaJson<{ ok: boolean; checks: { file: string; ok: boolean }[] }>(dataDir, [
      'register',
      'verify',
      older,
    ]);
    expect(json.ok).toBe(true);

    const copy = join(work, 'copy');
    expect(spqa(dataDir, ['register', 'build', copy], withPassphrase).status).toBe(0);
    const page = join(copy, 'index.html');
    const bytes = readFileSync(page);
    bytes[100] = (bytes[100] ?? 0) ^ 0x20;
    writeFileSync(page, bytes);
    const bad = spqa(dataDir, ['register', 'verify', copy]);
    expect(bad.status).toBe(3);
    expect(bad.stdout).toMatch(/^NOT VALID/);
    expect(bad.stdout).toContain('FAIL  index.html: its SHA-256 does not match the manifest');
    expect(bad.errorLines).toEqual(['spqa: the register does not verify: index.html']);

    // A status list re-signed by someone else, or a file added afterwards, is caught too.
    writeFileSync(page, readFileSync(join(older, 'index.html')));
    const status = join(copy, 'status.json');
    const doc = JSON.parse(readFileSync(status, 'utf8')) as { payload: { generatedAt: string } };
    doc.payload.generatedAt = '2030-01-01T00:00:00.000Z';
    writeFileSync(status, JSON.stringify(doc));
    writeFileSync(join(copy, 'extra.txt'), 'added later');
    const worse = spqa(dataDir, ['register', 'verify', copy]);
    expect(worse.status).toBe(3);
    expect(worse.errorLines[0]).toContain('status.json');
    expect(worse.errorLines[0]).toContain('extra.txt');
  });

  it('checks the key with --key, and refuses a folder that is not a publication', () => {
    const other = join(work, 'other.pem');
    writeFileSync(
      other,
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n',
    );
    const wrongKey = spqa(dataDir, ['register', 'verify', older, '--key', other]);
    expect(wrongKey.status).toBe(3);
    expect(wrongKey.stdout).toContain('public-key.pem: holds key');
    const rightKey = spqa(dataDir, [
      'register',
      'verify',
      older,
      '--key',
      join(older, 'public-key.pem'),
    ]);
    expect(rightKey.status, rightKey.stdout).toBe(0);

    const notOne = spqa(dataDir, ['register', 'verify', work]);
    expect(notOne.status).toBe(3);
    expect(notOne.stdout).toContain('public-key.pem: missing');
  });

  it('lists what changed between two publications', () => {
    const diff = spqaJson<{ changes: Change[] }>(dataDir, ['register', 'diff', older, newer]);
    const kinds = (number: string | undefined) =>
      diff.changes.filter((c) => c.certificateNumber === number).map((c) => c.kind);
    expect(kinds(numbers.new)).toEqual(['new']);
    expect(kinds(numbers.suspend)).toEqual(['suspended']);
    expect(kinds(numbers.reinstate)).toEqual(['reinstated']);
    expect(kinds(numbers.withdraw)).toEqual(['withdrawn']);
    expect(kinds(numbers.expiring)).toEqual(['expired']);
    expect(kinds(numbers.capacity)).toEqual(['capacity-changed']);
    expect(kinds(numbers.renewed)).toEqual(['superseded']);
    expect(kinds(numbers.renewal)).toEqual(['new']);
    expect(diff.changes.find((c) => c.kind === 'capacity-changed')?.detail).toBe(
      'Community garden 1 stopped accepting referrals; Community garden 1 waiting time 2 → 8 weeks',
    );
    expect(diff.changes).toHaveLength(8);

    const human = spqa(dataDir, ['register', 'diff', join(older, 'register.json'), newer]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^8 changes between 2028-12-30T10:00/);
    expect(human.stdout).toContain('capacity changed');
    const none = spqa(dataDir, ['register', 'diff', newer, newer]);
    expect(none.stdout).toMatch(/^no changes between/);
  });

  it('refuses bad input with exit 2 and one line naming the problem', () => {
    expectRefused(
      spqa(
        dataDir,
        ['register', 'build', join(work, 'x'), '--formats', 'json,pdf'],
        withPassphrase,
      ),
      '--formats',
      '"pdf"',
    );
    expectRefused(
      spqa(dataDir, ['register', 'build', join(work, 'y')], {
        SPQA_PASSPHRASE: 'wrong passphrase',
      }),
      'wrong passphrase',
    );
    expect(existsSync(join(work, 'y'))).toBe(false);
    expectRefused(spqa(dataDir, ['register', 'diff', older, join(work, 'nowhere')]), 'nowhere');
    expectRefused(
      spqa(dataDir, ['register', 'build', join(work, 'z')], { SPQA_PASSPHRASE: '' }),
      'SPQA_PASSPHRASE',
    );
    expectRefused(spqa(dataDir, ['register', 'verify']), 'usage: spqa register verify DIR');
  });
  it('is what `certificate verify --register` checks a certificate against, elsewhere', () => {
    const file = join(work, 'suspended.json');
    const exported = spqa(dataDir, [
      'certificate',
      'export',
      numbers.suspend ?? '',
      '--json',
      file,
    ]);
    expect(exported.status, exported.stderr).toBe(0);
    // Someone else's computer: an empty data folder, only the published folder to go on.
    const elsewhere = tempDir();
    const before = spqa(elsewhere, ['certificate', 'verify', file, '--register', older]);
    expect(before.status, before.stdout + before.stderr).toBe(0);
    expect(before.stdout).toMatch(/ok\s+status\s+active in .*older.status\.json/);
    const after = spqa(elsewhere, ['certificate', 'verify', file, '--register', newer]);
    expect(after.status).toBe(3);
    expect(after.stdout).toMatch(/FAIL\s+status\s+Suspended according to .*newer.status\.json/);
  });
});
