/**
 * The window's side of the worker protocol (shared/worker/protocol.ts). Runs jobs in a
 * worker: each request has an id and its replies are matched to it; every reply is
 * checked (the envelope, then the job's own values) before it is believed; errors come
 * back as errors. Cancelling ends the worker, the only way to stop a job in progress,
 * and sends the other jobs it held to a fresh one.
 *
 * Falls back to the window's thread, after the next paint, where there is no worker
 * (unit tests, a host that refuses them) or the worker fails before its first word (a
 * module script that would not load). A worker that dies later, most likely out of
 * memory, fails its jobs instead: this thread would not survive them either.
 */
import type { AnyWorkerJob, JobRequest, WorkerJob } from '../../../shared/worker/protocol';
import { parseReply } from '../../../shared/worker/protocol';
import { afterNextPaint } from '../lib/after-paint';

/** The part of a Worker the client uses, so tests can hand in a stand-in. */
export interface JobWorker {
  postMessage(message: JobRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** The job was cancelled; nothing it would have returned is kept. */
export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor(job: AnyWorkerJob) {
    super(`Stopped ${job.doing}`);
  }
}

export interface RunOptions<P> {
  onProgress?: (progress: P) => void;
  /** Aborting rejects with JobCancelled (and ends the worker running the job). */
  signal?: AbortSignal;
  /** Run on this thread even when there is a worker, e.g. for an input too large to copy. */
  here?: boolean;
}

export interface ClientOptions {
  /** End the worker whenever it has no job, so what it holds does not outlive the job. */
  endWhenIdle?: boolean;
}

interface Pending {
  id: number;
  job: AnyWorkerJob;
  input: unknown;
  options: RunOptions<unknown>;
  where: 'worker' | 'here';
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onAbort: () => void;
}

export class WorkerClient {
  private worker: JobWorker | null = null;
  /** The worker has sent a message, so it started; a failure after that is not a failure to start. */
  private heard = false;
  /** No worker can be had: every job runs on this thread. */
  private hereOnly = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly startWorker: () => JobWorker | null,
    private readonly options: ClientOptions = {},
  ) {}

  run<I, P, O>(job: WorkerJob<I, P, O>, input: I, options: RunOptions<P> = {}): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new JobCancelled(job));
        return;
      }
      const id = this.nextId++;
      const entry: Pending = {
        id,
        job,
        input,
        options: options as RunOptions<unknown>,
        where: 'here',
        resolve: resolve as (value: unknown) => void,
        reject,
        onAbort: () => this.cancel(id),
      };
      options.signal?.addEventListener('abort', entry.onAbort);
      this.pending.set(id, entry);
      if (!options.here && this.ensureWorker()) this.send(entry);
      else this.runHere(entry);
    });
  }

  /** Stops every job; the next run starts a fresh worker. */
  cancelAll(): void {
    this.stopWorker();
    for (const entry of [...this.pending.values()]) this.settle(entry, () => entry.reject(new JobCancelled(entry.job)));
  }

  private ensureWorker(): JobWorker | null {
    if (this.worker || this.hereOnly) return this.worker;
    let worker: JobWorker | null = null;
    try {
      worker = this.startWorker();
    } catch {
      worker = null;
    }
    if (!worker) {
      this.hereOnly = true;
      return null;
    }
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.workerFailed(event.message);
    };
    worker.onmessageerror = () => this.failWorkerJobs((job) => `the result of ${job.doing} could not be passed back to the window`);
    this.worker = worker;
    this.heard = false;
    return worker;
  }

  private send(entry: Pending): void {
    entry.where = 'worker';
    this.worker!.postMessage({ type: 'run', id: entry.id, job: entry.job.name, input: entry.input });
  }

  /** On this thread, after the next paint so a dialog opened just before shows first. Nothing can interrupt it: a cancel drops its result. */
  private runHere(entry: Pending): void {
    entry.where = 'here';
    void afterNextPaint().then(async () => {
      if (!this.pending.has(entry.id)) return;
      try {
        const value = await entry.job.run(entry.input, (progress: unknown) => {
          if (this.pending.has(entry.id)) entry.options.onProgress?.(progress);
        });
        this.settle(entry, () => entry.resolve(value));
      } catch (error) {
        this.settle(entry, () => entry.reject(error instanceof Error ? error : new Error(String(error))));
      }
    });
  }

  private receive(data: unknown): void {
    const reply = parseReply(data);
    if (!reply) {
      this.failWorkerJobs((job) => `the worker sent back something that is not ${job.output}`);
      return;
    }
    this.heard = true;
    const entry = this.pending.get(reply.id);
    // A reply to a job cancelled or failed already.
    if (!entry || entry.where !== 'worker') return;
    const notBelieved = () => this.failWorkerJobs((job) => `the worker sent back something that is not ${job.output}`);
    if (reply.type === 'progress') {
      const progress = entry.job.parseProgress(reply.value);
      if (progress === null) notBelieved();
      else entry.options.onProgress?.(progress);
    } else if (reply.type === 'done') {
      const output = entry.job.parseOutput(reply.value);
      if (output === null) notBelieved();
      else this.settle(entry, () => entry.resolve(output));
    } else {
      const error = new Error(reply.message);
      if (reply.name) error.name = reply.name;
      this.settle(entry, () => entry.reject(error));
    }
  }

  private workerFailed(message: string): void {
    if (this.heard) {
      this.failWorkerJobs((job) => `${job.doing} stopped unexpectedly${message ? ` (${message})` : ''}`);
      return;
    }
    // It never started: do its jobs here.
    this.stopWorker();
    this.hereOnly = true;
    for (const entry of this.pending.values()) if (entry.where === 'worker') this.runHere(entry);
  }

  /** A worker that misbehaves or dies takes its jobs with it; it is ended, and the next run starts another. */
  private failWorkerJobs(reason: (job: AnyWorkerJob) => string): void {
    const jobs = [...this.pending.values()].filter((e) => e.where === 'worker');
    this.stopWorker();
    for (const entry of jobs) this.settle(entry, () => entry.reject(new Error(reason(entry.job))));
  }

  private cancel(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.where === 'worker') {
      this.stopWorker();
      // The other jobs it held start again in a fresh worker.
      for (const other of this.pending.values()) {
        if (other === entry || other.where !== 'worker') continue;
        if (this.ensureWorker()) this.send(other);
        else this.runHere(other);
      }
    }
    this.settle(entry, () => entry.reject(new JobCancelled(entry.job)));
  }

  private settle(entry: Pending, outcome: () => void): void {
    if (!this.pending.delete(entry.id)) return;
    entry.options.signal?.removeEventListener('abort', entry.onAbort);
    if (this.options.endWhenIdle && ![...this.pending.values()].some((e) => e.where === 'worker')) this.stopWorker();
    outcome();
  }

  private stopWorker(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    this.worker = null;
  }
}
