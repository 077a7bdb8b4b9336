import { describe, expect, it } from 'vitest';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import { accreditProvider, REGISTER_PASSPHRASE } from '../helpers/register-fixtures';
import { tempDir } from '../helpers/temp-dir';

const badgeOf = (base64: string) =>
  JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as {
    credentialStatus?: { statusListIndex: string };
  };

describe('migration 120: credential status', () => {
  it('gives certificates issued before it a signed badge, and each one status index for good', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-03-04T10:00:00Z');
    let core = await openTestCore({ dataDir, clock });
    const { number } = await accreditProvider(core, { name: 'Older Oak Trust' });
    // A data folder from before migration 120.
    core.context.db.exec(`
      DROP TABLE badge_credentials;
      DROP TABLE credential_status;
      PRAGMA user_version = 70;`);
    core.close();

    core = await openTestCore({ dataDir, clock });
    const ask = (format: 'json' | 'png') =>
      core.invoke('certificates.badge', { number, passphrase: REGISTER_PASSPHRASE, format });
    // No reissue needed: the certificate as issued gets a badge, without status at first.
    const plain = unwrap(await ask('json'));
    expect(plain).toMatchObject({ statusIndex: null, issuer: expect.stringMatching(/^did:key:/) });

    unwrap(await core.invoke('register.configure', { baseUrl: 'https://register.example.org' }));
    const first = unwrap(await ask('json'));
    expect(first.issuer).toBe('did:web:register.example.org');
    expect(first.statusIndex).toEqual(expect.any(Number));
    expect(badgeOf(first.base64).credentialStatus?.statusListIndex).toBe(String(first.statusIndex));
    // The same credential again, and a PNG of it, keep the index.
    clock.set('2026-05-01T10:00:00Z');
    expect(unwrap(await ask('json')).base64).toBe(first.base64);
    expect(unwrap(await ask('png')).statusIndex).toBe(first.statusIndex);

    const db = core.context.db;
    expect(() => db.prepare('DELETE FROM credential_status').run()).toThrow(
      'a status list index is never removed or reused',
    );
    expect(() => db.prepare('UPDATE credential_status SET status_index = 7').run()).toThrow(
      'a status list index is never changed',
    );
    const audit = db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'certificate.badge-signed'")
      .get() as { n: number };
    // Signed twice (without, then with a status entry); the repeats came from storage.
    expect(audit.n).toBe(2);
    core.close();
  });
});
