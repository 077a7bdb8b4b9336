import { CsvWriter } from './csv';
import { OrukWriter } from './oruk-writer';
import { RegisterJsonWriter, type OutputWriter } from './outputs';
import { SiteWriter } from './site';
import type { FileOpener } from './staging';
import type { ThreadOutput } from './writer-thread';

/** The writers of the outputs that may go to the writer thread, wherever they are written. */
export function openOutputs(files: FileOpener, outputs: readonly ThreadOutput[]): OutputWriter[] {
  return outputs.map((output) => {
    if (output.kind === 'json') return new RegisterJsonWriter(files, output.header);
    if (output.kind === 'html') return new SiteWriter(files, output.assets, output.context);
    if (output.kind === 'csv') return new CsvWriter(files);
    return new OrukWriter(files);
  });
}

/** How many services the ORUK writer among `writers` published (0 without one). */
export function orukServicesOf(writers: readonly OutputWriter[]): number {
  return writers.find((w): w is OrukWriter => w instanceof OrukWriter)?.serviceCount ?? 0;
}
