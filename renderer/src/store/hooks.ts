/**
 * React access to the open project. Components select what they need with
 * useProject(selector); a selector must return something stable between changes (a
 * table array, a row, a primitive), because the store replaces only touched tables.
 * Derive bigger things with useMemo over selected tables.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Project } from '../../../shared/model';
import type { CatalogDb, ProjectEntry } from './db';
import type { ProjectStore, StoreStatus } from './project-store';
import { listProjects } from './catalog';

export const ProjectStoreContext = createContext<ProjectStore | null>(null);

/** The open project's store; only views shown with a project open may call this. */
export function useProjectStore(): ProjectStore {
  const store = useContext(ProjectStoreContext);
  if (!store) throw new Error('useProjectStore needs an open project (render inside <ProjectStoreContext.Provider>)');
  return store;
}

export function useProject<T>(selector: (project: Project) => T): T {
  const store = useProjectStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getProject()));
}

export function useStoreStatus(): StoreStatus {
  const store = useProjectStore();
  return useSyncExternalStore(store.subscribe, store.getStatus);
}

/** The stored projects, newest first; undefined while loading. Updates across tabs. */
export function useProjectList(catalog: CatalogDb): ProjectEntry[] | undefined {
  return useLiveQuery(() => listProjects(catalog), [catalog]);
}
