/**
 * Agreement over text units (speaker turns or sentences): each coder's value for a unit
 * is whether they applied the code anywhere in it, and Krippendorff's alpha is taken over
 * those presence values. Units are sorted and disjoint, so presence is found by sweeping
 * each coder's coding union against them.
 */
import type { Interval } from './intervals';
import { firstEndingAfter } from './intervals';
import type { AlphaResult } from './alpha';
import { alphaFromValueCounts } from './alpha';

export type TextUnit = 'turn' | 'sentence';

/** A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by space. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;

/** Sentences within the given paragraphs (or the whole text), trimmed of surrounding space. */
export function sentenceSpans(text: string, paragraphs?: readonly Interval[]): Interval[] {
  const blocks = paragraphs && paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length }];
  const out: Interval[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  for (const block of blocks) {
    const slice = text.slice(block.start, block.end);
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) {
      const end = m.index + m[0].length;
      push(block.start + from, block.start + end);
      from = end;
    }
    push(block.start + from, block.end);
  }
  return out;
}

/**
 * How many units each number of coders marked present: histogram[k] = units where exactly
 * k of the coders applied the code. `units` sorted and disjoint; each union likewise.
 */
export function presenceHistogram(units: readonly Interval[], unions: readonly (readonly Interval[])[]): number[] {
  const marks = new Map<number, number>();
  for (const union of unions) {
    const hit = new Set<number>();
    for (const span of union) {
      for (let u = firstEndingAfter(units, span.start); u < units.length && units[u]!.start < span.end; u++) hit.add(u);
    }
    for (const u of hit) marks.set(u, (marks.get(u) ?? 0) + 1);
  }
  const histogram = new Array<number>(unions.length + 1).fill(0);
  histogram[0] = units.length - marks.size;
  for (const k of marks.values()) histogram[k]!++;
  return histogram;
}

export function addHistograms(into: number[], add: readonly number[]): number[] {
  for (let k = 0; k < add.length; k++) into[k] = (into[k] ?? 0) + add[k]!;
  return into;
}

/** Nominal alpha over presence values from a histogram (index = coders who marked the unit). */
export function presenceAlpha(histogram: readonly number[]): AlphaResult {
  const coders = histogram.length - 1;
  const result = alphaFromValueCounts(
    [0, 1],
    histogram.map((weight, k) => ({ counts: [coders - k, k], weight })),
    'nominal',
  );
  return { ...result, counts: { ...result.counts, coders } };
}
