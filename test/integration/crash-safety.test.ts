import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  accreditedAssessment,
  databasePath,
  exportBundle,
  installation,
  recordsOf,
  trust,
} from '../helpers/bundle-fixtures';
import { spqa, spqaJson } from '../helpers/cli';
import { addEvidenceArgs, addProviderArgs, startSelfArgs } from '../helpers/cli-args';
import { manualClock, openTestCore } from '../helpers/core';
import { integrityCheck, runAndKill, seededRandom } from '../helpers/crash';
import { accreditProvider, REGISTER_PASSPHRASE } from '../helpers/register-fixtures';
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
/** Kills that must land mid-way for a test to mean anything. */
const MIN_KILLS = Math.floor(ROUNDS / 2);

/**
 * ROUNDS rounds, and more (up to three times as many) until MIN_KILLS of them were really killed
 * mid-way: a kill timed after a quick run finished proves nothing, and how quick a run is depends
 * on the machine's load, so counting on a share of fixed rounds made the test fail by chance.
 */
const moreRounds = (round: number, killed: number) =>
  round < ROUNDS || (killed < MIN_KILLS && round < ROUNDS * 3);
const MiB = 1024 * 1024;

interface EvidenceRecord {
  id: string;
  sha256: string | null;
}

describe(`crash safety (seed ${SEED})`, () => {
  it(`evidence ingest killed at ${ROUNDS} random points loses nothing acknowledged`, async () => {
    const dataDir = tempDir('spqa-crash-');
    const sources = tempDir('spqa-crash-src-');
    const provider = spqaJson<{ id: string }>(
      dataDir,
      addProviderArgs('Crash Test Trust', 'activity'),
    );
    const assessment = spqaJson<{ id: string }>(dataDir, startSelfArgs(provider.id));
    const criterion = nationalCode({ appliesTo: 'activity' });
    const addArgs = (file: string) => [
      '--json',
      ...addEvidenceArgs(assessment.id, criterion, file),
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
    for (let round = 0; moreRounds(round, killed); round += 1) {
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
    expect(killed).toBeGreaterThanOrEqual(MIN_KILLS);
  }, 300_000);
  it(`register build killed at ${ROUNDS} random points never leaves half a publication`, async () => {
    const dataDir = tempDir('spqa-crash-register-');
    const core = await openTestCore({ dataDir, clock: manualClock('2026-03-04T10:00:00Z') });
    for (const name of ['Hilltop Walkers', 'Riverside Arts', 'Town Library Friends'])
      await accreditProvider(core, { name });
    core.close();
    const env = { SPQA_PASSPHRASE: REGISTER_PASSPHRASE };
    const parent = tempDir('spqa-crash-published-');
    const out = join(parent, 'register');

    const started = Date.now();
    const first = await runAndKill(dataDir, ['register', 'build', out], 60_000, env);
    const fullMs = Date.now() - started;
    expect(first.code, first.stderr).toBe(0);

    let killed = 0;
    for (let round = 0; moreRounds(round, killed); round += 1) {
      const run = await runAndKill(
        dataDir,
        ['register', 'build', out],
        Math.floor(random() * fullMs * 1.3),
        env,
      );
      if (run.signal === 'SIGKILL') killed += 1;
      else expect(run.code, run.stderr).toBe(0);
      expect(integrityCheck(dataDir), `round ${round}`).toBe('ok');
      // The destination holds a whole publication that checks out, or (killed between its two
      // renames) is momentarily absent with the earlier one aside, put back by the next build.
      if (existsSync(out)) {
        const verify = spqa(dataDir, ['register', 'verify', out]);
        expect(verify.status, `round ${round}: ${verify.stdout}`).toBe(0);
      } else {
        expect(
          readdirSync(parent).some((n) => n.startsWith('.register.old-')),
          `round ${round}`,
        ).toBe(true);
      }
    }
    const last = await runAndKill(dataDir, ['register', 'build', out], 60_000, env);
    expect(last.code, last.stderr).toBe(0);
    expect(spqa(dataDir, ['register', 'verify', out]).status).toBe(0);
    // Nothing a killed build left behind survives the next one.
    expect(readdirSync(parent)).toEqual(['register']);
    expect(killed).toBeGreaterThanOrEqual(MIN_KILLS);
  }, 300_000);

  it(`bundle import killed at ${ROUNDS} random points is all or nothing`, async () => {
    const sender = await installation();
    const receiver = await installation();
    await trust(sender.core, receiver.core);
    const accredited = await accreditedAssessment(sender.core);
    const bundle = await exportBundle(sender.core, accredited.assessmentId, {
      includePersonalData: true,
    });
    sender.core.close();
    receiver.core.close();
    const template = receiver.dataDir;

    /** Row counts of every table the import writes, for the imported assessment (or none). */
    const counts = (dataDir: string): Record<string, number> | null => {
      const db = new BetterSqlite3(databasePath(dataDir), { readonly: true });
      try {
        const present = db
          .prepare('SELECT 1 FROM assessments WHERE id = ?')
          .get(accredited.assessmentId);
        const provider = db
          .prepare('SELECT 1 FROM providers WHERE id = ?')
          .get(accredited.providerId);
        if (!present) {
          expect(provider, 'a provider without its assessment: a partial import').toBeUndefined();
          return null;
        }
        return Object.fromEntries(
          Object.entries(recordsOf(db, accredited.assessmentId)).map(([k, rows]) => [
            k,
            rows.length,
          ]),
        );
      } finally {
        db.close();
      }
    };

    const whole = tempDir('spqa-crash-import-');
    cpSync(template, whole, { recursive: true });
    const started = Date.now();
    const full = await runAndKill(whole, ['bundle', 'import', bundle], 60_000);
    const fullMs = Date.now() - started;
    expect(full.code, full.stderr).toBe(0);
    const expected = counts(whole);
    expect(expected).not.toBeNull();

    let killed = 0;
    for (let round = 0; moreRounds(round, killed); round += 1) {
      const dataDir = tempDir('spqa-crash-import-');
      cpSync(template, dataDir, { recursive: true });
      const run = await runAndKill(
        dataDir,
        ['bundle', 'import', bundle],
        Math.floor(random() * fullMs * 1.3),
      );
      if (run.signal === 'SIGKILL') killed += 1;
      else expect(run.code, run.stderr).toBe(0);
      expect(integrityCheck(dataDir), `round ${round}`).toBe('ok');
      const verify = spqa(dataDir, ['evidence', 'verify']);
      expect(verify.status, `round ${round}: ${verify.stdout}${verify.stderr}`).toBe(0);
      const found = counts(dataDir);
      if (run.signal !== 'SIGKILL') expect(found, `round ${round}: acknowledged`).toEqual(expected);
      else if (found !== null) expect(found, `round ${round}`).toEqual(expected);
    }
    expect(killed).toBeGreaterThanOrEqual(MIN_KILLS);
  }, 300_000);
});
