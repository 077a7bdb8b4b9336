import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../shared/error-message';

// Widest the page is drawn, in CSS pixels; the dialog scrolls for anything taller.
const MAX_WIDTH = 760;

/**
 * Draws one page of a PDF at a time onto a canvas, with the page count and previous/next.
 * pdf.js is loaded only when a PDF is first previewed, so the rest of the app stays small. The
 * page's text is offered under the canvas, since a canvas alone says nothing to a screen reader.
 */
export function PdfPreview({ data, title }: { data: Uint8Array; title: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [pageText, setPageText] = useState('');
  const [error, setError] = useState('');
  const [rendering, setRendering] = useState(true);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    const bytes = data.slice();
    void import('./pdf')
      .then(({ openPdf }) => openPdf(bytes).promise)
      .then(
        (pdf) => {
          loaded = pdf;
          if (cancelled) void pdf.destroy();
          else setDoc(pdf);
        },
        (reason: unknown) => {
          if (!cancelled) setError(`This PDF could not be read: ${messageOf(reason)}`);
        },
      );
    return () => {
      cancelled = true;
      if (loaded) void loaded.destroy();
    };
  }, [data]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return undefined;
    let cancelled = false;
    let task: RenderTask | null = null;
    setRendering(true);
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: Math.min(2, MAX_WIDTH / base.width) });
        // Drawn at the screen's pixel density so text stays sharp; shown at CSS size.
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
        task = page.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        });
        await task.promise;
        const content = await page.getTextContent();
        if (cancelled) return;
        setPageText(
          content.items
            .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
            .join('')
            .trim(),
        );
        setRendering(false);
      } catch (error) {
        // Moving to another page cancels the drawing of this one; that is no failure.
        const superseded = error instanceof Error && error.name === 'RenderingCancelledException';
        if (!cancelled && !superseded)
          setError(`Page ${pageNumber} could not be drawn: ${messageOf(error)}`);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber]);

  if (error) return <p className="notice notice-error">{error}</p>;
  const pages = doc?.numPages ?? 0;
  return (
    <div className="pdf-preview">
      <div className="pdf-toolbar">
        <button
          type="button"
          className="button secondary small"
          onClick={() => setPageNumber((page) => page - 1)}
          disabled={!doc || pageNumber <= 1}
        >
          Previous page
        </button>
        <p className="pdf-page-count" role="status">
          {doc ? `Page ${pageNumber} of ${pages}` : 'Opening the PDF…'}
        </p>
        <button
          type="button"
          className="button secondary small"
          onClick={() => setPageNumber((page) => page + 1)}
          disabled={!doc || pageNumber >= pages}
        >
          Next page
        </button>
      </div>
      <div className="pdf-page" aria-busy={rendering}>
        <canvas
          ref={canvasRef}
          className="pdf-canvas"
          role="img"
          aria-label={`Page ${pageNumber} of ${title}`}
        />
      </div>
      {doc && !rendering ? (
        <details className="pdf-text">
          <summary>Text of page {pageNumber}</summary>
          {pageText ? (
            <p className="pre-line">{pageText}</p>
          ) : (
            <p className="muted">This page has no text that can be read out (it may be a scan).</p>
          )}
        </details>
      ) : null}
    </div>
  );
}
