/**
 * The Dexie databases. Each project lives in its own IndexedDB database (its rows need
 * no project key, and deleting a project drops one database); a small catalog database
 * lists the projects and keeps preferences. Both are opened through a StorageEnv so
 * tests can hand in a fresh fake-indexeddb factory.
 */
import Dexie, { type Table } from 'dexie';
import type { ChangeSet, ProjectMeta, Row, TableName } from '../../../shared/model';
import { migrations } from './migrations';

export interface StorageEnv {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export interface HistoryEntry {
  seq?: number;
  label: string;
  set: ChangeSet;
  at: string;
  /** 1 once undone (on the redo stack); 0 otherwise. */
  undone: 0 | 1;
}

/**
 * The project's revision on this computer: one more with each stored change, and the one
 * last written to (or read from) a file. Unsaved changes are revision > savedRevision.
 */
export interface RevisionRow {
  key: 'revision';
  revision: number;
  savedRevision: number;
}

export type ProjectTables = { [T in TableName]: Table<Row<T>, string> };

export type ProjectDb = Dexie &
  ProjectTables & {
    meta: Table<ProjectMeta, string>;
    history: Table<HistoryEntry, number>;
    local: Table<RevisionRow, string>;
  };

export const PROJECT_DB_PREFIX = 'lantern-project-';

type DexieOptions = NonNullable<ConstructorParameters<typeof Dexie>[1]>;

function dexieOptions(env: StorageEnv): DexieOptions {
  return env.indexedDB ? { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange ?? IDBKeyRange } : {};
}

export interface ProjectDbOptions {
  /** Open only up to this schema version (tests of upgrades). */
  upTo?: number;
  /**
   * 'strict': each transaction reports done only once the data is flushed to disk. Dexie 4
   * sets durability per connection, not per transaction, so whole-project writes and the
   * saved-to-file checkpoint use a connection of their own (Chromium's default, 'relaxed',
   * may lose the last transactions in a power cut or OS crash, though never half of one).
   */
  durability?: 'strict';
}

export function openProjectDb(projectId: string, env: StorageEnv = {}, options: ProjectDbOptions = {}): ProjectDb {
  const upTo = options.upTo ?? Infinity;
  const db = new Dexie(PROJECT_DB_PREFIX + projectId, {
    ...dexieOptions(env),
    ...(options.durability ? { chromeTransactionDurability: options.durability } : {}),
  });
  for (const m of migrations) {
    if (m.version > upTo) break;
    const version = db.version(m.version).stores(m.stores);
    const upgraders = m.upgrade;
    if (upgraders)
      version.upgrade(async (tx) => {
        for (const [table, fn] of Object.entries(upgraders)) await tx.table(table).toCollection().modify((row: Record<string, unknown>) => {
          const next = fn(row);
          for (const key of Object.keys(row)) if (!(key in next)) delete row[key];
          Object.assign(row, next);
        });
      });
  }
  return db as ProjectDb;
}

export interface ProjectEntry {
  id: string;
  name: string;
  modifiedAt: string;
  /** The .qdpx it was last opened from or saved to, when known. */
  fileName?: string;
  filePath?: string;
  /**
   * Changed since it was last saved to (or opened from) a file. A copy of what the project's
   * own database says (RevisionRow), for the project list; the project database decides.
   */
  dirty: 0 | 1;
}

export interface Pref {
  key: string;
  value: unknown;
}

export type CatalogDb = Dexie & { projects: Table<ProjectEntry, string>; prefs: Table<Pref, string> };

export function openCatalog(env: StorageEnv = {}): CatalogDb {
  const db = new Dexie('lantern', dexieOptions(env));
  db.version(1).stores({ projects: 'id, modifiedAt', prefs: 'key' });
  return db as CatalogDb;
}
