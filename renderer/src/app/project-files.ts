/**
 * Open, Save and Save As for .qdpx files, through the host (native dialogs on the
 * desktop, file input and download in the browser) and the REFI-QDA reader/writer.
 * A file that cannot be read is named in the error and nothing open is touched.
 */
import type { Project } from '../../../shared/model';
import type { Host } from '../host';
import { getHost } from '../host';
import { SaveAsRequired } from '../host/errors';
import type { ReadResult } from '../../../shared/formats/refi';
import { formatReport, readQdpx, writeQdpx } from '../../../shared/formats/refi';
import { getSession, openProject } from './session';
import { toast } from './toast';

const QDPX = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];
// The reader takes a bare project.qde too (ATLAS.ti, MAXQDA export one), so the picker offers it.
const OPENABLE = [{ name: 'REFI-QDA project', extensions: ['qdpx', 'qde'] }];

export function host(): Host {
  return getHost();
}

export async function openQdpx(): Promise<boolean> {
  const [file] = await host().openFiles({ title: 'Open project', filters: OPENABLE, multiple: false });
  if (!file) return false;
  let result: ReadResult;
  try {
    result = readQdpx(file.bytes, file.name);
  } catch (e) {
    throw new Error(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  await openProject(result.project, { fileName: file.name, ...(file.path ? { filePath: file.path } : {}) });
  const { report } = result;
  // Always say what came in, not only what was left out: a researcher moving from another
  // tool checks the counts against it (QA F23). It stays until dismissed.
  toast.report(formatReport(report).trim());
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
  return saved;
}
