/**
 * Open, Save and Save As for .qdpx files, through the host (native dialogs on the
 * desktop, file input and download in the browser) and the REFI-QDA reader/writer.
 * Opening reads the file in a worker and then stores it, with the "Opening <file>"
 * dialog showing how far it got (opening.ts). A file that cannot be read is named in the
 * error, and nothing open is touched when it fails or is cancelled.
 */
import type { Lossy, Project } from '../../../shared/model';
import { lossOf, put, remove } from '../../../shared/model';
import type { ProjectStore } from '../store';
import { SaveAsRequired } from '../host/errors';
import type { ReadResult } from '../../../shared/formats/refi';
import { formatReport } from '../../../shared/formats/refi';
import { scrubBackupsAfterSave } from '../features/documents/withdraw';
import { beginOpening, isOpening } from './opening';
import { ReadCancelled, readProjectFile } from './read-project';
import type { AppServices } from './services';
import { toast } from './toast';
import { writeProjectFile } from './write-project';

const QDPX = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];
// The reader takes a bare project.qde too (ATLAS.ti, MAXQDA export one), so the picker offers it.
const OPENABLE = [{ name: 'REFI-QDA project', extensions: ['qdpx', 'qde'] }];


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
 * `asCopy` (a restored backup): the project is not tied to any file, so Save asks where.
 */
export async function openProjectBytes(
  services: Pick<AppServices, 'session'>,
  file: { name: string; bytes: Uint8Array; path?: string },
  options: { asCopy?: boolean } = {},
): Promise<Opened | null> {
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
      const tiedTo = options.asCopy ? {} : { fileName: file.name, ...(file.path ? { filePath: file.path } : {}) };
      await services.session.openProject(result.project, tiedTo, { onProgress: opening.saving });
    } catch (e) {
      throw couldNotOpen(file.name, e);
    }
    return { result, readMs: t1 - t0, storeMs: performance.now() - t1 };
  } finally {
    opening.end();
  }
}

export async function openQdpx(services: Pick<AppServices, 'session' | 'host'>): Promise<boolean> {
  // Ctrl+O (or the desktop menu) while a file is being opened: the dialog is already up.
  if (isOpening()) return false;
  const [file] = await services.host.openFiles({ title: 'Open project', filters: OPENABLE, multiple: false });
  if (!file) return false;
  const opened = await openProjectBytes(services, file);
  if (!opened) return false;
  // Always say what came in, not only what was left out: a researcher moving from another
  // tool checks the counts against it (QA F23). It stays until dismissed.
  toast.report(formatReport(opened.result.report).trim());
  return true;
}

function fileNameFor(project: Project): string {
  return `${project.meta.name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'project'}.qdpx`;
}

/** What Save says before a lossy project can be saved, listing what the new file will not have. */
export function lossyMessage(loss: Lossy): string {
  const shown = loss.items.slice(0, 12).map((item) => `• ${item}`);
  if (loss.items.length > shown.length) shown.push(`• … and ${loss.items.length - shown.length} more`);
  return (
    `${loss.fileName} holds things Lantern QDA could not keep. Saving over it would lose them, so the project can only be saved as a new file, which will leave out:\n\n` +
    `${shown.join('\n')}`
  );
}

export async function saveQdpx(
  services: Pick<AppServices, 'session' | 'host' | 'pendingWork' | 'confirmations'>,
  saveAs = false,
): Promise<string | null> {
  const store = services.session.state.get().store;
  if (!store) return null;
  // What an editor holds back (a memo typed a moment ago) belongs in the file too.
  services.pendingWork.flushAll();
  await store.flush();
  // Opened from another tool's file that held something we could not keep: never saved over it.
  const loss = lossOf(store.getProject().preserved);
  if (loss) {
    const ok = await services.confirmations.confirm({
      title: 'Save as a new file?',
      message: lossyMessage(loss),
      confirmLabel: 'Save as a new file…',
    });
    if (!ok) return null;
    saveAs = true;
    // The new file holds everything the project now does, so its later saves lose nothing; the
    // mark goes before the snapshot, so the revision written includes it, and comes back if
    // the new file is not written.
    await store.apply({ label: 'Saved as a new file', changes: [remove('preserved', loss)] }, { record: false });
  }
  const restoreMark = () => (loss ? store.apply({ label: 'Not saved', changes: [put('preserved', null, loss)] }, { record: false }) : undefined);
  let saved: string | null;
  try {
    saved = await writeSnapshot(services, store, saveAs);
  } catch (error) {
    await restoreMark();
    throw error;
  }
  if (!saved) {
    await restoreMark();
    return null;
  }
  // A participant withdrawn before this save: the backup of the file just replaced may hold
  // them. Done once the file is written, so a failure here never counts as a failed save.
  await scrubBackupsAfterSave(services.session.catalog, store.id, services.host);
  return saved;
}

async function writeSnapshot(services: Pick<AppServices, 'session' | 'host'>, store: ProjectStore, saveAs: boolean): Promise<string | null> {
  // The stored revision written: a change made while the file is written stays unsaved.
  const { project, revision } = await store.snapshot();
  // Made in the writer worker: building a large study's file froze the window for seconds.
  const bytes = await writeProjectFile(project);
  const h = services.host;
  const entry = await services.session.catalog.projects.get(store.id);
  if (!saveAs && entry?.filePath && h.writeFile) {
    try {
      await h.writeFile(entry.filePath, bytes);
      await store.markSaved({ fileName: entry.fileName ?? fileNameFor(project), filePath: entry.filePath }, revision);
      return entry.filePath;
    } catch (e) {
      // The desktop shell only overwrites paths chosen in this session; otherwise ask where.
      if (!(e instanceof SaveAsRequired)) throw e;
    }
  }
  const saved = await h.saveFile({ title: 'Save project', suggestedName: entry?.fileName ?? fileNameFor(project), filters: QDPX, bytes });
  if (!saved) return null;
  const isPath = /[\\/]/.test(saved);
  await store.markSaved({ fileName: saved.split(/[\\/]/).pop() ?? saved, ...(isPath ? { filePath: saved } : {}) }, revision);
  return saved;
}
