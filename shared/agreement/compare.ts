/**
 * Agreement between coders over a project: per code per source, then pooled and
 * averaged per code, per source and overall. Only sources that every compared coder
 * coded take part (a source one coder never opened says nothing about agreement);
 * the others are listed with the reason.
 */
import type { Code, Coder, Guid, Project, Source } from '../model/schema';
import { codeTree } from '../model/project';
import type { Interval } from './intervals';
import { coveredLength, unionIntervals } from './intervals';
import type { CharAgreement, CharCounts } from './characters';
import { addCharCounts, charAgreement, charCounts, emptyCharCounts } from './characters';
import type { SegmentAgreement, SegmentCounts } from './segments';
import { DEFAULT_OVERLAP_PERCENT, addSegmentCounts, emptySegmentCounts, segmentAgreement, segmentCounts } from './segments';
import type { TextUnit } from './units';
import { addHistograms, presenceAlpha, presenceHistogram, sentenceSpans } from './units';
import type { AlphaResult } from './alpha';

export type AgreementUnit = 'char' | 'segment' | TextUnit;
export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['char', 'segment', 'turn', 'sentence'];

/** 'all': every character of each source; 'coded': only text that at least one compared coder coded with a compared code. */
export type CharUniverse = 'all' | 'coded';

export interface CompareOptions {
  /** Two coders for 'char' and 'segment'; two or more for 'turn' and 'sentence'. */
  coderIds: readonly Guid[];
  unit?: AgreementUnit;
  /** Segment unit: the overlap (intersection over union, in percent) that counts as a match. */
  overlapPercent?: number;
  universe?: CharUniverse;
  /** Restrict to these codes (default: every code a compared coder applied). */
  codeIds?: readonly Guid[];
  /** Restrict to these sources (default: every source all compared coders coded). */
  sourceIds?: readonly Guid[];
}

export interface Named {
  id: Guid;
  name: string;
}

export interface ComparisonScope {
  coders: Named[];
  sources: Named[];
  codes: Named[];
  /** Sources left out, and why. */
  skippedSources: (Named & { reason: string })[];
}

export interface CharRow extends CharAgreement {
  codeId: Guid;
  sourceId: Guid;
}
export interface CharSummary {
  id: Guid;
  /** Counts summed over the group, then one kappa. */
  pooled: CharAgreement;
  /** Unweighted mean over the group's rows (a row: a code in a source that either coder applied it to). */
  meanKappa: number;
  meanPercentAgreement: number;
  rowsAveraged: number;
}
export interface CharComparison extends ComparisonScope {
  unit: 'char';
  universe: CharUniverse;
  rows: CharRow[];
  perCode: CharSummary[];
  perSource: CharSummary[];
  overall: Omit<CharSummary, 'id'>;
}

export interface SegmentRow extends SegmentAgreement {
  codeId: Guid;
  sourceId: Guid;
}
export interface SegmentSummary {
  id: Guid;
  pooled: SegmentAgreement;
  meanPercentAgreement: number;
  rowsAveraged: number;
}
export interface SegmentComparison extends ComparisonScope {
  unit: 'segment';
  overlapPercent: number;
  rows: SegmentRow[];
  perCode: SegmentSummary[];
  perSource: SegmentSummary[];
  overall: Omit<SegmentSummary, 'id'>;
}

export interface UnitRow {
  codeId: Guid;
  sourceId: Guid;
  units: number;
  /** histogram[k]: units where exactly k coders applied the code. */
  histogram: number[];
  alpha: number;
  reason?: string;
}
export interface UnitSummary {
  id: Guid;
  histogram: number[];
  result: AlphaResult;
}
export interface UnitComparison extends ComparisonScope {
  unit: TextUnit;
  rows: UnitRow[];
  perCode: UnitSummary[];
  perSource: UnitSummary[];
  /** Every code x unit pair as one unit of the reliability data. */
  overall: { histogram: number[]; result: AlphaResult; meanAlpha: number; codesAveraged: number };
}

export type Comparison = CharComparison | SegmentComparison | UnitComparison;

/** The compared material: each coder's coding union per source per code. */
interface Prepared extends ComparisonScope {
  sourceRows: Source[];
  codeIdsInOrder: Guid[];
  /** sourceId -> codeId -> one union per coder (in coder order). */
  unions: Map<Guid, Map<Guid, Interval[][]>>;
}

function prepare(project: Project, options: CompareOptions): Prepared {
  const coderById = new Map<Guid, Coder>(project.coders.map((c) => [c.id, c]));
  const coderIds = [...options.coderIds];
  if (new Set(coderIds).size !== coderIds.length) throw new RangeError('a coder is listed twice');
  for (const id of coderIds) if (!coderById.has(id)) throw new RangeError(`no coder with id ${id} in the project`);
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const wantedCodes = options.codeIds ? new Set(options.codeIds) : null;
  const wantedSources = options.sourceIds ? new Set(options.sourceIds) : null;

  const codedBy = new Map<Guid, Set<Guid>>();
  const spans = new Map<Guid, Map<Guid, Interval[][]>>();
  for (const coding of project.codings) {
    const ci = coderIndex.get(coding.coderId);
    if (ci === undefined) continue;
    let coders = codedBy.get(coding.sourceId);
    if (!coders) codedBy.set(coding.sourceId, (coders = new Set()));
    coders.add(coding.coderId);
    if (wantedCodes && !wantedCodes.has(coding.codeId)) continue;
    let byCode = spans.get(coding.sourceId);
    if (!byCode) spans.set(coding.sourceId, (byCode = new Map()));
    let perCoder = byCode.get(coding.codeId);
    if (!perCoder) byCode.set(coding.codeId, (perCoder = coderIds.map(() => [])));
    perCoder[ci]!.push(coding);
  }

  const sourceRows: Source[] = [];
  const skippedSources: ComparisonScope['skippedSources'] = [];
  for (const source of project.sources) {
    if (wantedSources && !wantedSources.has(source.id)) continue;
    const coders = codedBy.get(source.id) ?? new Set();
    const missing = coderIds.filter((id) => !coders.has(id));
    if (missing.length === 0) sourceRows.push(source);
    else if (coders.size > 0 || wantedSources) {
      skippedSources.push({
        id: source.id,
        name: source.name,
        reason: `not coded by ${missing.map((id) => coderById.get(id)!.name).join(', ')}`,
      });
    }
  }

  const usedCodes = new Set<Guid>();
  const unions = new Map<Guid, Map<Guid, Interval[][]>>();
  for (const source of sourceRows) {
    const byCode = new Map<Guid, Interval[][]>();
    for (const [codeId, perCoder] of spans.get(source.id) ?? []) {
      usedCodes.add(codeId);
      byCode.set(codeId, perCoder.map((list) => clip(unionIntervals(list), source.text.length)));
    }
    unions.set(source.id, byCode);
  }
  if (wantedCodes) for (const id of wantedCodes) usedCodes.add(id);
  const codesById = new Map<Guid, Code>(project.codes.map((c) => [c.id, c]));
  const inTree = codeTree(project.codes).map((n) => n.code.id).filter((id) => usedCodes.has(id));
  const orphans = [...usedCodes].filter((id) => !codesById.has(id)).sort();
  const codeIdsInOrder = [...inTree, ...orphans];

  return {
    coders: coderIds.map((id) => ({ id, name: coderById.get(id)!.name })),
    sources: sourceRows.map((s) => ({ id: s.id, name: s.name })),
    codes: codeIdsInOrder.map((id) => ({ id, name: codesById.get(id)?.name ?? `(unknown code ${id})` })),
    skippedSources,
    sourceRows,
    codeIdsInOrder,
    unions,
  };
}

/** Codings past the end of the text (a corrupt import) must not count characters that do not exist. */
function clip(union: Interval[], length: number): Interval[] {
  if (union.length === 0 || union[union.length - 1]!.end <= length) return union;
  return union.filter((s) => s.start < length).map((s) => ({ start: s.start, end: Math.min(s.end, length) }));
}

function mean(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? NaN : finite.reduce((s, v) => s + v, 0) / finite.length;
}

export function compareCoders(project: Project, options: CompareOptions): Comparison {
  const unit = options.unit ?? 'char';
  if (options.coderIds.length < 2) throw new RangeError('agreement needs at least two coders');
  if ((unit === 'char' || unit === 'segment') && options.coderIds.length !== 2) {
    throw new RangeError(`${unit} agreement compares two coders at a time; got ${options.coderIds.length} (compare each pair)`);
  }
  const prepared = prepare(project, options);
  switch (unit) {
    case 'char':
      return compareChars(prepared, options.universe ?? 'all');
    case 'segment':
      return compareSegments(prepared, options.overlapPercent ?? DEFAULT_OVERLAP_PERCENT);
    case 'turn':
    case 'sentence':
      return compareUnits(prepared, unit);
  }
}

function scopeOf(p: Prepared): ComparisonScope {
  return { coders: p.coders, sources: p.sources, codes: p.codes, skippedSources: p.skippedSources };
}

function compareChars(p: Prepared, universe: CharUniverse): CharComparison {
  const rows: CharRow[] = [];
  const universeBySource = new Map<Guid, number>();
  for (const source of p.sourceRows) {
    const byCode = p.unions.get(source.id)!;
    const size =
      universe === 'all' ? source.text.length : coveredLength(unionIntervals([...byCode.values()].flat(2)));
    universeBySource.set(source.id, size);
    for (const codeId of p.codeIdsInOrder) {
      const pair = byCode.get(codeId);
      if (!pair) continue;
      rows.push({ codeId, sourceId: source.id, ...charAgreement(charCounts(pair[0]!, pair[1]!, size)) });
    }
  }
  // A code nobody applied in a source still counts there: all its characters agree as "neither".
  const summarise = (id: Guid, groupRows: CharRow[], neitherFill: number): CharSummary => {
    const counts = groupRows.reduce<CharCounts>((acc, r) => addCharCounts(acc, r), emptyCharCounts());
    counts.neither += neitherFill;
    return {
      id,
      pooled: charAgreement(counts),
      meanKappa: mean(groupRows.map((r) => r.kappa)),
      meanPercentAgreement: mean(groupRows.map((r) => r.percentAgreement)),
      rowsAveraged: groupRows.length,
    };
  };
  const { perCode, perSource } = perCodeAndSource(p, rows, (sourceId) => universeBySource.get(sourceId)!, summarise);
  const overallCounts = perCode.reduce<CharCounts>((acc, c) => addCharCounts(acc, c.pooled), emptyCharCounts());
  return {
    unit: 'char',
    universe,
    ...scopeOf(p),
    rows,
    perCode,
    perSource,
    overall: {
      pooled: charAgreement(overallCounts),
      meanKappa: mean(perCode.map((c) => c.pooled.kappa)),
      meanPercentAgreement: mean(perCode.map((c) => c.pooled.percentAgreement)),
      rowsAveraged: perCode.length,
    },
  };
}

function compareSegments(p: Prepared, overlapPercent: number): SegmentComparison {
  const rows: SegmentRow[] = [];
  for (const source of p.sourceRows) {
    const byCode = p.unions.get(source.id)!;
    for (const codeId of p.codeIdsInOrder) {
      const pair = byCode.get(codeId);
      if (!pair) continue;
      rows.push({ codeId, sourceId: source.id, ...segmentAgreement(segmentCounts(pair[0]!, pair[1]!, overlapPercent)) });
    }
  }
  const summarise = (id: Guid, group: SegmentRow[]): SegmentSummary => ({
    id,
    pooled: segmentAgreement(group.reduce<SegmentCounts>((acc, r) => addSegmentCounts(acc, r), emptySegmentCounts())),
    meanPercentAgreement: mean(group.map((r) => r.percentAgreement)),
    rowsAveraged: group.length,
  });
  const rowsByCode = groupBy(rows, (r) => r.codeId);
  const rowsBySource = groupBy(rows, (r) => r.sourceId);
  const perCode = p.codeIdsInOrder.map((id) => summarise(id, rowsByCode.get(id) ?? []));
  const perSource = p.sourceRows.map((s) => summarise(s.id, rowsBySource.get(s.id) ?? []));
  const { id: _id, ...overall } = summarise('', rows);
  return { unit: 'segment', overlapPercent, ...scopeOf(p), rows, perCode, perSource, overall };
}

function compareUnits(p: Prepared, unit: TextUnit): UnitComparison {
  const coders = p.coders.length;
  const rows: UnitRow[] = [];
  const unitCount = new Map<Guid, number>();
  for (const source of p.sourceRows) {
    const units = unitsOf(source, unit);
    unitCount.set(source.id, units.length);
    const byCode = p.unions.get(source.id)!;
    for (const codeId of p.codeIdsInOrder) {
      const perCoder = byCode.get(codeId);
      if (!perCoder) continue;
      const histogram = presenceHistogram(units, perCoder);
      const result = presenceAlpha(histogram);
      rows.push({
        codeId,
        sourceId: source.id,
        units: units.length,
        histogram,
        alpha: result.alpha,
        ...(result.reason ? { reason: result.reason } : {}),
      });
    }
  }
  const summarise = (id: Guid, group: UnitRow[], blankUnits: number): UnitSummary => {
    const histogram = group.reduce((acc, r) => addHistograms(acc, r.histogram), new Array<number>(coders + 1).fill(0));
    histogram[0]! += blankUnits;
    return { id, histogram, result: presenceAlpha(histogram) };
  };
  const { perCode, perSource } = perCodeAndSource(p, rows, (sourceId) => unitCount.get(sourceId)!, summarise);
  const histogram = perCode.reduce((acc, c) => addHistograms(acc, c.histogram), new Array<number>(coders + 1).fill(0));
  const alphas = perCode.map((c) => c.result.alpha);
  return {
    unit,
    ...scopeOf(p),
    rows,
    perCode,
    perSource,
    overall: { histogram, result: presenceAlpha(histogram), meanAlpha: mean(alphas), codesAveraged: alphas.filter(Number.isFinite).length },
  };
}

/** A source's units: its speaker turns (its paragraphs when it has no speakers) or its sentences. */
export function unitsOf(source: Source, unit: TextUnit): Interval[] {
  if (unit === 'sentence') return sentenceSpans(source.text, source.paragraphs);
  const spans = source.turns.length > 0 ? source.turns : source.paragraphs;
  // Turns never overlap, so sorting is enough; touching turns stay separate units.
  return spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start);
}

/**
 * Rows (one per code and source where a coder coded) summarised per code and per source. A
 * code x source pair without a row still counts: its `size` (characters or units of the
 * source) goes to the summary as uncoded by everyone.
 */
function perCodeAndSource<R extends { codeId: Guid; sourceId: Guid }, S>(
  p: Prepared,
  rows: readonly R[],
  size: (sourceId: Guid) => number,
  summarise: (id: Guid, group: R[], uncoded: number) => S,
): { perCode: S[]; perSource: S[] } {
  const rowsByCode = groupBy(rows, (r) => r.codeId);
  const rowsBySource = groupBy(rows, (r) => r.sourceId);
  const perCode = p.codeIdsInOrder.map((codeId) => {
    const group = rowsByCode.get(codeId) ?? [];
    const present = new Set(group.map((r) => r.sourceId));
    let uncoded = 0;
    for (const s of p.sourceRows) if (!present.has(s.id)) uncoded += size(s.id);
    return summarise(codeId, group, uncoded);
  });
  const perSource = p.sourceRows.map((s) => {
    const group = rowsBySource.get(s.id) ?? [];
    return summarise(s.id, group, size(s.id) * (p.codeIdsInOrder.length - group.length));
  });
  return { perCode, perSource };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
