import { describe, expect, it } from 'vitest';
import {
  buildAnalysisIndex,
  coOccurrenceIds,
  coOccurrenceMatrix,
  codeAttributeMatrix,
  codeSourceMatrix,
  countByGroup,
  matrixToCsv,
  neutraliseCell,
  retrieveExcerpts,
  toCsv,
} from '../../../shared/analysis';
import { buildFixture } from './fixture';

const fx = buildFixture();
const index = buildAnalysisIndex(fx.project);
const { ids } = fx;
const row = (m: { rows: { label: string }[] }, label: string) => m.rows.findIndex((r) => r.label === label);
const col = (m: { columns: { label: string }[] }, label: string) => m.columns.findIndex((c) => c.label === label);

describe('code x attribute matrix', () => {
  it('switches unit and matches countByGroup cell for cell', () => {
    for (const unit of ['excerpts', 'sources', 'cases'] as const) {
      const m = codeAttributeMatrix(index, { attribute: 'site', unit });
      const c = countByGroup(index, { codeIds: m.rows.map((r) => r.id), groupBy: 'site', unit });
      m.rows.forEach((r, i) => {
        const countRow = c.rows.find((x) => x.codeId === r.id)!;
        expect(m.cells[i]).toEqual(c.groups.map((g) => countRow.byGroup[g]));
        expect(m.rowTotals![i]).toBe(countRow.total);
      });
    }
  });

  it('lists every codable code in codebook order, with labels as paths, and click-through ids', () => {
    const m = codeAttributeMatrix(index, { attribute: 'participant type', unit: 'excerpts', withIds: true });
    expect(m.rows.map((r) => r.label)).toEqual(['Services', 'Services / Housing', 'Services / Clinic', 'Waitlists', 'Workarounds', 'no bus fare', 'Empty']);
    const r = row(m, 'Services / Housing');
    const c = col(m, 'participant');
    expect(m.cells[r]![c]).toBe(3);
    const excerpts = retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { where: [{ attribute: 'participant type', values: ['participant'] }] } });
    expect(m.ids![r]![c]!.sort()).toEqual(excerpts.map((e) => e.codingId).sort());
    expect(m.cells[row(m, 'Empty')]).toEqual([0, 0, 0]);
  });
});

describe('code x source matrix', () => {
  it('has one column per source in import order, named by the source', () => {
    const m = codeSourceMatrix(index, {});
    expect(m.columns.map((c) => c.label)).toEqual(['int-P1', 'int-P2', 'int-CM1', 'focus-group', 'field-notes']);
    expect(m.cells[row(m, 'Services / Housing')]).toEqual([2, 0, 0, 1, 1]);
  });
});

describe('co-occurrence', () => {
  it('overlap: counts pairs of codings sharing text, symmetric, adjacent spans excluded', () => {
    const m = coOccurrenceMatrix(index, { scope: 'overlap' });
    const h = row(m, 'Services / Housing');
    const w = row(m, 'Waitlists');
    const cl = row(m, 'Services / Clinic');
    const wk = row(m, 'Workarounds');
    expect(m.cells[h]![w]).toBe(1); // focus group
    expect(m.cells[w]![h]).toBe(1);
    expect(m.cells[cl]![w]).toBe(0); // int-P2: adjacent only
    expect(m.cells[cl]![wk]).toBe(1); // int-P1: nested span
    expect(m.cells[h]![h]).toBe(4); // diagonal: the code's excerpts
    for (let i = 0; i < m.rows.length; i++) for (let j = 0; j < m.rows.length; j++) expect(m.cells[i]![j]).toBe(m.cells[j]![i]);
  });

  it('turn: counts turns holding both codes; adjacent spans in one turn now co-occur', () => {
    const m = coOccurrenceMatrix(index, { scope: 'turn' });
    const cl = row(m, 'Services / Clinic');
    const w = row(m, 'Waitlists');
    const f = row(m, 'no bus fare');
    expect(m.cells[cl]![w]).toBe(1);
    expect(m.cells[w]![f]).toBe(1);
    expect(m.cells[cl]![row(m, 'Services / Housing')]).toBe(1); // field notes paragraph
  });

  it('counts the same with and without click-through ids (two code paths)', () => {
    for (const scope of ['turn', 'overlap'] as const) {
      const filter = { roles: ['interviewer' as const, 'respondent' as const] };
      expect(coOccurrenceMatrix(index, { scope, filter }).cells).toEqual(coOccurrenceMatrix(index, { scope, filter, withIds: true }).cells);
    }
  });

  it('click-through ids for one cell name both codes’ codings', () => {
    const got = coOccurrenceIds(index, { a: ids.Housing!, b: ids.Waitlists!, scope: 'overlap' });
    expect(got.sort()).toEqual([ids['c-fg-housing']!, ids['c-fg-wait']!].sort());
  });

  it('respects the filter (participants only drops the partner focus-group voice)', () => {
    const m = coOccurrenceMatrix(index, { scope: 'turn', codeIds: [ids.Workarounds!, ids.Services!], filter: { where: [{ attribute: 'participant type', values: ['partner'] }] } });
    expect(m.cells[0]![1]).toBe(1); // CM1's turn holds both
  });
});

describe('CSV', () => {
  it('neutralises formula cells, quotes, adds BOM and CRLF', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseCell('-no services-')).toBe("'-no services-");
    expect(neutraliseCell('@home')).toBe("'@home");
    expect(neutraliseCell('+1')).toBe("'+1");
    expect(neutraliseCell('plain')).toBe('plain');
    expect(toCsv([['a,b', 'say "hi"', 3, null], ['line\nbreak', '=1+1', -2, 'ok']])).toBe('"a,b","say ""hi""",3,\r\n"line\nbreak",\'=1+1,-2,ok\r\n');
  });

  it('writes a matrix with header, totals and a BOM', () => {
    const m = codeAttributeMatrix(index, { attribute: 'site', unit: 'cases', codeIds: [ids.Housing!] });
    const csv = matrixToCsv(m);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Codes by site (cases),A,B,(no value),Total');
    expect(lines[1]).toBe('Services / Housing,1,1,0,2');
    expect(lines[2]).toBe('Any of these codes (distinct cases),1,1,0,2');
  });

  it('labels the bottom row a total only when it is the column sum, and fills the corner (QA F25)', () => {
    const codeIds = [ids.Housing!, ids.Waitlists!, ids['no bus fare']!];
    const cases = codeAttributeMatrix(index, { attribute: 'participant type', unit: 'cases', codeIds });
    const distinct = countByGroup(index, { codeIds, groupBy: 'participant type', unit: 'cases' });
    expect(cases.columnTotalsLabel).toBe('Any of these codes (distinct cases)');
    expect(cases.grandTotal).toBe(distinct.total);
    // One case with two of the codes counts once: the row is not the sum, hence not "Total".
    const column = cases.columns.findIndex((c) => c.id === 'participant');
    const sum = cases.cells.reduce((n, row) => n + row[column]!, 0);
    expect(cases.columnTotals![column]).toBeLessThan(sum);
    const excerpts = codeAttributeMatrix(index, { attribute: 'participant type', unit: 'excerpts', codeIds });
    expect(excerpts.columnTotalsLabel).toBe('Total');
    excerpts.columns.forEach((_, c) => expect(excerpts.columnTotals![c]).toBe(excerpts.cells.reduce((n, row) => n + row[c]!, 0)));
    expect(excerpts.grandTotal).toBe(excerpts.rowTotals!.reduce((a, b) => a + b, 0));
  });
});
