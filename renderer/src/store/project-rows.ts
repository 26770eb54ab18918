/**
 * Reading, checking and writing a project's rows: the parts of ProjectStore that work on
 * whole tables (loading a project, checking one against the model, storing one in chunks)
 * and on change sets (checking rows, the final state of each touched row).
 */
import type { ChangeSet, Project, TableName } from '../../../shared/model';
import { projectMetaSchema, tableNames, tableSchemas } from '../../../shared/model';
import type { ProjectDb, RevisionRow } from './db';

export class StoreError extends Error {}

export interface CreateProgress {
  /** Rows written so far, the project's meta row included. */
  done: number;
  total: number;
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

/** Store a change set's rows: the final state of each touched row, deleted or put. Call inside a transaction. */
export async function writeChangeRows(db: ProjectDb, set: ChangeSet): Promise<void> {
  for (const [table, rows] of finalRows(set)) {
    const puts: unknown[] = [];
    const deletes: string[] = [];
    for (const [id, row] of rows) if (row) puts.push(row);
    else deletes.push(id);
    if (deletes.length) await db.table(table).bulkDelete(deletes);
    if (puts.length) await db.table(table).bulkPut(puts);
  }
}

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
export async function validateProject(project: Project): Promise<void> {
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

export async function loadProject(db: ProjectDb): Promise<Project | null> {
  const meta = await db.meta.toCollection().first();
  if (!meta) return null;
  const project = { meta } as Project;
  for (const t of tableNames) (project as Record<TableName, unknown>)[t] = await db.table(t).toArray();
  return inDisplayOrder(project);
}

export const REVISION_KEY = 'revision' as const;

/**
 * The whole project in one transaction, table by table in chunks (see ProjectStore.create),
 * with its revision one past whatever was stored before and, when it came from a file,
 * marked saved. Resolves to the revision row written.
 */
export async function writeAll(
  db: ProjectDb,
  project: Project,
  fromFile: boolean,
  chunk: number,
  report: (p: CreateProgress) => void,
  total: number,
): Promise<RevisionRow> {
  return db.transaction('rw', db.tables, async () => {
    const before = await db.local.get(REVISION_KEY);
    for (const table of db.tables) await table.clear();
    const revision = (before?.revision ?? 0) + 1;
    const row: RevisionRow = { key: REVISION_KEY, revision, savedRevision: fromFile ? revision : 0 };
    await db.local.put(row);
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
    return row;
  });
}
