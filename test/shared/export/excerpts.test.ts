import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildAnalysisIndex, codeAttributeMatrix } from '../../../shared/analysis';
import { excerptTable, excerptsCsv, excerptsXlsx, matrixCsv } from '../../../shared/export';
import { buildStudy } from '../report/fixture';

/** A minimal RFC 4180 reader, so the test does not trust the writer's own quoting rules. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('coded excerpts export', () => {
  const { project } = buildStudy();
  const index = buildAnalysisIndex(project);
  const table = excerptTable(index);

  it('has a row per coding with source, case, attributes, speaker, code levels, coder, span and text', () => {
    expect(table.header).toEqual([
      'Source',
      'Case',
      'group',
      'role',
      'site',
      'Speaker',
      'Code level 1',
      'Code level 2',
      'Coder',
      'Start',
      'End',
      'Text',
    ]);
    expect(table.rows).toHaveLength(project.codings.length);
    for (const row of table.rows) {
      const [sourceName, caseName, group, role, site, speaker, level1, level2, coder, start, end, text] = row;
      const source = project.sources.find((s) => s.name === sourceName)!;
      const coding = project.codings.find((c) => c.sourceId === source.id && c.start === start && c.end === end)!;
      expect(text).toBe(source.text.slice(coding.start, coding.end));
      const kase = project.cases.find((c) => c.id === source.caseId)!;
      expect(caseName).toBe(kase.name);
      expect([group, role, site]).toEqual(project.attributes.map((a) => kase.values[a.id]));
      expect(speaker).toBe('Respondent');
      const code = project.codes.find((c) => c.id === coding.codeId)!;
      const parent = code.parentId ? project.codes.find((c) => c.id === code.parentId)!.name : null;
      expect(parent ? [level1, level2] : [level1, level2]).toEqual(parent ? [parent, code.name] : [code.name, '']);
      expect(coder).toBe(project.coders.find((c) => c.id === coding.coderId)!.name);
    }
  });

  it('writes CSV as UTF-8 with a BOM and neutralises cells Excel would run as formulas', () => {
    const bytes = excerptsCsv(table);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0]).toEqual(table.header);
    expect(rows).toHaveLength(table.rows.length + 1);
    const textCol = table.header.indexOf('Text');
    const risky = rows.find((r) => r[textCol]!.includes('SUM(A1:A9)'))!;
    expect(risky[textCol]!.startsWith("'=SUM(A1:A9)")).toBe(true);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises every formula trigger, including tab and carriage return', () => {
    const bytes = excerptsCsv({
      header: ['a'],
      rows: [['=1+1'], ['+1'], ['-1'], ['@SUM(1)'], ['\tx'], ['\rx'], ['plain']],
    });
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(1)", "'\tx", "'\rx", 'plain']);
  });

  it('writes an XLSX that exceljs reads back with the same rows, text kept as text', async () => {
    const bytes = await excerptsXlsx(table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const read: unknown[][] = [];
    sheet.eachRow((row) => read.push((row.values as unknown[]).slice(1)));
    expect(read[0]).toEqual(table.header);
    expect(read.slice(1)).toEqual(
      table.rows.map((r) => r.map((c) => (c === '' ? undefined : c))).map(trimTrailingUndefined),
    );
    const textCol = table.header.indexOf('Text') + 1;
    const risky = sheet.getColumn(textCol).values.find((v) => typeof v === 'string' && v.startsWith('=SUM'));
    expect(risky).toBeDefined();
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('writes a matrix as CSV with a BOM', () => {
    const matrix = codeAttributeMatrix(index, { attribute: 'group', unit: 'cases' });
    const bytes = matrixCsv(matrix);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows.length).toBeGreaterThan(matrix.rows.length);
    const flat = rows.flat();
    for (const header of matrix.columns) expect(flat).toContain(header.label);
  });
});

function trimTrailingUndefined(row: unknown[]): unknown[] {
  const out = [...row];
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out;
}
