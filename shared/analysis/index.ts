/**
 * Analysis over a project: retrieval, counts, boolean and text queries, matrices,
 * saturation and theme board data. Pure and synchronous; build the index once per
 * project version and reuse it for every question.
 *
 * Public API (signatures are stable; the report, CLI and UI build on them):
 *
 *   buildAnalysisIndex(project: Project): AnalysisIndex
 *   findCode(index, nameOrIdOrPath): Code | undefined        findTheme(index, nameOrId): Theme | undefined
 *   findAttribute(index, nameOrId): Attribute | undefined    themeCodeIds(index, themeId, includeDescendantCodes?): Guid[]
 *   turnAt(entry: SourceEntry, offset): number               (turn index containing an offset, or -1)
 *
 *   ExcerptFilter = { where?: {attribute, values[]}[], coderIds?, roles?: SpeakerRole[] (default ['respondent']:
 *                     an excerpt lying entirely in interviewer turns is left out), speakers?, sourceIds?, caseIds?,
 *                     text? (case-insensitive substring), exemplarOnly? }
 *   parseWhere("site=A,B"): AttributeCondition | null
 *
 *   retrieveExcerpts(index, { codeIds? | themeId?, includeDescendantCodes?, filter?, sort?: 'source'|'code'|'case'|'coder'|'length',
 *                    context?: number }): Excerpt[]
 *     Excerpt = { codingId, codeId, codeName, codePath[], sourceId, sourceName, start, end, text, before, after,
 *                 speaker, role, turnIndex, caseId, caseName, attributes{name: value}, coderId, coderName, exemplar }
 *
 *   countByGroup(index, { codeIds? | themeId?, includeDescendantCodes?, groupBy?: attrNameOrId | null,
 *                unit: 'excerpts'|'sources'|'cases', filter?, withIds? }): GroupCounts
 *     GroupCounts = { unit, attribute, groups: string[], rows: { codeId, codeName, total, byGroup{group: n}, idsByGroup? }[],
 *                     total, byGroup{group: n} (distinct across codes), groupSizes{group: {sources, cases}} }
 *     MISSING_GROUP = '(no value)', ALL_GROUP = 'All'.  Every count shown anywhere comes from here.
 *
 *   Boolean queries (query.ts), text search and auto-code (text-search.ts), matrices (matrices.ts),
 *   saturation (saturation.ts), theme board (board.ts), saved queries (saved-queries.ts), CSV (csv.ts).
 */
export type { AnalysisIndex, IndexedCoding, SourceEntry } from './analysis-index';
export {
  buildAnalysisIndex,
  findAttribute,
  findCode,
  findTheme,
  themeCodeIds,
  turnAt,
  turnsOverlapping,
  withDescendants,
} from './analysis-index';
export type { AttributeCondition, CodingPredicate, ExcerptFilter } from './filter';
export { UnknownAttributeError, attributeConditionSchema, compileFilter, excerptFilterSchema, parseWhere, selectCodings } from './filter';
export type { Excerpt, ExcerptQuery, ExcerptSort } from './excerpts';
export { contextAround, resolveCodeIds, retrieveExcerpts, toExcerpt } from './excerpts';
export type { CountQuery, CountRow, CountUnit, GroupCounts } from './counts';
export { ALL_GROUP, COUNT_UNITS, MISSING_GROUP, countByGroup, groupSizes } from './counts';
