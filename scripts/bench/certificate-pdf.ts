import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { openCore } from '../../electron/core/app';
import { RESOURCES_DIR, timed, type Bench } from './common';

const COUNT = 200;

/**
 * Certificate PDFs per second, rendered by the core from the signed certificates of the 10,000
 * provider data set. The baseline is pdf-lib itself writing a one-page PDF with the same embedded
 * font and a line of text, the least any certificate PDF can cost with this library.
 */
export const certificatePdfBench: Bench = {
  name: 'certificate-pdf',
  summary: 'certificate PDFs per second',
  async run(ctx) {
    const dataDir = await ctx.dataDir(10_000);
    const core = await openCore({ dataDir, resourcesDir: RESOURCES_DIR, actor: 'bench' });
    try {
      const numbers = core.context.db
        .prepare('SELECT number FROM certificates ORDER BY number LIMIT ?')
        .pluck()
        .all(COUNT) as string[];
      if (numbers.length === 0) throw new Error('the data set has no certificates');
      // One first, untimed: fonts and the framework are loaded once per process.
      await core.invoke('certificates.render', { number: numbers[0], format: 'pdf' });
      let bytes = 0;
      const cpuBefore = process.cpuUsage();
      const { ms } = await timed(async () => {
        for (const number of numbers) {
          const result = await core.invoke('certificates.render', { number, format: 'pdf' });
          if (!result.ok) throw new Error(result.error.message);
          bytes += result.value.base64.length * 0.75;
        }
      });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const perSecond = numbers.length / (ms / 1000);
      // The machine may be shared: CPU time says what one otherwise idle core would manage.
      ctx.log(
        `  CPU time ${(cpuMs / numbers.length).toFixed(1)} ms per PDF (${(numbers.length / (cpuMs / 1000)).toFixed(0)}/s on an idle core)`,
      );
      ctx.log(
        `  ${numbers.length} PDFs in ${ms.toFixed(0)} ms, ${(bytes / numbers.length / 1024).toFixed(0)} KB each`,
      );

      const font = readFileSync(join(RESOURCES_DIR, 'fonts', 'DejaVuSans.ttf'));
      const base = await timed(async () => {
        for (let i = 0; i < numbers.length; i += 1) {
          const pdf = await PDFDocument.create();
          pdf.registerFontkit(fontkit);
          const embedded = await pdf.embedFont(font, { subset: true });
          pdf
            .addPage([595, 842])
            .drawText(`Certificate ${i}`, { x: 72, y: 760, size: 14, font: embedded });
          await pdf.save();
        }
      });
      const basePerSecond = numbers.length / (base.ms / 1000);
      return [
        {
          name: 'certificate PDFs per second',
          value: perSecond,
          unit: 'PDFs/s',
          baseline: { label: 'pdf-lib: one page, same font, one line', value: basePerSecond },
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
