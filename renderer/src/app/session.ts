/**
 * The app's session: the open ProjectStore, who is coding, and what went wrong opening a
 * project. Created once at start-up (services.tsx). First start asks for the coder's name,
 * then opens the embedded demo project; later starts reopen the last project, and when that
 * fails the app says so (OpenFailure) instead of quietly showing something else.
 *
 * Every switch (open, new, demo, a stored project) first settles the current project: the
 * editors' held-back work is handed over (pending-work.ts) and every queued write stored,
 * and only then is the project closed.
 */
import type { Project } from '../../../shared/model';
import { emptyProject, isoNow, newGuid } from '../../../shared/model';
import { addCoder } from '../../../shared/ops';
import { createState, patch, type State } from '../lib/state';
import type { CatalogDb, CreateOptions, StorageEnv } from '../store';
import { ProjectStore, getPref, setPref } from '../store';
import type { Confirmations } from './confirmations';
import type { PendingWork } from './pending-work';
import type { Ui } from './ui-state';

/** The last project could not be opened: named, with the error, until the user decides. */
export interface OpenFailure {
  projectId: string;
  projectName: string;
  message: string;
  /** How many times Retry was tried, so a repeated failure visibly answered. */
  retries: number;
}

export interface SessionState {
  store: ProjectStore | null;
  coderName: string | null;
  /** True until the first project is open (or the coder is asked for). */
  starting: boolean;
  /** The app's storage itself could not be opened (e.g. storage switched off). */
  startError: string | null;
  openFailure: OpenFailure | null;
}

export interface FileOrigin {
  fileName?: string;
  filePath?: string;
}

export interface Session {
  readonly state: State<SessionState>;
  readonly catalog: CatalogDb;
  start(): Promise<void>;
  chooseCoder(name: string): Promise<void>;
  /** Try the project that failed to open again. */
  retry(): Promise<void>;
  openDemo(): Promise<void>;
  openProject(project: Project, file?: FileOrigin, options?: CreateOptions): Promise<ProjectStore>;
  openStoredProject(id: string): Promise<void>;
  newProject(name: string): Promise<void>;
  /** Hand over the editors' held-back work and wait until every change is stored. */
  settle(): Promise<void>;
  /** Close the open project (before deleting it from this computer); the start screen shows. */
  closeProject(): Promise<void>;
}

export interface SessionDeps {
  catalog: CatalogDb;
  env?: StorageEnv;
  confirmations: Confirmations;
  pendingWork: PendingWork;
  ui: Ui;
  buildDemo?: () => Promise<Project>;
}

// The demo is optional at build time: Vite resolves the glob to nothing if it is absent.
const demoModules = import.meta.glob<{ buildDemoProject: () => Project }>('../../../fixtures/demo/index.ts');

export async function buildDemo(): Promise<Project> {
  const load = Object.values(demoModules)[0];
  if (load) return (await load()).buildDemoProject();
  return emptyProject({ id: newGuid(), name: 'Untitled project', now: isoNow() });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

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

export function createSession(deps: SessionDeps): Session {
  const { catalog, env = {}, confirmations, pendingWork, ui } = deps;
  const state = createState<SessionState>({ store: null, coderName: null, starting: true, startError: null, openFailure: null });
  const current = () => state.get().store;

  async function settle(): Promise<void> {
    pendingWork.flushAll();
    await current()?.flush();
  }

  async function show(store: ProjectStore): Promise<void> {
    const { coderName } = state.get();
    if (coderName) await attachCoder(store, coderName);
    const previous = current();
    if (previous && previous !== store) {
      await settle();
      await previous.close();
    }
    ui.reset();
    ui.set({ sourceId: store.getProject().sources[0]?.id ?? null });
    await setPref(catalog, 'lastProjectId', store.id);
    patch(state, { store, starting: false, startError: null, openFailure: null });
  }

  async function closeProject(): Promise<void> {
    const store = current();
    if (!store) return;
    await settle();
    await store.close();
    ui.reset();
    patch(state, { store: null });
  }

  async function openStoredProject(id: string): Promise<void> {
    await settle();
    await show(await ProjectStore.open(catalog, id, env));
  }

  async function openLastOrDemo(): Promise<void> {
    const lastId = await getPref<string>(catalog, 'lastProjectId');
    const entry = lastId ? await catalog.projects.get(lastId) : undefined;
    if (!entry) return openDemo();
    try {
      await show(await ProjectStore.open(catalog, entry.id, env));
    } catch (e) {
      // Never fall back to the demo as if nothing happened: the user's project is in trouble.
      patch(state, { starting: false, openFailure: { projectId: entry.id, projectName: entry.name, message: message(e), retries: 0 } });
    }
  }

  async function openProject(project: Project, file: FileOrigin = {}, options: CreateOptions = {}): Promise<ProjectStore> {
    await settle();
    const open = current();
    const unsaved =
      open?.id === project.meta.id ? open.getStatus().dirty : await ProjectStore.unsavedChanges(catalog, project.meta.id, env);
    if (unsaved) {
      const stored = await catalog.projects.get(project.meta.id);
      const name = stored?.name ?? project.meta.name;
      const incoming = file.fileName ?? 'this copy';
      const when = stored?.modifiedAt ? ` (last changed ${new Date(stored.modifiedAt).toLocaleString()})` : '';
      const answer = await confirmations.ask({
        title: `Keep which copy of '${name}'?`,
        message: `The copy of '${name}' on this computer${when} has changes that are not saved to a file, so ${incoming} does not have them.\n\nReplacing it loses those changes. Keeping it leaves ${incoming} as it is.`,
        choices: [
          { id: 'replace', label: `Replace with ${incoming}`, danger: true },
          { id: 'keep', label: 'Keep the copy on this computer', primary: true },
        ],
        dismiss: 'keep',
      });
      if (answer === 'keep') {
        if (open?.id === project.meta.id) return open;
        const kept = await ProjectStore.open(catalog, project.meta.id, env);
        await show(kept);
        return kept;
      }
    }
    const store = await ProjectStore.create(catalog, project, env, file, options);
    await show(store);
    return store;
  }

  async function openDemo(): Promise<void> {
    const demo = await (deps.buildDemo ?? buildDemo)();
    if (await catalog.projects.get(demo.meta.id)) await openStoredProject(demo.meta.id);
    else await openProject(demo);
  }

  return {
    state,
    catalog,
    settle,
    closeProject,
    openProject,
    openStoredProject,
    openDemo,
    async start() {
      try {
        const coderName = (await getPref<string>(catalog, 'coderName')) ?? null;
        patch(state, { coderName });
        if (!coderName) {
          patch(state, { starting: false });
          return;
        }
        await openLastOrDemo();
      } catch (e) {
        patch(state, { starting: false, startError: message(e) });
      }
    },
    async chooseCoder(name) {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('Enter your name to code as');
      await setPref(catalog, 'coderName', trimmed);
      patch(state, { coderName: trimmed });
      const store = current();
      if (store) await attachCoder(store, trimmed);
      else if (!state.get().openFailure) await openLastOrDemo();
    },
    async retry() {
      const failure = state.get().openFailure;
      if (!failure) return;
      try {
        await show(await ProjectStore.open(catalog, failure.projectId, env));
      } catch (e) {
        patch(state, { openFailure: { ...failure, message: message(e), retries: failure.retries + 1 } });
      }
    },
    async newProject(name) {
      await openProject(emptyProject({ id: newGuid(), name: name.trim() || 'Untitled project', now: isoNow() }));
    },
  };
}
