/**
 * Open, Save and Save As for .qdpx files, through the host (native dialogs on the
 * desktop, file input and download in the browser) and the REFI-QDA reader/writer.
 */
import type { Project } from '../../../shared/model';
import type { Host } from '../host/types';
import { getSession, openProject } from './session';

type Refi = {
  readQdpx: (bytes: Uint8Array, options?: { fileName?: string }) => Project | Promise<Project> | { project: Project };
  writeQdpx: (project: Project) => Uint8Array | Promise<Uint8Array>;
};

// Both modules are written in parallel with this one; globs let the app build before they land.
const hostModules = import.meta.glob<{ getHost: () => Host }>('../host/index.ts', { eager: true });
const refiModules = import.meta.glob<Refi>('../../../shared/formats/refi/index.ts');

const QDPX = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];

export function host(): Host {
  const mod = Object.values(hostModules)[0];
  if (!mod) throw new Error('Files cannot be opened or saved in this build (no host adapter)');
  return mod.getHost();
}

async function refi(): Promise<Refi> {
  const load = Object.values(refiModules)[0];
  if (!load) throw new Error('This build cannot read or write .qdpx files yet');
  return load();
}

export async function openQdpx(): Promise<boolean> {
  const [file] = await host().openFiles({ title: 'Open project', filters: QDPX, multiple: false });
  if (!file) return false;
  const { readQdpx } = await refi();
  let result: Project | { project: Project };
  try {
    result = await readQdpx(file.bytes, { fileName: file.name });
  } catch (e) {
    throw new Error(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const project = 'project' in result && !('meta' in result) ? result.project : (result as Project);
  await openProject(project, { fileName: file.name, ...(file.path ? { filePath: file.path } : {}) });
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
  const { writeQdpx } = await refi();
  const bytes = await writeQdpx(project);
  const h = host();
  const entry = await getSession().catalog.projects.get(store.id);
  if (!saveAs && entry?.filePath && h.writeFile) {
    await h.writeFile(entry.filePath, bytes);
    await store.markSaved({ fileName: entry.fileName ?? fileNameFor(project), filePath: entry.filePath });
    return entry.filePath;
  }
  const saved = await h.saveFile({ title: 'Save project', suggestedName: entry?.fileName ?? fileNameFor(project), filters: QDPX, bytes });
  if (!saved) return null;
  const isPath = /[\\/]/.test(saved);
  await store.markSaved({ fileName: saved.split(/[\\/]/).pop() ?? saved, ...(isPath ? { filePath: saved } : {}) });
  return saved;
}
