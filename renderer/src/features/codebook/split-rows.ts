/**
 * The rows of the split dialog: one per coding of the code, with what tells two codings apart
 * when their words are nearly the same (QA F34): the coder who applied it and who is speaking.
 * Rows are in reading order (source, then position), so double-coded passages sit together.
 */
import type { Code, Guid, Project, Source } from '../../../../shared/model';
import { firstTurnEndingAfter } from '../../../../shared/analysis/analysis-index';

export interface SplitRow {
  codingId: Guid;
  sourceName: string;
  coderName: string;
  /** Speakers of the turns the coding touches, in order; empty for text without turns. */
  speakers: string[];
  quote: string;
}

const QUOTE_CHARS = 180;

export function splitRows(project: Project, codeId: Code['id']): SplitRow[] {
  const sources = new Map(project.sources.map((s, i) => [s.id, { source: s, order: i }]));
  const coders = new Map(project.coders.map((c) => [c.id, c.name]));
  return project.codings
    .filter((c) => c.codeId === codeId)
    .sort((a, b) => {
      const sa = sources.get(a.sourceId);
      const sb = sources.get(b.sourceId);
      return (
        (sa?.source.name ?? '').localeCompare(sb?.source.name ?? '', undefined, { numeric: true }) ||
        (sa?.order ?? 0) - (sb?.order ?? 0) ||
        a.start - b.start ||
        a.end - b.end ||
        (coders.get(a.coderId) ?? '').localeCompare(coders.get(b.coderId) ?? '')
      );
    })
    .map((c) => {
      const source = sources.get(c.sourceId)?.source;
      const quote = source ? source.text.slice(c.start, c.end).replace(/\s+/g, ' ').trim() : '';
      return {
        codingId: c.id,
        sourceName: source?.name ?? '(missing source)',
        coderName: coders.get(c.coderId) ?? 'unknown coder',
        speakers: source ? speakersOf(source, c.start, c.end) : [],
        quote: quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote,
      };
    });
}

function speakersOf(source: Source, start: number, end: number): string[] {
  const names: string[] = [];
  const stop = Math.max(end, start + 1);
  for (let i = firstTurnEndingAfter(source.turns, start); i < source.turns.length && source.turns[i]!.start < stop; i++) {
    const name = source.turns[i]!.speaker;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
