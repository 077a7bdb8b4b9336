/**
 * Files from a drop or a folder picker. Folders are walked to the bottom; hidden files (".DS_Store",
 * ".git/...") are left out, as the command line's --folder does, and counted so the form can say.
 */
export interface GatheredFiles {
  files: File[];
  skipped: number;
}

const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAll(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const out: FileSystemEntry[] = [];
  // readEntries hands back a batch at a time (100 in Chromium) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, into: GatheredFiles, inFolder: boolean): Promise<void> {
  if (inFolder && entry.name.startsWith('.')) {
    into.skipped += 1;
    return;
  }
  if (entry.isFile) {
    into.files.push(await fileOf(entry as FileSystemFileEntry));
  } else if (entry.isDirectory) {
    const children = await readAll(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, into, true);
  }
}

/**
 * Must be called during the drop event itself: the browser empties the DataTransfer as soon as
 * the handler returns, so the entries are taken first and read afterwards.
 */
export function gatherDropped(data: DataTransfer): Promise<GatheredFiles> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  const taken = items.map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  return (async () => {
    const out: GatheredFiles = { files: [], skipped: 0 };
    for (const { entry, file } of taken) {
      // Files made by a page script have no entry; they can still be read as plain files.
      if (entry) await walk(entry, out, false);
      else if (file) out.files.push(file);
    }
    return out;
  })();
}

/** Files from an <input webkitdirectory>: every file in the folder tree, in path order. */
export function gatherFolder(list: FileList): GatheredFiles {
  const all = [...list].sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath));
  const files = all.filter((f) => !isHidden(f.webkitRelativePath));
  return { files, skipped: all.length - files.length };
}
