/**
 * THE counting function. The theme board, matrices, charts, CLI and report all count
 * through countByGroup, so a number shown in one place is the number shown in every other.
 *
 * Units:
 *  - excerpts: codings that pass the filter (two coders coding the same text give two);
 *  - sources:  distinct sources holding at least one such coding;
 *  - cases:    distinct cases such codings belong to (codings with no case add none).
 * The group of a coding is its case's value of the group-by attribute; codings whose
 * case lacks a value (or that have no case) fall in MISSING_GROUP.
 */
import type { Attribute, Guid } from '../model/schema';
import type { AnalysisIndex, IndexedCoding } from './analysis-index';
import { findAttribute } from './analysis-index';
import type { ExcerptFilter } from './filter';
import { UnknownAttributeError, compileFilter } from './filter';
import { resolveCodeIds } from './excerpts';

export type CountUnit = 'excerpts' | 'sources' | 'cases';
export const COUNT_UNITS: readonly CountUnit[] = ['excerpts', 'sources', 'cases'];

/** The group of codings whose case has no value for the attribute. */
export const MISSING_GROUP = '(no value)';
/** The single group when no attribute is chosen. */
export const ALL_GROUP = 'All';
/** groupBy value for one group per source (keys are source ids; groupLabels names them). */
export const SOURCE_GROUPING = '@source';

export interface CountRow {
  codeId: Guid;
  codeName: string;
  total: number;
  byGroup: Record<string, number>;
  /** With withIds: the coding ids behind each group's count, for click-through. */
  idsByGroup?: Record<string, Guid[]>;
}

export interface GroupCounts {
  unit: CountUnit;
  attribute: Attribute | null;
  /** Group labels in display order: the attribute's declared values, other seen values, then MISSING_GROUP if used. */
  groups: string[];
  /** Display label of each group key (differs from the key only for SOURCE_GROUPING). */
  groupLabels: Record<string, string>;
  /** One row per code, in the order the codes were given (theme: codebook order). */
  rows: CountRow[];
  /** All the codes together: distinct sources/cases across codes, so not the sum of rows for those units. */
  total: number;
  byGroup: Record<string, number>;
  /** How many sources and cases fall in each group (the "n=27" of a report); with a filter, of the filtered population. */
  groupSizes: Record<string, { sources: number; cases: number }>;
}

export interface CountQuery {
  codeIds?: Guid[];
  themeId?: Guid;
  includeDescendantCodes?: boolean;
  /** Attribute name or id, or SOURCE_GROUPING for one group per source; omitted or null gives the single group ALL_GROUP. */
  groupBy?: string | null;
  unit: CountUnit;
  filter?: ExcerptFilter;
  withIds?: boolean;
}

export function countByGroup(index: AnalysisIndex, q: CountQuery): GroupCounts {
  const bySource = q.groupBy === SOURCE_GROUPING;
  const attribute = q.groupBy && !bySource ? findAttribute(index, q.groupBy) : undefined;
  if (q.groupBy && !bySource && !attribute) throw new UnknownAttributeError(q.groupBy, index.attributes.map((a) => a.name));
  const groupOf = bySource ? (item: IndexedCoding) => item.coding.sourceId : groupFunction(index, attribute ?? null);
  const keep = compileFilter(index, q.filter);
  const codeIds = resolveCodeIds(index, q);
  if (q.themeId) codeIds.sort((a, b) => treeRank(index, a) - treeRank(index, b));

  const seenGroups = new Set<string>();
  // Each coding belongs to one code, so excerpts are counted; sources and cases need distinct sets.
  const distinct = q.unit !== 'excerpts';
  const all = new Tally(distinct);
  const rows: CountRow[] = [];
  for (const codeId of codeIds) {
    const tally = new Tally(distinct);
    const ids: Record<string, Guid[]> = {};
    for (const item of index.byCode.get(codeId) ?? []) {
      if (!keep(item)) continue;
      const group = groupOf(item);
      seenGroups.add(group);
      if (q.withIds) (ids[group] ??= []).push(item.coding.id);
      const key = unitKey(item, q.unit);
      if (key === null) continue;
      tally.add(group, key);
      all.add(group, key);
    }
    const code = index.codes.get(codeId)!;
    rows.push({
      codeId,
      codeName: code.name,
      total: tally.total(),
      byGroup: tally.byGroup(),
      ...(q.withIds ? { idsByGroup: ids } : {}),
    });
  }
  const sizes = bySource ? sourceSizes(index) : groupSizes(index, attribute ?? null, q.filter);
  // A group shows when a case in scope belongs to it or a counted coding falls in it; a
  // "(no value)" group made only of caseless sources with nothing coded would be a row of zeros.
  for (const [g, size] of Object.entries(sizes)) if (size.cases > 0) seenGroups.add(g);
  const groups = bySource ? index.sourceOrder.map((e) => e.source.id) : orderGroups(attribute ?? null, seenGroups);
  const groupLabels = Object.fromEntries(groups.map((g) => [g, bySource ? index.sources.get(g)!.source.name : g]));
  for (const row of rows) for (const g of groups) row.byGroup[g] ??= 0;
  const byGroup = Object.fromEntries(groups.map((g) => [g, all.count(g)]));
  for (const g of groups) sizes[g] ??= { sources: 0, cases: 0 };
  return { unit: q.unit, attribute: attribute ?? null, groups, groupLabels, rows, total: all.total(), byGroup, groupSizes: sizes };
}

/** Counts per group: plain counts when every key is new, distinct keys otherwise. */
class Tally {
  private readonly counts = new Map<string, number>();
  private readonly sets = new Map<string, Set<string>>();
  private readonly all = new Set<string>();
  private n = 0;
  constructor(private readonly distinct: boolean) {}

  add(group: string, key: string): void {
    if (!this.distinct) {
      this.counts.set(group, (this.counts.get(group) ?? 0) + 1);
      this.n++;
      return;
    }
    let set = this.sets.get(group);
    if (!set) this.sets.set(group, (set = new Set()));
    set.add(key);
    this.all.add(key);
  }

  count(group: string): number {
    return this.distinct ? (this.sets.get(group)?.size ?? 0) : (this.counts.get(group) ?? 0);
  }

  total(): number {
    return this.distinct ? this.all.size : this.n;
  }

  byGroup(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const g of this.distinct ? this.sets.keys() : this.counts.keys()) out[g] = this.count(g);
    return out;
  }
}

function unitKey(item: IndexedCoding, unit: CountUnit): string | null {
  switch (unit) {
    case 'excerpts':
      return item.coding.id;
    case 'sources':
      return item.coding.sourceId;
    case 'cases':
      return item.caseId;
  }
}

/** How a coding maps to its group label. */
export function groupFunction(index: AnalysisIndex, attribute: Attribute | null): (item: IndexedCoding) => string {
  if (!attribute) return () => ALL_GROUP;
  const id = attribute.id;
  return (item) => {
    if (!item.caseId) return MISSING_GROUP;
    const v = index.cases.get(item.caseId)?.values[id];
    return v === undefined || v === '' ? MISSING_GROUP : v;
  };
}

/**
 * Sources and cases per group (a source may fall in several groups through its speakers' cases).
 * With a filter, only the sources and cases it keeps count, so "Site A (n=2)" under a
 * participants-only filter is the two participants of Site A, not everyone there. Only the
 * filter's population conditions (attribute values, cases, sources, speaker roles) apply;
 * coder, speaker, text and exemplar conditions choose excerpts, not people.
 */
export function groupSizes(
  index: AnalysisIndex,
  attribute: Attribute | null,
  filter: ExcerptFilter = {},
): Record<string, { sources: number; cases: number }> {
  const valueOf = (caseId: Guid | null) => {
    if (!attribute) return ALL_GROUP;
    const v = caseId ? index.cases.get(caseId)?.values[attribute.id] : undefined;
    return v === undefined || v === '' ? MISSING_GROUP : v;
  };
  const inScope = casePredicate(index, filter);
  const sourceIds = filter.sourceIds ? new Set<Guid>(filter.sourceIds) : null;
  const keepInterviewer = filter.roles?.includes('interviewer') ?? false;
  const sources = new Map<string, Set<Guid>>();
  const cases = new Map<string, Set<Guid>>();
  const add = (map: Map<string, Set<Guid>>, g: string, id: Guid) => {
    let set = map.get(g);
    if (!set) map.set(g, (set = new Set()));
    set.add(id);
  };
  for (const entry of index.sourceOrder) {
    if (sourceIds && !sourceIds.has(entry.source.id)) continue;
    // The respondents' cases, as for codings (interviewers' words are not counted by default).
    const caseIds = new Set<Guid | null>(entry.turnCaseIds.filter((_, i) => keepInterviewer || entry.turnRoles[i] !== 'interviewer'));
    if (caseIds.size === 0) caseIds.add(entry.caseId);
    for (const caseId of caseIds) {
      if (!inScope(caseId)) continue;
      const g = valueOf(caseId);
      add(sources, g, entry.source.id);
      if (caseId) add(cases, g, caseId);
    }
  }
  const out: Record<string, { sources: number; cases: number }> = {};
  for (const g of new Set([...sources.keys(), ...cases.keys()])) {
    out[g] = { sources: sources.get(g)?.size ?? 0, cases: cases.get(g)?.size ?? 0 };
  }
  return out;
}

/** Whether a case (or no case) is in the population a filter describes; mirrors compileFilter's where and caseIds. */
function casePredicate(index: AnalysisIndex, filter: ExcerptFilter): (caseId: Guid | null) => boolean {
  const conditions = (filter.where ?? []).map((cond) => {
    const attr = findAttribute(index, cond.attribute);
    if (!attr) throw new UnknownAttributeError(cond.attribute, index.attributes.map((a) => a.name));
    return { id: attr.id, values: new Set(cond.values) };
  });
  const caseIds = filter.caseIds ? new Set<Guid>(filter.caseIds) : null;
  return (caseId) => {
    if (!caseId) return conditions.length === 0 && caseIds === null;
    if (caseIds && !caseIds.has(caseId)) return false;
    const values = index.cases.get(caseId)?.values ?? {};
    return conditions.every((c) => values[c.id] !== undefined && c.values.has(values[c.id]!));
  };
}

function sourceSizes(index: AnalysisIndex): Record<string, { sources: number; cases: number }> {
  const out: Record<string, { sources: number; cases: number }> = {};
  for (const entry of index.sourceOrder) {
    const cases = new Set([entry.caseId, ...entry.turnCaseIds].filter((c): c is Guid => c !== null));
    out[entry.source.id] = { sources: 1, cases: cases.size };
  }
  return out;
}

export function orderGroups(attribute: Attribute | null, seen: Set<string>): string[] {
  if (!attribute) return [ALL_GROUP];
  const declared = attribute.values ?? [];
  const extra = [...seen].filter((g) => g !== MISSING_GROUP && !declared.includes(g)).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return [...declared, ...extra, ...(seen.has(MISSING_GROUP) ? [MISSING_GROUP] : [])];
}

function treeRank(index: AnalysisIndex, codeId: Guid): number {
  return index.codeRank.get(codeId) ?? Number.MAX_SAFE_INTEGER;
}
