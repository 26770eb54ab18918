/**
 * Writing a .qdpx off the UI thread: the bytes writeQdpx makes, made in a worker
 * (write-project.worker.ts, job writeProjectJob) so saving a large study does not freeze
 * the window, or on this thread where there is no worker. The project is copied to the
 * worker; the file comes back as bytes for the caller to store.
 */
import type { Project } from '../../../shared/model';
import type { JobWorker } from '../workers/client';
import { WorkerClient } from '../workers/client';
import { writeProjectJob } from './project-jobs';

export interface WriteProjectOptions {
  signal?: AbortSignal;
  /** Starts a worker; null writes on this thread. Defaults to the writer worker. */
  startWorker?: () => JobWorker | null;
}

export function startWriterWorker(): JobWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./write-project.worker.ts', import.meta.url), { type: 'module' });
}

export function writeProjectFile(project: Project, options: WriteProjectOptions = {}): Promise<Uint8Array> {
  const client = new WorkerClient(options.startWorker ?? startWriterWorker, { endWhenIdle: true });
  return client.run(writeProjectJob, project, options.signal ? { signal: options.signal } : {});
}
