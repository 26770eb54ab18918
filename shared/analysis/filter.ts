/**
 * Which codings an analysis looks at. One filter shape serves retrieval, counts,
 * queries and matrices, so "participants only, without the interviewer" means the
 * same thing everywhere.
 */
import { z } from 'zod';
import type { Guid, SpeakerRole } from '../model/schema';
import { speakerRoleSchema } from '../model/schema';
import type { AnalysisIndex, IndexedCoding } from './analysis-index';
import { findAttribute } from './analysis-index';

/** The attribute (by name or id) takes one of these values; a missing value never matches. */
export const attributeConditionSchema = z.object({
  attribute: z.string().min(1),
  values: z.array(z.string()).min(1),
});
export type AttributeCondition = z.infer<typeof attributeConditionSchema>;

export const excerptFilterSchema = z.object({
  /** All conditions must hold (AND); each condition's values are alternatives (OR). */
  where: z.array(attributeConditionSchema).optional(),
  coderIds: z.array(z.string()).optional(),
  /** Speaker roles to keep. Default: respondents and text outside turns; the interviewer's turns are left out. */
  roles: z.array(speakerRoleSchema).optional(),
  speakers: z.array(z.string()).optional(),
  sourceIds: z.array(z.string()).optional(),
  caseIds: z.array(z.string()).optional(),
  /** Case-insensitive substring of the coded text. */
  text: z.string().optional(),
  exemplarOnly: z.boolean().optional(),
});
export type ExcerptFilter = z.infer<typeof excerptFilterSchema>;

/** "site=A" or "type=partner,participant" (a comma lists alternatives). */
export function parseWhere(expression: string): AttributeCondition | null {
  const eq = expression.indexOf('=');
  if (eq <= 0) return null;
  const attribute = expression.slice(0, eq).trim();
  const values = expression
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return attribute && values.length ? { attribute, values } : null;
}

export type CodingPredicate = (item: IndexedCoding) => boolean;

export class UnknownAttributeError extends Error {
  constructor(readonly attribute: string, known: string[]) {
    super(`no attribute named '${attribute}' (known: ${known.join(', ') || 'none'})`);
  }
}

/**
 * Turn a filter into a fast predicate: attribute names resolve to ids once, sets replace
 * arrays. An unknown attribute name throws, because silently matching nothing hides typos.
 */
export function compileFilter(index: AnalysisIndex, filter: ExcerptFilter = {}): CodingPredicate {
  const tests: CodingPredicate[] = [];
  const roles = new Set<SpeakerRole | null>(filter.roles ?? ['respondent']);
  const keepInterviewer = roles.has('interviewer');
  const keepRespondent = roles.has('respondent');
  if (!keepInterviewer || !keepRespondent) {
    tests.push((item) => {
      if (item.role === null) return true;
      return item.interviewerOnly ? keepInterviewer : keepRespondent;
    });
  }
  for (const cond of filter.where ?? []) {
    const attr = findAttribute(index, cond.attribute);
    if (!attr) throw new UnknownAttributeError(cond.attribute, index.attributes.map((a) => a.name));
    const values = new Set(cond.values);
    const attrId = attr.id;
    tests.push((item) => {
      if (!item.caseId) return false;
      const v = index.cases.get(item.caseId)?.values[attrId];
      return v !== undefined && values.has(v);
    });
  }
  if (filter.coderIds) {
    const ids = new Set<Guid>(filter.coderIds);
    tests.push((item) => ids.has(item.coding.coderId));
  }
  if (filter.speakers) {
    const names = new Set(filter.speakers);
    tests.push((item) => item.speaker !== null && names.has(item.speaker));
  }
  if (filter.sourceIds) {
    const ids = new Set<Guid>(filter.sourceIds);
    tests.push((item) => ids.has(item.coding.sourceId));
  }
  if (filter.caseIds) {
    const ids = new Set<Guid>(filter.caseIds);
    tests.push((item) => item.caseId !== null && ids.has(item.caseId));
  }
  if (filter.exemplarOnly) tests.push((item) => item.coding.exemplar === true);
  const needle = filter.text?.trim().toLowerCase();
  if (needle) {
    tests.push((item) => item.entry.source.text.slice(item.coding.start, item.coding.end).toLowerCase().includes(needle));
  }
  if (tests.length === 0) return () => true;
  return (item) => {
    for (const t of tests) if (!t(item)) return false;
    return true;
  };
}

/** The codings of these codes that pass the filter, per code, in index order. */
export function selectCodings(index: AnalysisIndex, codeIds: readonly Guid[], filter?: ExcerptFilter): IndexedCoding[] {
  const keep = compileFilter(index, filter);
  const out: IndexedCoding[] = [];
  for (const codeId of new Set(codeIds)) {
    for (const item of index.byCode.get(codeId) ?? []) if (keep(item)) out.push(item);
  }
  return out;
}
