import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unlockNetworkKey } from '../../electron/core/signing/keystore';
import { failure } from '../helpers/core';
import {
  accreditedAssessment,
  exportBundle,
  folderState,
  installation,
  PASSPHRASE,
  trust,
  type Accredited,
  type Installation,
} from '../helpers/bundle-fixtures';
import {
  buildZip,
  manifestOf,
  readZip,
  replaced,
  resigned,
  zipOf,
  type RawEntry,
  type ZipContent,
} from '../helpers/hostile-zips';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

let sender: Installation;
let receiver: Installation;
let made: Accredited;
let genuine: string;
let entries: ZipContent[];
let key: ReturnType<typeof unlockNetworkKey>;

beforeAll(async () => {
  sender = await installation();
  made = await accreditedAssessment(sender.core);
  genuine = await exportBundle(sender.core, made.assessmentId);
  entries = await readZip(genuine);
  key = unlockNetworkKey(sender.core.context.db, PASSPHRASE);
  receiver = await installation();
  await trust(sender.core, receiver.core);
});

const folder = () => tempDir('spqa-hostile-');
const save = (bytes: Buffer, name = 'hostile.spqa') => writeTempFile(folder(), name, bytes);

/**
 * Preview and import both refuse the file with invalid_input and a message matching `message`,
 * and the receiver's data folder is byte for byte what it was.
 */
async function expectRefused(file: string, message: RegExp): Promise<string> {
  const before = folderState(receiver.core, receiver.dataDir);
  const previewed = failure(
    await receiver.core.invoke('bundles.preview', { source: { kind: 'path', path: file } }),
    'invalid_input',
  );
  expect(previewed.message).toMatch(message);
  const imported = failure(
    await receiver.core.invoke('bundles.import', { source: { kind: 'path', path: file } }),
    'invalid_input',
  );
  expect(imported.message).toMatch(message);
  expect(folderState(receiver.core, receiver.dataDir)).toEqual(before);
  return imported.message;
}

/** The genuine bundle with one hostile entry added (and, optionally, listed in a re-signed manifest). */
const withEntry = (extra: RawEntry) => save(zipOf(entries, [extra]));

describe('a genuine bundle', () => {
  it('is accepted by the receiver (so each refusal below is down to the one thing changed)', async () => {
    const before = folderState(receiver.core, receiver.dataDir);
    const result = await receiver.core.invoke('bundles.preview', {
      source: { kind: 'path', path: genuine },
    });
    expect(result.ok).toBe(true);
    // A genuine bundle rebuilt by the hand-made writer is accepted too.
    const rebuilt = await receiver.core.invoke('bundles.preview', {
      source: { kind: 'path', path: save(zipOf(entries)) },
    });
    expect(rebuilt.ok).toBe(true);
    expect(folderState(receiver.core, receiver.dataDir)).toEqual(before);
  });
});

describe('tampered bundles', () => {
  it('refuses a bundle with one byte of an evidence file changed', async () => {
    const name = `evidence/${made.policy.sha256}`;
    const original = entries.find((e) => e.name === name)?.data ?? Buffer.alloc(0);
    const changed = Buffer.from(original);
    changed[0] = (changed[0] ?? 0) ^ 0x01;
    await expectRefused(
      save(zipOf(replaced(entries, name, changed))),
      new RegExp(`changed after it was signed: ${name} does not match the SHA-256 in its manifest`),
    );
  });

  it('refuses a bundle with one byte flipped in the file itself (an evidence entry, stored as is)', async () => {
    const bytes = readFileSync(genuine);
    const content = entries.find((e) => e.name === `evidence/${made.policy.sha256}`)?.data;
    const at = bytes.indexOf(content ?? Buffer.alloc(1));
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0x20;
    await expectRefused(save(bytes), /changed after it was signed: evidence\/.* does not match/);
  });

  it('refuses a bundle whose record file was edited', async () => {
    const name = 'records/assessment.json';
    const text = entries.find((e) => e.name === name)?.data.toString('utf8') ?? '';
    await expectRefused(
      save(zipOf(replaced(entries, name, Buffer.from(text.replace('Seen for', 'Seen f0r'))))),
      /changed after it was signed: records\/assessment\.json does not match the SHA-256 in its manifest/,
    );
  });

  it('refuses a bundle whose manifest was changed after signing', async () => {
    const manifest = manifestOf(entries);
    manifest.payload.createdBy = 'someone else';
    await expectRefused(
      save(zipOf(replaced(entries, 'manifest.json', Buffer.from(JSON.stringify(manifest))))),
      /changed after it was signed: manifest\.json does not match its signature/,
    );
  });

  it('refuses a manifest whose entry hashes were rewritten to fit an edited record', async () => {
    const name = 'records/provider.json';
    const edited = Buffer.from(
      (entries.find((e) => e.name === name)?.data.toString('utf8') ?? '').replace(
        'Llanrwst',
        'Conwy',
      ),
    );
    const manifest = manifestOf(entries);
    const listed = manifest.payload.entries.find((e) => e.name === name);
    if (!listed) throw new Error('provider.json is not listed');
    listed.sha256 = createHash('sha256').update(edited).digest('hex');
    listed.size = edited.length;
    const forged = replaced(
      replaced(entries, name, edited),
      'manifest.json',
      Buffer.from(JSON.stringify(manifest)),
    );
    await expectRefused(save(zipOf(forged)), /manifest\.json does not match its signature/);
  });

  it('refuses an entry the manifest does not list', async () => {
    await expectRefused(
      withEntry({ name: 'records/extra.json', data: Buffer.from('{}') }),
      /it holds "records\/extra\.json", which its manifest does not list/,
    );
  });

  it('refuses a bundle missing an entry its manifest lists', async () => {
    await expectRefused(
      save(zipOf(entries.filter((e) => e.name !== `evidence/${made.policy.sha256}`))),
      /the bundle is incomplete: evidence\/.* is missing/,
    );
  });

  it('refuses a certificate altered inside a bundle its sender then signed again', async () => {
    const name = 'records/certificates.json';
    const changed = resigned(entries, key, (list) =>
      list.map((e) => {
        if (e.name !== name) return e;
        const file = JSON.parse(e.data.toString('utf8')) as {
          certificates: { expiresOn: string; document: { payload: { expiresOn: string } } }[];
        };
        const cert = file.certificates[0];
        if (cert) {
          cert.expiresOn = '2039-03-03';
          cert.document.payload.expiresOn = '2039-03-03';
        }
        return { name, data: Buffer.from(JSON.stringify(file)) };
      }),
    );
    await expectRefused(
      save(zipOf(changed)),
      /the signature of certificate SPQA-2026-000001 does not match its content/,
    );
  });
});

describe('unsafe zips', () => {
  it('refuses zip slip: an entry that climbs out with ".."', async () => {
    await expectRefused(
      withEntry({
        name: 'evidence/../../../../home/user/.bashrc',
        data: Buffer.from('echo owned'),
      }),
      /not a safe bundle: entry ".*" climbs out of the bundle with "\.\."/,
    );
  });

  it('refuses an absolute path', async () => {
    await expectRefused(
      withEntry({ name: '/etc/cron.d/spqa', data: Buffer.from('* * * * * root true') }),
      /not a safe bundle: entry "\/etc\/cron\.d\/spqa" has an absolute path/,
    );
    await expectRefused(
      withEntry({ name: 'C:/Windows/evil.dll', data: Buffer.from('MZ') }),
      /has an absolute path/,
    );
  });

  it('refuses backslashes (a Windows path climbing out)', async () => {
    await expectRefused(
      withEntry({ name: '..\\..\\evil.txt', data: Buffer.from('x') }),
      /has a backslash in its name/,
    );
  });

  it('refuses duplicate entry names, exact or differing only in case', async () => {
    const again = entries.find((e) => e.name === 'records/provider.json');
    await expectRefused(
      withEntry({ name: 'records/provider.json', data: again?.data ?? Buffer.from('{}') }),
      /entry "records\/provider\.json" appears twice/,
    );
    await expectRefused(
      withEntry({ name: 'Records/Provider.json', data: Buffer.from('{}') }),
      /differ only in case/,
    );
  });

  it('refuses a symbolic link entry', async () => {
    await expectRefused(
      withEntry({ name: 'keys/link.pem', data: Buffer.from('/etc/passwd'), mode: 0o120777 }),
      /entry "keys\/link\.pem" is a symbolic link/,
    );
  });

  it('refuses folders and other non-files', async () => {
    await expectRefused(
      withEntry({ name: 'evidence/', data: Buffer.alloc(0), mode: 0o040755 }),
      /not a plain file|is a folder/,
    );
    await expectRefused(
      withEntry({ name: 'fifo', data: Buffer.alloc(0), mode: 0o010644 }),
      /not a plain file/,
    );
  });

  it('refuses a zip bomb by its declared sizes: the ratio of one entry', async () => {
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    await expectRefused(
      withEntry({ name: 'evidence/' + 'a'.repeat(64), data: zeros, compress: true }),
      /would unpack from \d+ to 52428800 bytes, more than 200 times: a zip bomb/,
    );
  });

  it('refuses a zip bomb by its declared sizes: the total', async () => {
    const huge = Array.from({ length: 20 }, (_, i): RawEntry => ({
      name: `evidence/${String(i).padStart(64, '0')}`,
      data: Buffer.from('tiny'),
      declaredSize: 0xfffffff0,
      declaredCompressedSize: 0xfffffff0,
    }));
    await expectRefused(save(buildZip(huge)), /declares more than \d+ bytes unpacked in all/);
  });

  it('refuses an entry that holds more data than it declares', async () => {
    const name = 'records/provider.json';
    const real = entries.find((e) => e.name === name)?.data ?? Buffer.alloc(0);
    const padded = Buffer.concat([real, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const lying = entries.map((e): RawEntry =>
      e.name === name
        ? { name, data: padded, compress: true, declaredSize: real.length }
        : { name: e.name, data: e.data, compress: !e.name.startsWith('evidence/') },
    );
    await expectRefused(
      save(buildZip(lying)),
      /records\/provider\.json cannot be read from the bundle/,
    );
  });

  it('refuses a truncated zip', async () => {
    const bytes = readFileSync(genuine);
    for (const keep of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      await expectRefused(
        save(bytes.subarray(0, keep), `truncated-${keep}.spqa`),
        /not a complete \.spqa bundle: the file is truncated or damaged, or not a zip/,
      );
    }
  });

  it('refuses an empty file, a file that is not a zip, and a file that is not there', async () => {
    await expectRefused(save(Buffer.alloc(0)), /not a complete \.spqa bundle/);
    await expectRefused(
      save(Buffer.from('%PDF-1.7\nnot a zip at all\n')),
      /not a complete \.spqa bundle/,
    );
    await expectRefused(`${folder()}/missing.spqa`, /no such file/);
  });

  it('refuses an encrypted entry, names that are not UTF-8 and control characters', async () => {
    await expectRefused(
      withEntry({
        name: Buffer.from([0x6b, 0x65, 0x79, 0xff]),
        data: Buffer.from('x'),
        utf8: false,
      }),
      /not plain ASCII or marked as UTF-8/,
    );
    await expectRefused(
      withEntry({ name: 'evil\nname', data: Buffer.from('x') }),
      /has a control character in its name/,
    );
    const encrypted = buildZip([
      { name: 'manifest.json', data: Buffer.from('{}'), compress: true },
    ]);
    encrypted.writeUInt16LE(0x801, 6);
    const centralAt = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x801, centralAt + 8);
    await expectRefused(save(encrypted), /entry "manifest\.json" is encrypted/);
  });

  it('refuses a bundle with no manifest, or a manifest that is not a signed document', async () => {
    await expectRefused(
      save(zipOf(entries.filter((e) => e.name !== 'manifest.json'))),
      /has no manifest\.json, so it is not an SPQA bundle/,
    );
    await expectRefused(
      save(zipOf(replaced(entries, 'manifest.json', Buffer.from('{"hello": "world"}')))),
      /manifest\.json is not a signed document/,
    );
  });
});
