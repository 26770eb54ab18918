/**
 * Matrices: code x attribute value, code x source (both counted by countByGroup, so
 * they agree with every other count), and code co-occurrence.
 *
 * Co-occurrence cells count, for two different codes A and B:
 *   scope 'overlap': pairs of an A coding and a B coding that share text (two coders'
 *                    codings each pair up, so a cell can exceed either code's excerpts);
 *   scope 'turn':    turns (paragraphs, in a source without speakers) holding both codes.
 * The diagonal holds the code's own excerpts (overlap) or turns (turn).
 */
import type { Guid, Span } from '../model/schema';
import type { AnalysisIndex, IndexedCoding, SourceEntry } from './analysis-index';
import { firstTurnEndingAfter } from './analysis-index';
import type { CountUnit } from './counts';
import { countByGroup, SOURCE_GROUPING } from './counts';
import { toCsv } from './csv';
import type { ExcerptFilter } from './filter';
import { compileFilter } from './filter';
import { resolveCodeIds } from './excerpts';

export interface MatrixHeader {
  id: string;
  label: string;
}

export interface Matrix {
  title: string;
  /** What a cell counts, in words: "excerpts", "sources", "cases", "overlapping codings", "turns". */
  unit: string;
  rows: MatrixHeader[];
  columns: MatrixHeader[];
  cells: number[][];
  /** Coding ids behind each cell (rows x columns), when asked for. */
  ids?: Guid[][][];
  /** Per row across all columns (distinct units, so not always the sum of the row). */
  rowTotals?: number[];
  columnTotals?: number[];
  /**
   * What the bottom row is: "Total" when it is the column's sum (excerpts), otherwise the
   * distinct sources or cases with any of the codes, which a reader must not take for a sum.
   */
  columnTotalsLabel?: string;
  /** The bottom-right cell: all codes, all groups (distinct units, like the row above it). */
  grandTotal?: number;
}

export interface CodeMatrixQuery {
  codeIds?: Guid[];
  themeId?: Guid;
  includeDescendantCodes?: boolean;
  filter?: ExcerptFilter;
  withIds?: boolean;
}

/** The codes a matrix shows: those asked for, else every codable code in codebook order. */
function matrixCodes(index: AnalysisIndex, q: CodeMatrixQuery): Guid[] {
  const ids = q.codeIds || q.themeId ? resolveCodeIds(index, q) : [...index.codes.values()].filter((c) => c.codable).map((c) => c.id);
  return ids.sort((a, b) => (index.codeRank.get(a) ?? 0) - (index.codeRank.get(b) ?? 0));
}

function codeHeader(index: AnalysisIndex, id: Guid): MatrixHeader {
  return { id, label: index.codePaths.get(id)?.join(' / ') ?? id };
}

export function codeAttributeMatrix(index: AnalysisIndex, q: CodeMatrixQuery & { attribute: string; unit: CountUnit }): Matrix {
  return fromCounts(index, q, q.attribute, q.unit, `Codes by ${q.attribute}`);
}

export function codeSourceMatrix(index: AnalysisIndex, q: CodeMatrixQuery & { unit?: 'excerpts' | 'cases' }): Matrix {
  return fromCounts(index, q, SOURCE_GROUPING, q.unit ?? 'excerpts', 'Codes by source');
}

function fromCounts(index: AnalysisIndex, q: CodeMatrixQuery, groupBy: string, unit: CountUnit, title: string): Matrix {
  const codeIds = matrixCodes(index, q);
  const counts = countByGroup(index, { codeIds, groupBy, unit, ...(q.filter ? { filter: q.filter } : {}), withIds: q.withIds ?? false });
  const name = counts.attribute?.name;
  return {
    title: name ? `Codes by ${name}` : title,
    unit,
    rows: counts.rows.map((r) => codeHeader(index, r.codeId)),
    columns: counts.groups.map((g) => ({ id: g, label: counts.groupLabels[g] ?? g })),
    cells: counts.rows.map((r) => counts.groups.map((g) => r.byGroup[g] ?? 0)),
    ...(q.withIds ? { ids: counts.rows.map((r) => counts.groups.map((g) => r.idsByGroup?.[g] ?? [])) } : {}),
    rowTotals: counts.rows.map((r) => r.total),
    columnTotals: counts.groups.map((g) => counts.byGroup[g] ?? 0),
    columnTotalsLabel: unit === 'excerpts' ? 'Total' : `Any of these codes (distinct ${unit})`,
    grandTotal: counts.total,
  };
}

export type CoOccurrenceScope = 'overlap' | 'turn';

export function coOccurrenceMatrix(index: AnalysisIndex, q: CodeMatrixQuery & { scope: CoOccurrenceScope }): Matrix {
  const codeIds = matrixCodes(index, q);
  const n = codeIds.length;
  const slot = new Map(codeIds.map((id, i) => [id, i]));
  const counts = new Float64Array(n * n);
  const ids: Guid[][][] | undefined = q.withIds ? codeIds.map(() => codeIds.map(() => [])) : undefined;
  const keep = compileFilter(index, q.filter);
  const stamp = new Int32Array(n);
  let stampSerial = 0;

  for (const entry of index.sourceOrder) {
    const all = index.bySource.get(entry.source.id);
    if (!all) continue;
    const items: { item: IndexedCoding; k: number }[] = [];
    for (const item of all) {
      const k = slot.get(item.coding.codeId);
      if (k !== undefined && keep(item)) items.push({ item, k });
    }
    if (!items.length) continue;
    if (q.scope === 'overlap') {
      // Sweep by start (the per-source list is sorted): only codings still open can overlap.
      const open: { item: IndexedCoding; k: number }[] = [];
      for (const cur of items) {
        const { start, end } = cur.item.coding;
        counts[cur.k * n + cur.k]! += 1;
        ids?.[cur.k]![cur.k]!.push(cur.item.coding.id);
        let w = 0;
        for (const o of open) if (o.item.coding.end > start) open[w++] = o;
        open.length = w;
        if (end > start) {
          for (const o of open) {
            if (o.k === cur.k) continue;
            counts[o.k * n + cur.k]! += 1;
            counts[cur.k * n + o.k]! += 1;
            if (ids) {
              ids[o.k]![cur.k]!.push(o.item.coding.id, cur.item.coding.id);
              ids[cur.k]![o.k]!.push(o.item.coding.id, cur.item.coding.id);
            }
          }
          open.push(cur);
        }
      }
    } else if (!ids) {
      // Counts only: slots per unit in flat arrays, de-duplicated with a stamp per code.
      const list = unitsOf(entry);
      const perUnit = new Map<number, number[]>();
      for (const { item, k } of items) {
        const range = unitRange(entry, list, item);
        if (!range) continue;
        for (let u = range[0]; u <= range[1]; u++) {
          const slots = perUnit.get(u);
          if (slots) slots.push(k);
          else perUnit.set(u, [k]);
        }
      }
      for (const slots of perUnit.values()) {
        stampSerial++;
        let m = 0;
        for (const k of slots) {
          if (stamp[k] === stampSerial) continue;
          stamp[k] = stampSerial;
          slots[m++] = k;
        }
        for (let x = 0; x < m; x++) {
          const a = slots[x]!;
          counts[a * n + a]! += 1;
          for (let y = x + 1; y < m; y++) {
            const b = slots[y]!;
            counts[a * n + b]! += 1;
            counts[b * n + a]! += 1;
          }
        }
      }
    } else {
      const list = unitsOf(entry);
      const perUnit = new Map<number, Map<number, Guid[]>>();
      for (const { item, k } of items) {
        const range = unitRange(entry, list, item);
        if (!range) continue;
        for (let u = range[0]; u <= range[1]; u++) {
          let codes = perUnit.get(u);
          if (!codes) perUnit.set(u, (codes = new Map()));
          const got = codes.get(k);
          if (got) got.push(item.coding.id);
          else codes.set(k, [item.coding.id]);
        }
      }
      for (const codes of perUnit.values()) {
        const present = [...codes.keys()];
        for (const a of present) {
          for (const b of present) {
            counts[a * n + b]! += 1;
            ids[a]![b]!.push(...(a === b ? codes.get(a)! : codes.get(a)!.concat(codes.get(b)!)));
          }
        }
      }
    }
  }
  const headers = codeIds.map((id) => codeHeader(index, id));
  return {
    title: q.scope === 'overlap' ? 'Code co-occurrence (overlapping text)' : 'Code co-occurrence (same turn)',
    unit: q.scope === 'overlap' ? 'overlapping codings' : 'turns',
    rows: headers,
    columns: headers,
    cells: codeIds.map((_, a) => Array.from(counts.subarray(a * n, a * n + n))),
    ...(ids ? { ids: ids.map((row) => row.map((cell) => [...new Set(cell)])) } : {}),
  };
}

/** The coding ids behind one co-occurrence cell, for click-through without computing every cell's list. */
export function coOccurrenceIds(index: AnalysisIndex, q: { a: Guid; b: Guid; scope: CoOccurrenceScope; filter?: ExcerptFilter }): Guid[] {
  const m = coOccurrenceMatrix(index, { codeIds: [q.a, q.b], scope: q.scope, ...(q.filter ? { filter: q.filter } : {}), withIds: true });
  const ia = m.rows.findIndex((r) => r.id === q.a);
  const ib = m.columns.findIndex((c) => c.id === q.b);
  return ia < 0 || ib < 0 ? [] : (m.ids![ia]![ib] ?? []);
}

function unitsOf(entry: SourceEntry): readonly Span[] {
  return entry.turns.length ? entry.turns : entry.source.paragraphs;
}

function unitRange(entry: SourceEntry, list: readonly Span[], item: IndexedCoding): [number, number] | null {
  if (entry.turns.length) return item.firstTurn < 0 ? null : [item.firstTurn, item.lastTurn];
  const { start, end } = item.coding;
  const first = firstTurnEndingAfter(list, start);
  let last = first - 1;
  for (let i = first; i < list.length && list[i]!.start < Math.max(end, start + 1); i++) last = i;
  return last >= first ? [first, last] : null;
}

/** A matrix as CSV: a header row, one row per code, and totals where the matrix has them. */
export function matrixToCsv(matrix: Matrix): string {
  const hasTotals = !!matrix.rowTotals;
  const rows: (string | number)[][] = [[`${matrix.title} (${matrix.unit})`, ...matrix.columns.map((c) => c.label), ...(hasTotals ? ['Total'] : [])]];
  matrix.rows.forEach((r, i) => rows.push([r.label, ...matrix.cells[i]!, ...(hasTotals ? [matrix.rowTotals![i]!] : [])]));
  if (matrix.columnTotals) {
    const corner = hasTotals && matrix.grandTotal !== undefined ? [matrix.grandTotal] : [];
    rows.push([matrix.columnTotalsLabel ?? 'Total', ...matrix.columnTotals, ...corner]);
  }
  return toCsv(rows, { bom: true });
}
