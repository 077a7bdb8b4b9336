import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { listProviders } from '../../electron/core/providers/queries';
import { nameKey } from '../../electron/core/providers/rows';
import { openTestCore, unwrap } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < 60);

describe('migration 60: provider search', () => {
  it('indexes the names already there, and keeps the index in step with later changes', async () => {
    const dataDir = tempDir();
    const old = await openDatabase(join(dataDir, 'spqa.db'), { migrations: BEFORE });
    const insert = old.db.prepare(
      `INSERT INTO providers (id, name, name_key, type, created_at, updated_at)
       VALUES (?, ?, ?, 'both', 'now', 'now')`,
    );
    insert.run('prv_A', 'Moorside Reading Circle', nameKey('Moorside Reading Circle'));
    insert.run('prv_B', 'Café Connect', nameKey('Café Connect'));
    insert.run('prv_C', 'Singing and Dancing', nameKey('Singing and Dancing'));
    old.db.close();

    const core = await openTestCore({ dataDir });
    const db = core.context.db;
    const count = (trigram: string) =>
      db
        .prepare('SELECT providers FROM provider_trigram_counts WHERE trigram = ?')
        .pluck()
        .get(trigram);
    expect(count('moo')).toBe(1);
    expect(count('caf')).toBe(1);
    // "ing" is in two names, twice in one of them: the count is of providers, not of places.
    expect(count('ing')).toBe(2);
    const names = async (query: string) =>
      unwrap(await core.invoke('providers.list', { query })).items.map((p) => p.name);
    expect(await names('side read')).toEqual(['Moorside Reading Circle']);
    expect(await names('cafe')).toEqual(['Café Connect']);

    const renamed = unwrap(await core.invoke('providers.list', { query: 'moorside' })).items[0];
    unwrap(
      await core.invoke('providers.update', {
        id: renamed?.id ?? '',
        fields: { name: 'Hillside Readers', type: 'both' },
      }),
    );
    expect(await names('moorside')).toEqual([]);
    expect(await names('hillside')).toEqual(['Hillside Readers']);
    expect(count('moo')).toBe(0);
    expect(count('hil')).toBe(1);
    const stale = db
      .prepare(
        "SELECT count(*) FROM provider_trigrams WHERE provider_id = 'prv_A' AND trigram = 'moo'",
      )
      .pluck()
      .get();
    expect(stale).toBe(0);
  });

  it('finds exactly what a plain scan finds, for any names and any search', async () => {
    const core = await openTestCore();
    const db = core.context.db;
    const words = ['leeds', 'walk', 'café', 'men’s', 'shed', 'green', 'gym', 'ab', 'x%_', 'Ünity'];
    const word = fc.constantFrom(...words);
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const insert = db.prepare(
      `INSERT INTO providers (id, name, name_key, type, created_at, updated_at)
       VALUES (?, ?, ?, 'both', 'now', 'now')`,
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 15 }),
        fc.string({ maxLength: 12 }),
        (names, extra) => {
          db.exec('DELETE FROM providers');
          names.forEach((n, i) => insert.run(`prv_${i}`, n, nameKey(n)));
          for (const query of [...names.map((n) => n.slice(1, 8)), extra, 'walk', 'ab']) {
            if (!query.trim()) continue;
            const key = nameKey(query.trim());
            const expected = names.filter((n) => nameKey(n).includes(key)).sort();
            const { items } = listProviders(db, {
              query,
              includeArchived: false,
              limit: 1000,
              offset: 0,
            });
            expect(items.map((p) => p.name).sort(), query).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
