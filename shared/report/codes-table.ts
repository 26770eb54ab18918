/**
 * A theme's codes table: excerpts, sources and cases per code, and the cases of each group with
 * their share of the group. Columns are never narrower than their longest word, so headers and
 * "1 (100%)" do not break mid-word (QA F33). When the groups do not fit beside the totals, they
 * move to a table of their own, the percentage on a second line if that keeps it to one table,
 * else split over tables of about equal width.
 */
import type { FileChild } from 'docx';
import type { AnalysisIndex, GroupCounts } from '../analysis';
import type { Attribute, Code, Theme } from '../model/schema';
import type { Column } from './docx-blocks';
import { caption, columnWidthDxa, labelled, table, TEXT_WIDTH_DXA } from './docx-blocks';
import { groupLabel } from './methods';

/** Room a code's name needs beside the numbers: "Barriers to services / Waitlists" in three lines. */
const CODE_MIN_DXA = 1700;
/** The definitions go in the table only when code and definition together get this much of the page. */
const DEFINITIONS_MIN_DXA = 0.4 * TEXT_WIDTH_DXA;

export interface CodesTableInput {
  index: AnalysisIndex;
  theme: Theme;
  excerpts: GroupCounts;
  sources: GroupCounts;
  cases: GroupCounts;
  groupBy: Attribute | null;
  /** The report's table counter, advanced for each numbered table. */
  figures: { table: number };
}

interface GroupColumn {
  header: string;
  /** One cell per row (codes, then the theme's total row). */
  cells: { n: number; size: number }[];
}

type CellStyle = 'one-line' | 'two-lines';

function cellText({ n, size }: { n: number; size: number }, style: CellStyle): string {
  if (size <= 0) return String(n);
  const share = `(${Math.round((100 * n) / size)}%)`;
  // A plain space, so a template with a wider font breaks there rather than inside "(100%)".
  return style === 'one-line' ? `${n} ${share}` : `${n}\n${share}`;
}

function groupWidths(groups: readonly GroupColumn[], style: CellStyle): number[] {
  return groups.map((g) =>
    columnWidthDxa(
      g.header,
      g.cells.map((c) => cellText(c, style)),
      { wholeLines: true },
    ),
  );
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function codesTable({ index, theme, excerpts, sources, cases, groupBy, figures }: CodesTableInput): FileChild[] {
  const codes = excerpts.rows.map((row) => index.codes.get(row.codeId)!);
  const names = codes.map((code) => (index.codePaths.get(code.id) ?? [code.name]).join(' / '));
  const withTotal = excerpts.rows.length > 1;
  const rowNames = [...names, ...(withTotal ? ['Theme (any of its codes)'] : [])];
  const definitions = [...codes.map((c) => c.definition.trim() || '\u2013'), ...(withTotal ? [''] : [])];
  const codeMin = Math.max(CODE_MIN_DXA, columnWidthDxa('Code', rowNames));

  const totals = [
    { header: 'Excerpts', cells: [...excerpts.rows.map((r) => r.total), ...(withTotal ? [excerpts.total] : [])] },
    { header: 'Sources', cells: [...sources.rows.map((r) => r.total), ...(withTotal ? [sources.total] : [])] },
    { header: 'Cases', cells: [...cases.rows.map((r) => r.total), ...(withTotal ? [cases.total] : [])] },
  ].map((c) => ({ header: c.header, cells: c.cells.map(String) }));
  const totalWidths = totals.map((c) => columnWidthDxa(c.header, c.cells));

  const groupKeys = groupBy ? cases.groups.filter((g) => cases.groupSizes[g]!.cases > 0 || cases.byGroup[g]! > 0) : [];
  const groups: GroupColumn[] = groupKeys.map((g) => {
    const size = cases.groupSizes[g]!.cases;
    return {
      header: `${groupLabel(g, groupBy)}\n(n=${size})`,
      cells: [
        ...cases.rows.map((r) => ({ n: r.byGroup[g] ?? 0, size })),
        ...(withTotal ? [{ n: cases.byGroup[g] ?? 0, size }] : []),
      ],
    };
  });

  const quoted = `\u201c${theme.name}\u201d`;
  const out: FileChild[] = [];
  const numbered = (text: string) => {
    figures.table++;
    out.push(
      caption(`Table ${figures.table}. ${text}`, { keepNext: true, ...(out.length ? { spaceBefore: 240 } : {}) }),
    );
  };

  // One table when the groups fit beside the totals.
  const oneTable = [...totalWidths, ...groupWidths(groups, 'one-line')];
  if (sum(oneTable) + codeMin <= TEXT_WIDTH_DXA) {
    numbered(`Codes of the theme ${quoted}${groupBy ? `, cases by ${groupBy.name}` : ''}`);
    const numbers = [
      ...totals.map((c) => c.cells),
      ...groups.map((g) => g.cells.map((cell) => cellText(cell, 'one-line'))),
    ];
    out.push(
      ...codeTable(
        rowNames,
        definitions,
        codes,
        [...totals, ...groups].map((c) => c.header),
        oneTable,
        numbers,
      ),
    );
    return out;
  }

  // Too many groups: the totals with the definitions, then the groups in a table of their own,
  // the percentages below the counts if that keeps it to one table, else over several tables.
  numbered(`Codes of the theme ${quoted}`);
  out.push(
    ...codeTable(
      rowNames,
      definitions,
      codes,
      totals.map((c) => c.header),
      totalWidths,
      totals.map((c) => c.cells),
    ),
  );
  const room = TEXT_WIDTH_DXA - codeMin;
  const style: CellStyle =
    sum(groupWidths(groups, 'one-line')) > room && sum(groupWidths(groups, 'two-lines')) <= room
      ? 'two-lines'
      : 'one-line';
  const widths = groupWidths(groups, style);
  const parts = chunks(widths, room);
  for (const [k, chunk] of parts.entries()) {
    const part = parts.length > 1 ? ` (part ${k + 1} of ${parts.length})` : '';
    numbered(`Codes of the theme ${quoted}, cases by ${groupBy!.name}${part}`);
    const columns: Column[] = [
      { header: 'Code', share: TEXT_WIDTH_DXA - sum(chunk.map((i) => widths[i]!)) },
      ...chunk.map((i) => ({ header: groups[i]!.header, share: widths[i]!, align: 'right' as const })),
    ];
    out.push(
      table(
        columns,
        rowNames.map((name, r) => [name, ...chunk.map((i) => cellText(groups[i]!.cells[r]!, style))]),
      ),
    );
  }
  return out;
}

/**
 * Columns (their indices) in runs that each fit the room, of about equal length, so nine groups
 * make tables of five and four rather than eight and one.
 */
function chunks(widths: readonly number[], room: number): number[][] {
  const runs = (limit: number) => {
    const out: number[][] = [];
    for (const [i, w] of widths.entries()) {
      const last = out.at(-1);
      if (last && last.length < limit && sum(last.map((j) => widths[j]!)) + w <= room) last.push(i);
      else out.push([i]);
    }
    return out;
  };
  const greedy = runs(Infinity);
  return greedy.length > 1 ? runs(Math.ceil(widths.length / greedy.length)) : greedy;
}

/** Code (and definition, when there is room) beside number columns of the given widths. */
function codeTable(
  rowNames: readonly string[],
  definitions: readonly string[],
  codes: readonly Code[],
  headers: readonly string[],
  widths: readonly number[],
  numbers: readonly (readonly string[])[],
): FileChild[] {
  const rest = TEXT_WIDTH_DXA - sum(widths);
  const withDefinitions = rest >= DEFINITIONS_MIN_DXA;
  const columns: Column[] = [
    ...(withDefinitions
      ? [
          { header: 'Code', share: rest * 0.4 },
          { header: 'Definition', share: rest * 0.6 },
        ]
      : [{ header: 'Code', share: rest }]),
    ...headers.map((header, c) => ({ header, share: widths[c]!, align: 'right' as const })),
  ];
  const rows = rowNames.map((name, r) => [
    name,
    ...(withDefinitions ? [definitions[r]!] : []),
    ...numbers.map((column) => column[r]!),
  ]);
  const out: FileChild[] = [table(columns, rows)];
  // Without room for definitions in the table, they follow it, the first one clear of the table.
  if (!withDefinitions) {
    for (const [i, code] of codes.entries())
      if (code.definition.trim())
        out.push(labelled(rowNames[i]!, code.definition.trim(), { spaceBefore: out.length === 1 ? 200 : 0 }));
  }
  return out;
}
