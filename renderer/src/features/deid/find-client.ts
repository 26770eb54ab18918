/**
 * Finding identifiers for the De-identify view: in a worker (find.worker.ts) where the
 * browser allows one, else on this thread. The NLP library (compromise) is loaded only
 * here, when someone de-identifies, never with the app.
 */
import type { Candidate, ListEntry } from '../../../../shared/deid';
import { findCandidates } from '../../../../shared/deid';
import type { Project } from '../../../../shared/model';

export interface FindRequest {
  project: Project;
  sourceIds: string[];
  list: ListEntry[];
}

export type FindReply = { kind: 'done'; candidates: Candidate[] } | { kind: 'failed'; message: string };

function isReply(v: unknown): v is FindReply {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (r.kind === 'done' && Array.isArray(r.candidates)) || (r.kind === 'failed' && typeof r.message === 'string');
}

async function onThisThread(request: FindRequest): Promise<Candidate[]> {
  const { compromiseFinder } = await import('../../../../shared/deid/compromise');
  return findCandidates(request.project, { finder: compromiseFinder, sourceIds: request.sourceIds, list: request.list });
}

export async function findInProject(request: FindRequest): Promise<Candidate[]> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./find.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onThisThread(request);
  }
  try {
    return await new Promise<Candidate[]>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent) => {
        const reply: unknown = event.data;
        if (!isReply(reply)) reject(new Error('The identifier search sent back something unexpected'));
        else if (reply.kind === 'failed') reject(new Error(`Could not search for identifiers: ${reply.message}`));
        else resolve(reply.candidates);
      };
      // A worker that cannot start (a host that refuses module workers) falls back to this thread.
      worker.onerror = () => resolve(onThisThread(request));
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
