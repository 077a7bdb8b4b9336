import { closeSync, openSync, readdirSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spqa, spqaJson } from '../helpers/cli';
import { folderFingerprint } from '../helpers/folder-hash';
import { REPO_ROOT } from '../helpers/paths';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

/**
 * Every file in test/fixtures/hostile/ (made by scripts/hostile-corpus.mjs) is handed to the
 * real CLI against a populated data folder. Each must be refused with a plain message (exit 2,
 * or exit 3 and a failed check for a certificate or a register folder) and leave the data folder
 * byte-for-byte as it was.
 */
const CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
/** The genuine sender's public key (trusted below), so a refusal is down to what was broken. */
const NETWORK_KEY = join(REPO_ROOT, 'test', 'fixtures', 'hostile-keys', 'network.pem');
const corpus = (kind: string) =>
  readdirSync(join(CORPUS, kind))
    .sort()
    .map((name) => ({ name, path: join(CORPUS, kind, name) }));

let dataDir: string;
let assessmentId: string;
let fingerprint: string;

beforeAll(() => {
  dataDir = tempDir('spqa-hostile-');
  expect(spqa(dataDir, ['demo']).status).toBe(0);
  const sources = tempDir('spqa-hostile-src-');
  const csv = writeTempFile(
    sources,
    'one.csv',
    'name,type,region,postcode,charity_number,company_number\nBoth Ways Trust,both,london,N1 9GU,,\n',
  );
  const imported = spqaJson<{ ids: string[] }>(dataDir, ['provider', 'import', csv]);
  const started = spqaJson<{ id: string }>(dataDir, [
    'assessment',
    'start',
    '--provider',
    imported.ids[0] as string,
    '--kind',
    'self',
  ]);
  assessmentId = started.id;
  const trusted = spqa(dataDir, ['keys', 'trust', NETWORK_KEY, '--name', 'Hostile corpus sender']);
  expect(trusted.status, trusted.stderr).toBe(0);
  fingerprint = folderFingerprint(dataDir);
});

/** A plain refusal: one short message, no stack trace, nothing in the data folder changed. */
function expectRefused(run: ReturnType<typeof spqa>, code: number) {
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(code);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/unexpected failure|TypeError|RangeError/);
  expect(folderFingerprint(dataDir)).toBe(fingerprint);
  return output;
}

describe('the hostile input corpus', () => {
  it('holds at least 100 inputs', () => {
    const kinds = readdirSync(CORPUS);
    const total = kinds.reduce((n, kind) => n + corpus(kind).length, 0);
    expect(total).toBeGreaterThanOrEqual(100);
  });

  it.each(corpus('framework'))('framework import refuses $name', ({ name, path }) => {
    const out = expectRefused(spqa(dataDir, ['framework', 'import', path]), 2);
    // Named by the file, except the one whose id@version is already installed.
    if (name !== 'installed-version-altered.json') expect(out).toContain(name);
    else expect(out).toContain('already imported with different content');
  });

  it.each(corpus('providers-csv'))('provider import refuses $name', ({ name, path }) => {
    const out = expectRefused(spqa(dataDir, ['provider', 'import', path]), 2);
    expect(out).toContain(name);
    expect(out).toMatch(/line \d+|not valid UTF-8/);
  });

  it.each(corpus('ratings-csv'))('ratings import refuses $name', ({ name, path }) => {
    const out = expectRefused(
      spqa(dataDir, ['assessment', 'import-ratings', assessmentId, path]),
      2,
    );
    expect(out).toContain(name);
  });

  it.each(corpus('certificate'))('certificate verify fails $name, saying why', ({ path }) => {
    const out = expectRefused(spqa(dataDir, ['certificate', 'verify', path]), 3);
    expect(out).toMatch(/NOT VALID/);
    expect(out).toMatch(/FAIL\s+\w+\s+\S/);
  });

  it.each(corpus('bundle'))('bundle import refuses $name, saying why', ({ path }) => {
    const run = spqa(dataDir, ['bundle', 'import', path]);
    const out = expectRefused(run, 2);
    // One line naming the problem; nothing was imported.
    expect(run.errorLines).toHaveLength(1);
    expect(run.errorLines[0]).toMatch(/^spqa: \S.{20,}$/);
    expect(out).not.toMatch(/^imported/m);
  });

  it.each(corpus('register'))('register verify fails $name, naming the file', ({ path }) => {
    const before = folderFingerprint(path);
    const run = spqa(dataDir, ['register', 'verify', path, '--key', NETWORK_KEY]);
    const out = expectRefused(run, 3);
    expect(out).toMatch(/^NOT VALID: /m);
    expect(run.errorLines.at(-1)).toMatch(/^spqa: the register does not verify: \S+/);
    // Checking a publication only reads it.
    expect(folderFingerprint(path)).toBe(before);
  });

  // Files over the size limits are made sparse here rather than committed.
  it.each([
    { what: 'framework', args: ['framework', 'import'], limit: 20_000_000 },
    { what: 'provider CSV', args: ['provider', 'import'], limit: 50_000_000 },
    { what: 'ratings CSV', args: ['assessment', 'import-ratings', '<id>'], limit: 10_000_000 },
  ])('a $what over its size limit is refused before it is read', ({ args, limit }) => {
    const path = join(tempDir('spqa-huge-'), 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, limit + 1);
    closeSync(fd);
    const argv = args.map((a) => (a === '<id>' ? assessmentId : a));
    const out = expectRefused(spqa(dataDir, [...argv, path]), 2);
    expect(out).toContain(`the limit is ${limit}`);
  });

  it('a certificate file over its size limit is refused before it is read', () => {
    const path = join(tempDir('spqa-huge-'), 'huge.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50_000_001);
    closeSync(fd);
    const out = expectRefused(spqa(dataDir, ['certificate', 'verify', path]), 2);
    expect(out).toContain('too large to be a certificate');
  });
});
