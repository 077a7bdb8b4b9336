import { getDocument, GlobalWorkerOptions, VerbosityLevel } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';

// The parser runs in pdf.js's own worker, off the window's thread. Vite copies the file into the
// build and rewrites this URL, so it loads from 'self' under the Content Security Policy.
GlobalWorkerOptions.workerSrc = new URL(
  'pdfjs-dist/build/pdf.worker.min.mjs',
  import.meta.url,
).toString();

/**
 * Opens a PDF held in memory. Eval stays off because the policy forbids it (pdf.js then uses its
 * slower, safe path), and only errors are logged: missing standard fonts fall back to system
 * fonts, which is fine for a preview.
 */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}
