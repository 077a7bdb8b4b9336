import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { spqa, spqaJson } from '../helpers/cli';
import { addProviderArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { nationalFrameworkJson, revisedFramework } from '../helpers/frameworks';
import { NATIONAL_ID, NATIONAL_VERSION } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

describe('spqa usage', () => {
  it('prints help and exits 0, naming every command the issue asks for', () => {
    const run = spqa(tempDir(), ['--help']);
    expect(run.status).toBe(0);
    for (const command of [
      'framework list',
      'framework show',
      'framework validate',
      'framework import',
      'provider add',
      'provider list',
      'provider import',
      'assessment start',
      'assessment rate',
      'assessment import-ratings',
      'assessment show',
      'demo',
    ]) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toContain('--data-dir DIR');
    expect(run.stdout).toContain('--json');
  });

  it('gives help for one command', () => {
    const run = spqa(tempDir(), ['assessment', 'rate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'assessment rate ID --criterion CODE --rating met|partial|not-met|na',
    );
  });

  it('refuses an unknown command or option and a missing required option with exit 2', () => {
    const dataDir = tempDir();
    expectRefused(spqa(dataDir, ['frobnicate']), 'unknown command "frobnicate"');
    expectRefused(
      spqa(dataDir, ['provider', 'frobnicate']),
      'unknown command "provider frobnicate"',
    );
    expectRefused(spqa(dataDir, ['provider', 'add', '--type', 'activity']), '--name is required');
    expectRefused(spqa(dataDir, ['provider', 'list', '--colour', 'red']), "'--colour'");
    expectRefused(spqa(dataDir, ['framework', 'show']), 'usage: spqa framework show');
    expectRefused(spqa(null, ['provider', 'list', '--data-dir']), '--data-dir needs a folder');
    // None of these needed the database, so none was made.
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('reads the data folder from SPQA_DATA_DIR when --data-dir is not given', () => {
    const dataDir = tempDir();
    const run = spqa(null, ['--json', 'info'], { SPQA_DATA_DIR: dataDir });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      dataDir,
      databasePath: join(dataDir, DATABASE_FILE),
      journalMode: 'wal',
    });
  });
});

describe('spqa framework', () => {
  it('lists and shows the installed framework as JSON', () => {
    const dataDir = tempDir();
    const list = spqaJson<{ id: string; version: string; criteria: number }[]>(dataDir, [
      'framework',
      'list',
    ]);
    expect(list).toEqual([expect.objectContaining({ id: NATIONAL_ID, version: NATIONAL_VERSION })]);
    const shown = spqaJson(dataDir, ['framework', 'show', `${NATIONAL_ID}@${NATIONAL_VERSION}`]);
    expect(shown).toEqual(nationalFrameworkJson());
    const human = spqa(dataDir, ['framework', 'show', NATIONAL_ID]);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(`${NATIONAL_ID}@${NATIONAL_VERSION}`);
    expectRefused(spqa(dataDir, ['framework', 'show', 'no-such-framework']), 'no framework');
  });

  it('validates a good file without creating a database, and imports it', () => {
    const dataDir = tempDir();
    const file = writeTempFile(
      tempDir(),
      'next.json',
      JSON.stringify(revisedFramework('1.1.0', '.')),
    );
    const valid = spqaJson(dataDir, ['framework', 'validate', file]);
    expect(valid).toMatchObject({ valid: true, id: NATIONAL_ID, version: '1.1.0' });
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);

    const imported = spqaJson(dataDir, ['framework', 'import', file]);
    expect(imported).toMatchObject({ id: NATIONAL_ID, version: '1.1.0' });
    const again = spqaJson(dataDir, ['framework', 'import', file]);
    expect(again).toEqual(imported);
    const versions = spqaJson<{ version: string }[]>(dataDir, ['framework', 'list']).map(
      (f) => f.version,
    );
    expect(versions).toEqual(['1.1.0', NATIONAL_VERSION]);
  });

  it('refuses a framework file that is not JSON or fails the schema, naming where', () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const notJson = writeTempFile(dir, 'not-json.json', '{\n  "id": "x",\n  "version": 1.0.0\n}\n');
    expectRefused(
      spqa(dataDir, ['framework', 'validate', notJson]),
      `${notJson}: not valid JSON at line 3, column 17`,
    );
    const framework = revisedFramework('1.2.0');
    const criterion = framework.domains[0]?.standards[0]?.criteria[0];
    if (!criterion) throw new Error('no criterion');
    criterion.code = 'LW9.1';
    const bad = writeTempFile(dir, 'bad.json', JSON.stringify(framework));
    expectRefused(
      spqa(dataDir, ['framework', 'validate', bad]),
      `${bad}: domains[0].standards[0].criteria[0].code: criterion LW9.1 must start with its standard code`,
    );

    // Several problems: a one-line summary, then each problem on an indented line of its own.
    criterion.code = 'RC2-3';
    framework.version = 'latest';
    const worse = writeTempFile(dir, 'worse.json', JSON.stringify(framework));
    const run = spqa(dataDir, ['framework', 'validate', worse]);
    expect(run.status).toBe(2);
    expect(run.errorLines[0]).toBe(
      `spqa: ${worse}: version: a version is semantic, e.g. "1.2.0" (and 2 more)`,
    );
    expect(run.errorLines.slice(1)).toEqual([
      '  version: a version is semantic, e.g. "1.2.0"',
      '  domains[0].standards[0].criteria[0].code: a criterion code looks like "RC2.3"',
      '  domains[0].standards[0].criteria[0].code: criterion RC2-3 must start with its standard code LW1.',
    ]);
    expectRefused(
      spqa(dataDir, ['framework', 'import', bad]),
      'domains[0].standards[0].criteria[0].code',
    );
    expectRefused(
      spqa(dataDir, ['framework', 'validate', join(dir, 'missing.json')]),
      'no such file',
    );
    expect(spqaJson<unknown[]>(dataDir, ['framework', 'list'])).toHaveLength(1);
  });

  it('refuses to re-import a changed framework under the same version', () => {
    const dataDir = tempDir();
    const file = writeTempFile(
      tempDir(),
      'edited.json',
      JSON.stringify(revisedFramework(NATIONAL_VERSION, ' (edited)')),
    );
    expectRefused(
      spqa(dataDir, ['framework', 'import', file]),
      'already imported with different content',
    );
  });
});

describe('a database written by a newer version', () => {
  it('is refused with exit 2 and a one-line message, and not changed', () => {
    const dataDir = tempDir();
    spqaJson(dataDir, addProviderArgs('Before Upgrade', 'both'));
    const file = join(dataDir, DATABASE_FILE);
    const db = new BetterSqlite3(file);
    const future = (db.pragma('user_version', { simple: true }) as number) + 1000;
    db.pragma(`user_version = ${future}`);
    db.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();

    expectRefused(spqa(dataDir, ['provider', 'list']), 'newer version of spqa', `schema ${future}`);
    expectRefused(spqa(dataDir, addProviderArgs('After Upgrade', 'both')), 'newer version of spqa');
    expect(hash()).toBe(before);
  });
});
