import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundlePreview } from '../../shared/bundles/schema';
import type { BundleImportResult } from '../../shared/contract/bundles';
import { spqa } from '../helpers/cli';
import { folderFingerprint } from '../helpers/folder-hash';
import {
  accreditedAssessment,
  installation,
  PASSPHRASE,
  type Accredited,
} from '../helpers/bundle-fixtures';
import { readZip } from '../helpers/hostile-zips';
import { tempDir } from '../helpers/temp-dir';

const env = { SPQA_PASSPHRASE: PASSPHRASE };
let senderDir: string;
let made: Accredited;

beforeAll(async () => {
  const sender = await installation();
  made = await accreditedAssessment(sender.core);
  sender.core.close();
  senderDir = sender.dataDir;
});

async function emptyReceiver(): Promise<string> {
  const receiver = await installation();
  receiver.core.close();
  return receiver.dataDir;
}

/** Runs a command that must fail with exit 2, one line on stderr, and the data folder untouched. */
function expectRefused(dataDir: string, args: string[], message: RegExp): void {
  const before = folderFingerprint(dataDir);
  const run = spqa(dataDir, args, env);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.errorLines[0]).toMatch(message);
  expect(folderFingerprint(dataDir)).toBe(before);
}

describe('spqa bundle export and import, spqa keys trust', () => {
  it('exports a bundle, refuses it until its key is trusted, previews it, imports it once', async () => {
    const out = tempDir();
    const file = join(out, 'riverside.spqa');
    const exported = spqa(
      senderDir,
      ['bundle', 'export', '--assessment', made.assessmentId, file],
      env,
    );
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(
      /^wrote .*riverside\.spqa \(.*\), signed with ed25519:[0-9a-f]{32}\n/,
    );
    expect(exported.stdout).toContain(
      '1 left out as personal data (add --include-personal-data to send them)',
    );
    expect((await readZip(file)).map((e) => e.name)).not.toContain(
      `evidence/${made.personal.sha256}`,
    );

    const receiver = await emptyReceiver();
    expectRefused(
      receiver,
      ['bundle', 'import', file],
      /^spqa: the bundle is signed with key ed25519:[0-9a-f]{32} .*which you do not trust.*spqa keys trust FILE --name NAME/,
    );
    expectRefused(receiver, ['bundle', 'import', '--dry-run', file], /which you do not trust/);

    const pem = join(out, 'sender.pem');
    expect(spqa(senderDir, ['keys', 'export-public', pem]).status).toBe(0);
    const trusted = spqa(receiver, ['--json', 'keys', 'trust', pem, '--name', 'North Network']);
    expect(trusted.status, trusted.stderr).toBe(0);
    const key = JSON.parse(trusted.stdout) as { keyId: string; name: string };
    expect(key.name).toBe('North Network');
    const list = spqa(receiver, ['keys', 'trusted']);
    expect(list.stdout).toContain(key.keyId);
    expect(list.stdout).toContain('North Network');

    const before = folderFingerprint(receiver);
    const dry = spqa(receiver, ['--json', 'bundle', 'import', '--dry-run', file]);
    expect(dry.status, dry.stderr).toBe(0);
    const preview = JSON.parse(dry.stdout) as BundlePreview;
    expect(preview).toMatchObject({
      canApply: true,
      nothingToImport: false,
      counts: { new: 11, changed: 0, unchanged: 0, conflict: 0 },
      sender: { keyId: key.keyId, trustedAs: 'North Network' },
    });
    expect(folderFingerprint(receiver)).toBe(before);
    const human = spqa(receiver, ['bundle', 'import', '--dry-run', file]);
    expect(human.stdout).toMatch(/new\s+certificate\s+SPQA-2026-000001/);
    expect(human.stdout).toContain('dry run: nothing was changed');

    const imported = spqa(receiver, ['--json', 'bundle', 'import', file]);
    expect(imported.status, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as BundleImportResult).applied).toBe(true);
    const shown = spqa(receiver, ['--json', 'certificate', 'show', made.certificate]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: made.certificate, status: 'active' });

    const afterFirst = folderFingerprint(receiver);
    const again = spqa(receiver, ['bundle', 'import', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing to import: every record in the bundle is already here');
    expect(folderFingerprint(receiver)).toBe(afterFirst);

    const untrusted = spqa(receiver, ['keys', 'untrust', key.keyId]);
    expect(untrusted.stdout).toContain(`no longer trusting ${key.keyId}`);
    expectRefused(receiver, ['keys', 'untrust', key.keyId], /^spqa: no trusted key/);
  });

  it('refuses tampered and truncated bundles with exit 2 and changes nothing', async () => {
    const out = tempDir();
    const file = join(out, 'genuine.spqa');
    expect(
      spqa(senderDir, ['bundle', 'export', '--assessment', made.assessmentId, file], env).status,
    ).toBe(0);
    const receiver = await emptyReceiver();
    const pem = join(out, 'sender.pem');
    spqa(senderDir, ['keys', 'export-public', pem]);
    expect(spqa(receiver, ['keys', 'trust', pem, '--name', 'Sender']).status).toBe(0);

    const bytes = readFileSync(file);
    const evidence = (await readZip(file)).find((e) => e.name.startsWith('evidence/'));
    const at = bytes.indexOf(evidence?.data ?? Buffer.alloc(1));
    const tampered = Buffer.from(bytes);
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    const tamperedFile = join(out, 'tampered.spqa');
    writeFileSync(tamperedFile, tampered);
    expectRefused(
      receiver,
      ['bundle', 'import', tamperedFile],
      /^spqa: the bundle was changed after it was signed: evidence\/[0-9a-f]{64} does not match/,
    );

    const truncated = join(out, 'truncated.spqa');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 30));
    expectRefused(receiver, ['bundle', 'import', truncated], /^spqa: not a complete \.spqa bundle/);
    expectRefused(receiver, ['bundle', 'import', join(out, 'nowhere.spqa')], /no such file/);
  });

  it('includes personal data only when asked, and checks its arguments', async () => {
    const out = tempDir();
    const file = join(out, 'with-personal.spqa');
    const run = spqa(
      senderDir,
      [
        '--json',
        'bundle',
        'export',
        '--assessment',
        made.assessmentId,
        '--include-personal-data',
        file,
      ],
      env,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      evidenceFiles: { included: 2, leftOut: 0 },
      base64: null,
    });
    expect((await readZip(file)).map((e) => e.name)).toContain(`evidence/${made.personal.sha256}`);

    expectRefused(
      senderDir,
      ['bundle', 'export', '--assessment', made.assessmentId, join(out, 'x.zip')],
      /ends in \.spqa/,
    );
    expectRefused(senderDir, ['bundle', 'export', join(out, 'y.spqa')], /--assessment is required/);
    const noPassphrase = spqa(
      senderDir,
      ['bundle', 'export', '--assessment', made.assessmentId, join(out, 'z.spqa')],
      {
        SPQA_PASSPHRASE: '',
      },
    );
    expect(noPassphrase.status).toBe(2);
    expect(noPassphrase.stderr).toMatch(/needs the signing passphrase/);
    expectRefused(
      senderDir,
      ['bundle', 'export', '--assessment', 'asm_NOTHERE', join(out, 'n.spqa')],
      /no assessment with id "asm_NOTHERE"/,
    );
    expect(existsSync(join(out, 'x.zip'))).toBe(false);
    expectRefused(
      senderDir,
      ['keys', 'trust', join(out, 'missing.pem'), '--name', 'Nobody'],
      /no such file/,
    );
  });
});
