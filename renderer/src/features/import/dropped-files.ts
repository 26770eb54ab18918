/**
 * Files and whole folders dropped on the import dialog. A dropped folder arrives as a
 * directory entry, not a file; walk it and take the files the import can read.
 */
import { extensionOf, SUPPORTED_EXTENSIONS } from '../../../../shared/import';
import type { PickedFile } from '../../host';

const importable = new Set<string>(SUPPORTED_EXTENSIONS);

async function read(file: File, name = file.name): Promise<PickedFile> {
  return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out a folder's entries in batches until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    // Inside a folder only transcripts count (no .DS_Store or images); a file dropped on its own is always tried.
    if (inFolder && (entry.name.startsWith('.') || !importable.has(extensionOf(entry.name)))) return;
    out.push(await read(await fileOf(entry as FileSystemFileEntry), inFolder ? entry.fullPath.replace(/^\//, '') : entry.name));
  } else if (entry.isDirectory) {
    const children = (await entriesOf(entry as FileSystemDirectoryEntry)).sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, true, out);
  }
}

/** Must be called in the drop handler before any await: the browser empties the DataTransfer afterwards. */
export function collectDropped(dataTransfer: DataTransfer): () => Promise<PickedFile[]> {
  const entries = Array.from(dataTransfer.items, (item) => item.webkitGetAsEntry?.() ?? null);
  const files = Array.from(dataTransfer.files);
  return async () => {
    if (entries.length === 0 || entries.some((e) => e === null)) return Promise.all(files.map((f) => read(f)));
    const out: PickedFile[] = [];
    for (const entry of entries) await walk(entry!, false, out);
    return out;
  };
}
