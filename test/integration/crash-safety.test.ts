import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spqa, spqaJson } from '../helpers/cli';
import { integrityCheck, runAndKill, seededRandom } from '../helpers/crash';
import { nationalCode } from '../helpers/national';
import { tempDir } from '../helpers/temp-dir';

/**
 * SIGKILL at random points, many times over, then the checks a user relies on: the database
 * passes `PRAGMA integrity_check`, every evidence file matches its hash, nothing half-done is
 * visible, and every change the CLI acknowledged (exit 0) is still there.
 */
const SEED = Number(process.env.SPQA_CRASH_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);
const ROUNDS = Number(process.env.SPQA_CRASH_ROUNDS ?? 20);
const MiB = 1024 * 1024;

interface EvidenceRecord {
  id: string;
  sha256: string | null;
}

describe(`crash safety (seed ${SEED})`, () => {
  it(`evidence ingest killed at ${ROUNDS} random points loses nothing acknowledged`, async () => {
    const dataDir = tempDir('spqa-crash-');
    const sources = tempDir('spqa-crash-src-');
    const provider = spqaJson<{ id: string }>(dataDir, [
      'provider',
      'add',
      '--name',
      'Crash Test Trust',
      '--type',
      'activity',
    ]);
    const assessment = spqaJson<{ id: string }>(dataDir, [
      'assessment',
      'start',
      '--provider',
      provider.id,
      '--kind',
      'self',
    ]);
    const criterion = nationalCode({ appliesTo: 'activity' });
    const addArgs = (file: string) => [
      '--json',
      'evidence',
      'add',
      '--assessment',
      assessment.id,
      '--criterion',
      criterion,
      file,
    ];

    // How long an uninterrupted add takes here, so kills land across the whole of one.
    const probe = join(sources, 'probe.bin');
    writeFileSync(probe, randomBytes(4 * MiB));
    const started = Date.now();
    const baseline = await runAndKill(dataDir, addArgs(probe), 60_000);
    const fullMs = Date.now() - started;
    expect(baseline.code, baseline.stderr).toBe(0);
    const acknowledged = new Map<string, string>();
    for (const r of JSON.parse(baseline.stdout) as EvidenceRecord[])
      acknowledged.set(r.id, r.sha256 ?? '');

    let killed = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const file = join(sources, `file-${round}.bin`);
      writeFileSync(file, randomBytes(Math.floor((1 + random() * 7) * MiB)));
      const run = await runAndKill(dataDir, addArgs(file), Math.floor(random() * fullMs * 1.3));
      if (run.signal === 'SIGKILL') killed += 1;
      else {
        expect(run.code, run.stderr).toBe(0);
        for (const r of JSON.parse(run.stdout) as EvidenceRecord[])
          acknowledged.set(r.id, r.sha256 ?? '');
      }

      expect(integrityCheck(dataDir), `round ${round}`).toBe('ok');
      const verify = spqa(dataDir, ['evidence', 'verify']);
      expect(verify.status, `round ${round}: ${verify.stdout}${verify.stderr}`).toBe(0);
      const listed = spqaJson<EvidenceRecord[]>(dataDir, [
        'evidence',
        'list',
        '--assessment',
        assessment.id,
      ]);
      const present = new Map(listed.map((r) => [r.id, r.sha256 ?? '']));
      for (const [id, sha] of acknowledged)
        expect(present.get(id), `round ${round}: ${id}`).toBe(sha);
      // A killed add is either wholly recorded or not at all: at most one record beyond those acknowledged.
      expect(listed.length - acknowledged.size).toBeLessThanOrEqual(killed);
    }
    // Most rounds must really have been killed mid-way for the test to mean anything.
    expect(killed).toBeGreaterThanOrEqual(Math.floor(ROUNDS / 2));
  }, 300_000);
});
