import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CertificateStatus } from '../../../shared/accreditation/vocabulary';
import { statusOn, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import { isoToday } from '../clock';
import type { CoreContext } from '../context';
import { invalid, messageOf, notFound } from '../errors';
import { renderCertificatePdfs } from '../exports/pdf-pool';
import { writeFileAtomic } from '../files/write-file';

export interface ExportPdfsInput {
  folder: string;
  numbers?: string[] | undefined;
  statuses?: CertificateStatus[] | undefined;
}

export interface ExportPdfsResult {
  folder: string;
  files: number;
  bytes: number;
  threads: number;
}

interface SelectionRow {
  number: string;
  status: StoredStatus;
  expires_on: string;
  suspended_on: string | null;
}

/** Documents are read this many at a time, so a national batch never holds every one at once. */
const PAGE = 250;

/** The certificates to export, in number order: named ones (each must exist), else by status. */
function select(ctx: CoreContext, input: ExportPdfsInput): string[] {
  if (input.numbers) {
    // Named ones are looked up one by one: a handful out of a national register.
    const exists = ctx.db.prepare('SELECT 1 FROM certificates WHERE number = ?').pluck();
    const wanted = [...new Set(input.numbers.map((n) => n.trim().toUpperCase()))];
    const missing = wanted.find((n) => exists.get(n) === undefined);
    if (missing) throw notFound('certificate', missing);
    return wanted.sort();
  }
  const rows = ctx.db
    .prepare('SELECT number, status, expires_on, suspended_on FROM certificates ORDER BY number')
    .all() as SelectionRow[];
  if (!input.statuses) return rows.map((r) => r.number);
  const today = isoToday(ctx.clock);
  const statuses = new Set(input.statuses);
  return rows
    .filter((r) =>
      statuses.has(
        statusOn({ status: r.status, expiresOn: r.expires_on, suspendedOn: r.suspended_on }, today),
      ),
    )
    .map((r) => r.number);
}

/** The signed documents of `numbers`, read a page at a time as the renderers ask for them. */
function* documents(ctx: CoreContext, numbers: string[]): Generator<string> {
  for (let at = 0; at < numbers.length; at += PAGE) {
    const page = numbers.slice(at, at + PAGE);
    const rows = ctx.db
      .prepare(
        `SELECT number, document FROM certificates WHERE number IN (${page.map(() => '?').join(',')})`,
      )
      .all(...page) as { number: string; document: string }[];
    const byNumber = new Map(rows.map((r) => [r.number, r.document]));
    for (const number of page) {
      const document = byNumber.get(number);
      // Certificates are never deleted, so one selected a moment ago is still there.
      if (document === undefined) throw notFound('certificate', number);
      yield document;
    }
  }
}

/** Problems with the folder are the folder field's, on the screen. */
const FOLDER = { field: 'folder' };

/** What writeFileAtomic leaves beside a PDF when the process is killed mid-write. */
const PART = /^\..+\.pdf\.[0-9a-f]{12}\.tmp$/;

/** Makes the folder if need be, and removes parts of PDFs an interrupted export left behind. */
async function prepareFolder(folder: string): Promise<void> {
  const existing = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw invalid(`${folder} cannot be used (${error.code ?? error.message})`, FOLDER);
  });
  if (existing && !existing.isDirectory())
    throw invalid(`${folder} is a file, not a folder`, FOLDER);
  try {
    await mkdir(folder, { recursive: true });
    for (const name of await readdir(folder))
      if (PART.test(name)) await rm(join(folder, name), { force: true });
  } catch (error) {
    throw invalid(
      `${folder} cannot be written to (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`,
      FOLDER,
    );
  }
}

/**
 * Writes each certificate's PDF (the same bytes `certificates.render` gives) as `<number>.pdf`,
 * whole or not at all (writeFileAtomic), so the folder never shows a partial PDF; an existing PDF
 * of the same certificate is replaced. Nothing in the records changes, so nothing is audited.
 */
export async function exportCertificatePdfs(
  ctx: CoreContext,
  input: ExportPdfsInput,
): Promise<ExportPdfsResult> {
  // Relative to what? The app and browser mode have no working folder a person would know.
  if (!isAbsolute(input.folder))
    throw invalid('give the full path of the folder to save into', FOLDER);
  const folder = input.folder;
  const numbers = select(ctx, input);
  if (numbers.length === 0) {
    throw invalid(
      input.statuses ? 'no certificate has the statuses chosen' : 'there are no certificates yet',
    );
  }
  await prepareFolder(folder);
  const phase = 'writing certificate PDFs';
  ctx.progress({ phase, done: 0, total: numbers.length });
  let bytes = 0;
  let lastReport = 0;
  const threads = await renderCertificatePdfs(
    documents(ctx, numbers),
    numbers.length,
    { resourcesDir: ctx.resourcesDir, workersDir: ctx.workersDir },
    async (index, pdf) => {
      writeFileAtomic(join(folder, `${numbers[index] ?? ''}.pdf`), pdf);
      bytes += pdf.length;
      const done = index + 1;
      const now = Date.now();
      if (done === numbers.length || now - lastReport >= 100) {
        lastReport = now;
        ctx.progress({ phase, done, total: numbers.length });
      }
    },
    (index) => `certificate ${numbers[index] ?? index + 1}`,
  );
  return { folder, files: numbers.length, bytes, threads };
}
