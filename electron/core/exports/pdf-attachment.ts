import { inflateSync } from 'node:zlib';
import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { AppError } from '../errors';

/** The name under which a certificate PDF carries its signed JSON. */
export const CERTIFICATE_ATTACHMENT = 'certificate.json';

// Bounds for hostile files: a certificate PDF is about 100 KB and its JSON a few KB.
const MAX_PDF_BYTES = 32 * 1024 * 1024;
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
const MAX_TREE_DEPTH = 32;
const MAX_TREE_NODES = 10_000;

const invalid = (message: string) => new AppError('invalid_input', message);

/**
 * Reads the embedded file `name` from a PDF's EmbeddedFiles name tree. Every way a file can be
 * wrong (not a PDF, cut short, encrypted, no such attachment, a tree that loops) becomes an
 * invalid_input error naming `fileName`, never a crash or an endless walk.
 */
export async function extractPdfAttachment(
  pdf: Uint8Array,
  name: string,
  fileName: string,
): Promise<Uint8Array> {
  if (pdf.length < 8 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw invalid(`${fileName} is not a PDF`);
  }
  if (pdf.length > MAX_PDF_BYTES) {
    throw invalid(`${fileName} is larger than any certificate PDF (${MAX_PDF_BYTES >> 20} MB)`);
  }
  // A complete PDF ends with %%EOF (an incremental update adds another); pdf-lib would recover
  // what it could from a cut file, so truncation is caught here where it can be named.
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) throw damaged(fileName, 'it ends before the end-of-file marker');

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    // pdf-lib cannot decrypt; an encrypted file often fails parsing before pdf-lib sees /Encrypt.
    if (error instanceof EncryptedPDFError || Buffer.from(pdf).includes('/Encrypt')) {
      throw invalid(`${fileName} is encrypted, so its attached certificate cannot be read`);
    }
    throw damaged(fileName, 'it could not be parsed');
  }

  try {
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    const spec = tree ? findInNameTree(doc, tree, name) : undefined;
    if (!spec) {
      const what = name === CERTIFICATE_ATTACHMENT ? '; it is not a certificate PDF from SPQA' : '';
      throw invalid(`${fileName} has no attached ${name}${what}`);
    }
    return readFileSpec(doc, spec, name, fileName);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(fileName, `its attached ${name} cannot be read`);
  }
}

function damaged(fileName: string, why: string): AppError {
  return invalid(`${fileName} is damaged or truncated: ${why}`);
}

function keyText(key: PDFObject | undefined): string | undefined {
  return key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
}

/** Walks /Names and /Kids breadth-first, visiting each node once, within fixed bounds. */
function findInNameTree(doc: PDFDocument, root: PDFDict, name: string): PDFObject | undefined {
  const seen = new Set<PDFDict>();
  let level: PDFDict[] = [root];
  for (let depth = 0; depth < MAX_TREE_DEPTH && level.length > 0; depth++) {
    const next: PDFDict[] = [];
    for (const node of level) {
      if (seen.has(node)) continue;
      seen.add(node);
      if (seen.size > MAX_TREE_NODES) return undefined;
      const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
      for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
        if (keyText(pairs.lookup(i)) === name) return pairs.lookup(i + 1);
      }
      const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
      for (let i = 0; kids && i < kids.size(); i++) {
        const kid = doc.context.lookup(kids.get(i));
        if (kid instanceof PDFDict) next.push(kid);
      }
    }
    level = next;
  }
  return undefined;
}

function readFileSpec(doc: PDFDocument, spec: PDFObject, name: string, fileName: string) {
  const broken = () => damaged(fileName, `its attached ${name} cannot be read`);
  if (!(spec instanceof PDFDict)) throw broken();
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const stream = doc.context.lookup(ef?.get(PDFName.of('F')) ?? ef?.get(PDFName.of('UF')));
  if (!(stream instanceof PDFRawStream)) throw broken();
  return decodeStream(stream, fileName);
}

/**
 * Flate (what pdf-lib writes) is inflated by zlib with an output cap, so a small compression
 * bomb cannot fill memory; other filters go through pdf-lib's decoders and are capped after.
 */
function decodeStream(stream: PDFRawStream, fileName: string): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  const tooBig = () => invalid(`${fileName}: the attached file is implausibly large`);
  const params = stream.dict.get(PDFName.of('DecodeParms'));
  if (filters.length === 0) return stream.contents;
  if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode') && !params) {
    try {
      return new Uint8Array(
        inflateSync(stream.contents, { maxOutputLength: MAX_ATTACHMENT_BYTES }),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
      throw error;
    }
  }
  const decoded = decodePDFRawStream(stream).decode();
  if (decoded.length > MAX_ATTACHMENT_BYTES) throw tooBig();
  return decoded;
}
