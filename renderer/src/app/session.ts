/**
 * The app's session: the catalog database, the open project's store, and who is coding.
 * First start asks for the coder's name, then opens the embedded demo project; later
 * starts reopen the last project.
 */
import { useSyncExternalStore } from 'react';
import type { Project } from '../../../shared/model';
import { emptyProject, isoNow, newGuid } from '../../../shared/model';
import { addCoder } from '../../../shared/ops';
import type { CatalogDb, CreateOptions } from '../store';
import { ProjectStore, getPref, openCatalog, setPref } from '../store';
import { ui } from './ui-state';

export interface Session {
  catalog: CatalogDb;
  store: ProjectStore | null;
  coderName: string | null;
  /** True until the first project is open (or the coder is asked for). */
  starting: boolean;
  startError: string | null;
}

const catalog = openCatalog();
let session: Session = { catalog, store: null, coderName: null, starting: true, startError: null };
const listeners = new Set<() => void>();

function setSession(patch: Partial<Session>): void {
  session = { ...session, ...patch };
  for (const l of listeners) l();
}

export function useSession(): Session {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => session,
  );
}

export const getSession = (): Session => session;

// The demo is optional at build time: Vite resolves the glob to nothing if it is absent.
const demoModules = import.meta.glob<{ buildDemoProject: () => Project }>('../../../fixtures/demo/index.ts');

export async function buildDemo(): Promise<Project> {
  const load = Object.values(demoModules)[0];
  if (load) return (await load()).buildDemoProject();
  return emptyProject({ id: newGuid(), name: 'Untitled project', now: isoNow() });
}

/** Make sure the current coder exists in the project, and record their id on the store. */
async function attachCoder(store: ProjectStore, name: string): Promise<void> {
  const project = store.getProject();
  const existing = project.coders.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    store.coderId = existing.id;
    return;
  }
  const set = addCoder(project, { newId: newGuid, now: isoNow, coderId: newGuid() }, { name });
  // Registering the coder is bookkeeping, not an edit to undo.
  await store.apply(set, { record: false });
  store.coderId = set.id;
}

async function show(store: ProjectStore): Promise<void> {
  if (session.coderName) await attachCoder(store, session.coderName);
  session.store?.close();
  ui.reset();
  const first = store.getProject().sources[0];
  ui.set({ sourceId: first?.id ?? null });
  await setPref(catalog, 'lastProjectId', store.id);
  setSession({ store, starting: false, startError: null });
}

/** Close the open project (e.g. before deleting it from this computer); the start screen shows. */
export function closeProject(): void {
  session.store?.close();
  ui.reset();
  setSession({ store: null });
}

export async function startSession(): Promise<void> {
  try {
    const coderName = (await getPref<string>(catalog, 'coderName')) ?? null;
    setSession({ coderName });
    if (!coderName) {
      setSession({ starting: false });
      return;
    }
    await openLastOrDemo();
  } catch (e) {
    setSession({ starting: false, startError: e instanceof Error ? e.message : String(e) });
  }
}

async function openLastOrDemo(): Promise<void> {
  const lastId = await getPref<string>(catalog, 'lastProjectId');
  if (lastId && (await catalog.projects.get(lastId))) {
    try {
      await show(await ProjectStore.open(catalog, lastId));
      return;
    } catch {
      // A project that no longer opens falls through to the demo rather than a blank app.
    }
  }
  await openDemo();
}

export async function chooseCoder(name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('Enter your name to code as');
  await setPref(catalog, 'coderName', trimmed);
  setSession({ coderName: trimmed });
  if (session.store) await attachCoder(session.store, trimmed);
  else await openLastOrDemo();
  setSession({});
}

/** The demo as the user left it, or a fresh one the first time. */
export async function openDemo(): Promise<void> {
  const demo = await buildDemo();
  if (await catalog.projects.get(demo.meta.id)) await openStoredProject(demo.meta.id);
  else await openProject(demo);
}

/**
 * Store a project (new, demo, or read from a file) and show it. A stored copy of the same
 * project with changes not saved to a file is only replaced if the user agrees.
 */
export async function openProject(
  project: Project,
  file: { fileName?: string; filePath?: string } = {},
  options: CreateOptions = {},
): Promise<ProjectStore> {
  const stored = await catalog.projects.get(project.meta.id);
  if (stored?.dirty && typeof window !== 'undefined') {
    const replace = window.confirm(
      `'${stored.name}' is already in this browser with changes that are not saved to a file.\n\nReplace it with ${file.fileName ?? 'this copy'}? (Cancel opens the stored copy.)`,
    );
    if (!replace) {
      const kept = await ProjectStore.open(catalog, project.meta.id);
      await show(kept);
      return kept;
    }
  }
  const store = await ProjectStore.create(catalog, project, {}, file, options);
  await show(store);
  return store;
}

export async function openStoredProject(id: string): Promise<void> {
  await show(await ProjectStore.open(catalog, id));
}

export async function newProject(name: string): Promise<void> {
  await openProject(emptyProject({ id: newGuid(), name: name.trim() || 'Untitled project', now: isoNow() }));
}
