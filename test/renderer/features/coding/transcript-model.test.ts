import { describe, expect, it } from 'vitest';
import { blockAt, buildBlocks, indexCodings, inVivoName, IncrementalIndex, nudgeWord, formatTime } from '../../../../renderer/src/features/coding/transcript-model';
import type { Code, Coding, Source } from '../../../../shared/model';
import { composeTranscript } from '../../../../shared/text/compose';

function source(): Source {
  const s = composeTranscript([
    { speaker: 'Interviewer', text: 'Where did you sleep?', timeMs: 5000 },
    { speaker: 'P01', text: 'In the car.\nThen at my sister’s place 🙂 for a week.', timeMs: 12000 },
    { speaker: null, text: 'Narrative note.' },
  ]);
  return { ...s, id: 's', name: 'P01', format: 'txt', importedAt: '' } as Source;
}

const code = (id: string, color: string, name = id): Code =>
  ({ id, name, color, parentId: null, order: 0, definition: '', inclusion: '', exclusion: '', example: '', origin: 'inductive', codable: true, createdAt: '' }) as Code;
const coding = (id: string, codeId: string, start: number, end: number): Coding =>
  ({ id, codeId, sourceId: 's', coderId: 'c', start, end, createdAt: '' }) as Coding;

describe('transcript blocks', () => {
  it('leave the speaker label out of a turn’s first paragraph and keep offsets into the source', () => {
    const s = source();
    const blocks = buildBlocks(s);
    expect(blocks.map((b) => s.text.slice(b.offset, b.end))).toEqual([
      'Where did you sleep?',
      'In the car.',
      'Then at my sister’s place 🙂 for a week.',
      'Narrative note.',
    ]);
    expect(blocks.map((b) => [b.turnIndex, b.turnStart])).toEqual([
      [0, true],
      [1, true],
      [1, false],
      [null, false],
    ]);
  });

  it('find the block of an offset, or the next block for an offset in a label', () => {
    const s = source();
    const blocks = buildBlocks(s);
    expect(blockAt(blocks, s.text.indexOf('car'))).toBe(1);
    expect(blockAt(blocks, s.text.indexOf('P01:'))).toBe(1);
    expect(blockAt(blocks, s.text.length)).toBe(3);
  });
});

describe('coding index', () => {
  const s = source();
  const blocks = buildBlocks(s);
  const codes = new Map([
    ['a', code('a', '#111111', 'Housing')],
    ['b', code('b', '#222222', 'Family')],
  ]);
  const car = s.text.indexOf('car');
  const week = s.text.indexOf('week') + 4;
  const sister = s.text.indexOf('sister');
  const q = blocks[0]!.offset;

  it('splits overlapping codings into segments listing every coding, longest first', () => {
    const index = indexCodings(blocks, [coding('x', 'a', car, week), coding('y', 'b', sister, sister + 6)], codes, null);
    const segs = index.segments(2);
    const text = s.text.slice(blocks[2]!.offset, blocks[2]!.end);
    expect(segs.map((g) => [text.slice(g.start, g.end), g.codingIds, g.colors])).toEqual([
      ['Then at my ', 'x', '#111111'],
      ['sister', 'x y', '#111111 #222222'],
      ['’s place 🙂 for a week', 'x', '#111111'],
    ]);
    expect(index.segments(0)).toEqual([]);
  });

  it('gives each code one stripe per run of blocks, in a lane it keeps', () => {
    const index = indexCodings(blocks, [coding('x', 'a', car, week), coding('y', 'b', sister, sister + 6), coding('z', 'b', q, q + 5)], codes, 'y');
    expect(index.stripes(1).map((t) => [t.name, t.lane, t.starts, t.ends])).toEqual([['Housing', 0, true, false]]);
    expect(index.stripes(2).map((t) => [t.name, t.lane, t.starts, t.ends, t.active])).toEqual([
      ['Housing', 0, false, true, false],
      ['Family', 1, true, true, true],
    ]);
    expect(index.stripes(0).map((t) => [t.name, t.lane])).toEqual([['Family', 0]]);
    expect(index.lanes).toBe(2);
  });

  it('reuses the arrays of blocks a change did not touch', () => {
    const inc = new IncrementalIndex();
    const first = inc.next(blocks, [coding('x', 'a', car, car + 3), coding('z', 'b', q, q + 5)], codes, null);
    const segs0 = first.segments(0);
    const segs1 = first.segments(1);
    const second = inc.next(blocks, [coding('x', 'a', car, car + 3), coding('z', 'b', q, q + 9)], codes, null);
    expect(second.segments(1)).toBe(segs1);
    expect(second.segments(0)).not.toBe(segs0);
  });
});

describe('small helpers', () => {
  it('names an in-vivo code by the words, tidied and shortened at a word', () => {
    expect(inVivoName('  "simply no bed."  ')).toBe('“simply no bed”');
    const long = inVivoName('I call the case manager line from the car and if somebody picks up that is great');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long.endsWith('…”')).toBe(true);
  });

  it('nudges a boundary by whole words', () => {
    const t = 'one two  three';
    expect(nudgeWord(t, 0, 1)).toBe(3);
    expect(nudgeWord(t, 3, 1)).toBe(7);
    expect(nudgeWord(t, 14, -1)).toBe(9);
    expect(nudgeWord(t, 9, -1)).toBe(4);
  });

  it('formats times as m:ss or h:mm:ss', () => {
    expect(formatTime(65_000)).toBe('1:05');
    expect(formatTime(3_725_000)).toBe('1:02:05');
  });
});
