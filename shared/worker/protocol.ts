/**
 * The one protocol between the window and its workers (after VS Code's webWorker.ts):
 * the window sends a request with an id and a job's name; the worker answers that id with
 * progress, then the job's output or its error. Both sides check every message before
 * believing it: the envelope here, the job's own values by the job's checks. Pure (no DOM):
 * the window's side and the worker's side live in renderer/src/workers.
 */

/** Window to worker: run a job. */
export interface JobRequest {
  type: 'run';
  id: number;
  job: string;
  input: unknown;
}

/** Worker to window: about the request with the same id. */
export type JobReply =
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; message: string; name?: string };

/**
 * A job both sides know. `run` is what the worker does, and what the window does itself
 * when it has no worker; the checks say whether a value that crossed the thread boundary
 * is what the job sends (null when it is not).
 */
export interface WorkerJob<I, P, O> {
  readonly name: string;
  /** For messages: what the job is doing ("reading") and what it returns ("a project"). */
  readonly doing: string;
  readonly output: string;
  run(input: I, progress: (value: P) => void): O | Promise<O>;
  parseInput(value: unknown): I | null;
  parseProgress(value: unknown): P | null;
  parseOutput(value: unknown): O | null;
}

/** Any job, for lists of them; its values are checked by its own parsers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds jobs of different types
export type AnyWorkerJob = WorkerJob<any, any, any>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

export function parseRequest(data: unknown): JobRequest | null {
  if (!isObject(data) || data.type !== 'run' || !isId(data.id) || typeof data.job !== 'string') return null;
  return { type: 'run', id: data.id, job: data.job, input: data.input };
}

export function parseReply(data: unknown): JobReply | null {
  if (!isObject(data) || !isId(data.id)) return null;
  const { id } = data;
  if (data.type === 'progress' || data.type === 'done') return { type: data.type, id, value: data.value };
  if (data.type === 'failed' && typeof data.message === 'string') {
    return typeof data.name === 'string' ? { type: 'failed', id, message: data.message, name: data.name } : { type: 'failed', id, message: data.message };
  }
  return null;
}

/** The failed reply for an error thrown by a job: its message and kind, which structured cloning would not all keep. */
export function failure(id: number, error: unknown): JobReply {
  if (error instanceof Error) return { type: 'failed', id, message: error.message, name: error.name };
  return { type: 'failed', id, message: String(error) };
}

/** Runs a request with the jobs a worker serves, sending each reply through post. */
export async function serveRequest(data: unknown, jobs: readonly AnyWorkerJob[], post: (reply: JobReply) => void): Promise<void> {
  const request = parseRequest(data);
  // Without an id there is no one to answer; the window only sends requests.
  if (!request) return;
  const { id } = request;
  const job = jobs.find((j) => j.name === request.job);
  if (!job) return post({ type: 'failed', id, message: `this worker has no job '${request.job}'` });
  const input: unknown = job.parseInput(request.input);
  if (input === null) return post({ type: 'failed', id, message: `the request for '${job.name}' is not one it can run` });
  try {
    const value: unknown = await job.run(input, (progress: unknown) => post({ type: 'progress', id, value: progress }));
    post({ type: 'done', id, value });
  } catch (error) {
    post(failure(id, error));
  }
}
