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
  const chosen: QuoteCandidate[] = [];
  // Two codes of one theme on the same words would quote them twice; a quote overlapping one already chosen is passed over.
  const overlapsChosen = (c: QuoteCandidate) =>
    chosen.some((o) => o.sourceId === c.sourceId && o.start < c.end && c.start < o.end);

  const exemplars = candidates.filter((c) => c.exemplar);
  if (exemplars.length > 0) {
    for (const c of exemplars) if (chosen.length < sel.count && !overlapsChosen(c)) chosen.push(c);
    return chosen;
  }

  // A coding of a whole answer or page is not a quote; nobody chose it, so it is left out.
  const limit = sel.maxChars * TOO_LONG_FACTOR;
  const groupRank = (g: string | null) => {
    const i = g === null ? -1 : (sel.groupOrder ?? []).indexOf(g);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const buckets = new Map<string, Ranked[]>();
  for (const c of candidates) {
    const length = c.end - c.start;
    if (length > limit) continue;
    const key = `${c.group ?? ''}\u0000${c.spread ?? ''}`;
    const list = buckets.get(key) ?? [];
    list.push({ c, length, tier: length > sel.maxChars ? 2 : length < MIN_CHARS ? 1 : 0 });
    buckets.set(key, list);
  }
  const ordered = [...buckets.values()].sort(
    (a, b) =>
      groupRank(a[0]!.c.group) - groupRank(b[0]!.c.group) ||
      (a[0]!.c.group ?? '').localeCompare(b[0]!.c.group ?? '') ||
      (a[0]!.c.spread ?? '').localeCompare(b[0]!.c.spread ?? '', undefined, { numeric: true }),
  );
  for (const list of ordered) list.sort(preference);

  // Round-robin over groups, and within each group over its sites, so every group speaks
  // before any speaks twice, however many sites it spans.
  const groups: { buckets: number[]; next: number }[] = [];
  ordered.forEach((list, bucket) => {
    const last = groups[groups.length - 1];
    if (last && ordered[last.buckets[0]!]![0]!.c.group === list[0]!.c.group) last.buckets.push(bucket);
    else groups.push({ buckets: [bucket], next: 0 });
  });
  const picked: { quote: QuoteCandidate; bucket: number }[] = [];
  const usedCases = new Set<string>();
  const pickFrom = (bucket: number): boolean => {
    const list = ordered[bucket]!;
    // Prefer someone not yet quoted; fall back to the best remaining when everyone has been.
    let at = list.findIndex((r) => (r.c.caseKey === null || !usedCases.has(r.c.caseKey)) && !overlapsChosen(r.c));
    if (at === -1) at = list.findIndex((r) => !overlapsChosen(r.c));
    if (at === -1) {
      list.length = 0;
      return false;
    }
    const quote = list.splice(at, 1)[0]!.c;
    picked.push({ quote, bucket });
    chosen.push(quote);
    if (quote.caseKey) usedCases.add(quote.caseKey);
    return true;
  };
  let progressed = true;
  while (picked.length < sel.count && progressed) {
    progressed = false;
    for (const group of groups) {
      if (picked.length >= sel.count) break;
      // The group's next site that still has a quote to give.
      for (let tries = 0; tries < group.buckets.length; tries++) {
        const bucket = group.buckets[group.next % group.buckets.length]!;
        group.next++;
        if (pickFrom(bucket)) {
          progressed = true;
          break;
        }
      }
    }
  }
  // Read group by group (then site by site), as the table and the chart are laid out.
  return picked.sort((a, b) => a.bucket - b.bucket).map((p) => p.quote);
}

interface Ranked {
  c: QuoteCandidate;
  length: number;
  /** 0 reads well, 1 too short, 2 too long. */
  tier: number;
}

/** Longest that fits; too short or too long only when nothing better exists. */
function preference(a: Ranked, b: Ranked): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  // Among the too long, the shortest is the least bad.
  if (a.length !== b.length) return a.tier === 2 ? a.length - b.length : b.length - a.length;
  return a.c.codingId < b.c.codingId ? -1 : a.c.codingId > b.c.codingId ? 1 : 0;
}
