import type { Migration } from './types';

/** Names are at most 200 characters (shared/providers/schema.ts), so 200 positions cover them. */
const MAX_NAME = 200;

const ADD_TRIGRAMS = `
  INSERT OR IGNORE INTO provider_trigrams (trigram, provider_id)
    SELECT substr(NEW.name_key, pos, 3), NEW.id FROM search_positions
    WHERE pos <= length(NEW.name_key) - 2;
  INSERT INTO provider_trigram_counts (trigram, providers)
    SELECT trigram, 1 FROM provider_trigrams WHERE provider_id = NEW.id
    ON CONFLICT (trigram) DO UPDATE SET providers = providers + 1;`;

const REMOVE_TRIGRAMS = `
  UPDATE provider_trigram_counts SET providers = providers - 1
    WHERE trigram IN (SELECT trigram FROM provider_trigrams WHERE provider_id = OLD.id);
  DELETE FROM provider_trigrams WHERE provider_id = OLD.id;`;

/**
 * Provider search that stays fast at national scale. A name is found by any part of it, which no
 * ordinary index serves, so every three-character piece (trigram) of each provider's name key is
 * indexed, with how many names hold each; a search looks up its rarest trigrams and checks the
 * candidates. Triggers keep both in step with the names. Postcode prefixes get an index on the postcode without
 * spaces, and listing providers in name order (without a search) its own index.
 */
export const providerSearch: Migration = {
  version: 60,
  name: 'provider search',
  up(db) {
    db.exec(`
      -- 1, 2, … 200: lets a trigger take a name apart without a recursive query (not allowed there).
      CREATE TABLE search_positions (pos INTEGER PRIMARY KEY) STRICT;
      WITH RECURSIVE n(pos) AS (SELECT 1 UNION ALL SELECT pos + 1 FROM n WHERE pos < ${MAX_NAME})
        INSERT INTO search_positions (pos) SELECT pos FROM n;

      CREATE TABLE provider_trigrams (
        trigram TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        UNIQUE (trigram, provider_id)
      ) STRICT;
      CREATE INDEX provider_trigrams_provider ON provider_trigrams (provider_id);
      -- How many names hold each trigram, so a search looks up its rarest ones.
      CREATE TABLE provider_trigram_counts (
        trigram TEXT PRIMARY KEY,
        providers INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER providers_trigrams_insert AFTER INSERT ON providers BEGIN
        ${ADD_TRIGRAMS}
      END;
      CREATE TRIGGER providers_trigrams_update AFTER UPDATE OF name_key ON providers BEGIN
        ${REMOVE_TRIGRAMS}
        ${ADD_TRIGRAMS}
      END;
      CREATE TRIGGER providers_trigrams_delete AFTER DELETE ON providers BEGIN
        ${REMOVE_TRIGRAMS}
      END;

      INSERT OR IGNORE INTO provider_trigrams (trigram, provider_id)
        SELECT substr(p.name_key, s.pos, 3), p.id FROM providers p
        JOIN search_positions s ON s.pos <= length(p.name_key) - 2;
      INSERT INTO provider_trigram_counts (trigram, providers)
        SELECT trigram, count(*) FROM provider_trigrams GROUP BY trigram;

      -- Name order with the id: the listing's order, and a search's short names read from it alone.
      DROP INDEX providers_name_key;
      CREATE INDEX providers_name_key_id ON providers (name_key, id);
      -- Names too short to have a trigram (a search of one or two characters looks here too).
      CREATE INDEX providers_short_names ON providers (name_key) WHERE length(name_key) < 3;
      CREATE INDEX providers_postcode_compact ON providers (replace(postcode, ' ', ''));
      -- What a search checks and sorts its candidates by, so thousands of them are checked in this
      -- narrow index rather than in the full rows.
      CREATE INDEX providers_search_rows ON providers
        (id, archived_at, name_key, charity_number, company_number, postcode, region, type);
      CREATE INDEX providers_listing ON providers (archived_at, name_key);
    `);
  },
};
