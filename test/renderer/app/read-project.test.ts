/**
 * The UI side of the project reader: replies from the worker are checked before they are
 * believed, a worker that cannot start falls back to reading on this thread, and
 * cancelling ends the worker. A stand-in worker plays the worker's part.
 */
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../shared/formats/refi';
import { readQdpx, writeQdpx } from '../../../shared/formats/refi';
import { isReadResult, parseReadProgress } from '../../../renderer/src/app/project-jobs';
import { ReadCancelled, readProjectFile } from '../../../renderer/src/app/read-project';
import { richProject } from '../../shared/formats/refi/helpers';
import { StandInWorker } from './stand-in-worker';

/** Replies in the worker protocol to the request it was sent, carrying what the read job sends. */
class StandInReader extends StandInWorker {
  reply(value: Record<string, unknown>): void {
    const id = this.posted[0]!.id;
    if (value.kind === 'done') this.send({ type: 'done', id, value: value.result });
    else if (value.kind === 'failed') this.send({ type: 'failed', id, message: value.message });
    else this.send({ type: 'progress', id, value });
  }
}

const bytes = writeQdpx(richProject());
const expected = () => readQdpx(bytes, 'rich.qdpx');

function withStandIn(options: { signal?: AbortSignal; onProgress?: (p: ReadProgress) => void } = {}) {
  const worker = new StandInReader();
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
    expect(worker.posted[0]).toMatchObject({ type: 'run', job: 'read-project', input: { name: 'rich.qdpx' } });
    expect((worker.posted[0]!.input as { bytes: Uint8Array }).bytes).toBe(bytes);
    worker.reply({ kind: 'progress', progress: { step: 'unzip', done: 0, total: 1 } });
    worker.reply({ kind: 'progress', progress: { step: 'sources', done: 2, total: 3 } });
    const result = expected();
    worker.reply({ kind: 'done', result });
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
    worker.reply({ kind: 'rows', table: 'codings', rows: codings.slice(0, 4) });
    worker.reply({ kind: 'rows', table: 'sources', rows: result.project.sources.slice(0, 2) });
    worker.reply({ kind: 'rows', table: 'codings', rows: codings.slice(4, 7) });
    worker.reply({
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
    worker.reply({ kind: 'failed', message: 'rich.qdpx holds no project.qde (entries: none)' });
    await expect(read).rejects.toThrow('rich.qdpx holds no project.qde (entries: none)');
    expect(worker.terminated).toBe(true);
  });

  it('does not believe a reply that is not a project', async () => {
    const { worker, read } = withStandIn();
    worker.reply({ kind: 'done', result: { project: { meta: { id: 'x', name: 'y' } }, report: {} } });
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
    worker.reply({ kind: 'progress', progress: { step: 'parse', done: 0, total: 1 } });
    worker.crash('Out of memory');
    await expect(read).rejects.toThrow('reading stopped unexpectedly (Out of memory)');
  });

  it('cancels: ends the worker, rejects with ReadCancelled, and ignores whatever the worker says after', async () => {
    const controller = new AbortController();
    const seen: ReadProgress[] = [];
    const { worker, read } = withStandIn({ signal: controller.signal, onProgress: (p) => seen.push(p) });
    worker.reply({ kind: 'progress', progress: { step: 'parse', done: 0, total: 1 } });
    controller.abort();
    await expect(read).rejects.toBeInstanceOf(ReadCancelled);
    expect(worker.terminated).toBe(true);
    worker.reply({ kind: 'progress', progress: { step: 'sources', done: 0, total: 3 } });
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

describe('the read job’s checks', () => {
  it('accept its progress, its parts and a project, and nothing else', () => {
    expect(parseReadProgress({ kind: 'progress', progress: { step: 'codings', done: 4096, total: 50000 } })).toEqual({
      kind: 'progress',
      progress: { step: 'codings', done: 4096, total: 50000 },
    });
    expect(parseReadProgress({ kind: 'rows', table: 'codings', rows: [] })).toEqual({ kind: 'rows', table: 'codings', rows: [] });
    const result = expected();
    expect(isReadResult(result)).toBe(true);
    for (const bad of [
      null,
      'done',
      [],
      { kind: 'progress', progress: { step: 'teleport', done: 0, total: 1 } },
      { kind: 'progress', progress: { step: 'parse', done: -1, total: 1 } },
      { kind: 'progress', progress: { step: 'parse', done: Number.NaN, total: 1 } },
      { kind: 'rows', table: 'passwords', rows: [] },
      { kind: 'rows', table: 'codings', rows: 'all of them' },
      { kind: 'hello' },
    ])
      expect(parseReadProgress(bad), JSON.stringify(bad)?.slice(0, 80)).toBeNull();
    expect(isReadResult({ ...result, project: { ...result.project, codings: 'many' } })).toBe(false);
    expect(isReadResult({ ...result, report: { ...result.report, warnings: undefined } })).toBe(false);
  });
});
