import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes the sniffer looks at; enough for every signature file-type knows. */
export const SNIFF_BYTES = 4100;

/** The media type of content nothing more is known about: opened as a download, never shown. */
export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/**
 * The media type of a file judged from its content, never its name: binary signatures by
 * file-type, then text if the head is valid UTF-8 without control bytes, else octet-stream.
 */
export async function sniffMediaType(head: Uint8Array, whole: boolean): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (looksLikeText(head, whole)) return 'text/plain';
  return UNKNOWN_MEDIA_TYPE;
}

function looksLikeText(head: Uint8Array, whole: boolean): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte === 0) return false;
    // Control characters other than tab, newline, form feed and carriage return mean binary.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) return false;
  }
  // A head cut from a longer file may end mid-character: drop the last, possibly partial, one.
  let end = head.length;
  if (!whole) {
    while (end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) end -= 1;
    end = Math.max(0, end - 1);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
