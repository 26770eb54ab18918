/**
 * Coding density per source: how many codings a transcript holds and how much of its
 * text they cover. Uneven density across sources shows where coding is thin.
 */
import type { Guid } from '../model/schema';
import type { AnalysisIndex } from './analysis-index';
import type { ExcerptFilter } from './filter';
import { compileFilter } from './filter';

export interface SourceDensity {
  sourceId: Guid;
  sourceName: string;
  codings: number;
  /** Distinct codes applied in the source. */
  codes: number;
  characters: number;
  /** Characters covered by at least one coding (overlaps counted once). */
  codedCharacters: number;
  /** codedCharacters / characters, 0..1 (0 for an empty source). */
  coverage: number;
  /** Codings per 1,000 words, so long and short transcripts compare. */
  perThousandWords: number;
}

export function codingDensity(index: AnalysisIndex, options: { filter?: ExcerptFilter } = {}): SourceDensity[] {
  const keep = compileFilter(index, options.filter);
  return index.sourceOrder.map((entry) => {
    const text = entry.source.text;
    let codings = 0;
    let covered = 0;
    let reach = 0;
    const codes = new Set<Guid>();
    // The per-source list is sorted by start, so covered text is one sweep.
    for (const item of index.bySource.get(entry.source.id) ?? []) {
      if (!keep(item)) continue;
      codings++;
      codes.add(item.coding.codeId);
      const start = Math.max(item.coding.start, reach);
      if (item.coding.end > start) {
        covered += item.coding.end - start;
        reach = item.coding.end;
      }
    }
    const words = text.split(/\s+/).filter(Boolean).length;
    return {
      sourceId: entry.source.id,
      sourceName: entry.source.name,
      codings,
      codes: codes.size,
      characters: text.length,
      codedCharacters: covered,
      coverage: text.length ? covered / text.length : 0,
      perThousandWords: words ? (codings * 1000) / words : 0,
    };
  });
}
