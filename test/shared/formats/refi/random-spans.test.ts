/**
 * Many random spans over text full of characters that shift offsets (emoji, CJK outside
 * the BMP, combining marks, ZWJ sequences): through our export and back, read with our
 * extras and without them (as another tool's copy would be), every coding covers the
 * same characters.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { readQdpx, writeQdpx } from '../../../../shared/formats/refi';
import { seededGuids } from '../../../../shared/model/ids';
import type { Coding } from '../../../../shared/model/schema';
import { richProject } from './helpers';

const PIECES = ['a', 'é', ' ', 'naïve', '😀', '👩🏽‍⚕️', '𠀀', '中文', '\n', 'ß', 'ǅ', 'a\u0308\u0323', '🇧🇷', '—', 'word', '. '];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('random spans over offset-shifting text', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: every coding keeps its characters', (seed) => {
    const rand = prng(seed);
    const id = seededGuids(1000 + seed);
    const project = richProject();
    const source = project.sources[0]!;
    let text = '';
    while (text.length < 3000) text += PIECES[Math.floor(rand() * PIECES.length)];
    text = text.normalize('NFC');
    Object.assign(source, { text, paragraphs: [{ start: 0, end: text.length }], turns: [], speakers: [] });
    // Code point boundaries only: a stored span never splits a surrogate pair.
    const boundaries = [...text].reduce<number[]>((acc, ch) => [...acc, acc[acc.length - 1]! + ch.length], [0]);
    const codings: Coding[] = [];
    for (let i = 0; i < 60; i++) {
      const a = boundaries[Math.floor(rand() * boundaries.length)]!;
      const b = boundaries[Math.floor(rand() * boundaries.length)]!;
      if (a === b) continue;
      codings.push({
        id: id(), codeId: project.codes[i % project.codes.length]!.id, sourceId: source.id, coderId: project.coders[i % 2]!.id,
        start: Math.min(a, b), end: Math.max(a, b), createdAt: '2026-11-27T10:00:00Z',
      });
    }
    project.codings = [...project.codings.filter((c) => c.sourceId !== source.id), ...codings];
    project.memos = project.memos.filter((m) => m.target.kind !== 'coding' || project.codings.some((c) => m.target.kind === 'coding' && c.id === m.target.id));

    const bytes = writeQdpx(project);
    expect(readQdpx(bytes, 'ours.qdpx').project).toStrictEqual(project);

    const files = unzipSync(bytes);
    delete files['lantern/project.json'];
    const { project: foreign, report } = readQdpx(zipSync(files), 'copy.qdpx');
    expect(report.positions?.chosenBy).toBe('origin');
    expect(report.skipped).toEqual([]);
    const back = new Map(foreign.codings.map((c) => [c.id, c]));
    for (const c of codings) {
      const b = back.get(c.id)!;
      expect([b.start, b.end], text.slice(c.start, c.end)).toEqual([c.start, c.end]);
    }
  });
});
