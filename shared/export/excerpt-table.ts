/**
 * Coded excerpts as one flat table, a row per coding, for spreadsheets and statistics
 * packages: where it comes from (source, case, the case's attributes, speaker), which
 * code (one column per level of the code's path), who coded it, where, and the words.
 */
import type { AnalysisIndex, ExcerptFilter } from '../analysis';
import { retrieveExcerpts } from '../analysis';
import type { Guid } from '../model/schema';

export interface ExcerptTable {
  header: string[];
  /** Start and end stay numbers so a spreadsheet can sort and compute with them. */
  rows: (string | number)[][];
}

export interface ExcerptTableQuery {
  codeIds?: Guid[];
  themeId?: Guid;
  filter?: ExcerptFilter;
  /** At least this many code-level columns, so files from one project line up. */
  minCodeLevels?: number;
}

export function excerptTable(index: AnalysisIndex, q: ExcerptTableQuery = {}): ExcerptTable {
  const codeIds = q.codeIds ?? (q.themeId ? undefined : [...index.codes.keys()]);
  // Every coding by default, the interviewer's included: an export hides nothing it was not asked to.
  const filter: ExcerptFilter = { roles: ['interviewer', 'respondent'], ...q.filter };
  const excerpts = retrieveExcerpts(index, {
    ...(codeIds ? { codeIds } : {}),
    ...(q.themeId ? { themeId: q.themeId } : {}),
    filter,
    sort: 'source',
    context: 0,
  });
  const attributes = index.attributes.map((a) => a.name);
  const levels = Math.max(q.minCodeLevels ?? 1, ...excerpts.map((e) => e.codePath.length));
  const header = [
    'Source',
    'Case',
    ...attributes,
    'Speaker',
    ...Array.from({ length: levels }, (_, i) => `Code level ${i + 1}`),
    'Coder',
    'Start',
    'End',
    'Text',
  ];
  const rows = excerpts.map((e) => [
    e.sourceName,
    e.caseName ?? '',
    ...attributes.map((name) => e.attributes[name] ?? ''),
    e.speaker ?? '',
    ...Array.from({ length: levels }, (_, i) => e.codePath[i] ?? ''),
    e.coderName,
    e.start,
    e.end,
    e.text,
  ]);
  return { header, rows };
}
