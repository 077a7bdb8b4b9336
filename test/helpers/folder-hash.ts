import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One SHA-256 over every file in a folder (names, sizes and bytes, in a fixed order) and its
 * empty folders: equal fingerprints mean the folder is byte-for-byte what it was.
 */
export function folderFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    if (names.length === 0) hash.update(`dir ${relative(root, dir)}\n`);
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        walk(path);
      } else {
        hash.update(`file ${relative(root, path)} ${stat.size}\n`);
        hash.update(readFileSync(path));
      }
    }
  };
  walk(root);
  return hash.digest('hex');
}
