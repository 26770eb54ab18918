/**
 * Open, Save and Save As for .qdpx files, through the host (native dialogs on the
 * desktop, file input and download in the browser) and the REFI-QDA reader/writer.
 * Opening reads the file in a worker and then stores it, with the "Opening <file>"
 * dialog showing how far it got (opening.ts). A file that cannot be read is named in the
 * error, and nothing open is touched when it fails or is cancelled.
 */
import type { Project } from '../../../shared/model';
import type { Host } from '../host';
import { getHost } from '../host';
import { SaveAsRequired } from '../host/errors';
import type { ReadResult } from '../../../shared/formats/refi';
import { formatReport, writeQdpx } from '../../../shared/formats/refi';
import { scrubBackupsAfterSave } from '../features/documents/withdraw';
import { beginOpening, isOpening } from './opening';
import { ReadCancelled, readProjectFile } from './read-project';
import { getSession, openProject } from './session';
import { toast } from './toast';

const QDPX = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];
// The reader takes a bare project.qde too (ATLAS.ti, MAXQDA export one), so the picker offers it.
const OPENABLE = [{ name: 'REFI-QDA project', extensions: ['qdpx', 'qde'] }];

export function host(): Host {
  return getHost();
}

function couldNotOpen(fileName: string, error: unknown): Error {
  return new Error(`Could not open ${fileName}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export interface Opened {
  result: ReadResult;
  /** Milliseconds reading the file (in the worker) and storing the project. */
  readMs: number;
  storeMs: number;
}

/**
 * Opens a project file's bytes as File > Open does once a file is chosen: read in a
 * worker, then stored and shown, with the opening dialog throughout. Resolves to null
 * when the user cancelled (or another file is being opened); nothing open changes then.
 */
export async function openProjectBytes(file: { name: string; bytes: Uint8Array; path?: string }): Promise<Opened | null> {
  const opening = beginOpening(file.name);
  if (!opening) return null;
  try {
    const t0 = performance.now();
    let result: ReadResult;
    try {
      result = await readProjectFile(file.bytes, file.name, { signal: opening.signal, onProgress: opening.reading });
    } catch (e) {
      if (e instanceof ReadCancelled) return null;
      throw couldNotOpen(file.name, e);
    }
    if (opening.signal.aborted) return null;
    opening.saving();
    const t1 = performance.now();
    try {
      await openProject(result.project, { fileName: file.name, ...(file.path ? { filePath: file.path } : {}) }, { onProgress: opening.saving });
    } catch (e) {
      throw couldNotOpen(file.name, e);
    }
    return { result, readMs: t1 - t0, storeMs: performance.now() - t1 };
  } finally {
    opening.end();
  }
}

export async function openQdpx(): Promise<boolean> {
  // Ctrl+O (or the desktop menu) while a file is being opened: the dialog is already up.
  if (isOpening()) return false;
  const [file] = await host().openFiles({ title: 'Open project', filters: OPENABLE, multiple: false });
  if (!file) return false;
  const opened = await openProjectBytes(file);
  if (!opened) return false;
  // Always say what came in, not only what was left out: a researcher moving from another
  // tool checks the counts against it (QA F23). It stays until dismissed.
  toast.report(formatReport(opened.result.report).trim());
  return true;
}

function fileNameFor(project: Project): string {
  return `${project.meta.name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'project'}.qdpx`;
}

export async function saveQdpx(saveAs = false): Promise<string | null> {
  const store = getSession().store;
  if (!store) return null;
  await store.flush();
  const project = store.getProject();
  const bytes = writeQdpx(project);
  const h = host();
  const entry = await getSession().catalog.projects.get(store.id);
  if (!saveAs && entry?.filePath && h.writeFile) {
    try {
      await h.writeFile(entry.filePath, bytes);
      await store.markSaved({ fileName: entry.fileName ?? fileNameFor(project), filePath: entry.filePath });
      await scrubBackupsAfterSave(getSession().catalog, store.id, h);
      return entry.filePath;
    } catch (e) {
      // The desktop shell only overwrites paths chosen in this session; otherwise ask where.
      if (!(e instanceof SaveAsRequired)) throw e;
    }
  }
  const saved = await h.saveFile({ title: 'Save project', suggestedName: entry?.fileName ?? fileNameFor(project), filters: QDPX, bytes });
  if (!saved) return null;
  const isPath = /[\\/]/.test(saved);
  await store.markSaved({ fileName: saved.split(/[\\/]/).pop() ?? saved, ...(isPath ? { filePath: saved } : {}) });
  // A participant withdrawn before this save: the backup of the file just replaced may hold them.
  await scrubBackupsAfterSave(getSession().catalog, store.id, h);
  return saved;
}
