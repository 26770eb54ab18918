/**
 * The transcript as the view sees it: one block per paragraph (the speaker label left
 * out of the text and shown beside it), and an index of codings by block, from which
 * decorations (highlights) and margin stripes are read. Pure functions: no React, no
 * Slate, so they can be tested and reused by the benchmark.
 */
import type { Code, Coder, Coding, Source } from '../../../../shared/model';

export interface Block {
  index: number;
  /** Source offset of the block's first rendered character. */
  offset: number;
  end: number;
  turnIndex: number | null;
  /** The turn's first paragraph shows the speaker and time. */
  turnStart: boolean;
}

export function buildBlocks(source: Source): Block[] {
  const blocks: Block[] = [];
  let t = 0;
  for (const p of source.paragraphs) {
    while (t < source.turns.length && source.turns[t]!.end <= p.start) t++;
    const turn = source.turns[t];
    const inTurn = !!turn && turn.start < p.end && turn.end > p.start;
    const offset = inTurn && turn.start > p.start ? turn.start : p.start;
    if (offset >= p.end) continue;
    const turnStart = inTurn && turn.start >= p.start;
    blocks.push({ index: blocks.length, offset, end: p.end, turnIndex: inTurn ? t : null, turnStart });
  }
  return blocks;
}

/** The block containing a source offset, or the first block after it (offsets in labels/gaps). */
export function blockAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, blocks.length - 1);
}

export interface Segment {
  /** Offsets within the block's text. */
  start: number;
  end: number;
  /** Coding ids covering the segment, outermost (longest) first. */
  codingIds: string;
  colors: string;
  active: boolean;
}

export interface Stripe {
  /** The coding a click selects: the code's first coding in this block. */
  codingId: string;
  /** Every coding of the code in this block (for the hover card). */
  codingIds: string;
  active: boolean;
  codeId: string;
  name: string;
  color: string;
  lane: number;
  /** The code's run of blocks starts here (so the stripe shows its label) / ends here. */
  starts: boolean;
  ends: boolean;
}

export interface CodingIndex {
  /** Codings shown in this source, sorted by start. */
  codings: Coding[];
  segments(block: number): Segment[];
  stripes(block: number): Stripe[];
  lanes: number;
  /** What segments depend on, so the next index can reuse a block's segments untouched. */
  readonly basis: { byBlock: Coding[][]; codes: ReadonlyMap<string, Code>; activeCodingId: string | null };
  /** Forget the index this one was built from. */
  release(): void;
}

const EMPTY: never[] = [];

/**
 * Index codings by block once per change; segments and stripes per block are computed
 * on demand and reused from `previous` when unchanged, so unchanged blocks keep the
 * same arrays (and React skips them).
 */
export function indexCodings(
  blocks: readonly Block[],
  codings: readonly Coding[],
  codes: ReadonlyMap<string, Code>,
  activeCodingId: string | null,
  previous?: CodingIndex,
): CodingIndex {
  const sorted = codings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const byBlock: Coding[][] = blocks.map(() => []);
  for (const c of sorted) {
    if (!blocks.length) break;
    let i = blockAt(blocks, c.start);
    for (; i < blocks.length && blocks[i]!.offset < c.end; i++) if (blocks[i]!.end > c.start) byBlock[i]!.push(c);
  }
  // Stripes: one per code, not per coding. A code's run is a stretch of consecutive blocks
  // it covers; runs get lanes by greedy interval colouring so a stripe keeps its column
  // from its first block to its last and stripes line up down the margin.
  const runsByCode = new Map<string, Map<number, Coding[]>>();
  for (let b = 0; b < byBlock.length; b++)
    for (const c of byBlock[b]!) {
      const blocksOfCode = runsByCode.get(c.codeId) ?? new Map<number, Coding[]>();
      const list = blocksOfCode.get(b) ?? [];
      list.push(c);
      blocksOfCode.set(b, list);
      runsByCode.set(c.codeId, blocksOfCode);
    }
  type Run = { codeId: string; first: number; last: number; lane: number };
  const runs: Run[] = [];
  for (const [codeId, blocksOfCode] of runsByCode) {
    const idx = [...blocksOfCode.keys()].sort((x, y) => x - y);
    let run: Run | null = null;
    for (const b of idx) {
      if (run && b === run.last + 1) run.last = b;
      else {
        run = { codeId, first: b, last: b, lane: 0 };
        runs.push(run);
      }
    }
  }
  runs.sort((x, y) => x.first - y.first || y.last - y.first - (x.last - x.first));
  const laneEnds: number[] = [];
  const runsByBlock: Run[][] = blocks.map(() => []);
  for (const run of runs) {
    let lane = laneEnds.findIndex((endBlock) => endBlock < run.first);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = run.last;
    run.lane = lane;
    for (let b = run.first; b <= run.last; b++) runsByBlock[b]!.push(run);
  }

  // Released once a newer index exists (see IncrementalIndex), so indexes never chain up in memory.
  let prior = previous;
  const segCache = new Map<number, Segment[]>();
  const stripeCache = new Map<number, Stripe[]>();
  const color = (c: Coding) => codes.get(c.codeId)?.color ?? '#888888';

  const segments = (b: number): Segment[] => {
    const cached = segCache.get(b);
    if (cached) return cached;
    const block = blocks[b];
    const list = byBlock[b];
    // Codings keep their identity through a change they are not part of, so the same
    // rows under the same codes and selection give the same segments: skip the work.
    const basis = prior?.basis;
    if (basis && basis.codes === codes && basis.activeCodingId === activeCodingId && sameRows(basis.byBlock[b], list)) {
      const reused = prior!.segments(b);
      segCache.set(b, reused);
      return reused;
    }
    let out: Segment[] = EMPTY;
    if (block && list && list.length) {
      const cuts = new Set<number>([0, block.end - block.offset]);
      for (const c of list) {
        cuts.add(Math.max(0, c.start - block.offset));
        cuts.add(Math.min(block.end - block.offset, c.end - block.offset));
      }
      const points = [...cuts].sort((x, y) => x - y);
      out = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const s = points[k]!;
        const e = points[k + 1]!;
        const over = list.filter((c) => c.start - block.offset < e && c.end - block.offset > s);
        if (!over.length) continue;
        over.sort((x, y) => y.end - y.start - (x.end - x.start));
        out.push({
          start: s,
          end: e,
          codingIds: over.map((c) => c.id).join(' '),
          colors: over.map(color).join(' '),
          active: over.some((c) => c.id === activeCodingId),
        });
      }
      const prev = prior?.segments(b);
      if (prev && sameSegments(prev, out)) out = prev;
    }
    segCache.set(b, out);
    return out;
  };

  const stripes = (b: number): Stripe[] => {
    const cached = stripeCache.get(b);
    if (cached) return cached;
    const here = runsByBlock[b];
    let out: Stripe[] = EMPTY;
    if (here && here.length) {
      out = here.map((run) => {
        const codings = runsByCode.get(run.codeId)!.get(b)!;
        const code = codes.get(run.codeId);
        return {
          codingId: codings[0]!.id,
          codingIds: codings.map((c) => c.id).join(' '),
          codeId: run.codeId,
          name: code?.name ?? '?',
          color: code?.color ?? '#888888',
          lane: run.lane,
          starts: run.first === b,
          ends: run.last === b,
          active: codings.some((c) => c.id === activeCodingId),
        };
      });
      const prev = prior?.stripes(b);
      if (prev && sameStripes(prev, out)) out = prev;
    }
    stripeCache.set(b, out);
    return out;
  };

  return {
    codings: sorted,
    segments,
    stripes,
    lanes: laneEnds.length,
    basis: { byBlock, codes, activeCodingId },
    release: () => {
      prior = undefined;
    },
  };
}

/** Keeps the previous index so each new one can reuse unchanged blocks' arrays. */
export class IncrementalIndex {
  private previous: CodingIndex | undefined;
  private previousBlocks: readonly Block[] | undefined;

  next(blocks: readonly Block[], codings: readonly Coding[], codes: ReadonlyMap<string, Code>, activeCodingId: string | null): CodingIndex {
    const reuse = this.previousBlocks === blocks ? this.previous : undefined;
    reuse?.release();
    this.previous = indexCodings(blocks, codings, codes, activeCodingId, reuse);
    this.previousBlocks = blocks;
    return this.previous;
  }
}

function sameRows(a: readonly Coding[] | undefined, b: readonly Coding[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function sameStripes(a: readonly Stripe[], b: readonly Stripe[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i]!;
      return (
        s.codingId === t.codingId && s.codingIds === t.codingIds && s.name === t.name && s.color === t.color &&
        s.lane === t.lane && s.starts === t.starts && s.ends === t.ends && s.active === t.active
      );
    })
  );
}

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i]!;
      return s.start === t.start && s.end === t.end && s.codingIds === t.codingIds && s.colors === t.colors && s.active === t.active;
    })
  );
}

/** Codings of one source, optionally of one coder. */
export function visibleCodings(codings: readonly Coding[], sourceId: string, coderId: string | null): Coding[] {
  return codings.filter((c) => c.sourceId === sourceId && (!coderId || c.coderId === coderId));
}

export function formatTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A name for an in-vivo code: the participant's own words, tidied and kept short. */
export function inVivoName(text: string): string {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’.,;:!?()-]+|[\s"'“”‘’.,;:!?()-]+$/g, '');
  if (words.length <= 60) return `“${words}”`;
  const cut = words.slice(0, 60);
  const lastSpace = cut.lastIndexOf(' ');
  return `“${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).trim()}…”`;
}

export function coderName(coders: readonly Coder[], id: string): string {
  return coders.find((c) => c.id === id)?.name ?? 'unknown coder';
}

/** Move an offset by one word (to the next/previous word boundary) within a text. */
export function nudgeWord(text: string, offset: number, direction: 1 | -1): number {
  let i = offset;
  if (direction > 0) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
  } else {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  }
  return i;
}
