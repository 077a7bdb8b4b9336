import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { generateData } from '../../scripts/bench/generator/generate';
import { renderCertificatePdfs, threadsFor } from '../../electron/core/exports/pdf-pool';
import type { Progress } from '../../shared/result';
import { spqa } from '../helpers/cli';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { folderFingerprint } from '../helpers/folder-hash';
import { RESOURCES_DIR, WORKERS_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

let core: Core;
let numbers: string[];
/** What `certificates.render` gives for each certificate: the bytes every batch must match. */
const single = new Map<string, Buffer>();

beforeAll(async () => {
  core = await openTestCore({ workersDir: WORKERS_DIR });
  generateData(core.context, { providers: 50, passphrase: 'batch-test-passphrase', seed: 7 });
  numbers = core.context.db
    .prepare('SELECT number FROM certificates ORDER BY number')
    .pluck()
    .all() as string[];
  for (const number of numbers) {
    const rendered = unwrap(await core.invoke('certificates.render', { number, format: 'pdf' }));
    single.set(number, Buffer.from(rendered.base64, 'base64'));
  }
}, 120_000);

function pdfsIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

describe('certificate PDFs in a batch', () => {
  it('has enough certificates to spread over threads', () => {
    expect(numbers.length).toBeGreaterThanOrEqual(16);
    expect(
      threadsFor(numbers.length, { resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR }),
    ).toBe(Math.min(availableParallelism(), 8, Math.ceil(numbers.length / 8)));
  });

  it('writes every certificate on worker threads, byte for byte what a single export gives', async () => {
    const folder = join(tempDir(), 'pdfs');
    const progress: Progress[] = [];
    const result = unwrap(
      await core.invoke(
        'certificates.exportPdfs',
        { folder },
        { onProgress: (p) => progress.push(p) },
      ),
    );
    expect(result.threads).toBeGreaterThanOrEqual(1);
    expect(result.files).toBe(numbers.length);
    expect(pdfsIn(folder)).toEqual(numbers.map((n) => `${n}.pdf`).sort());
    let bytes = 0;
    for (const number of numbers) {
      const written = readFileSync(join(folder, `${number}.pdf`));
      expect(written.equals(single.get(number) ?? Buffer.alloc(0)), number).toBe(true);
      bytes += written.length;
    }
    expect(result.bytes).toBe(bytes);
    expect(progress.at(-1)).toMatchObject({ done: numbers.length, total: numbers.length });
    expect(progress.every((p, i) => i === 0 || p.done >= (progress[i - 1]?.done ?? 0))).toBe(true);
  });

  it('gives the same files rendered on the core’s own thread when there are no worker scripts', async () => {
    const plain = await openTestCore({ dataDir: core.context.dataDir });
    const folder = join(tempDir(), 'pdfs');
    const result = unwrap(
      await plain.invoke('certificates.exportPdfs', { folder, numbers: numbers.slice(0, 10) }),
    );
    expect(result.threads).toBe(0);
    for (const number of numbers.slice(0, 10)) {
      expect(
        readFileSync(join(folder, `${number}.pdf`)).equals(single.get(number) ?? Buffer.alloc(0)),
      ).toBe(true);
    }
  });

  it('exports only the certificates named, or only those with the statuses chosen', async () => {
    const listed = unwrap(await core.invoke('certificates.list', {}));
    const suspended = listed.find((c) => c.status === 'active')?.number;
    if (!suspended) throw new Error('the data set has no active certificate');
    expect(listed.some((c) => c.status === 'suspended')).toBe(false);
    unwrap(
      await core.invoke('certificates.suspend', {
        number: suspended,
        reason: 'batch test suspension',
      }),
    );
    const bySuspension = join(tempDir(), 'suspended');
    unwrap(
      await core.invoke('certificates.exportPdfs', {
        folder: bySuspension,
        statuses: ['suspended'],
      }),
    );
    expect(pdfsIn(bySuspension)).toEqual([`${suspended}.pdf`]);

    const named = join(tempDir(), 'named');
    const chosen = numbers.slice(2, 5).map((n) => n.toLowerCase());
    unwrap(await core.invoke('certificates.exportPdfs', { folder: named, numbers: chosen }));
    expect(pdfsIn(named)).toEqual(numbers.slice(2, 5).map((n) => `${n}.pdf`));
    unwrap(
      await core.invoke('certificates.reinstate', { number: suspended, reason: 'batch test over' }),
    );
  });

  it('refuses an unknown certificate, a file in place of the folder and an empty choice, writing nothing', async () => {
    const root = tempDir();
    const before = folderFingerprint(root);
    const folder = join(root, 'pdfs');
    expect(
      failure(
        await core.invoke('certificates.exportPdfs', {
          folder,
          numbers: [numbers[0], 'SPQA-1999-000001'],
        }),
        'not_found',
      ).message,
    ).toContain('SPQA-1999-000001');
    expect(existsSync(folder)).toBe(false);
    expect(
      failure(
        await core.invoke('certificates.exportPdfs', { folder, statuses: ['withdrawn'] }),
        'invalid_input',
      ).message,
    ).toBe('no certificate has the statuses chosen');
    expect(existsSync(folder)).toBe(false);
    expect(folderFingerprint(root)).toBe(before);

    expect(
      failure(
        await core.invoke('certificates.exportPdfs', { folder: 'relative/pdfs' }),
        'invalid_input',
      ),
    ).toMatchObject({
      message: 'give the full path of the folder to save into',
      details: { field: 'folder' },
    });

    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(
      failure(await core.invoke('certificates.exportPdfs', { folder: file }), 'invalid_input')
        .message,
    ).toBe(`${file} is a file, not a folder`);
  });
});

describe('the PDF thread pool', () => {
  const documents = () =>
    numbers.map(
      (n) =>
        core.context.db
          .prepare('SELECT document FROM certificates WHERE number = ?')
          .pluck()
          .get(n) as string,
    );

  it('hands PDFs over in the order given, however the threads finish, and waits for each write', async () => {
    const seen: number[] = [];
    let writing = false;
    const threads = await renderCertificatePdfs(
      documents(),
      numbers.length,
      { resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR, threads: 2 },
      async (index, bytes) => {
        expect(writing).toBe(false);
        writing = true;
        // A slow write on some files lets the threads run ahead and finish out of order.
        if (index % 3 === 0) await new Promise((r) => setTimeout(r, 15));
        expect(Buffer.from(bytes).equals(single.get(numbers[index] ?? '') ?? Buffer.alloc(0))).toBe(
          true,
        );
        seen.push(index);
        writing = false;
      },
    );
    expect(threads).toBe(2);
    expect(seen).toEqual(numbers.map((_, i) => i));
  });

  it('stops the batch with the reason when one certificate cannot be rendered', async () => {
    const docs = documents();
    docs.splice(5, 0, JSON.stringify({ payload: { number: 'broken' }, signature: {} }));
    // And one that is not even JSON: its job fails alone, the thread carries on.
    docs.splice(9, 0, '{"payload":');
    const delivered: number[] = [];
    let writing = false;
    let settledWhileWriting = false;
    const batch = renderCertificatePdfs(
      docs,
      docs.length,
      { resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR, threads: 2 },
      async (index) => {
        writing = true;
        // A slow write is under way when the broken one fails: the batch waits for it.
        await new Promise((r) => setTimeout(r, 40));
        delivered.push(index);
        writing = false;
      },
      (index) => `item ${index}`,
    );
    await expect(
      batch.finally(() => {
        settledWhileWriting = writing;
      }),
    ).rejects.toThrow(/^item (5|9) could not be rendered as a PDF: /);
    expect(settledWhileWriting).toBe(false);
    expect(delivered.every((i) => i < 5)).toBe(true);
  });

  it('stops the batch when reading the next certificate fails part-way', async () => {
    const docs = documents();
    function* failing(): Generator<string> {
      for (const [i, doc] of docs.entries()) {
        if (i === 12) throw new Error('database disk image is malformed');
        yield doc;
      }
    }
    const delivered: number[] = [];
    await expect(
      renderCertificatePdfs(
        failing(),
        docs.length,
        { resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR, threads: 2 },
        async (index) => {
          delivered.push(index);
        },
      ),
    ).rejects.toThrow('database disk image is malformed');
    expect(delivered.every((i) => i < 12)).toBe(true);
  });

  it('stops the batch when writing a PDF fails', async () => {
    await expect(
      renderCertificatePdfs(
        documents(),
        numbers.length,
        { resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR, threads: 2 },
        async (index) => {
          if (index === 3) throw new Error('disk full');
        },
      ),
    ).rejects.toThrow('disk full');
  });
});

describe('spqa certificate export-pdfs', () => {
  it('writes the PDFs chosen, and refuses bad choices with exit code 2', () => {
    const dataDir = core.context.dataDir;
    const folder = join(tempDir(), 'from-cli');
    const run = spqa(
      dataDir,
      ['certificate', 'export-pdfs', folder, '--status', 'active,expired'],
      {},
      { timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const files = pdfsIn(folder);
    expect(run.stdout).toMatch(new RegExp(`^wrote ${files.length} certificate PDFs \\(`));
    for (const file of files) {
      expect(
        readFileSync(join(folder, file)).equals(
          single.get(file.replace(/\.pdf$/, '')) ?? Buffer.alloc(0),
        ),
      ).toBe(true);
    }

    // Run from another folder with a relative path, asking for JSON: the CLI resolves the path
    // where it runs, and renders on the worker threads it bundles.
    const cwd = tempDir();
    const relative = spqa(
      dataDir,
      [
        '--json',
        'certificate',
        'export-pdfs',
        'out',
        '--number',
        numbers[0] ?? '',
        '--number',
        numbers[1] ?? '',
      ],
      {},
      { cwd, timeout: 120_000 },
    );
    expect(relative.status, relative.stderr).toBe(0);
    expect(JSON.parse(relative.stdout)).toMatchObject({ folder: join(cwd, 'out'), files: 2 });
    const all = spqa(
      dataDir,
      ['--json', 'certificate', 'export-pdfs', join(cwd, 'all')],
      {},
      { timeout: 120_000 },
    );
    expect(all.status, all.stderr).toBe(0);
    expect((JSON.parse(all.stdout) as { threads: number }).threads).toBeGreaterThanOrEqual(1);

    const bad = spqa(dataDir, ['certificate', 'export-pdfs', folder, '--status', 'lapsed']);
    expect(bad.status).toBe(2);
    expect(bad.errorLines).toEqual([
      'spqa: --status lapsed: not a certificate status; use active, suspended, withdrawn, superseded, expired',
    ]);
    const both = spqa(dataDir, [
      'certificate',
      'export-pdfs',
      folder,
      '--status',
      'active',
      '--number',
      numbers[0] ?? '',
    ]);
    expect(both.status).toBe(2);
    const missing = spqa(dataDir, [
      'certificate',
      'export-pdfs',
      folder,
      '--number',
      'SPQA-1999-000001',
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('SPQA-1999-000001');
    expect(pdfsIn(folder)).toEqual(files);
  });
});
