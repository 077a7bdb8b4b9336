import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_STATUSES } from '../../shared/accreditation/vocabulary';
import { REGIONS, SERVICE_CATEGORIES } from '../../shared/providers/vocabulary';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import { WORKERS_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

/**
 * How many certificates to generate (SPQA_REGISTER_SCALE=100000 for the full national size).
 * This test checks the register is complete and correct at scale; how fast it is built is
 * measured against a baseline by `npm run bench`, never asserted here as a bare timing.
 */
const SIZE = Number(process.env.SPQA_REGISTER_SCALE ?? 20_000);
const PASSPHRASE = 'scale passphrase for tests';

/**
 * Writes SIZE certificates straight into the tables, as issuing and importing would leave them:
 * providers with one or two services, decided external assessments, certificates in every
 * status with their history. The signed documents are not signed (building reads, it does not
 * verify), which keeps generation to a few seconds.
 */
function generate(db: Database, keyId: string): void {
  const at = '2026-01-05T09:00:00.000Z';
  const insert = {
    provider: db.prepare(
      `INSERT INTO providers (id, name, name_key, type, charity_number, region, address_line1, town, postcode,
         created_at, updated_at) VALUES (?, ?, ?, 'activity', ?, ?, ?, ?, ?, ?, ?)`,
    ),
    service: db.prepare(
      `INSERT INTO services (id, provider_id, name, category, referral_route, self_referral, accepting_referrals,
         places_per_month, waiting_weeks, capacity_confirmed_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'any-agency', 1, ?, 10, ?, '2026-01-05', ?, ?)`,
    ),
    assessment: db.prepare(
      `INSERT INTO assessments (id, provider_id, kind, status, framework_id, framework_version, provider_type,
         started_at, started_by, updated_at) VALUES (?, ?, 'external', 'decided', 'spqa-national', '1.0.0',
         'activity', ?, 'bench', ?)`,
    ),
    decision: db.prepare(
      `INSERT INTO decisions (id, assessment_id, revision, outcome, recommended_outcome, conditions, conditions_due,
         decided_by, decided_at) VALUES (?, ?, 1, ?, 'accredited', ?, ?, 'panel', ?)`,
    ),
    certificate: db.prepare(
      `INSERT INTO certificates (number, base_number, assessment_id, decision_id, provider_id, status, issued_on,
         expires_on, suspended_on, key_id, document, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare(
      `INSERT INTO certificate_events (number, at, actor, action, from_status, to_status)
       VALUES (?, ?, 'bench', ?, ?, ?)`,
    ),
  };
  const domains = [
    { code: 'AS', title: 'Activities and services' },
    { code: 'RC', title: 'Capacity and capability to deal with referrals' },
    { code: 'GS', title: 'Governance and safety' },
  ];
  db.transaction(() => {
    for (let i = 0; i < SIZE; i += 1) {
      const n = String(i + 1).padStart(6, '0');
      const provider = `prv_B${n}`;
      const name = `Bench Community Group ${n}`;
      insert.provider.run(
        provider,
        name,
        name.toLowerCase(),
        String(1_000_000 + i),
        REGIONS[i % REGIONS.length],
        `${i} High Street`,
        'Testtown',
        'LS1 4AP',
        at,
        at,
      );
      const services = i % 3 === 0 ? 2 : 1;
      const scope = [];
      for (let s = 0; s < services; s += 1) {
        const id = `svc_B${n}${s}`;
        const category = SERVICE_CATEGORIES[(i + s) % SERVICE_CATEGORIES.length] ?? 'arts';
        insert.service.run(
          id,
          provider,
          `Group activity ${s + 1}`,
          category,
          i % 5 ? 1 : 0,
          s,
          at,
          at,
        );
        scope.push({ id, name: `Group activity ${s + 1}`, category });
      }
      insert.assessment.run(`asm_B${n}`, provider, at, at);
      const conditional = i % 10 === 0;
      insert.decision.run(
        `dec_B${n}`,
        `asm_B${n}`,
        conditional ? 'conditional' : 'accredited',
        conditional ? 'A written safeguarding policy' : null,
        conditional ? '2026-04-01' : null,
        at,
      );
      const number = `SPQA-2026-${n}`;
      const status = (['active', 'active', 'active', 'suspended', 'withdrawn'] as const)[i % 5];
      const document = JSON.stringify({
        payload: {
          type: 'SPQACertificate',
          formatVersion: 1,
          number,
          holder: { providerId: provider, name },
          scope: { services: scope, domains },
          framework: {
            id: 'spqa-national',
            version: '1.0.0',
            title: 'National Quality Standards for Social Prescribing',
          },
          issuedOn: '2026-01-05',
          expiresOn: '2029-01-04',
          issuer: { name: 'Bench Network', keyId },
          supersedes: null,
        },
        signature: { alg: 'Ed25519', keyId, value: 'x'.repeat(86) },
      });
      insert.certificate.run(
        number,
        number,
        `asm_B${n}`,
        `dec_B${n}`,
        provider,
        status,
        '2026-01-05',
        i % 7 === 0 ? '2026-02-01' : '2029-01-04',
        status === 'suspended' ? '2026-01-20' : null,
        keyId,
        document,
        at,
      );
      insert.event.run(number, at, 'issue', null, 'active');
      if (status !== 'active')
        insert.event.run(number, '2026-01-20T10:00:00Z', 'change', 'active', status);
    }
  })();
}

describe(`the register at scale (${SIZE.toLocaleString('en-GB')} certificates)`, () => {
  it('builds every format, complete and verifiable', { timeout: 300_000 }, async () => {
    const core = await openTestCore({ clock: manualClock('2026-03-04T10:00:00Z') });
    const key = unwrap(await core.invoke('keys.init', { passphrase: PASSPHRASE }));
    const generating = performance.now();
    generate(core.context.db, key.keyId);
    const generated = performance.now() - generating;

    const out = join(tempDir(), 'register');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = unwrap(
      await core.invoke('register.build', { outDir: out, passphrase: PASSPHRASE }),
    );
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const megabytes = result.files.reduce((sum, f) => sum + f.bytes, 0) / 1e6;
    console.log(
      `register build: ${SIZE} certificates in ${Math.round(elapsed)} ms, ${Math.round(cpuMs)} ms of CPU ` +
        `(${megabytes.toFixed(0)} MB written; generating the data took ${Math.round(generated)} ms)`,
    );
    expect(result.entries).toBe(SIZE);
    expect(result.statusCounts.reduce((sum, s) => sum + s.count, 0)).toBe(SIZE);
    expect(result.statusCounts.map((s) => s.status)).toEqual([...CERTIFICATE_STATUSES]);
    expect(result.statusCounts.find((s) => s.status === 'expired')?.count).toBeGreaterThan(0);
    expect(
      (
        JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')) as {
          payload: { certificates: unknown[] };
        }
      ).payload.certificates,
    ).toHaveLength(SIZE);

    const verifying = performance.now();
    const verdict = unwrap(await core.invoke('register.verify', { dir: out }));
    console.log(`register verify: ${Math.round(performance.now() - verifying)} ms`);
    expect(verdict.ok, JSON.stringify(verdict.checks.filter((c) => !c.ok))).toBe(true);

    // The same register built with JSON, CSV, ORUK and the web page on the writer thread (as the
    // app, the CLI and browser mode build it) is the same publication, byte for byte.
    const threaded = await openTestCore({
      dataDir: core.context.dataDir,
      clock: manualClock('2026-03-04T10:00:00Z'),
      workersDir: WORKERS_DIR,
    });
    const threadedOut = join(tempDir(), 'register');
    const threadedResult = unwrap(
      await threaded.invoke('register.build', { outDir: threadedOut, passphrase: PASSPHRASE }),
    );
    expect([result.threads, threadedResult.threads]).toEqual([1, 2]);
    expect(threadedResult.files).toEqual(result.files);
    expect(threadedResult.orukServices).toBe(result.orukServices);
    expect(unwrap(await threaded.invoke('register.verify', { dir: threadedOut })).ok).toBe(true);

    const dashboard = performance.now();
    unwrap(await core.invoke('register.dashboard', {}));
    console.log(`network dashboard: ${Math.round(performance.now() - dashboard)} ms`);
  });
});
