/**
 * The UI side of the project reader: replies from the worker are checked before they are
 * believed, a worker that cannot start falls back to reading on this thread, and
 * cancelling ends the worker. A stand-in worker plays the worker's part.
 */
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../shared/formats/refi';
import { readQdpx, writeQdpx } from '../../../shared/formats/refi';
import type { ReaderWorker, ReadRequest } from '../../../renderer/src/app/read-project';
import { parseReply, ReadCancelled, readProjectFile } from '../../../renderer/src/app/read-project';
import { richProject } from '../refi/helpers';

class StandInWorker implements ReaderWorker {
  posted: ReadRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: ReadRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message = ''): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const bytes = writeQdpx(richProject());
const expected = () => readQdpx(bytes, 'rich.qdpx');

function withStandIn(options: { signal?: AbortSignal; onProgress?: (p: ReadProgress) => void } = {}) {
  const worker = new StandInWorker();
  const read = readProjectFile(bytes, 'rich.qdpx', { ...options, startWorker: () => worker });
  return { worker, read };
}

describe('readProjectFile', () => {
  it('reads on this thread where there are no workers, with progress', async () => {
    const steps: string[] = [];
    const result = await readProjectFile(bytes, 'rich.qdpx', { startWorker: () => null, onProgress: (p) => steps.push(p.step) });
    expect(result.project.codings).toHaveLength(richProject().codings.length);
    expect(result.project.meta).toEqual(expected().project.meta);
    expect(steps[0]).toBe('unzip');
    expect(steps.at(-1)).toBe('check');
  });

  it('rejects with the reader’s own message, naming the file, when reading on this thread fails', async () => {
    await expect(readProjectFile(new Uint8Array([1, 2, 3]), 'junk.qdpx', { startWorker: () => null })).rejects.toThrow(/junk\.qdpx is neither/);
  });

  it('sends the file to the worker, passes its progress on, and ends it with the project', async () => {
    const seen: ReadProgress[] = [];
    const { worker, read } = withStandIn({ onProgress: (p) => seen.push(p) });
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]!.name).toBe('rich.qdpx');
    expect(worker.posted[0]!.bytes).toBe(bytes);
    worker.send({ kind: 'progress', progress: { step: 'unzip', done: 0, total: 1 } });
    worker.send({ kind: 'progress', progress: { step: 'sources', done: 2, total: 3 } });
    const result = expected();
    worker.send({ kind: 'done', result });
    expect(await read).toBe(result);
    expect(seen).toEqual([
      { step: 'unzip', done: 0, total: 1 },
      { step: 'sources', done: 2, total: 3 },
    ]);
    expect(worker.terminated).toBe(true);
  });

  it('puts the rows that came in parts back in order, in front of the rest of their table', async () => {
    const { worker, read } = withStandIn();
    const result = expected();
    const codings = result.project.codings;
    worker.send({ kind: 'rows', table: 'codings', rows: codings.slice(0, 4) });
    worker.send({ kind: 'rows', table: 'sources', rows: result.project.sources.slice(0, 2) });
    worker.send({ kind: 'rows', table: 'codings', rows: codings.slice(4, 7) });
    worker.send({
      kind: 'done',
      result: { ...result, project: { ...result.project, codings: codings.slice(7), sources: result.project.sources.slice(2) } },
    });
    const assembled = await read;
    expect(assembled.project.codings).toEqual(codings);
    expect(assembled.project.sources).toEqual(result.project.sources);
    expect(assembled.project.memos).toEqual(result.project.memos);
  });

  it('rejects with the worker’s message when the file cannot be read', async () => {
    const { worker, read } = withStandIn();
    worker.send({ kind: 'failed', message: 'rich.qdpx holds no project.qde (entries: none)' });
    await expect(read).rejects.toThrow('rich.qdpx holds no project.qde (entries: none)');
    expect(worker.terminated).toBe(true);
  });

  it('does not believe a reply that is not a project', async () => {
    const { worker, read } = withStandIn();
    worker.send({ kind: 'done', result: { project: { meta: { id: 'x', name: 'y' } }, report: {} } });
    await expect(read).rejects.toThrow(/not a project/);
    expect(worker.terminated).toBe(true);
  });

  it('falls back to reading here when the worker fails before its first word', async () => {
    const { worker, read } = withStandIn();
    worker.crash('Failed to load module script');
    const result = await read;
    expect(worker.terminated).toBe(true);
    expect(result.project.meta).toEqual(expected().project.meta);
  });

  it('reports a worker that dies mid-read instead of reading again here', async () => {
    const { worker, read } = withStandIn();
    worker.send({ kind: 'progress', progress: { step: 'parse', done: 0, total: 1 } });
    worker.crash('Out of memory');
    await expect(read).rejects.toThrow('reading stopped unexpectedly (Out of memory)');
  });

  it('cancels: ends the worker, rejects with ReadCancelled, and ignores whatever the worker says after', async () => {
    const controller = new AbortController();
    const seen: ReadProgress[] = [];
    const { worker, read } = withStandIn({ signal: controller.signal, onProgress: (p) => seen.push(p) });
    worker.send({ kind: 'progress', progress: { step: 'parse', done: 0, total: 1 } });
    controller.abort();
    await expect(read).rejects.toBeInstanceOf(ReadCancelled);
    expect(worker.terminated).toBe(true);
    worker.send({ kind: 'progress', progress: { step: 'sources', done: 0, total: 3 } });
    expect(seen).toHaveLength(1);
  });

  it('starts no worker for a read cancelled before it began, and drops an inline read cancelled before it ran', async () => {
    const controller = new AbortController();
    controller.abort();
    let started = 0;
    await expect(readProjectFile(bytes, 'rich.qdpx', { signal: controller.signal, startWorker: () => (started++, null) })).rejects.toBeInstanceOf(ReadCancelled);
    expect(started).toBe(0);

    const later = new AbortController();
    const inline = readProjectFile(bytes, 'rich.qdpx', { signal: later.signal, startWorker: () => null });
    later.abort();
    await expect(inline).rejects.toBeInstanceOf(ReadCancelled);
  });
});

describe('parseReply', () => {
  it('accepts the three replies and nothing else', () => {
    expect(parseReply({ kind: 'progress', progress: { step: 'codings', done: 4096, total: 50000 } })).toEqual({
      kind: 'progress',
      progress: { step: 'codings', done: 4096, total: 50000 },
    });
    expect(parseReply({ kind: 'failed', message: 'no' })).toEqual({ kind: 'failed', message: 'no' });
    expect(parseReply({ kind: 'rows', table: 'codings', rows: [] })).toEqual({ kind: 'rows', table: 'codings', rows: [] });
    const result = expected();
    expect(parseReply({ kind: 'done', result })).toEqual({ kind: 'done', result });
    for (const bad of [
      null,
      'done',
      [],
      { kind: 'progress', progress: { step: 'teleport', done: 0, total: 1 } },
      { kind: 'progress', progress: { step: 'parse', done: -1, total: 1 } },
      { kind: 'progress', progress: { step: 'parse', done: Number.NaN, total: 1 } },
      { kind: 'failed', message: 42 },
      { kind: 'rows', table: 'passwords', rows: [] },
      { kind: 'rows', table: 'codings', rows: 'all of them' },
      { kind: 'done', result: { ...result, project: { ...result.project, codings: 'many' } } },
      { kind: 'done', result: { ...result, report: { ...result.report, warnings: undefined } } },
      { kind: 'hello' },
    ])
      expect(parseReply(bad), JSON.stringify(bad)?.slice(0, 80)).toBeNull();
  });
});
