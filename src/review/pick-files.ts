/**
 * The files a teacher gives the review page: from the file picker, a folder picker
 * (`webkitdirectory`), or dropped on the page (files and whole folders, walked through
 * `webkitGetAsEntry`). Only `.json` files are taken; the rest are counted, so the page can say so.
 */

/** One file to import, named as the teacher will see it (a folder's files keep their relative path). */
export interface PickedFile {
  name: string;
  file: File;
}

export interface Picked {
  files: PickedFile[];
  /** Files left out because they do not end in `.json`. */
  skipped: number;
  /** Files left out because there were more than `MAX_FILES`. */
  overLimit: number;
}

/** The most files one import takes: a few classes' worth, far below what would stall the page. */
export const MAX_FILES = 2000;

const isJson = (name: string): boolean => name.toLowerCase().endsWith('.json');

function collect(all: PickedFile[], skippedBefore = 0): Picked {
  const json = all.filter((p) => isJson(p.name));
  json.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return { files: json.slice(0, MAX_FILES), skipped: skippedBefore + all.length - json.length, overLimit: Math.max(0, json.length - MAX_FILES) };
}

/** The files of an `<input type="file">` (a folder picker's carry their path inside the folder). */
export function pickedFromInput(list: FileList | null): Picked {
  const all = Array.from(list ?? [], (file) => ({ name: file.webkitRelativePath || file.name, file }));
  return collect(all);
}

function fileOf(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
}

/**
 * The entries of a drop. Must be called while the drop event is handled: the browser empties the
 * data transfer as soon as the handler returns.
 */
export function dropEntries(data: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
  }
  return { entries, files: Array.from(data.files) };
}

/**
 * Every file under the dropped entries, folders walked with a stack (never recursion: a folder's
 * depth is not ours to bound). Falls back to the plain file list where entries are not offered.
 */
export async function pickedFromDrop(dropped: { entries: FileSystemEntry[]; files: File[] }): Promise<Picked> {
  if (dropped.entries.length === 0) return collect(dropped.files.map((file) => ({ name: file.name, file })));
  const out: PickedFile[] = [];
  let skipped = 0;
  const stack = [...dropped.entries];
  // Enough to walk a few classes' folders; a drop of a whole disk stops here.
  let budget = MAX_FILES * 5;
  while (stack.length > 0 && budget-- > 0) {
    const entry = stack.pop() as FileSystemEntry;
    if (entry.isFile) {
      if (!isJson(entry.name)) {
        skipped++;
        continue;
      }
      const file = await fileOf(entry as FileSystemFileEntry);
      if (file) out.push({ name: entry.fullPath.replace(/^\//, '') || entry.name, file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches (about 100) until it answers with none.
      for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) stack.push(...batch);
    }
  }
  return collect(out, skipped);
}
