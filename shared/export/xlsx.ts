/**
 * Coded excerpts as an Excel workbook: the same columns as the CSV, with a frozen,
 * filterable header row and wrapped text, so the file is usable the moment it opens.
 * Cells are written as typed values (text stays text), so a quote that begins with "="
 * is never a formula here and is kept exactly as said.
 */
import ExcelJS from 'exceljs';
import type { ExcerptTable } from './excerpt-table';

export async function excerptsXlsx(
  table: ExcerptTable,
  opts: { sheetName?: string; creator?: string } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = opts.creator ?? 'Lantern QDA';
  const sheet = workbook.addWorksheet(safeSheetName(opts.sheetName ?? 'Coded excerpts'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.header.map((header) => ({ header, key: header, width: widthFor(header) }));
  // An empty value is an empty cell, not a cell holding "", so Excel's blanks filter finds it.
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  sheet.getColumn(table.header.length).alignment = { wrapText: true, vertical: 'top' };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function widthFor(header: string): number {
  if (header === 'Text') return 80;
  if (header === 'Start' || header === 'End') return 9;
  return Math.max(12, header.length + 2);
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
