/** Query and search hits as rows a person reads: the text, its context, who said it, and where. */
import type { Guid } from '../model/schema';
import type { AnalysisIndex } from './analysis-index';
import { locateSpan } from './analysis-index';
import type { LocatedText } from './excerpts';
import { contextAround } from './excerpts';

export interface HitRow extends LocatedText {
  /** Names of the codes behind the hit, in codebook order (empty for a text search hit). */
  codeNames: string[];
  codingIds: Guid[];
}

export function hitRows(
  index: AnalysisIndex,
  hits: readonly { sourceId: Guid; start: number; end: number; codingIds?: Guid[] }[],
  context = 80,
): HitRow[] {
  const rows: HitRow[] = [];
  for (const hit of hits) {
    const entry = index.sources.get(hit.sourceId);
    if (!entry) continue;
    const where = locateSpan(entry, hit.start, hit.end);
    const text = entry.source.text;
    const bounds = where.firstTurn >= 0 ? { start: entry.turns[where.firstTurn]!.start, end: entry.turns[where.lastTurn]!.end } : undefined;
    const codingIds = hit.codingIds ?? [];
    const codeIds = [...new Set(codingIds.map((id) => index.codings.get(id)?.coding.codeId).filter((id): id is Guid => !!id))];
    codeIds.sort((a, b) => (index.codeRank.get(a) ?? 0) - (index.codeRank.get(b) ?? 0));
    const kase = where.caseId ? index.cases.get(where.caseId) : undefined;
    rows.push({
      sourceId: hit.sourceId,
      sourceName: entry.source.name,
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      ...contextAround(text, hit.start, hit.end, context, bounds),
      speaker: where.speaker,
      role: where.role,
      turnIndex: where.turnIndex,
      caseId: kase?.id ?? null,
      caseName: kase?.name ?? null,
      attributes: kase ? { ...index.caseAttributes.get(kase.id) } : {},
      codeNames: codeIds.map((id) => index.codes.get(id)!.name),
      codingIds,
    });
  }
  return rows;
}
