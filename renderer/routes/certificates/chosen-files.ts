import { FILE_LIMITS } from '../../../shared/limits';

/** The files the verify screen was given, sorted by what they are. */
export interface ChosenFiles {
  certificate: File | null;
  statusFile: File | null;
  publicKeys: File[];
}

export const NO_FILES: ChosenFiles = { certificate: null, statusFile: null, publicKeys: [] };

async function looksLikeStatusList(file: File): Promise<boolean> {
  if (file.name.toLowerCase() === 'status.json') return true;
  if (!file.name.toLowerCase().endsWith('.json') || file.size > FILE_LIMITS.certificate)
    return false;
  try {
    const parsed = JSON.parse(await file.text()) as { payload?: { type?: unknown } } | null;
    return parsed?.payload?.type === 'SPQAStatusList';
  } catch {
    return false;
  }
}

/**
 * Sorts dropped or picked files: a public key (.pem), a register's status list, or the
 * certificate itself (a PDF or JSON). Several can come at once, e.g. from a register folder.
 */
export async function sortFiles(files: File[], into: ChosenFiles): Promise<ChosenFiles> {
  const out = { ...into, publicKeys: [...into.publicKeys] };
  for (const file of files) {
    if (file.name.toLowerCase().endsWith('.pem')) out.publicKeys.push(file);
    else if (await looksLikeStatusList(file)) out.statusFile = file;
    else out.certificate = file;
  }
  return out;
}

/** A file's bytes as base64, the form the core takes binary files in. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
