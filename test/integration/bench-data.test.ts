import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateData, generateHeavyAssessment } from '../../scripts/bench/generator/generate';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { openTestCore, unwrap } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

const PASSPHRASE = 'bench-data-passphrase';

describe('the benchmark data generator', () => {
  it('makes a data folder the app opens and checks like any other', async () => {
    const dataDir = tempDir();
    const core = await openTestCore({ dataDir });
    const counts = generateData(core.context, {
      providers: 60,
      passphrase: PASSPHRASE,
      batchSize: 25,
    });
    expect(counts.providers).toBe(60);
    for (const key of [
      'services',
      'assessments',
      'ratings',
      'evidence',
      'findings',
      'decisions',
      'certificates',
    ] as const)
      expect(counts[key], key).toBeGreaterThan(0);
    core.close();

    const reopened = await openTestCore({ dataDir });
    const db = reopened.context.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(unwrap(await reopened.invoke('providers.list', {})).total).toBe(60);
    expect(unwrap(await reopened.invoke('assessments.list', {}))).toHaveLength(counts.assessments);
    expect(unwrap(await reopened.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 0,
    });
    expect(unwrap(await reopened.invoke('audit.verify', {})).ok).toBe(true);

    // Every provider is found by its charity number and its postcode, as a person would search.
    const sample = db
      .prepare(
        'SELECT id, charity_number, postcode FROM providers WHERE charity_number IS NOT NULL LIMIT 5',
      )
      .all() as { id: string; charity_number: string; postcode: string }[];
    for (const p of sample) {
      const byNumber = unwrap(await reopened.invoke('providers.list', { query: p.charity_number }));
      expect(byNumber.items.map((i) => i.id)).toEqual([p.id]);
      const byPostcode = unwrap(await reopened.invoke('providers.list', { query: p.postcode }));
      expect(byPostcode.items.map((i) => i.id)).toContain(p.id);
    }

    // The certificates are signed by the network key and verify as issued ones do.
    const number = db
      .prepare('SELECT number FROM certificates ORDER BY issued_on DESC LIMIT 1')
      .pluck()
      .get() as string;
    const json = unwrap(await reopened.invoke('certificates.render', { number, format: 'json' }));
    const verdict = unwrap(
      await reopened.invoke('certificates.verify', {
        fileName: `${number}.json`,
        base64: json.base64,
      }),
    );
    expect(verdict.checks.find((c) => c.check === 'signature')).toMatchObject({ ok: true });
    // Older ones have expired, as they do in a network that has run for years; the newest has not.
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ valid: true });
    // Each external assessment that was submitted has a sealed revision with its hash.
    const unsealed = db
      .prepare(
        `SELECT count(*) FROM assessments a JOIN assessment_revisions r ON r.assessment_id = a.id
         WHERE a.kind = 'external' AND a.status IN ('submitted', 'decided') AND r.sha256 IS NULL`,
      )
      .pluck()
      .get();
    expect(unsealed).toBe(0);
  });

  it('gives the same organisations for the same seed', async () => {
    const names = async () => {
      const core = await openTestCore();
      generateData(core.context, { providers: 20, seed: 5, passphrase: PASSPHRASE });
      return core.context.db.prepare('SELECT name FROM providers ORDER BY name').pluck().all();
    };
    expect(await names()).toEqual(await names());
  });

  it('adds an assessment with every criterion rated and the evidence asked for', async () => {
    const dataDir = tempDir();
    const core = await openTestCore({ dataDir });
    generateData(core.context, { providers: 5, passphrase: PASSPHRASE });
    const id = generateHeavyAssessment(core.context, 120);
    const detail = unwrap(await core.invoke('assessments.get', { id }));
    expect(detail.ratings.length).toBe(detail.readiness.applicable);
    expect(unwrap(await core.invoke('evidence.list', { assessmentId: id }))).toHaveLength(120);
    core.close();
    const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
