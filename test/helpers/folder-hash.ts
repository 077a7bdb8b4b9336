import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One SHA-256 over a data folder: every folder and file name, and every file's bytes, in a fixed
 * order. Equal fingerprints mean the folder is byte-for-byte what it was. SQLite's `-shm` file is
 * left out: it is the shared-memory index of a database in WAL mode, which every reader writes to
 * while the database is open, so it says nothing about the records.
 */
export function folderFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) {
        hash.update(`dir ${relative(root, path)}\n`);
        walk(path);
      } else if (!name.endsWith('-shm')) {
        hash.update(`file ${relative(root, path)}\n`).update(readFileSync(path));
      }
    }
  };
  walk(root);
  return hash.digest('hex');
}
