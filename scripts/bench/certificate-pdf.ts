import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { type Bench, must, openBenchCore, RESOURCES_DIR, timed } from './common';

const COUNT = 600;
const ONE_THREAD_COUNT = 100;

/**
 * Certificate PDFs per second, rendered by the core from the signed certificates of the 10,000
 * provider data set and written to disk by the batch export (worker threads on every core); one
 * thread's rate is printed beside it. The baseline is pdf-lib itself, on one thread, writing a
 * one-page PDF with the same embedded font and a line of text: the least any certificate PDF can
 * cost with this library.
 */
export const certificatePdfBench: Bench = {
  name: 'certificate-pdf',
  summary: 'certificate PDFs per second',
  async run(ctx) {
    const dataDir = await ctx.dataDir(10_000);
    const core = await openBenchCore(dataDir, { workers: true });
    try {
      const numbers = core.context.db
        .prepare('SELECT number FROM certificates ORDER BY number LIMIT ?')
        .pluck()
        .all(COUNT) as string[];
      if (numbers.length === 0) throw new Error('the data set has no certificates');
      // One first, untimed: fonts and the framework are loaded once per process.
      await core.invoke('certificates.render', { number: numbers[0], format: 'pdf' });

      // On one thread, as `certificate export` renders a single certificate.
      const oneThread = numbers.slice(0, ONE_THREAD_COUNT);
      const cpuBefore = process.cpuUsage();
      const serial = await timed(async () => {
        for (const number of oneThread) {
          must(await core.invoke('certificates.render', { number, format: 'pdf' }));
        }
      });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      ctx.log(
        `  one thread: ${oneThread.length} PDFs in ${serial.ms.toFixed(0)} ms (${(oneThread.length / (serial.ms / 1000)).toFixed(1)}/s); ` +
          `CPU ${(cpuMs / oneThread.length).toFixed(1)} ms per PDF`,
      );

      // The batch path (`certificate export-pdfs`, the Certificates screen): rendered on every
      // core by worker threads, written to disk; thread start-up is inside the time.
      const folder = join(ctx.scratch, 'certificate-pdfs');
      const batch = await timed(() => core.invoke('certificates.exportPdfs', { folder, numbers }));
      const { files, bytes, threads } = must(batch.value);
      const perSecond = files / (batch.ms / 1000);
      ctx.log(
        `  batch: ${files} PDFs in ${batch.ms.toFixed(0)} ms on ${threads} threads, ${(bytes / files / 1024).toFixed(0)} KB each`,
      );

      const font = readFileSync(join(RESOURCES_DIR, 'fonts', 'DejaVuSans.ttf'));
      const base = await timed(async () => {
        for (let i = 0; i < ONE_THREAD_COUNT; i += 1) {
          const pdf = await PDFDocument.create();
          pdf.registerFontkit(fontkit);
          const embedded = await pdf.embedFont(font, { subset: true });
          pdf
            .addPage([595, 842])
            .drawText(`Certificate ${i}`, { x: 72, y: 760, size: 14, font: embedded });
          await pdf.save();
        }
      });
      const basePerSecond = ONE_THREAD_COUNT / (base.ms / 1000);
      return [
        {
          name: 'certificate PDFs per second',
          value: perSecond,
          unit: 'PDFs/s',
          baseline: {
            label: 'pdf-lib on one thread: one page, same font, one line',
            value: basePerSecond,
          },
          ratio: perSecond / basePerSecond,
          ratioMeaning: 'share of the bare library’s rate',
          target: '≥ 50/s',
          met: perSecond >= 50,
        },
      ];
    } finally {
      core.close();
    }
  },
};
