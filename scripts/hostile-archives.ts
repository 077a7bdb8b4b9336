/**
 * The bundle and register part of the hostile input corpus (scripts/hostile-corpus.mjs runs this
 * after writing the other kinds). Both start from the genuine article, made by the app itself
 * from a small generated data set and signed with its network key, and break one thing each:
 * test/fixtures/hostile/bundle/*.spqa and test/fixtures/hostile/register/<case>/. The genuine
 * sender's public key goes to test/fixtures/hostile-keys/network.pem (outside the corpus), so the
 * corpus test can trust it: each refusal is then down to the one thing broken, not the key.
 *
 * Run through scripts/hostile-corpus.mjs, which bundles this file with esbuild.
 */
import { generateKeyPairSync } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../electron/core/app';
import { generateData } from './bench/generator/generate';
import { must } from './bench/common';
import { unlockNetworkKey } from '../electron/core/signing/keystore';
import { signDocument } from '../electron/core/signing/documents';
import {
  buildZip,
  manifestOf,
  readZip,
  replaced,
  resigned,
  zipOf,
  type ZipContent,
} from '../test/helpers/hostile-zips';

// Bundled into a temporary file to run, so the project root comes from where it is run.
const ROOT = process.cwd();
const RESOURCES = join(ROOT, 'resources');
const OUT = join(ROOT, 'test', 'fixtures', 'hostile');
const KEYS = join(ROOT, 'test', 'fixtures', 'hostile-keys');
const PASSPHRASE = 'hostile corpus passphrase';

const work = mkdtempSync(join(tmpdir(), 'spqa-hostile-make-'));
const core = await openCore({
  dataDir: join(work, 'data'),
  resourcesDir: RESOURCES,
  actor: 'corpus',
});
let bundleCount = 0;
let registerCount = 0;
try {
  generateData(core.context, { providers: 12, passphrase: PASSPHRASE, seed: 11 });
  const db = core.context.db;
  const key = unlockNetworkKey(db, PASSPHRASE);
  const { pem } = must(await core.invoke('keys.exportPublic', {}));
  mkdirSync(KEYS, { recursive: true });
  writeFileSync(join(KEYS, 'network.pem'), pem);
  // Someone else's key: a document it signs is genuine, but not from a sender anyone trusts.
  const stranger = generateKeyPairSync('ed25519');
  const strangerKey = {
    keyId: 'ed25519:0123456789abcdef0123456789abcdef',
    privateKey: stranger.privateKey,
  };

  // --- Bundles -------------------------------------------------------------------------------
  const assessmentId = db
    .prepare(
      `SELECT a.id FROM assessments a JOIN certificates c ON c.assessment_id = a.id
       JOIN evidence e ON e.assessment_id = a.id ORDER BY a.id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const genuine = join(work, 'genuine.spqa');
  must(
    await core.invoke('bundles.export', { assessmentId, passphrase: PASSPHRASE, file: genuine }),
  );
  const entries = await readZip(genuine);
  const evidence = entries.find((e) => e.name.startsWith('evidence/'));
  const record = entries.find((e) => e.name.startsWith('records/') && e.name.endsWith('.json'));
  if (!evidence || !record) throw new Error('the genuine bundle has no evidence or no records');
  const flipped = (data: Buffer) => {
    const copy = Buffer.from(data);
    copy[Math.floor(copy.length / 2)] = (copy[Math.floor(copy.length / 2)] ?? 0) ^ 0x01;
    return copy;
  };
  const manifest = manifestOf(entries);
  const genuineBytes = readFileSync(genuine);
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  const bundles: Record<string, Buffer> = {
    'empty.spqa': Buffer.alloc(0),
    'not-a-zip.spqa': Buffer.from('This is a text file with a .spqa name.\n'),
    'truncated.spqa': genuineBytes.subarray(0, Math.floor(genuineBytes.length / 2)),
    'tail-only.spqa': genuineBytes.subarray(genuineBytes.length - 200),
    'evidence-byte-flipped.spqa': zipOf(replaced(entries, evidence.name, flipped(evidence.data))),
    'record-edited.spqa': zipOf(
      replaced(entries, record.name, Buffer.from(record.data.toString('utf8').replace(/"/, ' "'))),
    ),
    'manifest-edited-after-signing.spqa': zipOf(
      replaced(
        entries,
        'manifest.json',
        Buffer.from(
          JSON.stringify({ ...manifest, payload: { ...manifest.payload, createdBy: 'Mallory' } }),
        ),
      ),
    ),
    'manifest-missing.spqa': zipOf(entries.filter((e) => e.name !== 'manifest.json')),
    'manifest-not-json.spqa': zipOf(replaced(entries, 'manifest.json', Buffer.from('{"payload":'))),
    'manifest-deep-nesting.spqa': zipOf(
      replaced(
        entries,
        'manifest.json',
        Buffer.from(`{"payload":${'['.repeat(50_000)}${']'.repeat(50_000)}}`),
      ),
    ),
    'manifest-invalid-utf8.spqa': zipOf(
      replaced(
        entries,
        'manifest.json',
        Buffer.concat([
          Buffer.from('{"payload":"'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('"}'),
        ]),
      ),
    ),
    'manifest-unsigned.spqa': zipOf(
      replaced(
        entries,
        'manifest.json',
        Buffer.from(JSON.stringify({ payload: manifest.payload })),
      ),
    ),
    'signed-by-an-untrusted-key.spqa': zipOf(resigned(entries, strangerKey, (e) => e)),
    'signature-wrong-algorithm.spqa': zipOf(
      replaced(
        entries,
        'manifest.json',
        Buffer.from(
          JSON.stringify({ ...manifest, signature: { ...manifest.signature, alg: 'none' } }),
        ),
      ),
    ),
    'entry-not-in-manifest.spqa': zipOf(entries, [
      { name: 'records/extra.json', data: Buffer.from('{}') },
    ]),
    'entry-missing.spqa': zipOf(entries.filter((e) => e.name !== evidence.name)),
    'zip-slip.spqa': zipOf(entries, [{ name: '../../.bashrc', data: Buffer.from('echo owned\n') }]),
    'zip-slip-resigned.spqa': zipOf(
      resigned(entries, key, (e) => [
        ...e,
        { name: 'evidence/../../../escape.txt', data: Buffer.from('x') },
      ]),
    ),
    'absolute-path.spqa': zipOf(entries, [
      { name: '/etc/cron.d/spqa', data: Buffer.from('* * * * * root true\n') },
    ]),
    'windows-drive-path.spqa': zipOf(entries, [
      { name: 'C:/Windows/evil.dll', data: Buffer.from('MZ') },
    ]),
    'backslash-path.spqa': zipOf(entries, [
      { name: 'records\\..\\..\\evil.json', data: Buffer.from('{}') },
    ]),
    'control-character-name.spqa': zipOf(entries, [
      { name: 'records/new\nline.json', data: Buffer.from('{}') },
    ]),
    'duplicate-entry.spqa': zipOf(entries, [{ name: record.name, data: Buffer.from('{}') }]),
    'case-colliding-names.spqa': zipOf(entries, [
      { name: record.name.toUpperCase(), data: record.data },
    ]),
    'symlink-entry.spqa': zipOf(entries, [
      { name: 'evidence/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]),
    'ratio-bomb.spqa': zipOf(entries, [{ name: 'records/bomb.json', data: zeros, compress: true }]),
    'declared-size-lie.spqa': buildZip([
      ...entries.map((e) => ({
        name: e.name,
        data: e.data,
        compress: !e.name.startsWith('evidence/'),
        ...(e.name === evidence.name ? { declaredSize: 1 } : {}),
      })),
    ]),
    'resigned-certificate-altered.spqa': zipOf(
      resigned(entries, key, (list) =>
        list.map((e: ZipContent) =>
          e.name.includes('certificate') && e.name.endsWith('.json')
            ? {
                ...e,
                data: Buffer.from(
                  e.data
                    .toString('utf8')
                    .replace(/"expiresOn": ?"(\d{4})/, (m, y: string) =>
                      m.replace(y, String(Number(y) + 10)),
                    ),
                ),
              }
            : e,
        ),
      ),
    ),
  };
  const bundleDir = join(OUT, 'bundle');
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  for (const [name, bytes] of Object.entries(bundles)) {
    writeFileSync(join(bundleDir, name), bytes);
    bundleCount += 1;
  }

  // --- Registers -----------------------------------------------------------------------------
  const published = join(work, 'register');
  must(
    await core.invoke('register.build', {
      outDir: published,
      formats: ['json', 'csv'],
      passphrase: PASSPHRASE,
    }),
  );
  const registerDir = join(OUT, 'register');
  rmSync(registerDir, { recursive: true, force: true });
  mkdirSync(registerDir, { recursive: true });
  const text = (file: string) => readFileSync(join(published, file), 'utf8');
  const cases: Record<string, (dir: string) => void> = {
    'register-json-byte-changed': (dir) =>
      writeFileSync(join(dir, 'register.json'), flipped(readFileSync(join(dir, 'register.json')))),
    'csv-row-added': (dir) =>
      writeFileSync(
        join(dir, 'register.csv'),
        `${text('register.csv')}SPQA-2099-999999,active\r\n`,
      ),
    'status-suspension-hidden': (dir) =>
      writeFileSync(
        join(dir, 'status.json'),
        text('status.json')
          .replace(/"suspended"/g, '"active"')
          .replace(/"withdrawn"/g, '"active"')
          .replace(/"expired"/g, '"active"')
          .replace('"generatedAt": "', '"generatedAt": "1'),
      ),
    'status-truncated': (dir) =>
      writeFileSync(join(dir, 'status.json'), text('status.json').slice(0, 200)),
    'status-missing': (dir) => rmSync(join(dir, 'status.json')),
    'manifest-missing': (dir) => rmSync(join(dir, 'manifest.json')),
    'manifest-not-json': (dir) =>
      writeFileSync(join(dir, 'manifest.json'), '{"payload": {"files": ['),
    'manifest-deep-nesting': (dir) =>
      writeFileSync(
        join(dir, 'manifest.json'),
        `{"payload":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      ),
    'manifest-hash-rewritten': (dir) => {
      const manifest = JSON.parse(text('manifest.json')) as {
        payload: { files: { path: string; sha256: string }[] };
      };
      for (const f of manifest.payload.files)
        if (f.path === 'register.csv') f.sha256 = '0'.repeat(64);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    },
    'manifest-path-traversal': (dir) => {
      const manifest = JSON.parse(text('manifest.json')) as {
        payload: { files: { path: string }[] };
      };
      const first = manifest.payload.files[0];
      if (first) first.path = '../../../../etc/passwd';
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify(signDocument(manifest.payload, key.privateKey, key.keyId), null, 2),
      );
    },
    'manifest-signed-by-a-stranger': (dir) => {
      const manifest = JSON.parse(text('manifest.json')) as { payload: Record<string, unknown> };
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify(
          signDocument(manifest.payload, strangerKey.privateKey, strangerKey.keyId),
          null,
          2,
        ),
      );
    },
    'public-key-swapped': (dir) =>
      writeFileSync(
        join(dir, 'public-key.pem'),
        stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ),
    'listed-file-missing': (dir) => rmSync(join(dir, 'register.csv')),
    'unlisted-file-added': (dir) => writeFileSync(join(dir, 'extra.js'), 'alert(1)\n'),
    'register-json-invalid-utf8': (dir) =>
      writeFileSync(
        join(dir, 'register.json'),
        Buffer.concat([
          readFileSync(join(dir, 'register.json')).subarray(0, 40),
          Buffer.from([0xc3, 0x28, 0xff]),
        ]),
      ),
  };
  for (const [name, breakIt] of Object.entries(cases)) {
    const dir = join(registerDir, name);
    cpSync(published, dir, { recursive: true });
    breakIt(dir);
    registerCount += 1;
  }
  if (readdirSync(registerDir).length !== registerCount)
    throw new Error('a register case is missing');
} finally {
  core.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `wrote ${bundleCount} hostile bundles and ${registerCount} hostile registers under ${OUT}`,
);
