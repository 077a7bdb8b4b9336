import type { Bench } from './common';
import { certificatePdfBench } from './certificate-pdf';
import { evidenceIngestBench } from './evidence-ingest';
import { openAssessmentBench } from './open-assessment';
import { providerSearchBench } from './provider-search';
import { rendererBench } from './renderer';

/**
 * Every benchmark `npm run bench` runs, in order. Add one by writing a module that exports a
 * Bench (see common.ts) and listing it here; the register build and bundle import benchmarks of
 * issue #6 belong here once those features land.
 */
export const BENCHES: Bench[] = [
  providerSearchBench,
  openAssessmentBench,
  certificatePdfBench,
  evidenceIngestBench,
  rendererBench,
];
