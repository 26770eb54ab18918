/**
 * Writing a .qdpx off the UI thread: the bytes writeQdpx makes, made in the project
 * worker (job writeProjectJob) so a large study's save does not freeze the window, or on
 * this thread where there is no worker. The project is copied to the worker; the file
 * comes back as bytes for the caller to store.
 */
import type { Project } from '../../../shared/model';
import type { JobWorker } from '../workers/client';
import { WorkerClient } from '../workers/client';
import { writeProjectJob } from './project-jobs';
import { startProjectWorker } from './read-project';

export interface WriteProjectOptions {
  signal?: AbortSignal;
  /** Starts a worker; null writes on this thread. Defaults to the project worker. */
  startWorker?: () => JobWorker | null;
}

export function writeProjectFile(project: Project, options: WriteProjectOptions = {}): Promise<Uint8Array> {
  const client = new WorkerClient(options.startWorker ?? startProjectWorker, { endWhenIdle: true });
  return client.run(writeProjectJob, project, options.signal ? { signal: options.signal } : {});
}
