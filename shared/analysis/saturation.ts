/**
 * Saturation: how many codes each successive transcript added. A code is new in a
 * source when the source holds one of its codings and no earlier source does. The curve
 * flattening is the usual evidence that coding stopped yielding new codes.
 */
import type { CodeOrigin, Guid } from '../model/schema';
import type { AnalysisIndex } from './analysis-index';
import type { ExcerptFilter } from './filter';
import { compileFilter } from './filter';

export const ORIGINS: readonly CodeOrigin[] = ['deductive', 'inductive', 'in-vivo'];

export interface SaturationPoint {
  sourceId: Guid;
  sourceName: string;
  /** 1-based position in the chosen order. */
  position: number;
  newCodes: Record<CodeOrigin, number>;
  cumulative: Record<CodeOrigin, number>;
  newTotal: number;
  cumulativeTotal: number;
  /** Names of the codes first seen here, in codebook order. */
  newCodeNames: string[];
}

/** `order` lists source ids (others follow in import order); default import order. */
export function saturation(index: AnalysisIndex, options: { order?: Guid[]; filter?: ExcerptFilter } = {}): SaturationPoint[] {
  const keep = compileFilter(index, options.filter);
  const chosen = (options.order ?? []).filter((id) => index.sources.has(id));
  const rest = index.sourceOrder.map((e) => e.source.id).filter((id) => !chosen.includes(id));
  const seen = new Set<Guid>();
  const zero = () => ({ deductive: 0, inductive: 0, 'in-vivo': 0 }) as Record<CodeOrigin, number>;
  const cumulative = zero();
  return [...new Set([...chosen, ...rest])].map((sourceId, i) => {
    const fresh: Guid[] = [];
    for (const item of index.bySource.get(sourceId) ?? []) {
      const codeId = item.coding.codeId;
      if (seen.has(codeId) || !keep(item)) continue;
      seen.add(codeId);
      fresh.push(codeId);
    }
    fresh.sort((a, b) => (index.codeRank.get(a) ?? 0) - (index.codeRank.get(b) ?? 0));
    const newCodes = zero();
    for (const id of fresh) newCodes[index.codes.get(id)!.origin] += 1;
    for (const o of ORIGINS) cumulative[o] += newCodes[o];
    return {
      sourceId,
      sourceName: index.sources.get(sourceId)!.source.name,
      position: i + 1,
      newCodes,
      cumulative: { ...cumulative },
      newTotal: fresh.length,
      cumulativeTotal: seen.size,
      newCodeNames: fresh.map((id) => index.codes.get(id)!.name),
    };
  });
}
