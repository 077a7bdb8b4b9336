import { closeSync, openSync, readdirSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spqa, spqaJson } from '../helpers/cli';
import { startSelfArgs } from '../helpers/cli-args';
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
  const started = spqaJson<{ id: string }>(dataDir, startSelfArgs(imported.ids[0] as string));
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

  /** What each broken bundle must be refused for: the one thing broken, not something else. */
  const BUNDLE_REASONS: Record<string, RegExp> = {
    'absolute-path.spqa': /has an absolute path/,
    'backslash-path.spqa': /has a backslash in its name/,
    'case-colliding-names.spqa': /differ only in case/,
    'control-character-name.spqa': /has a control character in its name/,
    'declared-size-lie.spqa': /not a readable \.spqa bundle \(.*size mismatch/,
    'duplicate-entry.spqa': /appears twice/,
    'empty.spqa': /not a complete \.spqa bundle/,
    'entry-missing.spqa': /the bundle is incomplete: evidence\/\S+ is missing/,
    'entry-not-in-manifest.spqa': /holds "records\/extra\.json", which its manifest does not list/,
    'evidence-byte-flipped.spqa': /changed after it was signed: evidence\/\S+ does not match/,
    'manifest-deep-nesting.spqa': /manifest\.json: nested more than \d+ levels deep/,
    'manifest-edited-after-signing.spqa': /manifest\.json does not match its signature/,
    'manifest-invalid-utf8.spqa': /manifest\.json in the bundle is not valid UTF-8/,
    'manifest-missing.spqa': /has no manifest\.json/,
    'manifest-not-json.spqa': /manifest\.json: not valid JSON at line 1/,
    'manifest-unsigned.spqa': /manifest\.json is not a signed document/,
    'not-a-zip.spqa': /not a complete \.spqa bundle/,
    'ratio-bomb.spqa': /a zip bomb/,
    'record-edited.spqa':
      /changed after it was signed: records\/\S+ is \d+ bytes, but the manifest says/,
    'resigned-certificate-altered.spqa': /does not match its own signed document/,
    'signature-wrong-algorithm.spqa': /signature algorithm must be "Ed25519"/,
    'signed-by-an-untrusted-key.spqa': /signed with key ed25519:0123456789abcdef0123456789abcdef/,
    'symlink-entry.spqa': /is a symbolic link/,
    'tail-only.spqa': /not a complete \.spqa bundle/,
    'truncated.spqa': /not a complete \.spqa bundle/,
    'windows-drive-path.spqa': /has an absolute path/,
    'zip-slip-resigned.spqa': /climbs out of the bundle with "\.\."/,
    'zip-slip.spqa': /climbs out of the bundle with "\.\."/,
  };

  it('has an expected reason for every broken bundle, and no more', () => {
    expect(Object.keys(BUNDLE_REASONS).sort()).toEqual(corpus('bundle').map((c) => c.name));
  });

  it.each(corpus('bundle'))('bundle import refuses $name, saying why', ({ name, path }) => {
    const run = spqa(dataDir, ['bundle', 'import', path]);
    const out = expectRefused(run, 2);
    // One line naming the problem; nothing was imported.
    expect(run.errorLines).toHaveLength(1);
    expect(run.errorLines[0]).toMatch(/^spqa: /);
    expect(run.errorLines[0]).toMatch(BUNDLE_REASONS[name] ?? /no reason listed/);
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
