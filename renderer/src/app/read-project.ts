/**
 * Reading a project file off the UI thread: the UI side of read-project.worker.ts.
 *
 * A large study takes a second or two to read (unzip, parse XML, place 50,000 codings);
 * on the UI thread that is a frozen window. The worker reads it and reports progress;
 * cancelling ends the worker (a read cannot otherwise be interrupted). Where workers are
 * unavailable (unit tests, a host that refuses them) or the worker fails to start, the
 * file is read on this thread instead. Each worker reads one file and is ended after it,
 * so its copy of the project does not outlive the read.
 *
 * The worker's reply is checked for shape here; the rows themselves were checked against
 * the project schema by the reader and are checked again by ProjectStore.create before
 * anything is stored.
 */
import type { ReadProgress, ReadResult } from '../../../shared/formats/refi';
import { READ_STEPS, readQdpx } from '../../../shared/formats/refi';
import type { TableName } from '../../../shared/model';
import { tableNames } from '../../../shared/model';

export interface ReadRequest {
  bytes: Uint8Array;
  name: string;
}

/**
 * What the worker sends: progress, then the rows of each big table in parts (in order),
 * then the project with those tables left empty; or the reason the file could not be read.
 */
export type ReadReply =
  | { kind: 'progress'; progress: ReadProgress }
  | { kind: 'rows'; table: TableName; rows: unknown[] }
  | { kind: 'done'; result: ReadResult }
  | { kind: 'failed'; message: string };

/** Rows per part: a part is copied into the window in one task, so a few tens of milliseconds at most. */
export function partRows(table: TableName): number {
  return table === 'sources' ? 20 : 5000;
}

/** The read was cancelled; nothing was opened. */
export class ReadCancelled extends Error {
  override name = 'ReadCancelled';
  constructor(fileName: string) {
    super(`Stopped reading ${fileName}`);
  }
}

/** The part of a Worker this module uses, so tests can hand in a stand-in. */
export interface ReaderWorker {
  postMessage(message: ReadRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface ReadProjectOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting ends the worker and rejects with ReadCancelled. */
  signal?: AbortSignal;
  /** Starts a reader; null reads on this thread. Defaults to the module worker. */
  startWorker?: () => ReaderWorker | null;
}

export function startReaderWorker(): ReaderWorker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./read-project.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isReadResult(v: unknown): v is ReadResult {
  if (!isObject(v) || !isObject(v.project) || !isObject(v.report)) return false;
  const { project, report } = v;
  if (!isObject(project.meta) || typeof project.meta.id !== 'string' || typeof project.meta.name !== 'string') return false;
  if (!tableNames.every((t) => Array.isArray(project[t]))) return false;
  return typeof report.fileName === 'string' && isObject(report.counts) && Array.isArray(report.skipped) && Array.isArray(report.warnings);
}

/** A message from the worker as one of the replies it may send, or null when it is none of them. */
export function parseReply(data: unknown): ReadReply | null {
  if (!isObject(data)) return null;
  if (data.kind === 'progress') {
    const p = data.progress;
    if (!isObject(p) || !(READ_STEPS as readonly unknown[]).includes(p.step) || !isCount(p.done) || !isCount(p.total)) return null;
    return { kind: 'progress', progress: { step: p.step as ReadProgress['step'], done: p.done, total: p.total } };
  }
  if (data.kind === 'rows') {
    if (!(tableNames as readonly unknown[]).includes(data.table) || !Array.isArray(data.rows)) return null;
    return { kind: 'rows', table: data.table as TableName, rows: data.rows as unknown[] };
  }
  if (data.kind === 'failed') return typeof data.message === 'string' ? { kind: 'failed', message: data.message } : null;
  if (data.kind === 'done') return isReadResult(data.result) ? { kind: 'done', result: data.result } : null;
  return null;
}

/** The project with the rows that came in parts put back in front of the rest of their table. */
function assemble(result: ReadResult, parts: ReadonlyMap<TableName, unknown[][]>): ReadResult {
  if (parts.size === 0) return result;
  const project: Record<string, unknown> = { ...result.project };
  for (const [table, chunks] of parts) project[table] = ([] as unknown[]).concat(...chunks, result.project[table]);
  return { ...result, project: project as ReadResult['project'] };
}

/**
 * After the next paint, so a dialog opened just before a read on this thread shows first;
 * the timeout runs it anyway in a hidden tab, where frames stop.
 */
function afterNextPaint(run: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    run();
  };
  setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  else setTimeout(once, 0);
}

/**
 * Reads a .qdpx or .qde as readQdpx does, in a worker. Rejects with the reader's error
 * (its message names the problem), or ReadCancelled when the signal aborts.
 */
export function readProjectFile(bytes: Uint8Array, name: string, options: ReadProjectOptions = {}): Promise<ReadResult> {
  const { onProgress, signal } = options;
  return new Promise<ReadResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ReadCancelled(name));
      return;
    }
    let worker: ReaderWorker | null = null;
    let settled = false;
    const stopWorker = () => {
      if (!worker) return;
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.terminate();
      worker = null;
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stopWorker();
      outcome();
    };
    const onAbort = () => settle(() => reject(new ReadCancelled(name)));
    signal?.addEventListener('abort', onAbort);

    // On this thread: nothing can interrupt the read, so a cancel during it drops the result.
    const readHere = () => {
      stopWorker();
      afterNextPaint(() => {
        if (settled) return;
        try {
          const result = readQdpx(bytes, name, onProgress ? { onProgress } : {});
          settle(() => resolve(result));
        } catch (error) {
          settle(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      });
    };

    worker = (options.startWorker ?? startReaderWorker)();
    if (!worker) {
      readHere();
      return;
    }
    let heard = false;
    const parts = new Map<TableName, unknown[][]>();
    worker.onmessage = (event) => {
      const reply = parseReply(event.data);
      if (!reply) {
        settle(() => reject(new Error('the reader sent back something that is not a project')));
        return;
      }
      heard = true;
      if (reply.kind === 'progress') onProgress?.(reply.progress);
      else if (reply.kind === 'rows') parts.set(reply.table, (parts.get(reply.table) ?? []).concat([reply.rows]));
      else if (reply.kind === 'done') settle(() => resolve(assemble(reply.result, parts)));
      else settle(() => reject(new Error(reply.message)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Before its first word the worker could not start (a host that refuses module
      // workers, a script that failed to load): read here instead. After it, it failed
      // mid-read, most likely out of memory, which this thread would not survive either.
      if (!heard) readHere();
      else settle(() => reject(new Error(`reading stopped unexpectedly${event.message ? ` (${event.message})` : ''}`)));
    };
    worker.onmessageerror = () => settle(() => reject(new Error('the project read could not be passed back to the window')));
    // A copy goes to the worker: the bytes stay here in case it cannot start.
    worker.postMessage({ bytes, name });
  });
}
