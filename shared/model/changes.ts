/**
 * Every edit to a project is a ChangeSet: a labelled list of row changes, each holding
 * the row before and after. The app persists one ChangeSet in one IndexedDB transaction
 * and keeps it for undo; the CLI applies it in memory. Undo is the inverse ChangeSet.
 */
import type { Guid, Project, ProjectMeta, Row, TableName } from './schema';

export type RowChange<T extends TableName = TableName> = {
  [K in T]: { table: K; id: string; before: Row<K> | null; after: Row<K> | null };
}[T];

export type MetaChange = { table: 'meta'; id: Guid; before: ProjectMeta; after: ProjectMeta };

export type Change = RowChange | MetaChange;

export interface ChangeSet {
  /** What the user did, in words for the Undo menu: "Apply code 'Housing'". */
  label: string;
  changes: Change[];
}

export function put<T extends TableName>(table: T, before: Row<T> | null, after: Row<T>): RowChange<T> {
  return { table, id: after.id, before, after } as RowChange<T>;
}

export function remove<T extends TableName>(table: T, before: Row<T>): RowChange<T> {
  return { table, id: before.id, before, after: null } as RowChange<T>;
}

export function isEmpty(set: ChangeSet): boolean {
  return set.changes.length === 0;
}

export function invert(set: ChangeSet): ChangeSet {
  return {
    label: set.label,
    changes: set.changes
      .slice()
      .reverse()
      .map((c) => ({ ...c, before: c.after, after: c.before }) as Change),
  };
}

/** Several change sets as one undo step (e.g. a whole import or a merge). */
export function combine(label: string, sets: ChangeSet[]): ChangeSet {
  return { label, changes: sets.flatMap((s) => s.changes) };
}

/**
 * Apply changes to an in-memory project and return the new project; the input is not
 * modified. Each touched table is copied once, so a change set of any size costs one
 * pass over each table it touches.
 */
export function applyChanges(project: Project, set: ChangeSet): Project {
  const next: Project = { ...project };
  const byTable = new Map<TableName, Change[]>();
  for (const change of set.changes) {
    if (change.table === 'meta') {
      if (change.after) next.meta = change.after;
      continue;
    }
    const list = byTable.get(change.table) ?? [];
    list.push(change);
    byTable.set(change.table, list);
  }
  for (const [table, changes] of byTable) {
    const rows = new Map<string, { id: string }>(
      (project[table] as { id: string }[]).map((row) => [row.id, row]),
    );
    for (const change of changes) {
      if (change.after) rows.set(change.id, change.after);
      else rows.delete(change.id);
    }
    (next as Record<TableName, unknown>)[table] = [...rows.values()];
  }
  return next;
}
