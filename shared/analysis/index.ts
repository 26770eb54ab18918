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
 *     groupBy may be SOURCE_GROUPING ('@source'): one group per source id; groupLabels gives names.
 *
 *   evaluateQuery(index, CodeQuery, filter?): QueryHit[]   ({ sourceId, start, end, codingIds })
 *     CodeQuery = {op:'code', codeId, includeDescendants?} | {op:'theme', themeId, includeDescendantCodes?}
 *               | {op:'and', left, right, scope:'overlap'|'turn'} | {op:'or', left, right} | {op:'not', left, right}
 *               | {op:'near', left, right, within, unit:'characters'|'turns'}      (codeQuerySchema validates it)
 *   describeQuery(index, q): string        hitRows(index, hits, context?): HitRow[]
 *   searchText(index, { pattern, regex?, wholeWord?, caseSensitive?, filter?, maxHits? }): { hits, error, truncated }
 *   autoCodeSpans(index, hits, 'hit'|'sentence'|'turn'): spans     autoCode(project, ctx, { codeId, spans, coderId? }): ChangeSet
 *   savedQueryBodySchema, readSavedQuery(row), saveQuery(project, ctx, { name, body, id? }), deleteSavedQuery(project, ctx, id)
 *
 *   codeAttributeMatrix(index, { codeIds?|themeId?, attribute, unit, filter?, withIds? }): Matrix
 *   codeSourceMatrix(index, { codeIds?|themeId?, unit?, filter?, withIds? }): Matrix
 *   coOccurrenceMatrix(index, { codeIds?|themeId?, scope:'overlap'|'turn', filter?, withIds? }): Matrix
 *     Matrix = { title, unit, rows: {id,label}[], columns: {id,label}[], cells: number[][], ids?, rowTotals?, columnTotals? }
 *   coOccurrenceIds(index, { a, b, scope, filter? }): Guid[]       matrixToCsv(matrix): string (BOM, CRLF, Excel-safe)
 *   toCsv(rows, { bom? }), neutraliseCell(value)
 *
 *   codingDensity(index, { filter? }): SourceDensity[]  ({ sourceId, sourceName, codings, codes, characters, codedCharacters, coverage, perThousandWords })
 *   saturation(index, { order?, filter? }): SaturationPoint[]  ({ sourceId, sourceName, position, newCodes{origin: n},
 *                                                              cumulative{origin: n}, newTotal, cumulativeTotal, newCodeNames })
 *   themeBoard(index, { groupBy?, filter?, includeDescendantCodes? }): ThemeBoard
 *     ThemeBoard = { groups, groupSizes, themes: { theme, depth, codes: { code, counts }[], subThemeIds, counts }[], unplacedCodes }
 *     counts = { excerpts|sources|cases: { total, byGroup } }
 */
export type { AnalysisIndex, IndexedCoding, SourceEntry, SpanLocation } from './analysis-index';
export {
  buildAnalysisIndex,
  findAttribute,
  findCode,
  findTheme,
  locateSpan,
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
export { SOURCE_GROUPING } from './counts';
export type { CodeQuery, QueryHit } from './query';
export { MAX_QUERY_DEPTH, QueryError, codeQuerySchema, describeQuery, evaluateQuery, queryDepth } from './query';
export type { HitRow } from './hits';
export { hitRows } from './hits';
export type { AutoCodeScope, TextHit, TextSearch, TextSearchResult } from './text-search';
export { autoCode, autoCodeSpans, compilePattern, searchText, sentenceAround, textSearchSchema } from './text-search';
export type { SavedQueryBody } from './saved-queries';
export { deleteSavedQuery, readSavedQuery, saveQuery, savedQueryBodySchema } from './saved-queries';
export type { CoOccurrenceScope, Matrix, MatrixHeader } from './matrices';
export { coOccurrenceIds, coOccurrenceMatrix, codeAttributeMatrix, codeSourceMatrix, matrixToCsv } from './matrices';
export { neutraliseCell, toCsv } from './csv';
export type { SaturationPoint } from './saturation';
export { ORIGINS, saturation } from './saturation';
export type { BoardCode, BoardTheme, ThemeBoard, UnitCounts } from './board';
export { orderedThemes, themeBoard } from './board';
export type { SourceDensity } from './density';
export { codingDensity } from './density';
