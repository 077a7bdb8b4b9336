import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { signDocument } from '../../electron/core/signing/documents';
import { unsealPrivateKey } from '../../electron/core/signing/keys';
import { networkKeyRow } from '../../electron/core/signing/keystore';
import type { Verification } from '../../shared/accreditation/schema';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import { testNetworkKey } from '../helpers/certificates';
import { importSmallFramework, issuedCertificate, PASSPHRASE } from '../helpers/accreditation';

const ISSUED = '2026-03-04T10:00:00Z';

interface Issued {
  core: Core;
  number: string;
  json: Buffer;
  pdf: Buffer;
  pem: string;
}

/** A network that has issued one certificate, with its files and public key. */
async function issuingNetwork(): Promise<Issued> {
  const core = await openTestCore({ clock: manualClock(ISSUED) });
  await importSmallFramework(core);
  const { certificate } = await issuedCertificate(core);
  const render = async (format: 'json' | 'pdf') =>
    Buffer.from(
      unwrap(await core.invoke('certificates.render', { number: certificate.number, format }))
        .base64,
      'base64',
    );
  return {
    core,
    number: certificate.number,
    json: await render('json'),
    pdf: await render('pdf'),
    pem: unwrap(await core.invoke('keys.exportPublic', {})).pem,
  };
}

interface StatusEntry {
  number: string;
  status: string;
  statusDate: string | null;
  expiresOn: string;
}

/** A register's status file, signed with the issuing network's own key (or the key given). */
function statusFileText(
  network: Core,
  certificates: StatusEntry[],
  key?: { keyId: string; privateKey: Parameters<typeof signDocument>[1] },
): string {
  const row = networkKeyRow(network.context.db);
  if (!row) throw new Error('the network has no key');
  const signer = key ?? {
    keyId: row.key_id,
    privateKey: unsealPrivateKey(row.private_key, PASSPHRASE),
  };
  const payload = {
    type: 'SPQAStatusList',
    generatedAt: '2026-04-02T06:00:00.000Z',
    issuer: { name: 'Test suite', keyId: signer.keyId },
    certificates,
  };
  return `${JSON.stringify(signDocument(payload, signer.privateKey, signer.keyId), null, 2)}\n`;
}

/** Someone else's installation (a referrer), on the date given, with nothing but the files. */
async function referrer(onDate: string): Promise<Core> {
  return openTestCore({ clock: manualClock(onDate) });
}

async function verify(
  core: Core,
  fileName: string,
  bytes: Buffer,
  extra: { statusText?: string; pem?: string } = {},
): Promise<Verification> {
  return unwrap(
    await core.invoke('certificates.verify', {
      fileName,
      base64: bytes.toString('base64'),
      ...(extra.statusText
        ? { statusFile: { fileName: 'status.json', text: extra.statusText } }
        : {}),
      ...(extra.pem ? { publicKeys: [{ source: 'public-key.pem', pem: extra.pem }] } : {}),
    }),
  );
}

const check = (v: Verification, name: string) => v.checks.find((c) => c.check === name);

let network: Issued;
beforeAll(async () => {
  network = await issuingNetwork();
});

describe('verifying a certificate', () => {
  it('passes a valid, current certificate, as JSON and as PDF, naming every check', async () => {
    for (const [name, bytes] of [
      ['certificate.json', network.json],
      ['certificate.pdf', network.pdf],
    ] as const) {
      const verdict = await verify(network.core, name, bytes);
      expect(verdict).toEqual({
        valid: true,
        number: network.number,
        holder: 'Riverside Gardening Club',
        checks: [
          {
            check: 'format',
            ok: true,
            detail: `certificate ${network.number} for Riverside Gardening Club`,
          },
          {
            check: 'signature',
            ok: true,
            detail: expect.stringContaining('signed by this network'),
          },
          { check: 'dates', ok: true, detail: 'valid from 2026-03-04 to 2029-03-03' },
          { check: 'status', ok: true, detail: 'active in this installation’s records' },
        ],
      });
    }
  });

  it('elsewhere, with the network’s public key and its status file, passes while the file says active', async () => {
    const other = await referrer('2026-05-01T12:00:00Z');
    const statusText = statusFileText(network.core, [
      {
        number: network.number,
        status: 'active',
        statusDate: '2026-03-04',
        expiresOn: '2029-03-03',
      },
    ]);
    // Without the key this installation cannot tell who signed it.
    const alone = await verify(other, 'c.pdf', network.pdf);
    expect(alone.valid).toBe(false);
    expect(check(alone, 'signature')?.detail).toContain(
      "not this network's key or a key you trust",
    );

    const verdict = await verify(other, 'c.pdf', network.pdf, { statusText, pem: network.pem });
    expect(verdict.valid).toBe(true);
    expect(check(verdict, 'status')).toEqual({
      check: 'status',
      ok: true,
      detail: 'active in status.json (published 2026-04-02)',
    });
  });

  it('fails the dates check after the expiry date and before the issue date', async () => {
    const verifiedOn = async (iso: string) =>
      verify(await referrer(iso), 'c.json', network.json, { pem: network.pem });
    const late = await verifiedOn('2029-03-04T08:00:00Z');
    expect(late.valid).toBe(false);
    expect(check(late, 'signature')?.ok).toBe(true);
    expect(check(late, 'dates')).toEqual({
      check: 'dates',
      ok: false,
      detail: 'expired on 2029-03-03',
    });
    const early = await verifiedOn('2026-03-03T08:00:00Z');
    expect(early.valid).toBe(false);
    expect(check(early, 'dates')).toEqual({
      check: 'dates',
      ok: false,
      detail: 'not valid until 2026-03-04',
    });
    // On the last day it is still valid.
    const lastDay = await verifiedOn('2029-03-03T23:00:00Z');
    expect(check(lastDay, 'dates')?.ok).toBe(true);
  });

  it('fails the status check when the status file says suspended, withdrawn, expired or does not list it', async () => {
    const other = await referrer('2026-05-01T12:00:00Z');
    const cases: [StatusEntry[], string][] = [
      [
        [
          {
            number: network.number,
            status: 'suspended',
            statusDate: '2026-04-01',
            expiresOn: '2029-03-03',
          },
        ],
        'Suspended according to status.json since 2026-04-01',
      ],
      [
        [
          {
            number: network.number,
            status: 'withdrawn',
            statusDate: '2026-04-02',
            expiresOn: '2029-03-03',
          },
        ],
        'Withdrawn according to status.json since 2026-04-02',
      ],
      [
        [
          {
            number: network.number,
            status: 'superseded',
            statusDate: null,
            expiresOn: '2029-03-03',
          },
        ],
        'Superseded according to status.json',
      ],
      [
        // Listed as active, but the list knows an earlier expiry: expired.
        [{ number: network.number, status: 'active', statusDate: null, expiresOn: '2026-04-30' }],
        'Expired according to status.json',
      ],
      [
        [
          {
            number: 'SPQA-2026-000999',
            status: 'active',
            statusDate: null,
            expiresOn: '2029-03-03',
          },
        ],
        `${network.number} is not in status.json`,
      ],
    ];
    for (const [entries, detail] of cases) {
      const verdict = await verify(other, 'c.pdf', network.pdf, {
        statusText: statusFileText(network.core, entries),
        pem: network.pem,
      });
      expect(verdict.valid, detail).toBe(false);
      expect(check(verdict, 'signature')?.ok).toBe(true);
      expect(check(verdict, 'dates')?.ok).toBe(true);
      expect(check(verdict, 'status'), detail).toEqual({ check: 'status', ok: false, detail });
    }
  });

  it('does not rely on a status file that is altered, signed by an unknown key, or not a status file', async () => {
    const other = await referrer('2026-05-01T12:00:00Z');
    const suspended: StatusEntry[] = [
      {
        number: network.number,
        status: 'suspended',
        statusDate: '2026-04-01',
        expiresOn: '2029-03-03',
      },
    ];
    const altered = statusFileText(network.core, suspended).replace('"suspended"', '"active"');
    const stranger = testNetworkKey();
    const foreign = statusFileText(
      network.core,
      suspended.map((e) => ({ ...e, status: 'active' })),
      stranger,
    );
    const untrusted = `status.json is not signed by a key you trust, so its statuses cannot be relied on`;
    for (const [statusText, detail] of [
      [altered, untrusted],
      [foreign, untrusted],
      ['{"payload": {}, "signature": {}}', 'status.json is not a signed status file'],
    ] as const) {
      const verdict = await verify(other, 'c.pdf', network.pdf, { statusText, pem: network.pem });
      expect(verdict.valid).toBe(false);
      expect(check(verdict, 'status')).toEqual({ check: 'status', ok: false, detail });
    }
    const broken = await verify(other, 'c.pdf', network.pdf, {
      statusText: '{"payload": ',
      pem: network.pem,
    });
    expect(check(broken, 'status')?.ok).toBe(false);
    expect(check(broken, 'status')?.detail).toContain('status.json');
  });

  it('checks the issuing installation’s own records when no status file is given', async () => {
    const { core, number, json } = await issuingNetwork();
    unwrap(await core.invoke('certificates.suspend', { number, reason: 'Complaint under review' }));
    const suspended = await verify(core, 'c.json', json);
    expect(suspended.valid).toBe(false);
    expect(check(suspended, 'signature')?.ok).toBe(true);
    expect(check(suspended, 'status')).toEqual({
      check: 'status',
      ok: false,
      detail: 'Suspended in this installation’s records',
    });
    unwrap(await core.invoke('certificates.withdraw', { number, reason: 'Complaint upheld' }));
    expect(check(await verify(core, 'c.json', json), 'status')?.detail).toBe(
      'Withdrawn in this installation’s records',
    );
  });
});

describe('files that are not certificates', () => {
  it('fail the format check with a plain reason, and no other check runs', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    const cases: [string, Buffer, string | RegExp][] = [
      [
        'cut.pdf',
        network.pdf.subarray(0, Math.floor(network.pdf.length / 2)),
        /^cut\.pdf is damaged or truncated/,
      ],
      [
        'letter.pdf',
        Buffer.from(await plain.save()),
        'letter.pdf has no attached certificate.json; it is not a certificate PDF from SPQA',
      ],
      [
        'photo.jpg',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
        'photo.jpg: neither a PDF nor UTF-8 JSON',
      ],
      ['notes.json', Buffer.from('{"hello": "world"}'), /^not a signed certificate: /],
      ['empty.json', Buffer.from(''), /empty\.json/],
    ];
    for (const [name, bytes, detail] of cases) {
      const verdict = await verify(network.core, name, bytes);
      expect(verdict.valid, name).toBe(false);
      expect(verdict.number).toBeNull();
      expect(verdict.checks, name).toHaveLength(1);
      expect(verdict.checks[0]?.check).toBe('format');
      if (typeof detail === 'string') expect(verdict.checks[0]?.detail).toBe(detail);
      else expect(verdict.checks[0]?.detail).toMatch(detail);
    }
    // A signed document that is not a certificate.
    const key = testNetworkKey();
    const other = Buffer.from(
      JSON.stringify(signDocument({ type: 'Invoice' }, key.privateKey, key.keyId)),
    );
    const verdict = await verify(network.core, 'invoice.json', other);
    expect(verdict.checks).toEqual([
      { check: 'format', ok: false, detail: expect.stringMatching(/^not a certificate: /) },
    ]);
  });

  it('any one byte of the certificate JSON changed makes it fail', async () => {
    const compact = Buffer.from(JSON.stringify(JSON.parse(network.json.toString('utf8'))));
    expect((await verify(network.core, 'c.json', compact)).valid).toBe(true);
    const passed: number[] = [];
    for (let i = 0; i < compact.length; i += 1) {
      const copy = Buffer.from(compact);
      // The next character up: still printable ASCII, so the JSON often still parses.
      copy[i] = ((copy[i] ?? 0) + 1) & 0x7f;
      if ((await verify(network.core, 'c.json', copy)).valid) passed.push(i);
    }
    expect(passed.map((i) => `${i}: ${compact.subarray(i - 10, i + 10).toString()}`)).toEqual([]);
  });
});
