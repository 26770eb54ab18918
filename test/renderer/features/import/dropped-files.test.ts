/** A folder dropped on the import dialog: walked in name order, transcripts only, batches of entries read to the end. */
import { describe, expect, it } from 'vitest';
import { collectDropped } from '../../../../renderer/src/features/import/dropped-files';

type Fake = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean; [k: string]: unknown };

function fileEntry(fullPath: string, content: string): Fake {
  const name = fullPath.split('/').pop()!;
  return { name, fullPath, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([content], name)) };
}

function dirEntry(fullPath: string, children: Fake[]): Fake {
  return {
    name: fullPath.split('/').pop()!,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      // Two batches, then an empty one, as browsers hand out large folders.
      const batches = [children.slice(0, 2), children.slice(2), []];
      return { readEntries: (ok: (e: Fake[]) => void) => ok(batches.shift() ?? []) };
    },
  };
}

const dataTransfer = (entries: (Fake | null)[], files: File[] = []) =>
  ({ items: entries.map((e) => ({ webkitGetAsEntry: () => e })), files }) as unknown as DataTransfer;

describe('dropped files and folders', () => {
  it('walks folders, keeping only importable files, in name order, named by their path', async () => {
    const folder = dirEntry('/site-a', [
      fileEntry('/site-a/p02.txt', 'two'),
      fileEntry('/site-a/.DS_Store', 'x'),
      dirEntry('/site-a/police', [fileEntry('/site-a/police/o1.docx', 'doc')]),
      fileEntry('/site-a/photo.jpg', 'img'),
      fileEntry('/site-a/p01.vtt', 'one'),
    ]);
    const loose = fileEntry('/notes.rtf', 'rtf');
    const picked = await collectDropped(dataTransfer([folder, loose]))();
    expect(picked.map((p) => p.name)).toEqual(['site-a/p01.vtt', 'site-a/p02.txt', 'site-a/police/o1.docx', 'notes.rtf']);
    expect(new TextDecoder().decode(picked[0]!.bytes)).toBe('one');
  });

  it('falls back to the plain file list when entries are unavailable', async () => {
    const picked = await collectDropped(dataTransfer([null], [new File(['hi'], 'a.txt')]))();
    expect(picked.map((p) => p.name)).toEqual(['a.txt']);
  });
});
