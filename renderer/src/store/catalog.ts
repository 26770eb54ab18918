/** The list of stored projects and small preferences (current coder, last project, theme). */
import type { CatalogDb, ProjectEntry, StorageEnv } from './db';
import { openProjectDb } from './db';

export async function getPref<T>(catalog: CatalogDb, key: string): Promise<T | undefined> {
  return (await catalog.prefs.get(key))?.value as T | undefined;
}

export async function setPref(catalog: CatalogDb, key: string, value: unknown): Promise<void> {
  await catalog.prefs.put({ key, value });
}

export async function listProjects(catalog: CatalogDb): Promise<ProjectEntry[]> {
  return (await catalog.projects.orderBy('modifiedAt').reverse().toArray()) as ProjectEntry[];
}

/** Remove a project's database and its catalog entry. */
export async function deleteProject(catalog: CatalogDb, id: string, env: StorageEnv = {}): Promise<void> {
  await openProjectDb(id, env).delete();
  await catalog.projects.delete(id);
}
