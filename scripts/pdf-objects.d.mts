/** A PDF made of the given objects: see scripts/pdf-objects.mjs. */
export function pdfFromObjects(objects: readonly string[]): string;
