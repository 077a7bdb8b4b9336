import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The bundled DejaVu faces. The PDF standard fonts only cover WinAnsi, which has no Ŵ or Ŷ, so
 * Welsh and Irish names need embedded TrueType fonts; subsetting keeps a certificate small.
 */
const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

// The package is CommonJS under Node and an ES module under bundlers: take whichever shape came.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const fontkit = ((fontkitModule as { default?: Fontkit }).default ?? fontkitModule) as Fontkit;

/**
 * Parsing a TrueType file is most of the cost of a certificate PDF; the parsed font only serves
 * to lay out text and build each document's own subset, so it is parsed once per process and
 * shared (the cache is keyed by the bytes, which are themselves read once).
 */
type Font = ReturnType<Fontkit['create']>;
const parsedFonts = new WeakMap<Uint8Array, Font>();
const sharedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = rememberLayouts(fontkit.create(bytes));
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/** Laid-out strings kept per font; past this many the memory is cleared and filling starts again. */
const MAX_LAYOUTS = 5000;

/**
 * Shaping a string with the font's OpenType tables is the other large cost, and most of a
 * certificate's text is the same in every one (labels, the standard statements). pdf-lib only
 * reads the glyph runs it gets, so a run is kept and handed out again for the same string.
 */
function rememberLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<Font['layout']>>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_LAYOUTS) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    return run;
  };
  return font;
}

// Fonts are read once per process: a batch of certificates should not reread 2.5 MB each time.
const cache = new Map<string, Promise<Uint8Array>>();

function fontBytes(resourcesDir: string, file: string): Promise<Uint8Array> {
  const path = join(resourcesDir, 'fonts', file);
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFile(path).then(
      (buffer) => new Uint8Array(buffer),
      (error: NodeJS.ErrnoException) => {
        cache.delete(path);
        throw new Error(`the PDF font ${path} could not be read (${error.code ?? error.message})`);
      },
    );
    cache.set(path, bytes);
  }
  return bytes;
}

/** Embeds the named faces, subset to the glyphs each document uses. */
export async function embedFonts<K extends FontName>(
  pdf: PDFDocument,
  resourcesDir: string,
  names: readonly K[],
): Promise<Record<K, PDFFont>> {
  pdf.registerFontkit(sharedFontkit);
  const fonts = {} as Record<K, PDFFont>;
  for (const name of names) {
    const bytes = await fontBytes(resourcesDir, FONT_FILES[name]);
    fonts[name] = await pdf.embedFont(bytes, { subset: true });
  }
  return fonts;
}
