import { bundleImportBench } from './bundle-import';
import type { Bench } from './common';
import { certificatePdfBench } from './certificate-pdf';
import { credentialsBench } from './credentials';
import { evidenceIngestBench } from './evidence-ingest';
import { openAssessmentBench } from './open-assessment';
import { providerSearchBench } from './provider-search';
import { registerBuildBench } from './register-build';
import { rendererBench } from './renderer';

/**
 * Every benchmark `npm run bench` runs, in order. Add one by writing a module that exports a
 * Bench (see common.ts) and listing it here.
 */
export const BENCHES: Bench[] = [
  providerSearchBench,
  openAssessmentBench,
  certificatePdfBench,
  evidenceIngestBench,
  registerBuildBench,
  bundleImportBench,
  credentialsBench,
  rendererBench,
];
