import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdFor, publicKeyPem } from '../../electron/core/signing/keys';
import { dumpDatabase } from '../helpers/db-dump';
import { failure, openTestCore, unwrap } from '../helpers/core';
import {
  accreditedAssessment,
  exportBundle,
  installation,
  trust,
} from '../helpers/bundle-fixtures';

const freshPem = () => publicKeyPem(generateKeyPairSync('ed25519').publicKey);

describe('trusted keys', () => {
  it('adds a key under its computed key id, lists it and removes it, each change audited', async () => {
    const core = await openTestCore();
    const { publicKey } = generateKeyPairSync('ed25519');
    // Windows line endings and surrounding space are the same key.
    const pem = `\n${publicKeyPem(publicKey).replace(/\n/g, '\r\n')}  \n`;
    const added = unwrap(await core.invoke('trustedKeys.add', { pem, name: '  North Network  ' }));
    expect(added).toMatchObject({
      keyId: keyIdFor(publicKey),
      name: 'North Network',
      publicKeyPem: publicKeyPem(publicKey),
      addedBy: 'tester',
    });
    expect(unwrap(await core.invoke('trustedKeys.list', {}))).toEqual([added]);
    const removed = unwrap(await core.invoke('trustedKeys.remove', { keyId: added.keyId }));
    expect(removed.removed).toEqual(added);
    expect(unwrap(await core.invoke('trustedKeys.list', {}))).toEqual([]);
    const audit = unwrap(await core.invoke('audit.list', {}));
    expect(JSON.stringify(audit)).toMatch(
      /key\.trusted[\s\S]*key\.untrusted|key\.untrusted[\s\S]*key\.trusted/,
    );
  });

  it('refuses what is not an Ed25519 public key, a key trusted twice and this network’s own key', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(
      failure(
        await core.invoke('trustedKeys.add', { pem: String(rsa), name: 'RSA' }),
        'invalid_input',
      ).message,
    ).toBe('the public key: the key is rsa, not Ed25519');
    expect(
      failure(
        await core.invoke('trustedKeys.add', { pem: 'not a key', name: 'Garbage' }),
        'invalid_input',
      ).message,
    ).toBe('the public key: not a PEM public key');
    const ed = generateKeyPairSync('ed25519');
    const priv = ed.privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(
      failure(
        await core.invoke('trustedKeys.add', { pem: String(priv), name: 'Private' }),
        'invalid_input',
      ).message,
    ).toMatch(/^that is a private key: it must never leave its owner/);
    failure(await core.invoke('trustedKeys.add', { pem: freshPem(), name: 'x' }), 'invalid_input');
    expect(dumpDatabase(core.context.db)).toEqual(before);

    const pem = freshPem();
    unwrap(await core.invoke('trustedKeys.add', { pem, name: 'First name' }));
    expect(
      failure(await core.invoke('trustedKeys.add', { pem, name: 'Second name' }), 'conflict')
        .message,
    ).toMatch(/is already trusted, as “First name”/);

    unwrap(await core.invoke('keys.init', { passphrase: 'a long enough passphrase' }));
    const own = unwrap(await core.invoke('keys.exportPublic', {}));
    expect(
      failure(await core.invoke('trustedKeys.add', { pem: own.pem, name: 'Me' }), 'refused')
        .message,
    ).toMatch(/own network key, which is always trusted/);
    expect(
      failure(await core.invoke('trustedKeys.remove', { keyId: own.keyId }), 'refused').message,
    ).toMatch(/cannot be untrusted/);
    failure(
      await core.invoke('trustedKeys.remove', { keyId: `ed25519:${'0'.repeat(32)}` }),
      'not_found',
    );
    failure(await core.invoke('trustedKeys.remove', { keyId: 'nonsense' }), 'invalid_input');
  });

  it('stops accepting a sender’s bundles once its key is untrusted', async () => {
    const sender = await installation();
    const made = await accreditedAssessment(sender.core);
    const file = await exportBundle(sender.core, made.assessmentId);
    const receiver = await installation();
    const keyId = await trust(sender.core, receiver.core);
    unwrap(await receiver.core.invoke('bundles.preview', { source: { kind: 'path', path: file } }));
    unwrap(await receiver.core.invoke('trustedKeys.remove', { keyId }));
    const error = failure(
      await receiver.core.invoke('bundles.import', { source: { kind: 'path', path: file } }),
      'invalid_input',
    );
    expect(error.message).toContain(`signed with key ${keyId}`);
  });
});
