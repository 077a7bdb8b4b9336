import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

/** The SHA-256 of a file, streamed (never read whole), reporting the bytes read so far. */
export async function sha256OfFile(
  path: string,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    onBytes(bytes);
  }
  return hash.digest('hex');
}
