/**
 * The project database's schema history. Each version lists its Dexie stores (only the
 * fields we query are indexed, never text) and, where rows change shape, a pure
 * upgrader per table. Pure functions keep migrations testable without a database:
 * test/renderer/store/migrations.test.ts runs them directly and through a real upgrade.
 */

export interface Migration {
  version: number;
  /** Dexie store declarations: primary key first, then indexes. null deletes a store. */
  stores: Record<string, string | null>;
  /** Row rewrites by table, run inside Dexie's upgrade transaction. */
  upgrade?: Record<string, (row: Record<string, unknown>) => Record<string, unknown>>;
}

const v1Stores = {
  meta: 'id',
  coders: 'id',
  sources: 'id',
  attributes: 'id',
  cases: 'id',
  codes: 'id, parentId',
  codings: 'id, [sourceId+start], codeId, coderId',
  themes: 'id',
  memos: 'id',
  documentSets: 'id',
  savedQueries: 'id',
  settings: 'id',
  history: '++seq',
};

/**
 * v2: undo and redo survive a reload. History entries carry `undone` (0 or 1, numbers
 * because IndexedDB cannot index booleans) so the redo stack is one indexed query.
 */
export function historyEntryV2(row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, undone: row.undone === 1 || row.undone === true ? 1 : 0 };
}

/**
 * v3: `local`, this computer's bookkeeping about the project (not part of it, never exported):
 * the revision counter and the revision last saved to a file, written in the same transaction
 * as each change so "saved" can never cover a change it did not write. No rows to rewrite:
 * ProjectStore.open seeds the row from the catalog's old `dirty` flag.
 *
 * v4: another tool's content the model does not hold (a PDF source, Links, the PDF file
 * itself), kept to be written back on save: shared/model/preserved.ts. A new table, so
 * no row changes; projects stored before start with it empty.
 */
export const migrations: Migration[] = [
  { version: 1, stores: v1Stores },
  { version: 2, stores: { history: '++seq, undone' }, upgrade: { history: historyEntryV2 } },
  { version: 3, stores: { local: 'key' } },
  { version: 4, stores: { preserved: 'id' } },
];

export const currentVersion = migrations[migrations.length - 1]!.version;

/** Apply every upgrader after `fromVersion` to one row of `table`: what Dexie does, minus Dexie. */
export function upgradeRow(table: string, row: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let out = row;
  for (const m of migrations) if (m.version > fromVersion && m.upgrade?.[table]) out = m.upgrade[table]!(out);
  return out;
}
