/**
 * ProjectStore: one open project in memory, kept in step with its IndexedDB database.
 *
 * A change is applied to memory at once (so a highlight paints in the same frame),
 * then persisted in ONE Dexie transaction together with its history entry, so undo and
 * redo survive a reload. Persistence is serialised: sets reach the database in the
 * order they were applied. If a write fails, nothing of it is stored (the transaction
 * rolls back), memory is reloaded from the database and the error is reported.
 *
 * Over 400 lines because the change queue, the revision (what is saved to a file) and the
 * tab-to-tab reload share the same few fields and must change together; the row-level
 * work (loading, checking, chunked writing) is in project-rows.ts and the undo history
 * (stacks and how a step is stored) in project-history.ts.
 */
import type { ChangeSet, Guid, OpContext, Project, ProjectMeta } from '../../../shared/model';
import { applyChanges, invert, isEmpty, isoNow, newGuid, tableNames } from '../../../shared/model';
import type { CatalogDb, HistoryEntry, ProjectDb, RevisionRow, StorageEnv } from './db';
import { createState } from '../lib/state';
import { openProjectDb } from './db';
import { currentVersion } from './migrations';
import type { CreateProgress } from './project-rows';
import { inDisplayOrder, loadProject, REVISION_KEY, StoreError, validateChangeSet, validateProject, writeAll, writeChangeRows } from './project-rows';
import type { HistoryOp } from './project-history';
import { storeHistoryOp, UndoHistory } from './project-history';
import { afterNextPaint } from '../lib/after-paint';

export type { CreateProgress } from './project-rows';
export { inDisplayOrder, StoreError, validateChangeSet } from './project-rows';
export { HISTORY_LIMIT } from './project-history';

export interface StoreStatus {
  /** 'saving' while changes are on their way to IndexedDB. */
  persist: 'idle' | 'saving' | 'error';
  /** The last persistence error, in words. */
  error?: string;
  /** Changed since the project was last saved to or opened from a file. */
  dirty: boolean;
  undoLabel?: string;
  redoLabel?: string;
}

/** Rows per bulkPut when a whole project is stored: small enough that no chunk freezes the page for long. */
export const WRITE_CHUNK_ROWS = 2000;

export interface CreateOptions {
  onProgress?: (progress: CreateProgress) => void;
  chunkRows?: number;
}

/** The project as it is stored, at a revision: what Save writes, and then marks saved. */
export interface Snapshot {
  project: Project;
  revision: number;
}

/** What tabs with the same project tell each other. */
type TabMessage = 'stored' | 'saved';

/** A database written by a newer Lantern may hold rows this one would misread or damage. */
function refuseNewer(db: ProjectDb, name: string): void {
  // Dexie stores version n as IndexedDB version 10n.
  const stored = db.backendDB().version / 10;
  if (stored > currentVersion)
    throw new StoreError(
      `'${name}' was stored by a newer version of Lantern (storage version ${stored}; this version reads up to ${currentVersion}). Open it in the newer version, or export what can be read.`,
    );
}

export class ProjectStore {
  private project: Project;
  private status: StoreStatus;
  /** Bumped on every change of project or status: what subscribers follow (lib/state.ts). */
  private readonly changes = createState(0);
  private readonly history = new UndoHistory();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  /** The stored revision this tab has read or written, and the one last saved to a file. */
  private revision: RevisionRow;
  private closed: Promise<void> | null = null;
  /** The coder recorded on new codings and codes; set by the app once a coder is chosen. */
  coderId: Guid | null = null;

  private constructor(
    readonly db: ProjectDb,
    private readonly catalog: CatalogDb,
    private readonly env: StorageEnv,
    project: Project,
    revision: RevisionRow,
  ) {
    this.project = project;
    this.revision = revision;
    this.status = { persist: 'idle', dirty: revision.revision > revision.savedRevision };
    // Another tab (or window) with the same project open tells us when it stored a change;
    // we then reload from the database, so neither tab works on a stale copy.
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`lantern-project-${project.meta.id}`);
      this.channel.onmessage = (event: MessageEvent<TabMessage>) => {
        if (event.data === 'saved') {
          this.queue = this.queue.then(() => this.rereadRevision());
          return;
        }
        this.stale = true;
        this.queue = this.queue.then(() => this.reloadIfSettled());
      };
    }
  }

  private readonly channel: BroadcastChannel | null = null;
  /** Another tab stored a change this tab has not read yet. */
  private stale = false;

  /**
   * Reload only when every change of this tab is stored: a change applied in memory but still
   * queued would otherwise vanish from memory (the database does not hold it yet). The last
   * write of the queue reloads instead, and then the database holds both tabs' changes.
   * Undo and redo are re-read from the shared history, so Ctrl+Z in either tab undoes the
   * latest change made in any tab, never an older one behind another tab's back.
   */
  private async reloadIfSettled(): Promise<void> {
    if (!this.stale || this.pending > 0) return;
    this.stale = false;
    const [stored, history, revision] = await this.db.transaction('r', this.db.tables, () =>
      Promise.all([loadProject(this.db), this.db.history.orderBy('seq').toArray(), this.db.local.get(REVISION_KEY)]),
    );
    if (!stored) return;
    if (this.pending > 0) {
      // A change was applied while we read; its write will reload once it is stored.
      this.stale = true;
      return;
    }
    this.project = stored;
    if (revision) this.revision = revision;
    this.history.replace(history);
    this.refreshLabels();
    this.status = { ...this.status, dirty: this.isDirty() };
    this.emit();
  }

  /** Another tab saved the project to a file: what is unsaved may have changed. */
  private async rereadRevision(): Promise<void> {
    const row = await this.db.local.get(REVISION_KEY);
    if (!row) return;
    this.revision = { ...this.revision, savedRevision: Math.max(this.revision.savedRevision, row.savedRevision) };
    this.setStatus({ dirty: this.isDirty() });
  }

  private isDirty(): boolean {
    return this.pending > 0 || this.revision.revision > this.revision.savedRevision;
  }

  get id(): Guid {
    return this.project.meta.id;
  }

  /**
   * Open a project already in the catalog. Refuses (with a StoreError naming the project) a
   * database written by a newer version of Lantern, and one without its project row.
   */
  static async open(catalog: CatalogDb, projectId: Guid, env: StorageEnv = {}): Promise<ProjectStore> {
    const entry = await catalog.projects.get(projectId);
    const name = entry?.name ?? projectId;
    const db = openProjectDb(projectId, env);
    try {
      await db.open();
      refuseNewer(db, name);
      const [project, revision] = await db.transaction('rw', db.tables, async () => {
        const loaded = await loadProject(db);
        let row = await db.local.get(REVISION_KEY);
        if (loaded && !row) {
          // Stored before revisions were kept: the catalog's flag is all we know.
          row = { key: REVISION_KEY, revision: entry?.dirty === 1 ? 1 : 0, savedRevision: 0 };
          await db.local.put(row);
        }
        return [loaded, row] as const;
      });
      if (!project || !revision) throw new StoreError(`The project '${name}' is not in this browser's storage (its project row could not be read)`);
      const store = new ProjectStore(db, catalog, env, project, revision);
      await store.loadHistory();
      store.refreshLabels();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Whether the stored copy of a project has changes not saved to a file, read from its own
   * database (the catalog's flag is only a copy); null when it is not stored here.
   */
  static async unsavedChanges(catalog: CatalogDb, projectId: Guid, env: StorageEnv = {}): Promise<boolean | null> {
    if (!(await catalog.projects.get(projectId))) return null;
    const db = openProjectDb(projectId, env);
    try {
      const row = await db.local.get(REVISION_KEY);
      if (row) return row.revision > row.savedRevision;
      return (await catalog.projects.get(projectId))?.dirty === 1;
    } finally {
      db.close();
    }
  }

  /**
   * Store a whole project (new, demo, or read from a file), replacing any stored project
   * with the same id in one transaction: either all of it is written or none. The
   * transaction is 'strict' (see ProjectDbOptions): done means on disk.
   *
   * Each table goes in chunks of `chunkRows`, awaited in order inside that one transaction:
   * a single bulkPut of 50,000 codings copies them all in one main-thread task (over half a
   * second on a large study); chunks let the page paint between them and say how far it
   * got. The next chunk is queued before the previous one is awaited, so the database always
   * has a chunk to write while this thread copies the next (about 6% faster than strictly one
   * at a time). Only IndexedDB requests are awaited inside the transaction (anything else
   * would let it commit early); `onProgress` is called synchronously as each chunk is
   * written, with the rows written so far (the meta row counts as one) of the total.
   */
  static async create(
    catalog: CatalogDb,
    project: Project,
    env: StorageEnv = {},
    file: { fileName?: string; filePath?: string } = {},
    options: CreateOptions = {},
  ): Promise<ProjectStore> {
    await validateProject(project);
    const chunk = Math.max(1, options.chunkRows ?? WRITE_CHUNK_ROWS);
    const total = 1 + tableNames.reduce((n, t) => n + project[t].length, 0);
    const report = options.onProgress ?? (() => undefined);
    report({ done: 0, total });
    const strict = openProjectDb(project.meta.id, env, { durability: 'strict' });
    let revision: RevisionRow;
    try {
      await strict.open();
      refuseNewer(strict, project.meta.name);
      revision = await writeAll(strict, project, !!file.fileName, chunk, report, total);
    } finally {
      strict.close();
    }
    await catalog.projects.put({
      id: project.meta.id,
      name: project.meta.name,
      modifiedAt: project.meta.modifiedAt,
      dirty: file.fileName ? 0 : 1,
      ...file,
    });
    const store = new ProjectStore(openProjectDb(project.meta.id, env), catalog, env, inDisplayOrder(project), revision);
    store.refreshLabels();
    return store;
  }

  getProject = (): Project => this.project;
  getStatus = (): StoreStatus => this.status;

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  private emit(): void {
    // A closed store tells no one: its views are going away with it.
    if (!this.closed) this.changes.set((n) => n + 1);
  }

  private setStatus(patch: Partial<StoreStatus>): void {
    this.status = { ...this.status, ...patch };
    this.emit();
  }

  /** The context operations need: fresh ids, the time, and the current coder. */
  context(): OpContext {
    if (!this.coderId) throw new StoreError('Choose who is coding before changing the project');
    return { newId: newGuid, now: isoNow, coderId: this.coderId };
  }

  /**
   * Run an operation from shared/ops against the current project and apply its change
   * set. Throws (synchronously) if the operation refuses; persistence continues in the
   * background and reports through the status.
   */
  run<R extends ChangeSet>(op: (project: Project, ctx: OpContext) => R): R {
    const set = op(this.project, this.context());
    void this.apply(set);
    return set;
  }

  /**
   * Apply a change set: memory now, the database in order. The promise settles when
   * this set is stored (or its failure handled); it never rejects for storage errors,
   * which are reported in the status. Invalid rows throw before anything changes.
   * `record: false` keeps a set off the undo history (e.g. registering the coder at
   * start, which undo must not take away).
   */
  apply(set: ChangeSet, options: { record?: boolean } = {}): Promise<void> {
    if (isEmpty(set)) return Promise.resolve();
    validateChangeSet(set);
    if (options.record === false) return this.commit(set, { kind: 'none' });
    const entry: HistoryEntry = { label: set.label, set, at: isoNow(), undone: 0 };
    this.history.record(entry);
    return this.commit(set, { kind: 'record', entry });
  }

  undo(): Promise<void> {
    const entry = this.history.takeUndo();
    if (!entry) return Promise.resolve();
    return this.commit(invert(entry.set), { kind: 'mark', entry, undone: 1 });
  }

  redo(): Promise<void> {
    const entry = this.history.takeRedo();
    if (!entry) return Promise.resolve();
    return this.commit(entry.set, { kind: 'mark', entry, undone: 0 });
  }

  /** Resolves once every change applied so far has been stored (or failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  /** Whether changes applied in memory are still on their way to the database. */
  hasPendingWrites(): boolean {
    return this.pending > 0;
  }

  /**
   * The project once everything applied is stored, with the stored revision it is: what
   * Save writes to a file and then passes to markSaved. A change made after this call is a
   * later revision, so saving this snapshot never marks it saved.
   */
  async snapshot(): Promise<Snapshot> {
    for (;;) {
      await this.flush();
      if (this.pending === 0) return { project: this.project, revision: this.revision.revision };
    }
  }

  private commit(set: ChangeSet, history: HistoryOp): Promise<void> {
    if (this.closed) throw new StoreError(`'${this.project.meta.name}' is closed; the change was not made`);
    this.project = applyChanges(this.project, set);
    this.pending++;
    this.status = { ...this.status, persist: 'saving', dirty: true };
    this.refreshLabels();
    this.emit();
    this.queue = this.queue.then(async () => {
      try {
        // Paint the change first, so a highlight shows in the next frame.
        await afterNextPaint(50);
        await this.persist(set, history);
        this.pending--;
        this.status = { ...this.status, dirty: this.isDirty() };
        if (this.pending === 0 && this.status.persist === 'saving') this.setStatus({ persist: 'idle' });
        else this.emit();
        await this.reloadIfSettled();
      } catch (err) {
        this.pending--;
        await this.recover(err);
      }
    });
    return this.queue;
  }

  private async persist(set: ChangeSet, history: HistoryOp): Promise<void> {
    const db = this.db;
    this.revision = await db.transaction('rw', db.tables, async () => {
      await writeChangeRows(db, set);
      await storeHistoryOp(db, history);
      // The revision moves in the same transaction as the change: stored means counted.
      const before = await db.local.get(REVISION_KEY);
      const next: RevisionRow = { key: REVISION_KEY, revision: (before?.revision ?? 0) + 1, savedRevision: before?.savedRevision ?? 0 };
      await db.local.put(next);
      return next;
    });
    await this.touchCatalog();
    this.post('stored');
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  /**
   * A change that cannot be undone (a participant's permanent deletion): the rows and the
   * history entries `rewriteHistory` changes or drops go in ONE transaction, and the change
   * itself is not recorded, so undo cannot bring back what it removed. Waits for earlier
   * changes to be stored first; on failure nothing is changed and the error is thrown.
   */
  async applyPermanently(set: ChangeSet, rewriteHistory: (entries: HistoryEntry[]) => { put: HistoryEntry[]; drop: number[] }): Promise<void> {
    validateChangeSet(set);
    await this.flush();
    const db = this.db;
    await db.transaction('rw', db.tables, async () => {
      await writeChangeRows(db, set);
      const { put, drop } = rewriteHistory(await db.history.orderBy('seq').toArray());
      if (drop.length) await db.history.bulkDelete(drop);
      if (put.length) await db.history.bulkPut(put);
    });
    this.project = applyChanges(this.project, set);
    await this.loadHistory();
    this.refreshLabels();
    this.setStatus({ dirty: true });
    await this.touchCatalog();
    this.channel?.postMessage('stored');
  }

  private async touchCatalog(): Promise<void> {
    // The catalog is another database, so this is a second, best-effort write.
    await this.catalog.projects.update(this.id, { name: this.project.meta.name, modifiedAt: isoNow(), dirty: this.isDirty() ? 1 : 0 });
  }

  /** After a failed write the database holds the truth: reload it and say what went wrong. */
  private async recover(err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    try {
      const stored = await loadProject(this.db);
      if (stored) this.project = stored;
      const revision = await this.db.local.get(REVISION_KEY);
      if (revision) this.revision = revision;
      await this.loadHistory();
    } catch {
      // Keep what is in memory; the error below tells the user storage is failing.
    }
    this.refreshLabels();
    this.setStatus({ persist: 'error', dirty: this.isDirty(), error: `Could not store the change: ${message}. The last change was not kept.` });
  }

  private async loadHistory(): Promise<void> {
    this.history.replace(await this.db.history.orderBy('seq').toArray());
  }

  private refreshLabels(): void {
    const { undoLabel: _u, redoLabel: _r, ...rest } = this.status;
    this.status = { ...rest, ...this.history.labels() };
  }

  clearError(): void {
    if (this.status.persist === 'error') this.setStatus({ persist: this.pending ? 'saving' : 'idle', error: undefined });
  }

  /**
   * Record that a file now holds the project as it was at `revision` (from snapshot()).
   * Changes stored after it stay unsaved. The mark is written 'strict', in its own
   * transaction on the project's database, which is what decides; the catalog gets a copy.
   */
  async markSaved(file: { fileName: string; filePath?: string }, revision: number): Promise<void> {
    const strict = openProjectDb(this.id, this.env, { durability: 'strict' });
    try {
      this.revision = await strict.transaction('rw', strict.local, async () => {
        const row = (await strict.local.get(REVISION_KEY)) ?? this.revision;
        const marked: RevisionRow = { ...row, savedRevision: Math.max(row.savedRevision, Math.min(revision, row.revision)) };
        await strict.local.put(marked);
        return marked;
      });
    } finally {
      strict.close();
    }
    this.setStatus({ dirty: this.isDirty() });
    await this.catalog.projects.update(this.id, { ...file, dirty: this.isDirty() ? 1 : 0 });
    this.post('saved');
  }

  /** Rename the project (its meta row), undoable like any change. */
  rename(name: string): Promise<void> {
    const before: ProjectMeta = this.project.meta;
    const after = { ...before, name: name.trim() || before.name, modifiedAt: isoNow() };
    return this.apply({ label: `Rename project to '${after.name}'`, changes: [{ table: 'meta', id: before.id, before, after }] });
  }

  /**
   * Close once every change applied so far is stored; later changes are refused. Resolves
   * when the database is closed.
   */
  close(): Promise<void> {
    this.closed ??= this.queue.then(() => {
      this.channel?.close();
      this.db.close();
    });
    return this.closed;
  }
}
