/** Retrieval: the coded excerpts of a code or theme, with where they come from and who said them. */
import type { Guid, SpeakerRole } from '../model/schema';
import type { AnalysisIndex, IndexedCoding } from './analysis-index';
import { themeCodeIds, withDescendants } from './analysis-index';
import type { ExcerptFilter } from './filter';
import { selectCodings } from './filter';

/** A stretch of a source's text as a reader meets it: the words, their context, who said them, and where. */
export interface LocatedText {
  sourceId: Guid;
  sourceName: string;
  start: number;
  end: number;
  text: string;
  /** A little of the text around the stretch, within its paragraph. */
  before: string;
  after: string;
  speaker: string | null;
  role: SpeakerRole | null;
  /** Index into the source's turns (sorted by start), or -1. */
  turnIndex: number;
  caseId: Guid | null;
  caseName: string | null;
  /** Attribute name -> value, from the case. */
  attributes: Record<string, string>;
}

export interface Excerpt extends LocatedText {
  codingId: Guid;
  codeId: Guid;
  codeName: string;
  /** From the root down, e.g. ["Services", "Housing"]. */
  codePath: string[];
  coderId: Guid;
  coderName: string;
  exemplar: boolean;
}

export type ExcerptSort = 'source' | 'code' | 'case' | 'coder' | 'length';

export interface ExcerptQuery {
  codeIds?: Guid[];
  themeId?: Guid;
  /** Also take the codes below each named code (a theme's sub-themes are always included). */
  includeDescendantCodes?: boolean;
  filter?: ExcerptFilter;
  sort?: ExcerptSort;
  /** Characters of context on each side (default 80). */
  context?: number;
}

/** The codes a query names: explicit codes, or a theme's codes, optionally with descendants. */
export function resolveCodeIds(
  index: AnalysisIndex,
  q: { codeIds?: Guid[]; themeId?: Guid; includeDescendantCodes?: boolean },
): Guid[] {
  const ids = new Set<Guid>();
  for (const id of q.codeIds ?? []) {
    if (!index.codes.has(id)) continue;
    if (q.includeDescendantCodes) for (const d of withDescendants(index, id)) ids.add(d);
    else ids.add(id);
  }
  if (q.themeId) for (const id of themeCodeIds(index, q.themeId, q.includeDescendantCodes)) ids.add(id);
  return [...ids];
}

export function retrieveExcerpts(index: AnalysisIndex, q: ExcerptQuery): Excerpt[] {
  const items = selectCodings(index, resolveCodeIds(index, q), q.filter);
  sortCodings(index, items, q.sort ?? 'source');
  const context = q.context ?? 80;
  return items.map((item) => toExcerpt(index, item, context));
}

export function toExcerpt(index: AnalysisIndex, item: IndexedCoding, context = 80): Excerpt {
  const { coding, entry } = item;
  const text = entry.source.text;
  const code = index.codes.get(coding.codeId)!;
  const kase = item.caseId ? index.cases.get(item.caseId) : undefined;
  return {
    codingId: coding.id,
    codeId: code.id,
    codeName: code.name,
    codePath: index.codePaths.get(code.id) ?? [code.name],
    sourceId: entry.source.id,
    sourceName: entry.source.name,
    start: coding.start,
    end: coding.end,
    text: text.slice(coding.start, coding.end),
    ...contextAround(text, coding.start, coding.end, context, turnBounds(item)),
    speaker: item.speaker,
    role: item.role,
    turnIndex: item.turnIndex,
    caseId: kase?.id ?? null,
    caseName: kase?.name ?? null,
    attributes: kase ? { ...index.caseAttributes.get(kase.id) } : {},
    coderId: coding.coderId,
    coderName: index.coders.get(coding.coderId)?.name ?? 'unknown coder',
    exemplar: coding.exemplar === true,
  };
}

/** The turn around an excerpt, so its context never shows a speaker label or the next speaker. */
function turnBounds(item: IndexedCoding): { start: number; end: number } | undefined {
  if (item.firstTurn < 0) return undefined;
  return { start: item.entry.turns[item.firstTurn]!.start, end: item.entry.turns[item.lastTurn]!.end };
}

/**
 * Up to `size` characters either side, kept inside the paragraph (and the bounds, when
 * given) and cut at a word boundary, so the context reads as words rather than fragments.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
  size: number,
  bounds?: { start: number; end: number },
): { before: string; after: string } {
  if (size <= 0) return { before: '', after: '' };
  const low = bounds && bounds.start <= start ? bounds.start : 0;
  const high = bounds && bounds.end >= end ? bounds.end : text.length;
  let from = Math.max(low, start - size);
  const newlineBefore = text.lastIndexOf('\n', start - 1);
  if (newlineBefore >= from) from = newlineBefore + 1;
  else if (from > low) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  let to = Math.min(high, end + size);
  const newlineAfter = text.indexOf('\n', end);
  if (newlineAfter !== -1 && newlineAfter < to) to = newlineAfter;
  else if (to < high) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

export function sortCodings(index: AnalysisIndex, items: IndexedCoding[], sort: ExcerptSort): void {
  const bySource = (a: IndexedCoding, b: IndexedCoding) =>
    a.entry.order - b.entry.order || a.coding.start - b.coding.start || a.coding.end - b.coding.end;
  const name = (id: Guid | null, map: Map<Guid, { name: string }>) => (id ? (map.get(id)?.name ?? '') : '');
  switch (sort) {
    case 'source':
      items.sort(bySource);
      return;
    case 'code': {
      const rank = (i: IndexedCoding) => index.codeRank.get(i.coding.codeId) ?? 0;
      items.sort((a, b) => rank(a) - rank(b) || bySource(a, b));
      return;
    }
    case 'case':
      // Excerpts with no case go last rather than first.
      items.sort((a, b) => {
        const na = name(a.caseId, index.cases);
        const nb = name(b.caseId, index.cases);
        if (!na !== !nb) return na ? -1 : 1;
        return na.localeCompare(nb, undefined, { numeric: true }) || bySource(a, b);
      });
      return;
    case 'coder':
      items.sort((a, b) => name(a.coding.coderId, index.coders).localeCompare(name(b.coding.coderId, index.coders)) || bySource(a, b));
      return;
    case 'length':
      items.sort((a, b) => b.coding.end - b.coding.start - (a.coding.end - a.coding.start) || bySource(a, b));
      return;
  }
}
