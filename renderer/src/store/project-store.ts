/**
 * ProjectStore: one open project in memory, kept in step with its IndexedDB database.
 *
 * A change is applied to memory at once (so a highlight paints in the same frame),
 * then persisted in ONE Dexie transaction together with its history entry, so undo and
 * redo survive a reload. Persistence is serialised: sets reach the database in the
 * order they were applied. If a write fails, nothing of it is stored (the transaction
 * rolls back), memory is reloaded from the database and the error is reported.
 */
import type { ChangeSet, Guid, OpContext, Project, ProjectMeta, TableName } from '../../../shared/model';
import { applyChanges, invert, isEmpty, isoNow, newGuid, projectMetaSchema, tableNames, tableSchemas } from '../../../shared/model';
import type { CatalogDb, HistoryEntry, ProjectDb, StorageEnv } from './db';
import { openProjectDb } from './db';

/** Undo reaches this far back; older entries are dropped from the database. */
export const HISTORY_LIMIT = 300;

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

export class StoreError extends Error {}

/** Rows per bulkPut when a whole project is stored: small enough that no chunk freezes the page for long. */
export const WRITE_CHUNK_ROWS = 2000;

export interface CreateProgress {
  /** Rows written so far, the project's meta row included. */
  done: number;
  total: number;
}

export interface CreateOptions {
  onProgress?: (progress: CreateProgress) => void;
  chunkRows?: number;
}

/**
 * Let the browser paint the change before the database work starts, so a highlight shows
 * in the next frame; the timeout keeps writes going in a hidden tab, where frames stop.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    setTimeout(done, 50);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
    else setTimeout(done, 0);
  });
}

/** Reject rows that do not match the model before they touch memory or the database. */
export function validateChangeSet(set: ChangeSet): void {
  for (const change of set.changes) {
    if (!change.after) continue;
    const schema = change.table === 'meta' ? projectMetaSchema : tableSchemas[change.table];
    const result = schema.safeParse(change.after);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new StoreError(`'${set.label}' would write an invalid ${change.table} row ${change.id}${where}: ${issue?.message ?? 'invalid'}`);
    }
  }
}

/** The final state of each touched row: later changes to the same row win. */
function finalRows(set: ChangeSet): Map<string, Map<string, unknown>> {
  const byTable = new Map<string, Map<string, unknown>>();
  for (const c of set.changes) {
    const rows = byTable.get(c.table) ?? new Map<string, unknown>();
    rows.set(c.id, c.after);
    byTable.set(c.table, rows);
  }
  return byTable;
}

type HistoryOp = { kind: 'record'; entry: HistoryEntry } | { kind: 'mark'; entry: HistoryEntry; undone: 0 | 1 } | { kind: 'none' };

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/**
 * IndexedDB returns rows in key (GUID) order; lists the user sees must not shuffle on a
 * reload, so documents, cases and memos get one stable order wherever a project loads.
 */
export function inDisplayOrder(project: Project): Project {
  return {
    ...project,
    sources: project.sources.slice().sort((a, b) => byText(a.importedAt, b.importedAt) || byText(a.name, b.name)),
    cases: project.cases.slice().sort((a, b) => byText(a.name, b.name)),
    memos: project.memos.slice().sort((a, b) => byText(a.createdAt, b.createdAt)),
    coders: project.coders.slice().sort((a, b) => byText(a.name, b.name)),
  };
}

/** A task's worth of work before yielding to the page: well under a frame. */
const SLICE_MS = 12;

/**
 * The project checked against the model (what projectSchema checks), row by row, yielding
 * to the page every few milliseconds: in one go the large study's 52,000 rows took a
 * 100+ ms task. A small project never yields. Throws a StoreError naming the first bad field.
 */
async function validateProject(project: Project): Promise<void> {
  const refuse = (path: (string | number | symbol)[], message: string) =>
    new StoreError(`The project '${project.meta?.name ?? '?'}' is not valid (${path.map(String).join('.')}: ${message})`);
  const meta = projectMetaSchema.safeParse(project.meta);
  if (!meta.success) throw refuse(['meta', ...(meta.error.issues[0]?.path ?? [])], meta.error.issues[0]?.message ?? 'invalid');
  let sliceStart = performance.now();
  for (const t of tableNames) {
    const rows: unknown = project[t];
    if (!Array.isArray(rows)) throw refuse([t], 'expected an array');
    const schema = tableSchemas[t];
    for (let i = 0; i < rows.length; i++) {
      const checked = schema.safeParse(rows[i]);
      if (!checked.success) throw refuse([t, i, ...(checked.error.issues[0]?.path ?? [])], checked.error.issues[0]?.message ?? 'invalid');
      if ((i & 255) === 255 && performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }
}

async function loadProject(db: ProjectDb): Promise<Project | null> {
  const meta = await db.meta.toCollection().first();
  if (!meta) return null;
  const project = { meta } as Project;
  for (const t of tableNames) (project as Record<TableName, unknown>)[t] = await db.table(t).toArray();
  return inDisplayOrder(project);
}

export class ProjectStore {
  private project: Project;
  private status: StoreStatus;
  private readonly listeners = new Set<() => void>();
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  /** The coder recorded on new codings and codes; set by the app once a coder is chosen. */
  coderId: Guid | null = null;

  private constructor(
    readonly db: ProjectDb,
    private readonly catalog: CatalogDb,
    project: Project,
    dirty: boolean,
  ) {
    this.project = project;
    this.status = { persist: 'idle', dirty };
    // Another tab (or window) with the same project open tells us when it stored a change;
    // we then reload from the database, so neither tab works on a stale copy.
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`lantern-project-${project.meta.id}`);
      this.channel.onmessage = () => {
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
    const [stored, history] = await Promise.all([loadProject(this.db), this.db.history.orderBy('seq').toArray()]);
    if (!stored) return;
    if (this.pending > 0) {
      // A change was applied while we read; its write will reload once it is stored.
      this.stale = true;
      return;
    }
    this.project = stored;
    this.setHistory(history);
    this.refreshLabels();
    this.emit();
  }

  get id(): Guid {
    return this.project.meta.id;
  }

  /** Open a project already in the catalog. */
  static async open(catalog: CatalogDb, projectId: Guid, env: StorageEnv = {}): Promise<ProjectStore> {
    const db = openProjectDb(projectId, env);
    const project = await loadProject(db);
    if (!project) {
      db.close();
      throw new StoreError(`The project ${projectId} is not in this browser's storage`);
    }
    const entry = await catalog.projects.get(projectId);
    const store = new ProjectStore(db, catalog, project, entry?.dirty === 1);
    await store.loadHistory();
    store.refreshLabels();
    return store;
  }

  /**
   * Store a whole project (new, demo, or read from a file), replacing any stored project
   * with the same id in one transaction: either all of it is written or none.
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
    const db = openProjectDb(project.meta.id, env);
    try {
      await ProjectStore.writeAll(db, project, chunk, report, total);
    } catch (error) {
      db.close();
      throw error;
    }
    await catalog.projects.put({
      id: project.meta.id,
      name: project.meta.name,
      modifiedAt: project.meta.modifiedAt,
      dirty: file.fileName ? 0 : 1,
      ...file,
    });
    const store = new ProjectStore(db, catalog, inDisplayOrder(project), !file.fileName);
    store.refreshLabels();
    return store;
  }

  /** The whole project in one transaction, table by table in chunks (see create). */
  private static async writeAll(db: ProjectDb, project: Project, chunk: number, report: (p: CreateProgress) => void, total: number): Promise<void> {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
      await db.meta.put(project.meta);
      let done = 1;
      report({ done, total });
      let previous: { written: Promise<unknown>; rows: number } | null = null;
      for (const t of tableNames) {
        const rows = project[t];
        for (let i = 0; i < rows.length; i += chunk) {
          const part = rows.slice(i, i + chunk);
          const written = db.table(t).bulkPut(part);
          // Awaited below; a failure aborts the whole transaction, which rejects create.
          written.catch(() => undefined);
          if (previous) {
            await previous.written;
            done += previous.rows;
            report({ done, total });
          }
          previous = { written, rows: part.length };
        }
      }
      if (previous) {
        await previous.written;
        done += previous.rows;
        report({ done, total });
      }
    });
  }

  getProject = (): Project => this.project;
  getStatus = (): StoreStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
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
    this.undoStack.push(entry);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    return this.commit(set, { kind: 'record', entry });
  }

  undo(): Promise<void> {
    const entry = this.undoStack.pop();
    if (!entry) return Promise.resolve();
    this.redoStack.push(entry);
    return this.commit(invert(entry.set), { kind: 'mark', entry, undone: 1 });
  }

  redo(): Promise<void> {
    const entry = this.redoStack.pop();
    if (!entry) return Promise.resolve();
    this.undoStack.push(entry);
    return this.commit(entry.set, { kind: 'mark', entry, undone: 0 });
  }

  /** Resolves once every change applied so far has been stored (or failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  private commit(set: ChangeSet, history: HistoryOp): Promise<void> {
    this.project = applyChanges(this.project, set);
    this.pending++;
    this.status = { ...this.status, persist: 'saving', dirty: true };
    this.refreshLabels();
    this.emit();
    this.queue = this.queue.then(async () => {
      try {
        await afterPaint();
        await this.persist(set, history);
        this.pending--;
        if (this.pending === 0 && this.status.persist === 'saving') this.setStatus({ persist: 'idle' });
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
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of finalRows(set)) {
        const puts: unknown[] = [];
        const deletes: string[] = [];
        for (const [id, row] of rows) if (row) puts.push(row);
        else deletes.push(id);
        if (deletes.length) await db.table(table).bulkDelete(deletes);
        if (puts.length) await db.table(table).bulkPut(puts);
      }
      if (history.kind === 'record') {
        await db.history.where('undone').equals(1).delete();
        const { seq: _unsaved, ...row } = history.entry;
        history.entry.seq = (await db.history.add(row as HistoryEntry)) as number;
        const count = await db.history.count();
        if (count > HISTORY_LIMIT) {
          const oldest = await db.history.orderBy('seq').limit(count - HISTORY_LIMIT).primaryKeys();
          await db.history.bulkDelete(oldest);
        }
      } else if (history.kind === 'mark' && history.entry.seq !== undefined) {
        await db.history.update(history.entry.seq, { undone: history.undone });
      }
    });
    await this.touchCatalog();
    this.channel?.postMessage('stored');
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
      for (const [table, rows] of finalRows(set)) {
        const puts: unknown[] = [];
        const deletes: string[] = [];
        for (const [id, row] of rows) if (row) puts.push(row);
        else deletes.push(id);
        if (deletes.length) await db.table(table).bulkDelete(deletes);
        if (puts.length) await db.table(table).bulkPut(puts);
      }
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
    await this.catalog.projects.update(this.id, { name: this.project.meta.name, modifiedAt: isoNow(), dirty: 1 });
  }

  /** After a failed write the database holds the truth: reload it and say what went wrong. */
  private async recover(err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    try {
      const stored = await loadProject(this.db);
      if (stored) this.project = stored;
      await this.loadHistory();
    } catch {
      // Keep what is in memory; the error below tells the user storage is failing.
    }
    this.refreshLabels();
    this.setStatus({ persist: 'error', error: `Could not store the change: ${message}. The last change was not kept.` });
  }

  private async loadHistory(): Promise<void> {
    this.setHistory(await this.db.history.orderBy('seq').toArray());
  }

  private setHistory(entries: HistoryEntry[]): void {
    this.undoStack = entries.filter((e) => e.undone === 0);
    this.redoStack = entries.filter((e) => e.undone === 1).reverse();
  }

  private refreshLabels(): void {
    const undo = this.undoStack[this.undoStack.length - 1];
    const redo = this.redoStack[this.redoStack.length - 1];
    const { undoLabel: _u, redoLabel: _r, ...rest } = this.status;
    this.status = { ...rest, ...(undo ? { undoLabel: undo.label } : {}), ...(redo ? { redoLabel: redo.label } : {}) };
  }

  clearError(): void {
    if (this.status.persist === 'error') this.setStatus({ persist: this.pending ? 'saving' : 'idle', error: undefined });
  }

  /** Record that the project now matches a file on disk. */
  async markSaved(file: { fileName: string; filePath?: string }): Promise<void> {
    await this.flush();
    await this.catalog.projects.update(this.id, { ...file, dirty: 0 });
    this.setStatus({ dirty: false });
  }

  /** Rename the project (its meta row), undoable like any change. */
  rename(name: string): Promise<void> {
    const before: ProjectMeta = this.project.meta;
    const after = { ...before, name: name.trim() || before.name, modifiedAt: isoNow() };
    return this.apply({ label: `Rename project to '${after.name}'`, changes: [{ table: 'meta', id: before.id, before, after }] });
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
    this.db.close();
  }
}
