/**
 * Reading a project file off the UI thread. A large study takes a second or two to read
 * (unzip, parse XML, place 50,000 codings); on the UI thread that is a frozen window. The
 * worker (read-project.worker.ts, job readProjectJob) reads it and reports progress through
 * the worker protocol, which checks every reply, cancels by ending the worker and falls
 * back to this thread where there is none. Each worker reads one file and is ended after
 * it, so its copy of the project does not outlive the read.
 */
import type { ReadProgress, ReadResult } from '../../../shared/formats/refi';
import type { TableName } from '../../../shared/model';
import type { JobWorker } from '../workers/client';
import { JobCancelled, WorkerClient } from '../workers/client';
import { readProjectJob } from './project-jobs';

/** The read was cancelled; nothing was opened. */
export class ReadCancelled extends Error {
  override name = 'ReadCancelled';
  constructor(fileName: string) {
    super(`Stopped reading ${fileName}`);
  }
}

export interface ReadProjectOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting ends the worker and rejects with ReadCancelled. */
  signal?: AbortSignal;
  /** Starts a worker; null reads on this thread. Defaults to the reader worker. */
  startWorker?: () => JobWorker | null;
}

export function startReaderWorker(): JobWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./read-project.worker.ts', import.meta.url), { type: 'module' });
}

/** The project with the rows that came in parts put back in front of the rest of their table. */
function assemble(result: ReadResult, parts: ReadonlyMap<TableName, unknown[][]>): ReadResult {
  if (parts.size === 0) return result;
  const project: Record<string, unknown> = { ...result.project };
  for (const [table, chunks] of parts) project[table] = ([] as unknown[]).concat(...chunks, result.project[table]);
  return { ...result, project: project as ReadResult['project'] };
}

/**
 * Reads a .qdpx or .qde as readQdpx does, in a worker. Rejects with the reader's error
 * (its message names the problem), or ReadCancelled when the signal aborts.
 */
export async function readProjectFile(bytes: Uint8Array, name: string, options: ReadProjectOptions = {}): Promise<ReadResult> {
  const { onProgress, signal } = options;
  const client = new WorkerClient(options.startWorker ?? startReaderWorker, { endWhenIdle: true });
  const parts = new Map<TableName, unknown[][]>();
  try {
    // A copy goes to the worker: the bytes stay here in case it cannot start.
    const result = await client.run(readProjectJob, { bytes, name }, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => {
        if (p.kind === 'progress') onProgress?.(p.progress);
        else parts.set(p.table, (parts.get(p.table) ?? []).concat([p.rows]));
      },
    });
    return assemble(result, parts);
  } catch (error) {
    throw error instanceof JobCancelled ? new ReadCancelled(name) : error;
  }
}
