/**
 * Boolean code queries. A query evaluates to hits: disjoint, sorted spans per source,
 * each carrying the codings that produced it. Keeping hits disjoint lets every operator
 * run as a linear sweep over two sorted lists.
 *
 *   code / theme  the text coded with it (overlapping codings merge into one hit)
 *   A OR B        the text coded with either
 *   A AND B       scope 'overlap': the text both cover (adjacent spans do not overlap);
 *                 scope 'turn': each turn (paragraph, in a source without turns) holding both
 *   A NOT B       A's hits that share no text with any B hit (removed whole, not trimmed)
 *   A NEAR B      A's hits with a B hit within N characters (gap between them) or N turns,
 *                 widened to cover the B hits near them
 */
import { z } from 'zod';
import type { Guid, Span } from '../model/schema';
import type { AnalysisIndex, SourceEntry } from './analysis-index';
import { firstTurnEndingAfter, themeCodeIds, withDescendants } from './analysis-index';
import type { ExcerptFilter } from './filter';
import { compileFilter } from './filter';

export type CodeQuery =
  | { op: 'code'; codeId: Guid; includeDescendants?: boolean }
  | { op: 'theme'; themeId: Guid; includeDescendantCodes?: boolean }
  | { op: 'and'; left: CodeQuery; right: CodeQuery; scope: 'overlap' | 'turn' }
  | { op: 'or'; left: CodeQuery; right: CodeQuery }
  | { op: 'not'; left: CodeQuery; right: CodeQuery }
  | { op: 'near'; left: CodeQuery; right: CodeQuery; within: number; unit: 'characters' | 'turns' };

/** Deeper nesting than this is not a query a person built; refuse it rather than recurse without end. */
export const MAX_QUERY_DEPTH = 32;

export const codeQuerySchema: z.ZodType<CodeQuery> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('code'), codeId: z.string().min(1), includeDescendants: z.boolean().optional() }),
    z.object({ op: z.literal('theme'), themeId: z.string().min(1), includeDescendantCodes: z.boolean().optional() }),
    z.object({ op: z.literal('and'), left: codeQuerySchema, right: codeQuerySchema, scope: z.enum(['overlap', 'turn']) }),
    z.object({ op: z.literal('or'), left: codeQuerySchema, right: codeQuerySchema }),
    z.object({ op: z.literal('not'), left: codeQuerySchema, right: codeQuerySchema }),
    z.object({
      op: z.literal('near'),
      left: codeQuerySchema,
      right: codeQuerySchema,
      within: z.number().int().nonnegative().max(1_000_000),
      unit: z.enum(['characters', 'turns']),
    }),
  ]),
);

export interface QueryHit {
  sourceId: Guid;
  start: number;
  end: number;
  /** The codings that make up the hit, without duplicates. */
  codingIds: Guid[];
}

type Seg = { start: number; end: number; ids: Guid[] };
type HitMap = Map<Guid, Seg[]>;

export class QueryError extends Error {}

export function queryDepth(q: CodeQuery): number {
  return q.op === 'code' || q.op === 'theme' ? 1 : 1 + Math.max(queryDepth(q.left), queryDepth(q.right));
}

/** Evaluate a query; the filter applies to the codings at its leaves. Hits come in source order. */
export function evaluateQuery(index: AnalysisIndex, query: CodeQuery, filter?: ExcerptFilter): QueryHit[] {
  if (queryDepth(query) > MAX_QUERY_DEPTH) throw new QueryError(`the query nests deeper than ${MAX_QUERY_DEPTH} levels`);
  const keep = compileFilter(index, filter);
  const evalNode = (q: CodeQuery): HitMap => {
    switch (q.op) {
      case 'code':
        return leaf(index, q.includeDescendants ? withDescendants(index, q.codeId) : [q.codeId], keep);
      case 'theme':
        return leaf(index, themeCodeIds(index, q.themeId, q.includeDescendantCodes), keep);
      case 'or':
        return combine(evalNode(q.left), evalNode(q.right), true, (a, b) => normalize([...a, ...b]));
      case 'and':
        return combine(evalNode(q.left), evalNode(q.right), false, (a, b, entry) =>
          q.scope === 'overlap' ? intersect(a, b) : sameUnit(a, b, units(entry)),
        );
      case 'not':
        return combine(evalNode(q.left), evalNode(q.right), 'left', (a, b) => subtract(a, b));
      case 'near':
        return combine(evalNode(q.left), evalNode(q.right), false, (a, b, entry) =>
          q.unit === 'characters' ? nearChars(a, b, q.within) : nearUnits(a, b, q.within, units(entry)),
        );
    }
  };
  const result = evalNode(query);
  const out: QueryHit[] = [];
  for (const entry of index.sourceOrder) {
    for (const seg of result.get(entry.source.id) ?? []) {
      out.push({ sourceId: entry.source.id, start: seg.start, end: seg.end, codingIds: [...new Set(seg.ids)] });
    }
  }
  return out;

  function combine(a: HitMap, b: HitMap, keepUnmatched: boolean | 'left', op: (a: Seg[], b: Seg[], entry: SourceEntry) => Seg[]): HitMap {
    const out: HitMap = new Map();
    const sourceIds = new Set([...a.keys(), ...b.keys()]);
    for (const id of sourceIds) {
      const sa = a.get(id) ?? [];
      const sb = b.get(id) ?? [];
      let segs: Seg[];
      if (!sa.length && (keepUnmatched !== true || !sb.length)) continue;
      if (!sb.length) segs = keepUnmatched ? sa : [];
      else if (!sa.length) segs = keepUnmatched === true ? sb : [];
      else segs = op(sa, sb, index.sources.get(id)!);
      if (segs.length) out.set(id, segs);
    }
    return out;
  }
}

function leaf(index: AnalysisIndex, codeIds: Guid[], keep: ReturnType<typeof compileFilter>): HitMap {
  const map: HitMap = new Map();
  for (const codeId of codeIds) {
    for (const item of index.byCode.get(codeId) ?? []) {
      if (!keep(item)) continue;
      const list = map.get(item.coding.sourceId) ?? [];
      list.push({ start: item.coding.start, end: item.coding.end, ids: [item.coding.id] });
      map.set(item.coding.sourceId, list);
    }
  }
  for (const [id, list] of map) map.set(id, normalize(list));
  return map;
}

/** Sort and merge overlapping segments (touching ones stay apart: they share no text). */
function normalize(segs: Seg[]): Seg[] {
  segs.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Seg[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    // A zero-length coding at the same spot as a hit belongs to it.
    if (last && (s.start < last.end || (s.start === last.start && s.end === last.end))) {
      last.end = Math.max(last.end, s.end);
      last.ids = last.ids.concat(s.ids);
    } else out.push({ start: s.start, end: s.end, ids: s.ids.slice() });
  }
  return out;
}

function intersect(a: Seg[], b: Seg[]): Seg[] {
  const out: Seg[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end, ids: x.ids.concat(y.ids) });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

function subtract(a: Seg[], b: Seg[]): Seg[] {
  const out: Seg[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.end <= x.start) j++;
    let overlaps = false;
    for (let k = j; k < b.length && b[k]!.start < x.end; k++) {
      if (b[k]!.end > x.start) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) out.push(x);
  }
  return out;
}

function nearChars(a: Seg[], b: Seg[], within: number): Seg[] {
  const out: Seg[] = [];
  for (const x of a) {
    // b is disjoint and sorted, so its ends ascend: binary search the first that may be near.
    let k = firstTurnEndingAfter(b, x.start - within - 1);
    let start = x.start;
    let end = x.end;
    let ids = x.ids;
    let found = false;
    for (; k < b.length && b[k]!.start <= x.end + within; k++) {
      const y = b[k]!;
      found = true;
      start = Math.min(start, y.start);
      end = Math.max(end, y.end);
      ids = ids.concat(y.ids);
    }
    if (found) out.push({ start, end, ids });
  }
  return normalize(out);
}

/** The units "same turn" and "N turns" count in: turns, or paragraphs where a source has no speakers. */
function units(entry: SourceEntry): readonly Span[] {
  return entry.turns.length ? entry.turns : entry.source.paragraphs;
}

function unitRange(list: readonly Span[], seg: Seg): [number, number] | null {
  const first = firstTurnEndingAfter(list, seg.start);
  const stop = Math.max(seg.end, seg.start + 1);
  let last = first - 1;
  for (let i = first; i < list.length && list[i]!.start < stop; i++) last = i;
  return last >= first ? [first, last] : null;
}

function sameUnit(a: Seg[], b: Seg[], list: readonly Span[]): Seg[] {
  const byUnit = (segs: Seg[]) => {
    const map = new Map<number, Guid[]>();
    for (const s of segs) {
      const r = unitRange(list, s);
      if (!r) continue;
      for (let u = r[0]; u <= r[1]; u++) map.set(u, (map.get(u) ?? []).concat(s.ids));
    }
    return map;
  };
  const ua = byUnit(a);
  const ub = byUnit(b);
  const out: Seg[] = [];
  for (const [u, ids] of ua) {
    const other = ub.get(u);
    if (other) out.push({ start: list[u]!.start, end: list[u]!.end, ids: ids.concat(other) });
  }
  return normalize(out);
}

function nearUnits(a: Seg[], b: Seg[], within: number, list: readonly Span[]): Seg[] {
  const rb = b.map((s) => ({ s, r: unitRange(list, s) })).filter((x): x is { s: Seg; r: [number, number] } => x.r !== null);
  const out: Seg[] = [];
  for (const x of a) {
    const r = unitRange(list, x);
    if (!r) continue;
    let start = x.start;
    let end = x.end;
    let ids = x.ids;
    let found = false;
    for (const { s, r: q } of rb) {
      const distance = q[0] > r[1] ? q[0] - r[1] : r[0] > q[1] ? r[0] - q[1] : 0;
      if (distance > within) continue;
      found = true;
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
      ids = ids.concat(s.ids);
    }
    if (found) out.push({ start, end, ids });
  }
  return normalize(out);
}

/** A query in words, for lists of saved queries and result headings: "Housing AND (Clinic OR Waitlists)". */
export function describeQuery(index: AnalysisIndex, q: CodeQuery, nested = false): string {
  const wrap = (s: string) => (nested ? `(${s})` : s);
  switch (q.op) {
    case 'code':
      return (index.codes.get(q.codeId)?.name ?? 'missing code') + (q.includeDescendants ? ' (and below)' : '');
    case 'theme':
      return `theme ${index.themes.get(q.themeId)?.name ?? 'missing theme'}`;
    case 'and':
      return wrap(`${describeQuery(index, q.left, true)} AND ${describeQuery(index, q.right, true)}${q.scope === 'turn' ? ' in the same turn' : ''}`);
    case 'or':
      return wrap(`${describeQuery(index, q.left, true)} OR ${describeQuery(index, q.right, true)}`);
    case 'not':
      return wrap(`${describeQuery(index, q.left, true)} NOT ${describeQuery(index, q.right, true)}`);
    case 'near':
      return wrap(`${describeQuery(index, q.left, true)} NEAR ${describeQuery(index, q.right, true)} within ${q.within} ${q.unit}`);
  }
}
