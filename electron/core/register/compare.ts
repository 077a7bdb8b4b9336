import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterDiff } from '../../../shared/contract/register';
import { diffRegisters } from '../../../shared/register/diff';
import { PUBLICATION_FILES, type Register, registerSchema } from '../../../shared/register/schema';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { invalid } from '../errors';
import { readTextFile } from '../files/read-text';
import { parseJsonText } from '../json-text';

const MAX_REGISTER_BYTES = 1 << 30;

/** A publication folder (its register.json) or a register.json file, read and checked. */
export function readPublishedRegister(path: string): { source: string; register: Register } {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, PUBLICATION_FILES.register);
  } catch {
    throw invalid(`${path}: no such file or folder`);
  }
  const parsed = registerSchema.safeParse(
    parseJsonText(readTextFile(file, MAX_REGISTER_BYTES), file),
  );
  if (!parsed.success)
    throw invalid(`${file} is not a register: ${summariseProblems(problemsFromZod(parsed.error))}`);
  return { source: file, register: parsed.data };
}

export function comparePublications(oldPath: string, newPath: string): RegisterDiff {
  const before = readPublishedRegister(oldPath);
  const after = readPublishedRegister(newPath);
  const summary = (r: { source: string; register: Register }) => ({
    source: r.source,
    generatedAt: r.register.generatedAt,
    entries: r.register.entries.length,
  });
  return {
    old: summary(before),
    new: summary(after),
    changes: diffRegisters(before.register.entries, after.register.entries),
  };
}
