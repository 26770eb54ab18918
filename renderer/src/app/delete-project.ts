/**
 * "Delete project from this computer": the working copy (its IndexedDB database, with the
 * undo history in it), its catalog entry and, on the desktop, its backups. Files the user
 * saved stay where they are. Afterwards the most recent other project opens, or the start
 * screen shows when there is none.
 */
import type { BackupOutcome, Host } from '../host';
import { deleteProject, getPref, listProjects, openProjectDb, setPref, type ProjectEntry } from '../store';
import { forgetPendingScrub } from '../features/documents/withdraw';
import type { AppServices } from './services';

type Deps = Pick<AppServices, 'catalog' | 'session' | 'env'> & { host: Pick<Host, 'backups'> };

export interface ProjectDeletionPreview {
  entry: ProjectEntry;
  sources: number;
  historyEntries: number;
  /** The project's backups; null where the app keeps none (web mode). */
  backups: BackupOutcome | null;
}

export async function previewProjectDeletion(id: string, { catalog, env, host }: Deps): Promise<ProjectDeletionPreview> {
  const entry = await catalog.projects.get(id);
  if (!entry) throw new Error(`The project ${id} is not on this computer`);
  const db = openProjectDb(id, env);
  try {
    const [sources, historyEntries] = await Promise.all([db.sources.count(), db.history.count()]);
    const backups = host.backups ? await host.backups.deleteProject({ projectId: id, dryRun: true }) : null;
    return { entry, sources, historyEntries, backups };
  } finally {
    db.close();
  }
}

export async function deleteProjectFromComputer(
  id: string,
  { catalog, session, env, host }: Deps,
): Promise<{ backups: BackupOutcome | null; /** The project now shown instead, if any. */ next: ProjectEntry | null }> {
  const wasOpen = session.state.get().store?.id === id;
  // Our own open connection would block the deletion.
  if (wasOpen) await session.closeProject();
  await deleteProject(catalog, id, env);
  if ((await getPref<string>(catalog, 'lastProjectId')) === id) await setPref(catalog, 'lastProjectId', null);
  await forgetPendingScrub(catalog, id);
  const backups = host.backups ? await host.backups.deleteProject({ projectId: id, dryRun: false }) : null;
  const next = (await listProjects(catalog))[0] ?? null;
  if (!wasOpen || !next) return { backups, next: null };
  try {
    await session.openStoredProject(next.id);
    return { backups, next };
  } catch {
    // The deletion is done; a next project that will not open leaves the start screen, not an error about this one.
    return { backups, next: null };
  }
}
