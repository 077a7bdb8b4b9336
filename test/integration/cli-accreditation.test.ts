import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { signDocument } from '../../electron/core/signing/documents';
import { unsealPrivateKey } from '../../electron/core/signing/keys';
import type { Certificate, CertificatePayload } from '../../shared/accreditation/schema';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import type { Provider } from '../../shared/providers/schema';
import { canonicalJson } from '../../shared/signing/canonical-json';
import { fromBase64Url, type SignedDocument } from '../../shared/signing/format';
import { spqa, spqaJson, type CliRun } from '../helpers/cli';
import { addProviderArgs, decideArgs, rateArgs, startExternalArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { dumpDatabaseFile } from '../helpers/db-dump';
import { nationalCode, nationalCodes } from '../helpers/national';
import { openBadgeValidator } from '../helpers/open-badge-schema';
import { CLI_BUNDLE, REPO_ROOT } from '../helpers/paths';
import { pdfText } from '../helpers/pdf-tools';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const PASSPHRASE = 'a long enough passphrase for the CLI';
const WITH_KEY = { SPQA_PASSPHRASE: PASSPHRASE };
const ASSESSOR = 'Sam Okafor';
const essential = nationalCode({ appliesTo: 'activity', level: 'essential' });
const developmental = nationalCode({ appliesTo: 'activity', level: 'developmental' });
const SLOW = 120_000;

const json = <T>(run: CliRun): T => {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

/** The status file a published register holds, signed with the network's key (read from its database). */
function writeRegister(
  dataDir: string,
  dir: string,
  pem: string,
  entries: { number: string; status: string; statusDate: string | null; expiresOn: string }[],
): void {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  const row = db.prepare('SELECT key_id, private_key FROM signing_keys').get() as {
    key_id: string;
    private_key: string;
  };
  db.close();
  const doc = signDocument(
    {
      type: 'SPQAStatusList',
      generatedAt: new Date().toISOString(),
      issuer: { name: 'North Network', keyId: row.key_id },
      certificates: entries,
    },
    unsealPrivateKey(row.private_key, PASSPHRASE),
    row.key_id,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'status.json'), JSON.stringify(doc, null, 2));
  writeFileSync(join(dir, 'public-key.pem'), pem);
}

describe('the passphrase prompt', () => {
  // script(1) (util-linux, essential on Debian) is required: without it this test fails, never skips.
  it(
    'asks on a terminal and does not echo what is typed',
    async () => {
      const dir = tempDir();
      const secret = 'typed at the prompt, never shown';
      const { SPQA_PASSPHRASE: _p, SPQA_DATA_DIR: _d, ...env } = process.env;
      // script(1) gives the CLI a pseudo-terminal, as a person at a shell would.
      const child = spawn(
        'script',
        [
          '-q',
          '-e',
          '-c',
          `'${process.execPath}' '${CLI_BUNDLE}' --data-dir '${dir}' keys init`,
          '/dev/null',
        ],
        { env: { ...env, SPQA_ACTOR: 'tester' }, cwd: REPO_ROOT },
      );
      let output = '';
      let typed = false;
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        // Typed only once the prompt shows: by then the terminal no longer echoes.
        if (!typed && output.includes('Passphrase for the network signing key (keys init): ')) {
          typed = true;
          child.stdin.write(`${secret}\r`);
        }
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status, output).toBe(0);
      expect(output).toMatch(/created signing key ed25519:[0-9a-f]{32}/);
      expect(output).not.toContain(secret);
      const db = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
      const row = db.prepare('SELECT private_key FROM signing_keys').get() as {
        private_key: string;
      };
      db.close();
      expect(unsealPrivateKey(row.private_key, secret).asymmetricKeyType).toBe('ed25519');
    },
    SLOW,
  );
});

describe('spqa external assessment, decision and certificate', { timeout: SLOW }, () => {
  let dataDir: string;
  let out: string;
  let providerId: string;
  let assessmentId: string;
  let number: string;
  let certificate: Certificate;

  beforeAll(() => {
    dataDir = tempDir();
    out = tempDir('spqa-cli-out-');
    const provider = spqaJson<Provider>(
      dataDir,
      addProviderArgs(
        'Tyneside Walking Friends',
        'activity',
        '--address',
        '2 Quayside',
        '--town',
        'Newcastle upon Tyne',
        '--postcode',
        'NE1 3DX',
        '--region',
        'north-east',
      ),
    );
    providerId = provider.id;
    spqaJson(dataDir, [
      'service',
      'add',
      '--provider',
      providerId,
      '--name',
      'Wednesday walks',
      '--category',
      'exercise-and-leisure',
      '--referral-route',
      'any-agency',
      '--self-referral',
    ]);
  });

  it('will not start an external assessment without the conflict declaration', () => {
    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    const base = ['assessment', 'start', '--provider', providerId, '--kind', 'external'];
    expectRefused(
      spqa(dataDir, [...base, '--assessor', ASSESSOR]),
      'an assessor must declare conflicts of interest first',
      '--declare-no-conflict',
    );
    expectRefused(
      spqa(dataDir, [
        ...base,
        '--assessor',
        ASSESSOR,
        '--declare-no-conflict',
        '--declare-conflict',
        'Advised them',
      ]),
      'not both',
    );
    expectRefused(spqa(dataDir, [...base, '--declare-no-conflict']), '--assessor');
    expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);
  });

  it('records a declared conflict and then refuses to rate or submit that assessment', () => {
    const blocked = json<AssessmentSummary>(
      spqa(dataDir, [
        '--json',
        ...startExternalArgs(
          providerId,
          'Jo Blocked',
          '--declare-conflict',
          'I advised their trustees on governance in 2025',
        ),
      ]),
    );
    expect(blocked).toMatchObject({
      kind: 'external',
      assessor: 'Jo Blocked',
      conflict: 'I advised their trustees on governance in 2025',
    });
    const human = spqa(
      dataDir,
      startExternalArgs(providerId, 'Jo Blocked', '--declare-conflict', 'Consultancy in 2024'),
    );
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('the assessment is blocked and cannot be rated or submitted');

    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    expectRefused(
      spqa(dataDir, rateArgs(blocked.id, developmental, 'met')),
      'is blocked: the assessor declared a conflict of interest',
    );
    expectRefused(
      spqa(dataDir, ['assessment', 'submit', blocked.id]),
      'the assessor declared a conflict of interest',
    );
    expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);
  });

  it(
    'runs assess -> rate -> finding -> submit, refusing the assessor as decision-maker',
    () => {
      const started = json<AssessmentSummary>(
        spqa(dataDir, [
          '--json',
          ...startExternalArgs(providerId, ASSESSOR, '--declare-no-conflict'),
        ]),
      );
      assessmentId = started.id;
      expect(started).toMatchObject({ kind: 'external', assessor: ASSESSOR, conflict: null });

      const rated = spqa(
        dataDir,
        rateArgs(assessmentId, essential, 'met', '--override-reason', 'Policy seen at the visit'),
      );
      expect(rated.status, rated.stderr).toBe(0);
      expect(rated.stdout).toContain(`${essential}: Met`);

      const shown = spqaJson<{ assessment: AssessmentSummary; ratings: unknown[] }>(dataDir, [
        'assessment',
        'show',
        assessmentId,
      ]);
      expect(shown.assessment.status).toBe('in-progress');
      expect(shown.ratings).toHaveLength(1);

      // The rest from a CSV, as an assessor would after the visit.
      const codes = nationalCodes({ appliesTo: 'activity' });
      const csv = writeTempFile(
        out,
        'ratings.csv',
        [
          'criterion,rating,note,reason,override_reason',
          ...codes.filter((c) => c !== essential).map((c) => `${c},met,,,Seen at the visit`),
        ].join('\n'),
      );
      const imported = spqa(dataDir, ['assessment', 'import-ratings', assessmentId, csv]);
      expect(imported.status, imported.stderr).toBe(0);

      const nonconformity = [
        'finding',
        'add',
        assessmentId,
        '--criterion',
        developmental,
        '--type',
        'minor-nc',
        '--text',
        'Two inductions unsigned',
      ];
      const incomplete = spqa(dataDir, nonconformity);
      // Exit 2, the problem on the first line and each missing field listed under it.
      expect(incomplete.status).toBe(2);
      expect(incomplete.errorLines).toEqual([
        'spqa: action: a nonconformity needs the action required (and 2 more)',
        '  action: a nonconformity needs the action required',
        '  actionOwner: a nonconformity needs an action owner',
        '  actionDue: a nonconformity needs an action due date',
      ]);
      const finding = spqa(dataDir, [
        ...nonconformity,
        '--action',
        'Sign off inductions',
        '--owner',
        'Service manager',
        '--due',
        '2027-01-31',
      ]);
      expect(finding.status, finding.stderr).toBe(0);
      expect(finding.stdout).toContain(`Minor nonconformity on ${developmental}`);

      // A decision before submission is refused.
      expectRefused(
        spqa(dataDir, decideArgs(assessmentId, 'accredited', 'Priya Shah')),
        'a decision needs a submitted assessment',
      );

      const submitted = spqa(dataDir, ['assessment', 'submit', assessmentId]);
      expect(submitted.status, submitted.stderr).toBe(0);
      expect(submitted.stdout).toMatch(
        new RegExp(`^submitted ${assessmentId}, revision 1, sealed as sha256 [0-9a-f]{64}\n$`),
      );
      expectRefused(
        spqa(dataDir, rateArgs(assessmentId, developmental, 'partial')),
        'is submitted and sealed; open a new revision to change it',
      );

      const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
      expectRefused(
        spqa(dataDir, decideArgs(assessmentId, 'accredited', 'sam okafor')),
        'cannot decide on it',
      );
      expectRefused(
        spqa(
          dataDir,
          decideArgs(
            assessmentId,
            'conditional',
            'Priya Shah',
            '--conditions',
            'Sign off every induction',
          ),
        ),
        'accreditation with conditions needs a due date',
      );
      expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);

      const decided = spqa(
        dataDir,
        decideArgs(assessmentId, 'accredited', 'Priya Shah', '--reason', 'Every standard met'),
      );
      expect(decided.status, decided.stderr).toBe(0);
      expect(decided.stdout).toBe('decided: Accredited (recommended: Accredited)\n');
    },
    SLOW,
  );

  it(
    'takes the passphrase only from SPQA_PASSPHRASE, never an argument, and refuses a wrong one',
    () => {
      const db = join(dataDir, DATABASE_FILE);
      const before = dumpDatabaseFile(db);
      expectRefused(
        spqa(dataDir, ['keys', 'init', '--passphrase', PASSPHRASE], WITH_KEY),
        "Unknown option '--passphrase'",
      );
      expectRefused(
        spqa(
          dataDir,
          ['certificate', 'issue', '--assessment', assessmentId, '--passphrase', PASSPHRASE],
          WITH_KEY,
        ),
        "Unknown option '--passphrase'",
      );
      // No terminal to prompt on, and no environment variable: refused.
      expectRefused(spqa(dataDir, ['keys', 'init']), 'set SPQA_PASSPHRASE or run in a terminal');
      expectRefused(
        spqa(dataDir, ['keys', 'init'], { SPQA_PASSPHRASE: 'short' }),
        'the passphrase must be at least 10 characters',
      );
      expect(dumpDatabaseFile(db)).toEqual(before);

      const init = spqa(dataDir, ['keys', 'init'], WITH_KEY);
      expect(init.status, init.stderr).toBe(0);
      expect(init.stdout).toMatch(/^created signing key ed25519:[0-9a-f]{32}\n$/);
      const again = spqa(dataDir, ['keys', 'init'], WITH_KEY);
      expect(again.stdout).toMatch(/^the signing key already exists: ed25519:[0-9a-f]{32}\n$/);

      const keyed = dumpDatabaseFile(db);
      expectRefused(
        spqa(dataDir, ['certificate', 'issue', '--assessment', assessmentId], {
          SPQA_PASSPHRASE: 'a wrong but long passphrase',
        }),
        'wrong passphrase for the network signing key',
      );
      expect(dumpDatabaseFile(db)).toEqual(keyed);
    },
    SLOW,
  );

  it(
    'issues the certificate, prints its number, and refuses to issue it twice',
    () => {
      const issued = spqa(
        dataDir,
        ['certificate', 'issue', '--assessment', assessmentId],
        WITH_KEY,
      );
      expect(issued.status, issued.stderr).toBe(0);
      number = issued.stdout.trim();
      expect(number).toMatch(new RegExp(`^SPQA-${new Date().getUTCFullYear()}-\\d{6}$`));
      expectRefused(
        spqa(dataDir, ['certificate', 'issue', '--assessment', assessmentId], WITH_KEY),
        `a certificate was already issued for this decision: ${number}`,
      );
      certificate = spqaJson<Certificate>(dataDir, ['certificate', 'show', number]);
      expect(certificate).toMatchObject({
        number,
        status: 'active',
        holderName: 'Tyneside Walking Friends',
      });
      expect(certificate.payload.scope.services.map((s) => s.name)).toEqual(['Wednesday walks']);
    },
    SLOW,
  );

  it(
    'exports the PDF, signed JSON and Open Badge, which verify, including by OpenSSL',
    () => {
      const pdf = join(out, 'cert.pdf');
      const doc = join(out, 'cert.json');
      const badge = join(out, 'badge.json');
      expectRefused(spqa(dataDir, ['certificate', 'export', number]), 'name at least one of');
      const exported = spqa(
        dataDir,
        ['certificate', 'export', number, '--pdf', pdf, '--json', doc, '--badge', badge],
        WITH_KEY,
      );
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout).toBe(
        `wrote ${pdf} (pdf)\nwrote ${doc} (json)\nwrote ${badge} (badge)\n`,
      );
      // No web address is recorded, so the badge has no status entry, and the command says so.
      expect(exported.stderr).toContain('the badge carries no status entry');
      // A --json before the command still asks for machine-readable output.
      const again = join(out, 'again.pdf');
      expect(
        json<{ format: string; file: string }[]>(
          spqa(dataDir, ['--json', 'certificate', 'export', number, '--pdf', again]),
        ),
      ).toEqual([{ format: 'pdf', file: again }]);
      const text = pdfText(readFileSync(pdf));
      expect(text).toContain(number);
      expect(text).toContain('Tyneside Walking Friends');
      const signed = JSON.parse(readFileSync(doc, 'utf8')) as SignedDocument<CertificatePayload>;
      expect(signed.payload).toEqual(certificate.payload);

      const validate = openBadgeValidator();
      const credential = JSON.parse(readFileSync(badge, 'utf8')) as Record<string, unknown>;
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
      expect(credential).toMatchObject({
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { licenseNumber: number },
      });

      for (const file of [pdf, doc]) {
        const verified = spqa(dataDir, ['certificate', 'verify', file]);
        expect(verified.status, verified.stdout + verified.stderr).toBe(0);
        expect(verified.stdout).toMatch(
          new RegExp(`^VALID: ${number} \\(Tyneside Walking Friends\\)\n`),
        );
        expect(verified.stdout).toMatch(/ok {4}signature/);
      }

      const pem = join(out, 'network.pem');
      const written = spqa(dataDir, ['keys', 'export-public', pem]);
      expect(written.status, written.stderr).toBe(0);
      expect(written.stdout).toBe(`wrote ${pem} (key id ${signed.signature.keyId})\n`);
      const payloadFile = writeTempFile(out, 'payload.canonical', canonicalJson(signed.payload));
      const sigFile = join(out, 'signature.bin');
      writeFileSync(sigFile, fromBase64Url(signed.signature.value));
      const checked = spawnSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          pem,
          '-rawin',
          '-in',
          payloadFile,
          '-sigfile',
          sigFile,
        ],
        { encoding: 'utf8' },
      );
      expect(checked.stdout + checked.stderr).toContain('Signature Verified Successfully');
    },
    SLOW,
  );

  it(
    'verifies against a register: valid while active, exit 3 naming the status once suspended',
    () => {
      const pdf = join(out, 'cert.pdf');
      const pem = readFileSync(join(out, 'network.pem'), 'utf8');
      const register = join(out, 'register');
      const entry = { number, statusDate: null, expiresOn: certificate.expiresOn };
      writeRegister(dataDir, register, pem, [{ ...entry, status: 'active' }]);
      const current = spqa(dataDir, ['certificate', 'verify', pdf, '--register', register]);
      expect(current.status, current.stdout + current.stderr).toBe(0);
      expect(current.stdout).toContain('ok    status    active in');

      const suspended = spqa(dataDir, [
        'certificate',
        'suspend',
        number,
        '--reason',
        'Complaint under review',
      ]);
      expect(suspended.status, suspended.stderr).toBe(0);
      expect(suspended.stdout).toContain(`${number}  Tyneside Walking Friends  Suspended`);
      const today = new Date().toISOString().slice(0, 10);
      writeRegister(dataDir, register, pem, [{ ...entry, status: 'suspended', statusDate: today }]);

      const verdict = spqa(dataDir, ['certificate', 'verify', pdf, '--register', register]);
      expect(verdict.status).toBe(3);
      expect(verdict.stdout).toContain(`NOT VALID: ${number}`);
      expect(verdict.stdout).toMatch(/ok {4}signature/);
      expect(verdict.stdout).toContain(
        `FAIL  status    Suspended according to ${join(register, 'status.json')} since ${today}`,
      );

      // Anyone else, with only the PDF and the register, reaches the same verdict.
      const elsewhere = spqa(tempDir(), [
        '--json',
        'certificate',
        'verify',
        pdf,
        '--register',
        register,
      ]);
      expect(elsewhere.status).toBe(3);
      const parsed = JSON.parse(elsewhere.stdout) as {
        valid: boolean;
        checks: { check: string; ok: boolean }[];
      };
      expect(parsed.valid).toBe(false);
      expect(parsed.checks.map((c) => [c.check, c.ok])).toEqual([
        ['format', true],
        ['signature', true],
        ['dates', true],
        ['status', false],
      ]);
      // And without the register, this installation's own records say suspended too.
      const own = spqa(dataDir, ['certificate', 'verify', pdf]);
      expect(own.status).toBe(3);
      expect(own.stdout).toContain('Suspended in this installation’s records');

      expectRefused(
        spqa(dataDir, ['certificate', 'verify', pdf, '--register', join(out, 'nowhere')]),
        'no such folder',
      );
      mkdirSync(join(out, 'empty-register'), { recursive: true });
      expectRefused(
        spqa(dataDir, ['certificate', 'verify', pdf, '--register', join(out, 'empty-register')]),
        'it has no status.json',
      );
    },
    SLOW,
  );

  it(
    'lists certificates, shows the history, and refuses moves the lifecycle does not allow',
    () => {
      const list = spqa(dataDir, ['certificate', 'list']);
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`${number}\\s+Tyneside Walking Friends\\s+Suspended`));
      const listed = spqaJson<{ number: string; status: string }[]>(dataDir, [
        'certificate',
        'list',
      ]);
      expect(listed.map((c) => [c.number, c.status])).toEqual([[number, 'suspended']]);

      expectRefused(
        spqa(dataDir, ['certificate', 'suspend', number, '--reason', 'Again']),
        'a suspended certificate cannot be suspended',
      );
      expectRefused(spqa(dataDir, ['certificate', 'withdraw', number]), '--reason');
      const withdrawn = spqa(dataDir, [
        'certificate',
        'withdraw',
        number,
        '--reason',
        'Complaint upheld',
      ]);
      expect(withdrawn.status, withdrawn.stderr).toBe(0);
      const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
      expectRefused(
        spqa(dataDir, ['certificate', 'reinstate', number, '--reason', 'Changed our mind']),
        'a withdrawn certificate cannot be reinstated',
      );
      expectRefused(
        spqa(dataDir, ['certificate', 'suspend', number, '--reason', 'Again']),
        'a withdrawn certificate cannot be suspended',
      );
      expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);

      const shown = spqa(dataDir, ['certificate', 'show', number]);
      expect(shown.status).toBe(0);
      const lines = shown.stdout.trim().split('\n');
      expect(lines[0]).toContain(`${number}  Tyneside Walking Friends  Withdrawn`);
      expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(1, 4).join(' '))).toEqual([
        'issue — ->',
        'suspend active ->',
        'withdraw suspended ->',
      ]);
      expect(shown.stdout).toContain('(Complaint upheld)  by tester');

      const audit = spqa(dataDir, ['audit', 'verify']);
      expect(audit.status, audit.stdout + audit.stderr).toBe(0);
    },
    SLOW,
  );

  it(
    'writes the assessment report as a PDF anyone can read',
    () => {
      const file = join(out, 'report.pdf');
      expectRefused(spqa(dataDir, ['report', 'export', assessmentId]), '--pdf');
      const run = spqa(dataDir, ['report', 'export', assessmentId, '--pdf', file]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`wrote ${file}\n`);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(readFileSync(file));
      for (const expected of [
        'Tyneside Walking Friends',
        ASSESSOR,
        'Accredited, decided by Priya Shah',
        'Two inductions unsigned',
        'Sign off inductions',
      ]) {
        expect(text).toContain(expected);
      }
    },
    SLOW,
  );

  it('says plainly what is wrong with a file that is not a certificate, with exit 3', async () => {
    const whole = readFileSync(join(out, 'cert.pdf'));
    const cut = writeTempFile(out, 'cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = spqa(dataDir, ['certificate', 'verify', cut]);
    expect(truncated.status).toBe(3);
    expect(truncated.stdout).toContain(`FAIL  format    ${cut} is damaged or truncated`);

    const plain = await PDFDocument.create();
    plain.addPage();
    const letter = writeTempFile(out, 'letter.pdf', Buffer.from(await plain.save()));
    const noAttachment = spqa(dataDir, ['certificate', 'verify', letter]);
    expect(noAttachment.status).toBe(3);
    expect(noAttachment.stdout).toContain(
      `${letter} has no attached certificate.json; it is not a certificate PDF from SPQA`,
    );

    expectRefused(
      spqa(dataDir, ['certificate', 'verify', join(out, 'missing.pdf')]),
      'no such file',
    );
    expect(existsSync(join(out, 'missing.pdf'))).toBe(false);
  });
});
