/**
 * The project file jobs the workers in read-project.worker.ts and write-project.worker.ts run, and the window runs itself
 * when it has no worker: reading a .qdpx or .qde, and writing a .qdpx. Each says how to
 * check what crosses the thread boundary; the rows themselves are checked against the
 * project schema by the reader and again by ProjectStore.create before anything is stored.
 */
import type { ReadProgress, ReadResult } from '../../../shared/formats/refi';
import { READ_STEPS, readQdpx, writeQdpx } from '../../../shared/formats/refi';
import type { Project, TableName } from '../../../shared/model';
import { tableNames } from '../../../shared/model';
import type { WorkerJob } from '../../../shared/worker/protocol';
import { isObject } from '../../../shared/worker/protocol';

export interface ReadRequest {
  bytes: Uint8Array;
  name: string;
}

/**
 * Progress, and the rows of each big table in parts (in order) before the project comes
 * with those tables left empty: the window copies each message in one task, and the whole
 * large study in one message was a 100 ms pause there.
 */
export type ReadJobProgress = { kind: 'progress'; progress: ReadProgress } | { kind: 'rows'; table: TableName; rows: unknown[] };

/** Rows per part: a part is copied into the window in one task, so a few tens of milliseconds at most. */
export function partRows(table: TableName): number {
  return table === 'sources' ? 20 : 5000;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The top of a project: its meta and every table an array. */
function isProject(v: unknown): v is Project {
  if (!isObject(v) || !isObject(v.meta) || typeof v.meta.id !== 'string' || typeof v.meta.name !== 'string') return false;
  return tableNames.every((t) => Array.isArray(v[t]));
}

export function isReadResult(v: unknown): v is ReadResult {
  if (!isObject(v) || !isProject(v.project) || !isObject(v.report)) return false;
  const { report } = v;
  return typeof report.fileName === 'string' && isObject(report.counts) && Array.isArray(report.skipped) && Array.isArray(report.warnings);
}

export function parseReadProgress(v: unknown): ReadJobProgress | null {
  if (!isObject(v)) return null;
  if (v.kind === 'progress') {
    const p = v.progress;
    if (!isObject(p) || !(READ_STEPS as readonly unknown[]).includes(p.step) || !isCount(p.done) || !isCount(p.total)) return null;
    return { kind: 'progress', progress: { step: p.step as ReadProgress['step'], done: p.done, total: p.total } };
  }
  if (v.kind === 'rows') {
    if (!(tableNames as readonly unknown[]).includes(v.table) || !Array.isArray(v.rows)) return null;
    return { kind: 'rows', table: v.table as TableName, rows: v.rows as unknown[] };
  }
  return null;
}

export const readProjectJob: WorkerJob<ReadRequest, ReadJobProgress, ReadResult> = {
  name: 'read-project',
  doing: 'reading',
  output: 'a project',
  run({ bytes, name }, progress) {
    const { project, report } = readQdpx(bytes, name, { onProgress: (p) => progress({ kind: 'progress', progress: p }) });
    const rest = { ...project };
    for (const table of tableNames) {
      const rows: readonly unknown[] = project[table];
      const size = partRows(table);
      if (rows.length <= size) continue;
      for (let i = 0; i < rows.length; i += size) progress({ kind: 'rows', table, rows: rows.slice(i, i + size) });
      (rest as Record<TableName, unknown[]>)[table] = [];
    }
    return { project: rest, report };
  },
  parseInput: (v) => (isObject(v) && v.bytes instanceof Uint8Array && typeof v.name === 'string' ? { bytes: v.bytes, name: v.name } : null),
  parseProgress: parseReadProgress,
  parseOutput: (v) => (isReadResult(v) ? v : null),
};

/** Writing a .qdpx: the bytes of the file, from a project the window has already checked. */
export const writeProjectJob: WorkerJob<Project, never, Uint8Array> = {
  name: 'write-project',
  doing: 'writing the project file',
  output: 'a project file',
  run: (project) => writeQdpx(project),
  parseInput: (v) => (isProject(v) ? v : null),
  parseProgress: () => null,
  parseOutput: (v) => (v instanceof Uint8Array ? v : null),
};
