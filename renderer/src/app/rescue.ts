/**
 * What can still be read of a project whose database will not open as a project (a newer
 * version's, a damaged one): every table read raw, each on its own so one bad table does
 * not hide the rest. Offered from the open-failure screen as a download: a .qdpx when the
 * rows still make a valid project, else JSON with every row that read and what did not.
 */
import type { Project } from '../../../shared/model';
import { tableNames } from '../../../shared/model';
import { writeQdpx } from '../../../shared/formats/refi';
import { PROJECT_DB_PREFIX } from '../store';
import { validateProject } from '../store/project-rows';

export interface Rescued {
  /** IndexedDB's version of the database (Dexie's schema version times 10). */
  version: number;
  tables: Record<string, unknown[]>;
  /** Tables that could not be read, with why. */
  errors: Record<string, string>;
}

const why = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Opens the database at whatever version it is, never creating or upgrading it. */
function openAsIs(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error(`${name} is not in this browser's storage`));
  });
}

export async function readWhatCan(projectId: string, factory: IDBFactory = indexedDB): Promise<Rescued> {
  const db = await openAsIs(factory, PROJECT_DB_PREFIX + projectId);
  try {
    const out: Rescued = { version: db.version, tables: {}, errors: {} };
    for (const name of Array.from(db.objectStoreNames)) {
      try {
        out.tables[name] = await request(db.transaction(name, 'readonly').objectStore(name).getAll());
      } catch (e) {
        out.errors[name] = why(e);
      }
    }
    return out;
  } finally {
    db.close();
  }
}

/** The download: a .qdpx when the rows make a valid project, JSON otherwise. */
export async function rescueFile(projectName: string, rescued: Rescued): Promise<{ name: string; bytes: Uint8Array }> {
  const base = `${projectName.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'project'} (rescued)`;
  const meta = rescued.tables.meta?.[0];
  if (meta && Object.keys(rescued.errors).length === 0) {
    const project = { meta, ...Object.fromEntries(tableNames.map((t) => [t, rescued.tables[t] ?? []])) } as unknown as Project;
    try {
      await validateProject(project);
      return { name: `${base}.qdpx`, bytes: writeQdpx(project) };
    } catch {
      // Rows that do not make a valid project still go out, as JSON.
    }
  }
  const json = JSON.stringify({ lanternRescue: 1, projectName, ...rescued }, null, 2);
  return { name: `${base}.json`, bytes: new TextEncoder().encode(json) };
}
