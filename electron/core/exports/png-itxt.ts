import { crc32 } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The keyword Open Badges 3.0 bakes a credential under (§5.3 Baking). */
export const BADGE_KEYWORD = 'openbadgecredential';

interface Chunk {
  type: string;
  data: Buffer;
  /** Where the chunk starts in the file (its length field). */
  start: number;
}

/** The file's chunks, each length and CRC checked; throws, saying what is wrong, otherwise. */
function chunksOf(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new Error('not a PNG file');
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error('the PNG file is cut short');
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > png.length) throw new Error('the PNG file is cut short');
    const type = png.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new Error('the PNG file has a malformed chunk');
    const crc = png.readUInt32BE(at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== crc)
      throw new Error(`the PNG file's ${type} chunk is damaged (its CRC does not match)`);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length), start: at });
    at = end;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('the PNG file has no end (IEND) chunk');
  return chunks;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The PNG with an uncompressed iTXt chunk (keyword, no language, UTF-8 text) just before its end,
 * as Open Badges bakes a credential into an image.
 */
export function withITxt(png: Buffer, keyword: string, text: string): Buffer {
  const end = chunksOf(png).at(-1)?.start ?? png.length;
  const data = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(text, 'utf8'),
  ]);
  return Buffer.concat([png.subarray(0, end), chunk('iTXt', data), png.subarray(end)]);
}

/**
 * The text of the file's one iTXt chunk under `keyword`; throws when there is none, more than
 * one, or it is compressed (Open Badges bakes credentials uncompressed).
 */
export function readITxt(png: Buffer, keyword: string): string {
  const found = chunksOf(png).filter(
    (c) =>
      c.type === 'iTXt' &&
      c.data.indexOf(0) === keyword.length &&
      c.data.toString('latin1', 0, keyword.length) === keyword,
  );
  if (found.length === 0) throw new Error(`the image carries no ${keyword} (iTXt) chunk`);
  if (found.length > 1) throw new Error(`the image carries more than one ${keyword} chunk`);
  const data = found[0]?.data ?? Buffer.alloc(0);
  let at = keyword.length + 1;
  if (data[at] !== 0)
    throw new Error(`the ${keyword} chunk is compressed, which Open Badges does not allow`);
  at += 2;
  for (let field = 0; field < 2; field++) {
    const nul = data.indexOf(0, at);
    if (nul < 0) throw new Error(`the ${keyword} chunk is malformed`);
    at = nul + 1;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(at));
  } catch {
    throw new Error(`the ${keyword} chunk is not UTF-8 text`);
  }
}
