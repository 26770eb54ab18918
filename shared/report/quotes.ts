/**
 * Which quotes a theme's chapter shows: the team's exemplars when it marked any,
 * otherwise a spread that lets every group and site speak (round-robin over
 * group x site), each the longest excerpt that still reads as a quote.
 */

export interface QuoteCandidate {
  codingId: string;
  sourceId: string;
  start: number;
  end: number;
  text: string;
  exemplar: boolean;
  /** The value of the group-by attribute for the excerpt's case, or null. */
  group: string | null;
  /** The value of the spread attribute (e.g. site), or null. */
  spread: string | null;
  /** Whose words these are, so one talkative person does not fill a chapter. */
  caseKey: string | null;
}

export interface QuoteSelection {
  count: number;
  maxChars: number;
  /** Group values in display order; unknown groups sort after them. */
  groupOrder?: readonly string[];
}

/** Shorter than this reads as a fragment rather than a quote. */
const MIN_CHARS = 40;
/** Longer than this many times the wanted length is never picked automatically. */
const TOO_LONG_FACTOR = 4;

export function selectQuotes(candidates: readonly QuoteCandidate[], sel: QuoteSelection): QuoteCandidate[] {
  if (sel.count <= 0) return [];
  // A coding of a whole answer or page is not a quote: unless the team marked it, it is left out
  // (before overlaps are settled, so it cannot hide a shorter quote inside it).
  const limit = sel.maxChars * TOO_LONG_FACTOR;
  const quotable = dropOverlaps(candidates.filter((c) => c.exemplar || c.text.trim().length <= limit));
  const exemplars = quotable.filter((c) => c.exemplar);
  if (exemplars.length > 0) return exemplars.slice(0, sel.count);

  const groupRank = (g: string | null) => {
    const i = g === null ? -1 : (sel.groupOrder ?? []).indexOf(g);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const buckets = new Map<string, QuoteCandidate[]>();
  for (const c of quotable) {
    const key = `${c.group ?? ''}\u0000${c.spread ?? ''}`;
    const list = buckets.get(key) ?? [];
    list.push(c);
    buckets.set(key, list);
  }
  const ordered = [...buckets.values()].sort(
    (a, b) =>
      groupRank(a[0]!.group) - groupRank(b[0]!.group) ||
      (a[0]!.group ?? '').localeCompare(b[0]!.group ?? '') ||
      (a[0]!.spread ?? '').localeCompare(b[0]!.spread ?? '', undefined, { numeric: true }),
  );
  for (const list of ordered) list.sort((a, b) => preference(a, b, sel.maxChars));

  const chosen: { quote: QuoteCandidate; bucket: number }[] = [];
  const usedCases = new Set<string>();
  let progressed = true;
  while (chosen.length < sel.count && progressed) {
    progressed = false;
    for (const [bucket, list] of ordered.entries()) {
      if (chosen.length >= sel.count) break;
      if (list.length === 0) continue;
      // Prefer someone not yet quoted; fall back to the best remaining when everyone has been.
      let at = list.findIndex((c) => c.caseKey === null || !usedCases.has(c.caseKey));
      if (at === -1) at = 0;
      const quote = list.splice(at, 1)[0]!;
      chosen.push({ quote, bucket });
      if (quote.caseKey) usedCases.add(quote.caseKey);
      progressed = true;
    }
  }
  // Read group by group (then site by site), as the table and the chart are laid out.
  return chosen.sort((a, b) => a.bucket - b.bucket).map((c) => c.quote);
}

/** Longest that fits; too short or too long only when nothing better exists. */
function preference(a: QuoteCandidate, b: QuoteCandidate, maxChars: number): number {
  const tier = (c: QuoteCandidate) => {
    const n = c.text.trim().length;
    return n > maxChars ? 2 : n < MIN_CHARS ? 1 : 0;
  };
  const ta = tier(a);
  const tb = tier(b);
  if (ta !== tb) return ta - tb;
  const la = a.text.length;
  const lb = b.text.length;
  // Among the too long, the shortest is the least bad.
  if (la !== lb) return ta === 2 ? la - lb : lb - la;
  return a.codingId < b.codingId ? -1 : a.codingId > b.codingId ? 1 : 0;
}

/** Two codes of one theme on the same words would quote them twice; keep one (an exemplar if either is). */
function dropOverlaps(candidates: readonly QuoteCandidate[]): QuoteCandidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(b.exemplar) - Number(a.exemplar) ||
      b.end - b.start - (a.end - a.start) ||
      (a.codingId < b.codingId ? -1 : 1),
  );
  const kept: QuoteCandidate[] = [];
  const bySource = new Map<string, QuoteCandidate[]>();
  for (const c of sorted) {
    const others = bySource.get(c.sourceId) ?? [];
    if (others.some((o) => o.start < c.end && c.start < o.end)) continue;
    others.push(c);
    bySource.set(c.sourceId, others);
    kept.push(c);
  }
  const order = new Map(candidates.map((c, i) => [c, i]));
  return kept.sort((a, b) => order.get(a)! - order.get(b)!);
}
