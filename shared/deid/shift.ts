/**
 * Moving text positions through a set of replacements. A position inside a replaced
 * identifier moves to the pseudonym's start when it opens a span and to its end when it
 * closes one, so a coding never cuts a pseudonym in two; every other position moves by
 * what the replacements before it added or removed.
 */

export interface Replacement {
  /** The replaced range in the old text. */
  start: number;
  end: number;
  /** The length of what replaces it. */
  length: number;
}

export interface Shifter {
  start(position: number): number;
  end(position: number): number;
}

/** replacements: sorted by start, not overlapping. */
export function makeShifter(replacements: readonly Replacement[]): Shifter {
  const n = replacements.length;
  // newStart[i]: where replacement i starts in the new text; after[i]: the shift just after it.
  const newStart = new Array<number>(n);
  const after = new Array<number>(n);
  let delta = 0;
  for (let i = 0; i < n; i++) {
    const r = replacements[i]!;
    newStart[i] = r.start + delta;
    delta += r.length - (r.end - r.start);
    after[i] = delta;
  }
  /** The last replacement starting strictly before p, or -1. */
  const before = (p: number) => {
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (replacements[mid]!.start < p) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const move = (p: number, side: 'start' | 'end') => {
    const i = before(p);
    if (i < 0) return p;
    const r = replacements[i]!;
    if (p < r.end) return side === 'start' ? newStart[i]! : newStart[i]! + r.length;
    return p + after[i]!;
  };
  return { start: (p) => move(p, 'start'), end: (p) => move(p, 'end') };
}

export function shiftSpan<T extends { start: number; end: number }>(span: T, shifter: Shifter): T {
  const start = shifter.start(span.start);
  return { ...span, start, end: Math.max(start, shifter.end(span.end)) };
}
