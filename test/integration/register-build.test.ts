import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { RegisterBuildResult } from '../../shared/contract/register';
import { registerSchema, type Register } from '../../shared/register/schema';
import { failure, manualClock, openTestCore, unwrap, type ManualClock } from '../helpers/core';
import { accreditProvider, REGISTER_PASSPHRASE } from '../helpers/register-fixtures';
import { expectValid, orukValidators } from '../helpers/register-oruk';
import { tempDir } from '../helpers/temp-dir';

const FORMULA_NAME = '=HYPERLINK("http://evil.example/","Click for funding")';
const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('building the register', () => {
  let core: Core;
  let clock: ManualClock;
  let out: string;
  let result: RegisterBuildResult;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    clock = manualClock('2026-03-04T10:00:00Z');
    core = await openTestCore({ clock });
    const welsh = await accreditProvider(
      core,
      {
        name: 'Cymdeithas Gŵyl Ŷd',
        region: 'wales',
        charityNumber: '1187654',
        companyNumber: '11223344',
        addressLine1: 'Hen Ysgol',
        addressLine2: 'Stryd y Bont',
        town: 'Llanrwst',
        postcode: 'LL26 0LS',
        website: 'https://gwyl.example.org',
        contacts: [{ name: 'Eirlys Jones', email: 'eirlys@gwyl.example.org' }],
      },
      {
        services: [
          { name: 'Gardd Gymunedol', category: 'nature-and-gardening' },
          {
            name: 'Walking group',
            category: 'exercise-and-leisure',
            acceptingReferrals: false,
            waitingWeeks: null,
            selfReferral: false,
            referralRoute: 'health-and-care',
          },
        ],
      },
    );
    numbers.welsh = welsh.number;
    const formula = await accreditProvider(
      core,
      { name: FORMULA_NAME, region: 'london', town: '@Camden', postcode: 'NW1 8NH' },
      { services: [{ name: '+44 choir', category: 'arts' }, { name: '-minus club' }] },
    );
    numbers.formula = formula.number;
    numbers.conditional = (
      await accreditProvider(
        core,
        { name: 'Conditional Crafts CIC', region: 'south-west', postcode: 'BS1 4DJ' },
        { outcome: 'conditional', conditionsDue: '2026-05-01' },
      )
    ).number;
    numbers.suspended = (
      await accreditProvider(core, { name: 'Suspended Swimmers', region: 'scotland' })
    ).number;
    numbers.withdrawn = (
      await accreditProvider(core, { name: 'Withdrawn Walkers', region: 'north-east' })
    ).number;
    unwrap(
      await core.invoke('certificates.suspend', {
        number: numbers.suspended,
        reason: 'Insurance lapsed',
      }),
    );
    unwrap(
      await core.invoke('certificates.withdraw', {
        number: numbers.withdrawn,
        reason: 'Service closed',
      }),
    );
    unwrap(
      await core.invoke('certificates.reissue', {
        number: numbers.welsh,
        reason: 'Corrected address',
        passphrase: REGISTER_PASSPHRASE,
      }),
    );
    numbers.reissued = `${numbers.welsh}-R1`;

    clock.set('2026-03-10T09:00:00Z');
    out = join(tempDir(), 'published');
    const events: { phase: string; done: number; total: number }[] = [];
    result = unwrap(
      await core.invoke(
        'register.build',
        { outDir: out, passphrase: REGISTER_PASSPHRASE },
        { onProgress: (p) => events.push(p) },
      ),
    );
    expect(events.map((e) => e.phase)).toEqual([
      'reading the records',
      'writing the register',
      'signing the status list and manifest',
      'published',
    ]);
    expect(events.map((e) => e.done)).toEqual([0, 6, 6, 7]);
    expect(events.every((e) => e.total === 7)).toBe(true);
  });

  it('writes every file, lists each in the signed manifest and leaves no staging folder', () => {
    expect(result.files.map((f) => f.path).sort()).toEqual([
      'index.html',
      'manifest.json',
      'oruk/locations.json',
      'oruk/organizations.json',
      'oruk/services.json',
      'oruk/taxonomies.json',
      'public-key.pem',
      'register.csv',
      'register.json',
      'register.schema.json',
      'status.json',
    ]);
    for (const f of result.files) expect(existsSync(join(out, f.path)), f.path).toBe(true);
    expect(readdirSync(join(out, '..'))).toEqual(['published']);
    expect(result.entries).toBe(6);
    expect(result.statusCounts).toEqual([
      { status: 'active', count: 3 },
      { status: 'suspended', count: 1 },
      { status: 'withdrawn', count: 1 },
      { status: 'superseded', count: 1 },
      { status: 'expired', count: 0 },
    ]);
  });

  it('writes register.json that validates against the JSON Schema published beside it', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(readJson(join(out, 'register.schema.json')));
    const register = readJson(join(out, 'register.json'));
    expectValid(validate, register, 'register.json');
    expect(registerSchema.parse(register).entries).toHaveLength(6);

    const broken = structuredClone(register) as Register;
    (broken.entries[0] as { status: string }).status = 'lapsed';
    expect(validate(broken)).toBe(false);
    const extra = structuredClone(register) as Register & { entries: Record<string, unknown>[] };
    (extra.entries[0] as Record<string, unknown>).notes = 'not in the schema';
    expect(validate(extra)).toBe(false);
  });

  it('gives each certificate its status, dates, holder, scope and capacity', () => {
    const register = registerSchema.parse(readJson(join(out, 'register.json')));
    const byNumber = new Map(register.entries.map((e) => [e.certificateNumber, e]));
    const reissued = byNumber.get(numbers.reissued ?? '');
    expect(reissued).toMatchObject({
      status: 'active',
      supersedes: numbers.welsh,
      outcome: 'accredited',
      issuedOn: '2026-03-04',
      expiresOn: '2029-03-03',
      holder: {
        name: 'Cymdeithas Gŵyl Ŷd',
        charityNumber: '1187654',
        companyNumber: '11223344',
        region: 'wales',
        addressLine1: 'Hen Ysgol',
        town: 'Llanrwst',
        postcode: 'LL26 0LS',
      },
      framework: { id: 'spqa-national', version: '1.0.0' },
    });
    expect(reissued?.services).toEqual([
      expect.objectContaining({
        name: 'Gardd Gymunedol',
        category: 'nature-and-gardening',
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        waitingWeeks: 2,
        capacityConfirmedOn: '2026-03-04',
      }),
      expect.objectContaining({
        name: 'Walking group',
        referralRoute: 'health-and-care',
        selfReferral: false,
        acceptingReferrals: false,
      }),
    ]);
    expect(reissued?.domains.length).toBeGreaterThan(0);
    expect(byNumber.get(numbers.welsh ?? '')).toMatchObject({
      status: 'superseded',
      supersededBy: numbers.reissued,
      statusDate: '2026-03-04',
    });
    expect(byNumber.get(numbers.suspended ?? '')).toMatchObject({
      status: 'suspended',
      statusDate: '2026-03-04',
    });
    expect(byNumber.get(numbers.withdrawn ?? '')?.status).toBe('withdrawn');
    expect(byNumber.get(numbers.conditional ?? '')).toMatchObject({
      outcome: 'conditional',
      conditionsDue: '2026-05-01',
    });
  });

  it('writes a CSV that a standard parser reads back, with formula-like cells neutralised', () => {
    const text = readFileSync(join(out, 'register.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length).toBe(8);
    const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(6);
    const formula = rows.find((r) => r.certificate_number === numbers.formula);
    expect(formula?.holder_name).toBe(`'${FORMULA_NAME}`);
    expect(formula?.town).toBe("'@Camden");
    expect(formula?.services).toBe("'+44 choir; -minus club");
    const welsh = rows.find((r) => r.certificate_number === numbers.reissued);
    expect(welsh).toMatchObject({
      status: 'active',
      status_in_words: 'Active',
      holder_name: 'Cymdeithas Gŵyl Ŷd',
      services: 'Gardd Gymunedol; Walking group',
      accepting_referrals: 'yes; no',
      self_referral: 'yes; no',
      waiting_weeks: '2; ',
      capacity_confirmed_on: '2026-03-04; 2026-03-04',
      postcode: 'LL26 0LS',
    });
    // No cell of the file, read back, begins with a character a spreadsheet runs as a formula.
    for (const row of rows)
      for (const [column, cell] of Object.entries(row))
        expect(/^[=+\-@\t\r]/.test(cell), `${column}: ${cell}`).toBe(false);
  });

  it('writes Open Referral UK 3.0 data that validates against the ORUK schemas', () => {
    const v = orukValidators();
    const page = (name: string) => readJson(join(out, 'oruk', name));
    const services = page('services.json');
    expectValid(v.serviceList, services, 'services.json');
    const contents = services.contents as Record<string, unknown>[];
    expect(services.total_items).toBe(contents.length);
    // Active certificates only: Welsh (2 services), formula (2), conditional (1).
    expect(contents).toHaveLength(5);
    for (const s of contents) expectValid(v.service, s, `service ${String(s.name)}`);
    for (const o of page('organizations.json').contents as unknown[])
      expectValid(v.organization, o, 'organization');
    const locations = page('locations.json').contents as unknown[];
    expect(locations.length).toBe(3);
    for (const l of locations) expectValid(v.location, l, 'location');
    const taxonomies = page('taxonomies.json');
    expectValid(v.taxonomyList, taxonomies, 'taxonomies.json');
    for (const t of taxonomies.contents as unknown[]) expectValid(v.taxonomy, t, 'taxonomy');

    const garden = contents.find((s) => s.name === 'Gardd Gymunedol') as {
      accreditations: string;
      attributes: { taxonomy_term_id: string; taxonomy_term: { taxonomy: string; name: string } }[];
      organization_id: string;
      assured_date: string;
    };
    expect(garden.accreditations).toContain(numbers.reissued);
    expect(garden.assured_date).toBe('2026-03-04');
    const mark = garden.attributes.find((a) => a.taxonomy_term.taxonomy === 'SPQA quality mark');
    expect(mark?.taxonomy_term.name).toBe('Accredited');
    const qualityMark = (
      taxonomies.contents as { name: string; taxonomy_terms: { id: string }[] }[]
    ).find((t) => t.name === 'SPQA quality mark');
    expect(qualityMark?.taxonomy_terms.map((t) => t.id)).toContain(mark?.taxonomy_term_id);
    const organization = (
      page('organizations.json').contents as {
        id: string;
        organization_identifiers: { identifier_scheme: string; identifier: string }[];
      }[]
    ).find((o) => o.id === garden.organization_id);
    expect(organization?.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'GB-CHC', identifier: '1187654' }),
      expect.objectContaining({ identifier_scheme: 'GB-COH', identifier: '11223344' }),
    ]);
    const conditional = contents.find((s) =>
      String(s.accreditations).includes(numbers.conditional ?? '-'),
    ) as { attributes: { taxonomy_term: { name: string } }[] };
    expect(conditional.attributes.map((a) => a.taxonomy_term.name)).toContain(
      'Accredited with conditions',
    );
  });

  it('writes a status list that certificate verify --register can use', async () => {
    const status = readJson(join(out, 'status.json')) as {
      payload: { type: string; certificates: { number: string; status: string }[] };
    };
    expect(status.payload.type).toBe('SPQAStatusList');
    expect(status.payload.certificates).toHaveLength(6);
    const rendered = unwrap(
      await core.invoke('certificates.render', { number: numbers.suspended ?? '', format: 'json' }),
    );
    const verdict = unwrap(
      await core.invoke('certificates.verify', {
        fileName: rendered.fileName,
        base64: rendered.base64,
        statusFile: {
          fileName: 'status.json',
          text: readFileSync(join(out, 'status.json'), 'utf8'),
        },
        publicKeys: [
          { source: 'public-key.pem', pem: readFileSync(join(out, 'public-key.pem'), 'utf8') },
        ],
      }),
    );
    expect(verdict.checks.find((c) => c.check === 'status')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('Suspended'),
    });
  });

  it('embeds the register in index.html safely, with a policy that allows only its own script', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const data = /<script type="application\/json" id="register-data">([^<]*)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    const embedded = JSON.parse(data?.[1] ?? '') as { entries: { h: string }[] };
    expect(embedded.entries.map((e) => e.h)).toContain(FORMULA_NAME);
  });

  it('keeps personal contacts out of every file', () => {
    for (const f of result.files) {
      const text = readFileSync(join(out, f.path), 'utf8');
      expect(text, f.path).not.toContain('Eirlys');
      expect(text, f.path).not.toContain('eirlys@');
    }
  });

  it('verifies the publication, and names the file when one byte changes', async () => {
    const good = unwrap(await core.invoke('register.verify', { dir: out }));
    expect(good.ok, JSON.stringify(good.checks)).toBe(true);
    expect(good.signer).toBe('this-network');

    const copy = join(tempDir(), 'copy');
    unwrap(await core.invoke('register.build', { outDir: copy, passphrase: REGISTER_PASSPHRASE }));
    const csv = join(copy, 'register.csv');
    const bytes = readFileSync(csv);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 1;
    writeFileSync(csv, bytes);
    const bad = unwrap(await core.invoke('register.verify', { dir: copy }));
    expect(bad.ok).toBe(false);
    expect(bad.checks.filter((c) => !c.ok)).toEqual([
      {
        file: 'register.csv',
        ok: false,
        detail: 'its SHA-256 does not match the manifest: the file was changed',
      },
    ]);
  });

  it('refuses a wrong passphrase and a folder holding other files, changing nothing', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'holiday.jpg'), 'not a register');
    const refused = failure(
      await core.invoke('register.build', { outDir: folder, passphrase: REGISTER_PASSPHRASE }),
      'invalid_input',
    );
    expect(refused.message).toContain('holiday.jpg');
    expect(readdirSync(folder)).toEqual(['holiday.jpg']);
    failure(
      await core.invoke('register.build', { outDir: join(folder, 'x'), passphrase: 'wrong one!' }),
      'invalid_input',
    );
    expect(readdirSync(folder)).toEqual(['holiday.jpg']);
  });

  it('replaces an earlier publication whole', async () => {
    clock.set('2026-03-11T09:00:00Z');
    unwrap(
      await core.invoke('register.build', {
        outDir: out,
        formats: ['csv'],
        passphrase: REGISTER_PASSPHRASE,
      }),
    );
    expect(readdirSync(out).sort()).toEqual([
      'manifest.json',
      'public-key.pem',
      'register.csv',
      'status.json',
    ]);
    expect(readdirSync(join(out, '..'))).toEqual(['published']);
    expect(unwrap(await core.invoke('register.verify', { dir: out })).ok).toBe(true);
    expect(unwrap(await core.invoke('register.status', {})).lastPublication).toMatchObject({
      outDir: out,
      formats: ['csv'],
      entries: 6,
    });
  });
});
