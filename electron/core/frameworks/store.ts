import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FrameworkSummary } from '../../../shared/contract/frameworks';
import type { Framework } from '../../../shared/framework/schema';
import { compareSemver } from '../../../shared/framework/semver';
import { countFramework } from '../../../shared/framework/traverse';
import { conflict, AppError } from '../errors';
import { frameworkHash, parseFrameworkText, type ParsedFramework } from './parse';

interface FrameworkRow {
  id: string;
  version: string;
  title: string;
  document: string;
  sha256: string;
  source: string;
  imported_at: string;
}

// An imported id@version never changes, so parsed documents can be kept for the process's life.
const parsedCache = new WeakMap<Database, Map<string, Framework>>();

function cacheFor(db: Database): Map<string, Framework> {
  let cache = parsedCache.get(db);
  if (!cache) {
    cache = new Map();
    parsedCache.set(db, cache);
  }
  return cache;
}

function summarise(row: FrameworkRow, framework: Framework): FrameworkSummary {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    publisher: framework.publisher,
    publishedOn: framework.publishedOn,
    ...countFramework(framework),
    sha256: row.sha256,
    importedAt: row.imported_at,
    source: row.source,
  };
}

function parseRow(db: Database, row: FrameworkRow): Framework {
  const key = `${row.id}@${row.version}`;
  const cache = cacheFor(db);
  let framework = cache.get(key);
  if (!framework) {
    framework = JSON.parse(row.document) as Framework;
    cache.set(key, framework);
  }
  return framework;
}

export function listFrameworks(db: Database): FrameworkSummary[] {
  const rows = db.prepare('SELECT * FROM frameworks').all() as FrameworkRow[];
  return rows
    .map((row) => summarise(row, parseRow(db, row)))
    .sort((a, b) =>
      a.id === b.id ? compareSemver(b.version, a.version) : a.id.localeCompare(b.id),
    );
}

/** One version, or the newest version of an id when none is named. */
export function getFramework(
  db: Database,
  id: string,
  version?: string | null,
): { framework: Framework; summary: FrameworkSummary } {
  const rows = (
    version
      ? db.prepare('SELECT * FROM frameworks WHERE id = ? AND version = ?').all(id, version)
      : db.prepare('SELECT * FROM frameworks WHERE id = ?').all(id)
  ) as FrameworkRow[];
  const row = rows.sort((a, b) => compareSemver(b.version, a.version))[0];
  if (!row) {
    throw new AppError(
      'not_found',
      version ? `no framework ${id}@${version}` : `no framework with id "${id}"`,
    );
  }
  const framework = parseRow(db, row);
  return { framework, summary: summarise(row, framework) };
}

/**
 * Stores a framework version. The same content again is a no-op; different content under an
 * id@version already held is refused, because assessments pinned to it must never shift.
 */
export function storeFramework(
  db: Database,
  parsed: ParsedFramework,
  { source, now }: { source: string; now: string },
): { summary: FrameworkSummary; created: boolean } {
  const { framework, sha256 } = parsed;
  const existing = db
    .prepare('SELECT * FROM frameworks WHERE id = ? AND version = ?')
    .get(framework.id, framework.version) as FrameworkRow | undefined;
  if (existing) {
    if (existing.sha256 !== sha256) {
      throw conflict(
        `${framework.id}@${framework.version} is already imported with different content; ` +
          'an imported version never changes, so give the revised framework a new version',
      );
    }
    return { summary: summarise(existing, parseRow(db, existing)), created: false };
  }
  const row: FrameworkRow = {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    document: JSON.stringify(framework),
    sha256,
    source,
    imported_at: now,
  };
  db.prepare(
    `INSERT INTO frameworks (id, version, title, document, sha256, source, imported_at)
     VALUES (@id, @version, @title, @document, @sha256, @source, @imported_at)`,
  ).run(row);
  return { summary: summarise(row, framework), created: true };
}

/** The framework files shipped with the app, parsed and checked. */
export function readBundledFrameworks(resourcesDir: string): ParsedFramework[] {
  const dir = join(resourcesDir, 'frameworks');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseFrameworkText(readFileSync(join(dir, name), 'utf8'), join(dir, name)));
}

export { frameworkHash };
