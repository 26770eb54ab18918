import type { Coding, Source } from '../../../../shared/model';

/** Share of a source's readable text (its turns, or all paragraphs) covered by at least one coding. */
export function codedShare(source: Source, codings: readonly Coding[]): number {
  const spans = codings
    .filter((c) => c.sourceId === source.id)
    .map((c) => [c.start, c.end] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = 0;
  for (const [s, e] of spans) {
    const from = Math.max(s, reach);
    if (e > from) covered += e - from;
    reach = Math.max(reach, e);
  }
  const total = source.turns.length
    ? source.turns.reduce((n, t) => n + (t.end - t.start), 0)
    : source.paragraphs.reduce((n, p) => n + (p.end - p.start), 0);
  return total ? Math.min(1, covered / total) : 0;
}
