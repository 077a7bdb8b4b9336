import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readITxt } from '../../electron/core/exports/png-itxt';
import { spqa, spqaJson } from '../helpers/cli';
import { expectRefused } from '../helpers/cli-expect';
import { manualClock, openTestCore } from '../helpers/core';
import { verifyIndependently, type PublishedFiles } from '../helpers/independent-verifier';
import { openBadgeValidator } from '../helpers/open-badge-schema';
import { accreditProvider, REGISTER_PASSPHRASE } from '../helpers/register-fixtures';
import { tempDir } from '../helpers/temp-dir';

const WITH_KEY = { SPQA_PASSPHRASE: REGISTER_PASSPHRASE };
const BASE_URL = 'https://register.example.org/quality';
const DID = 'did:web:register.example.org:quality';
const LIST_URL = `${BASE_URL}/credentials/status/suspension.json`;
const SLOW = 120_000;

type Json = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;
const write = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value));

/**
 * Open Badges through the real `spqa` process: exported before and after the register has a web
 * address, published by `register build`, and checked by `certificate verify` and, independently,
 * by Digital Bazaar's verifier reading the same published files.
 */
describe('spqa Open Badges: export, publish and verify', { timeout: SLOW }, () => {
  const dataDir = tempDir();
  const out = tempDir();
  const register = join(out, 'register');
  const numbers: Record<'kept' | 'suspended' | 'withdrawn', string> = {
    kept: '',
    suspended: '',
    withdrawn: '',
  };
  const published = (): PublishedFiles => ({
    didDocuments: { [DID]: readJson(join(register, 'did.json')) },
    byUrl: { [LIST_URL]: readJson(join(register, 'credentials', 'status', 'suspension.json')) },
  });

  beforeAll(async () => {
    // Issued through the core at today's date, so the CLI (on the real clock) finds them in date.
    const core = await openTestCore({ dataDir, clock: manualClock(new Date().toISOString()) });
    numbers.kept = (await accreditProvider(core, { name: 'Cymdeithas Gŵyl Ŷd' })).number;
    numbers.suspended = (await accreditProvider(core, { name: 'Paused Potters' })).number;
    numbers.withdrawn = (await accreditProvider(core, { name: 'Gone Gardeners' })).number;
    core.close();
  }, SLOW);

  it('exports a did:key badge, as JSON and as a PNG, that verifies, and says it has no status', async () => {
    const json = join(out, 'plain.json');
    const png = join(out, 'plain.png');
    const run = spqa(
      dataDir,
      ['certificate', 'export', numbers.kept, '--badge', json, '--badge-image', png],
      WITH_KEY,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`wrote ${json} (badge)\nwrote ${png} (badge-image)\n`);
    expect(run.stderr).toContain('the badge carries no status entry');
    expect(run.stderr).toContain('spqa register configure --base-url');

    const credential = readJson(json);
    expect((credential.issuer as Json).id).toMatch(/^did:key:z6Mk/);
    expect(credential.credentialStatus).toBeUndefined();
    const validate = openBadgeValidator();
    expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    expect(await verifyIndependently(credential)).toMatchObject({ verified: true, error: null });
    // The PNG carries the same credential, baked in as Open Badges says.
    expect(JSON.parse(readITxt(readFileSync(png), 'openbadgecredential'))).toEqual(credential);

    for (const file of [json, png]) {
      const verified = spqa(dataDir, ['certificate', 'verify', file]);
      expect(verified.status, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/^VALID: SPQA-\d{4}-\d{6} \(Cymdeithas Gŵyl Ŷd\)\n/);
      for (const check of ['format', 'issuer', 'proof', 'dates', 'status'])
        expect(verified.stdout).toMatch(new RegExp(`ok {4}${check}`));
    }
    // Exported again, the stored credential comes back as it was.
    const again = join(out, 'again.json');
    expect(
      spqa(dataDir, ['certificate', 'export', numbers.kept, '--badge', again], WITH_KEY).status,
    ).toBe(0);
    expect(readJson(again)).toEqual(credential);
  });

  it('refuses a web address it cannot use, and changes nothing', () => {
    for (const bad of ['http://register.example.org', 'https://register.example.org/a?b=1'])
      expectRefused(
        spqa(dataDir, ['register', 'configure', '--base-url', bad]),
        'the web address must',
      );
    expect(spqaJson<Json>(dataDir, ['register', 'configure'])).toEqual({ webAddress: null });
  });

  it('with a web address: did:web issuer, a status entry, and the published files verify', async () => {
    const configured = spqa(dataDir, ['register', 'configure', '--base-url', `${BASE_URL}/`]);
    expect(configured.status, configured.stderr).toBe(0);
    expect(configured.stdout).toContain(`issuer:      ${DID}`);

    const kept = join(out, 'kept.json');
    const suspended = join(out, 'suspended.json');
    for (const [number, file] of [
      [numbers.kept, kept],
      [numbers.suspended, suspended],
    ] as const) {
      const run = spqa(dataDir, ['certificate', 'export', number, '--badge', file], WITH_KEY);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    }
    const credential = readJson(kept);
    expect(credential.issuer).toMatchObject({ id: DID, url: BASE_URL });
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListCredential: LIST_URL,
    });
    const validate = openBadgeValidator();
    expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);

    const reason = ['--reason', 'Safeguarding review'];
    expect(spqa(dataDir, ['certificate', 'suspend', numbers.suspended, ...reason]).status).toBe(0);
    expect(spqa(dataDir, ['certificate', 'withdraw', numbers.withdrawn, ...reason]).status).toBe(0);
    expectRefused(
      spqa(
        dataDir,
        ['certificate', 'export', numbers.withdrawn, '--badge', join(out, 'x.json')],
        WITH_KEY,
      ),
      'only an active certificate has a badge',
    );

    const built = spqa(dataDir, ['register', 'build', register], WITH_KEY);
    expect(built.status, built.stderr).toBe(0);
    for (const file of [
      'did.json',
      'credentials/status/suspension.json',
      `credentials/badges/${numbers.kept}.json`,
    ])
      expect(built.stdout).toContain(`  ${file}  `);
    expect(built.stdout).not.toContain(`credentials/badges/${numbers.suspended}.json`);
    expect(spqa(dataDir, ['register', 'verify', register]).status).toBe(0);
    // The register page offers the active provider's badge, and only that one.
    const page = readFileSync(join(register, 'index.html'), 'utf8');
    expect(page).toContain(`"b":"credentials/badges/${numbers.kept}.json"`);
    expect(readJson(join(register, 'credentials', 'badges', `${numbers.kept}.json`))).toEqual(
      credential,
    );

    // Digital Bazaar's verifier, reading the published DID document and status list.
    expect(await verifyIndependently(credential, published())).toEqual({
      verified: true,
      statusBit: false,
      error: null,
    });
    expect(await verifyIndependently(readJson(suspended), published())).toMatchObject({
      verified: true,
      statusBit: true,
    });

    const ok = spqa(dataDir, ['certificate', 'verify', kept, '--register', register]);
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/ok {4}status {4}in force: bit \d+ of .*suspension\.json is clear/);
    const notOk = spqa(dataDir, ['certificate', 'verify', suspended, '--register', register]);
    expect(notOk.status, notOk.stdout).toBe(3);
    expect(notOk.stdout).toMatch(/FAIL {2}status {4}not in force: bit \d+ of the suspension list/);
    expect(notOk.stdout).toContain('the register lists it as suspended');
  });

  it('catches a flipped status bit, a DID document without the key, and foreign vocabulary', async () => {
    const kept = join(out, 'kept.json');
    const listFile = join(register, 'credentials', 'status', 'suspension.json');
    const didFile = join(register, 'did.json');
    const list = readJson(listFile);
    const didDocument = readJson(didFile);
    const credential = readJson(kept);
    const index = Number((credential.credentialStatus as Json).statusListIndex);

    // The kept certificate's bit set by hand: the list no longer matches its own proof.
    const subject = list.credentialSubject as Json;
    const bits = gunzipSync(Buffer.from(String(subject.encodedList).slice(1), 'base64url'));
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
    write(listFile, {
      ...list,
      credentialSubject: { ...subject, encodedList: `u${gzipSync(bits).toString('base64url')}` },
    });
    const flipped = spqa(dataDir, ['certificate', 'verify', kept, '--register', register]);
    expect(flipped.status).toBe(3);
    expect(flipped.stdout).toMatch(/FAIL {2}status {4}the status list .* fails its own proof/);
    expect((await verifyIndependently(credential, published())).verified).toBe(false);
    write(listFile, list);

    // A DID document that lists some other key.
    const methods = didDocument.verificationMethod as Json[];
    write(didFile, {
      ...didDocument,
      verificationMethod: methods.map((m) => ({
        ...m,
        publicKeyMultibase: 'z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
        id: `${DID}#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp`,
      })),
      assertionMethod: [`${DID}#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp`],
    });
    const keyless = spqa(dataDir, ['certificate', 'verify', kept, '--register', register]);
    expect(keyless.status).toBe(3);
    expect(keyless.stdout).toMatch(
      /FAIL {2}issuer {4}the DID document of did:web:.* does not list the key/,
    );
    write(didFile, didDocument);

    const variants: [string, (c: Json) => void, RegExp][] = [
      [
        'unknown context',
        (c) => (c['@context'] = [...(c['@context'] as string[]), 'https://example.org/ctx.json']),
        /FAIL {2}format {4}unknown context https:\/\/example\.org\/ctx\.json/,
      ],
      [
        'undefined term',
        (c) => ((c.credentialSubject as Json).shoeSize = 9),
        /FAIL {2}format {4}"shoeSize" is not defined by any of the credential's contexts/,
      ],
      [
        'another cryptosuite',
        (c) =>
          ((c.proof as Json[])[0] = { ...(c.proof as Json[])[0], cryptosuite: 'ecdsa-rdfc-2019' }),
        /FAIL {2}format {4}the proof uses cryptosuite "ecdsa-rdfc-2019"/,
      ],
      [
        'a changed holder',
        (c) => ((c.credentialSubject as Json).licenseNumber = 'SPQA-2026-999999'),
        /FAIL {2}proof {5}the proof does not match the content/,
      ],
    ];
    for (const [what, change, expected] of variants) {
      const copy = JSON.parse(JSON.stringify(credential)) as Json;
      change(copy);
      const file = join(out, `${what.replace(/ /g, '-')}.json`);
      write(file, copy);
      const run = spqa(dataDir, ['certificate', 'verify', file, '--register', register]);
      expect(run.status, what).toBe(3);
      expect(run.stdout, what).toMatch(expected);
    }
    expect(spqa(dataDir, ['certificate', 'verify', kept, '--register', register]).status).toBe(0);
  });
});
