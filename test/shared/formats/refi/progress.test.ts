/** readQdpx tells a progress bar where it has got to: a few calls, in step order, never going back. */
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../../shared/formats/refi';
import { readQdpx, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import { seededGuids } from '../../../../shared/model/ids';
import type { Coding } from '../../../../shared/model/schema';
import { richProject, source } from './helpers';
import { expectMonotonic, record, stepsOf } from './progress-helpers';

describe('readQdpx progress', () => {
  it('reports every step of our own .qdpx in order, each source as it is read', () => {
    const project = richProject();
    const { calls } = record(writeQdpx(project), 'rich.qdpx');
    expectMonotonic(calls);
    expect(stepsOf(calls)).toEqual(['unzip', 'parse', 'sources', 'codings', 'notes', 'extras', 'check']);
    const sources = calls.filter((c) => c.step === 'sources');
    expect(sources.map((c) => c.done)).toEqual([0, 1, 2, 3]);
    expect(sources.every((c) => c.total === project.sources.length)).toBe(true);
    // Codings are placed by their selections; two codings on the same words share one.
    const codings = calls.filter((c) => c.step === 'codings');
    const last = codings.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(0);
    expect(last.total).toBeLessThanOrEqual(project.codings.length);
  });

  it('has no unzip for a bare project.qde', () => {
    const bare = record(new TextEncoder().encode(writeQde(richProject())), 'project.qde');
    expectMonotonic(bare.calls);
    expect(stepsOf(bare.calls)).toEqual(['parse', 'sources', 'codings', 'notes', 'check']);
  });

  it('reports a large set of codings in a few steps, not one call per coding', () => {
    const project = richProject();
    const id = seededGuids(99);
    const long = source(id(), 'Long', [{ speaker: null, text: 'word '.repeat(2500) }]);
    project.sources.push(long);
    const coder = project.coders[0]!.id;
    const code = project.codes.find((c) => c.codable)!.id;
    // 10,000 codings on 10,000 different spans: one selection each.
    const extra: Coding[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: id(), codeId: code, sourceId: long.id, coderId: coder, start: i, end: i + 5 + (i % 7), createdAt: '2026-11-27T10:00:00Z',
    }));
    project.codings.push(...extra);
    const { calls, result } = record(writeQdpx(project), 'many.qdpx');
    expectMonotonic(calls);
    expect(result.project.codings).toHaveLength(project.codings.length);
    const codings = calls.filter((c) => c.step === 'codings');
    expect(codings.length).toBeGreaterThan(2);
    expect(codings.length).toBeLessThan(10);
    expect(calls.length).toBeLessThan(30);
  });

  it('reads the same project with or without a listener', () => {
    const bytes = writeQdpx(richProject());
    const fixed = () => ({ now: '2026-11-27T12:00:00Z', newId: seededGuids(3) });
    const plain = readQdpx(bytes, 'rich.qdpx', fixed());
    const watched = readQdpx(bytes, 'rich.qdpx', { ...fixed(), onProgress: () => undefined });
    expect(watched).toStrictEqual(plain);
  });

  it('stops at the failing step, so a damaged file is not reported as further along than it got', () => {
    const calls: ReadProgress[] = [];
    expect(() => readQdpx(new TextEncoder().encode('<Project><Sources><TextSource'), 'broken.qde', { onProgress: (p) => calls.push(p) })).toThrow(/broken\.qde/);
    expect(stepsOf(calls)).toEqual(['parse']);
  });
});
