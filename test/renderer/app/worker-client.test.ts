/**
 * The worker protocol: replies matched to their requests by id and checked before they are
 * believed, errors carried back, cancelling ends the worker without losing the other jobs,
 * and the window's thread takes over where there is no worker. A stand-in plays the worker,
 * answering through the same serveRequest a real worker runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeQdpx } from '../../../shared/formats/refi';
import type { JobReply, WorkerJob } from '../../../shared/worker/protocol';
import { parseReply, serveRequest } from '../../../shared/worker/protocol';
import { writeProjectFile } from '../../../renderer/src/app/write-project';
import { afterNextPaint } from '../../../renderer/src/lib/after-paint';
import { JobCancelled, WorkerClient } from '../../../renderer/src/workers/client';
import { richProject } from '../../shared/formats/refi/helpers';
import { StandInWorker } from './stand-in-worker';

/** Doubles a number, reporting half-way; refuses negative numbers. */
const double: WorkerJob<number, string, number> = {
  name: 'double',
  doing: 'doubling',
  output: 'a number',
  run(n, progress) {
    if (n < 0) throw new RangeError(`${n} is negative`);
    progress('half-way');
    return n * 2;
  },
  parseInput: (v) => (typeof v === 'number' ? v : null),
  parseProgress: (v) => (typeof v === 'string' ? v : null),
  parseOutput: (v) => (typeof v === 'number' ? v : null),
};

/** Counts the workers started, and answers as a real worker would. */
class StandIn extends StandInWorker {
  static started: StandIn[] = [];
  constructor() {
    super();
    StandIn.started.push(this);
  }
  /** Answers request i as a real worker would. */
  async serve(i: number): Promise<void> {
    const replies: JobReply[] = [];
    await serveRequest(this.posted[i], [double], (r) => replies.push(r));
    for (const r of replies) this.send(r);
  }
}

afterEach(() => {
  StandIn.started = [];
  vi.useRealTimers();
});

describe('WorkerClient', () => {
  it('matches each reply to its request by id, passing progress on', async () => {
    const client = new WorkerClient(() => new StandIn());
    const seen: string[] = [];
    const a = client.run(double, 2, { onProgress: (p) => seen.push(`a ${p}`) });
    const b = client.run(double, 5, { onProgress: (p) => seen.push(`b ${p}`) });
    const [worker] = StandIn.started;
    expect(StandIn.started).toHaveLength(1);
    expect(worker!.posted.map((r) => [r.id, r.job, r.input])).toEqual([
      [1, 'double', 2],
      [2, 'double', 5],
    ]);
    await worker!.serve(1);
    await worker!.serve(0);
    expect(await a).toBe(4);
    expect(await b).toBe(10);
    expect(seen).toEqual(['b half-way', 'a half-way']);
    expect(worker!.terminated).toBe(false);
  });

  it('carries a job’s error back with its message and kind', async () => {
    const client = new WorkerClient(() => new StandIn());
    const run = client.run(double, -1);
    await StandIn.started[0]!.serve(0);
    await expect(run).rejects.toMatchObject({ name: 'RangeError', message: '-1 is negative' });
  });

  it('believes no reply that is not the protocol’s or not the job’s, and ends that worker', async () => {
    for (const bad of [{ hello: 1 }, { type: 'done', id: 1, value: 'four' }, { type: 'progress', id: 1, value: 42 }]) {
      const client = new WorkerClient(() => new StandIn());
      const run = client.run(double, 2);
      const worker = StandIn.started.at(-1)!;
      worker.send(bad);
      await expect(run).rejects.toThrow('the worker sent back something that is not a number');
      expect(worker.terminated).toBe(true);
    }
  });

  it('cancels one job by ending its worker; the other job goes to a fresh one', async () => {
    const client = new WorkerClient(() => new StandIn());
    const controller = new AbortController();
    const a = client.run(double, 2, { signal: controller.signal });
    const b = client.run(double, 3);
    controller.abort();
    await expect(a).rejects.toBeInstanceOf(JobCancelled);
    const [first, second] = StandIn.started;
    expect(first!.terminated).toBe(true);
    expect(second!.posted.map((r) => r.input)).toEqual([3]);
    await second!.serve(0);
    expect(await b).toBe(6);
  });

  it('runs on this thread where there is no worker, or the worker fails before its first word', async () => {
    expect(await new WorkerClient(() => null).run(double, 4)).toBe(8);
    const throwing = new WorkerClient(() => {
      throw new Error('refused');
    });
    expect(await throwing.run(double, 1)).toBe(2);
    const client = new WorkerClient(() => new StandIn());
    const seen: string[] = [];
    const run = client.run(double, 7, { onProgress: (p) => seen.push(p) });
    StandIn.started[0]!.crash('Failed to load module script');
    expect(await run).toBe(14);
    expect(seen).toEqual(['half-way']);
    expect(StandIn.started[0]!.terminated).toBe(true);
  });

  it('fails the jobs of a worker that dies after it started, rather than running them here', async () => {
    const client = new WorkerClient(() => new StandIn());
    const run = client.run(double, 7);
    const worker = StandIn.started[0]!;
    worker.send({ type: 'progress', id: 1, value: 'half-way' });
    worker.crash('Out of memory');
    await expect(run).rejects.toThrow('doubling stopped unexpectedly (Out of memory)');
  });

  it('ends the worker when it has no job, if asked to', async () => {
    const client = new WorkerClient(() => new StandIn(), { endWhenIdle: true });
    const run = client.run(double, 1);
    await StandIn.started[0]!.serve(0);
    await run;
    expect(StandIn.started[0]!.terminated).toBe(true);
  });
});

describe('the protocol on the worker’s side', () => {
  it('answers a request with progress then the output, and refuses what it cannot run', async () => {
    const replies: JobReply[] = [];
    const post = (r: JobReply) => replies.push(r);
    await serveRequest({ type: 'run', id: 3, job: 'double', input: 4 }, [double], post);
    await serveRequest({ type: 'run', id: 4, job: 'triple', input: 4 }, [double], post);
    await serveRequest({ type: 'run', id: 5, job: 'double', input: 'four' }, [double], post);
    await serveRequest({ type: 'run', job: 'double', input: 4 }, [double], post);
    expect(replies).toEqual([
      { type: 'progress', id: 3, value: 'half-way' },
      { type: 'done', id: 3, value: 8 },
      { type: 'failed', id: 4, message: "this worker has no job 'triple'" },
      { type: 'failed', id: 5, message: "the request for 'double' is not one it can run" },
    ]);
    expect(parseReply({ type: 'failed', id: 0, message: 'x' })).toBeNull();
  });
});

describe('writeProjectFile', () => {
  it('writes the same bytes as writeQdpx, in a worker or on this thread', async () => {
    const project = richProject();
    const expected = writeQdpx(project);
    expect(await writeProjectFile(project, { startWorker: () => null })).toEqual(expected);
    let worker: StandIn | null = null;
    const written = writeProjectFile(project, { startWorker: () => (worker = new StandIn()) });
    expect(worker!.posted[0]).toMatchObject({ type: 'run', job: 'write-project' });
    worker!.send({ type: 'done', id: 1, value: expected });
    expect(await written).toBe(expected);
    expect(worker!.terminated).toBe(true);
  });
});

describe('afterNextPaint', () => {
  it('runs after the next frame, and in a hidden tab (no frames) after the fallback time', async () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    let ran = 0;
    void afterNextPaint(100).then(() => ran++);
    await vi.advanceTimersByTimeAsync(50);
    expect(ran).toBe(0);
    frames[0]!();
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toBe(1);
    void afterNextPaint(100).then(() => ran++);
    await vi.advanceTimersByTimeAsync(99);
    expect(ran).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toBe(2);
    vi.unstubAllGlobals();
  });
});
