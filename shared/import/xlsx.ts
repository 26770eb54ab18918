/**
 * The first worksheet of an .xlsx as rows of strings. Read straight from the sheet XML
 * with fflate and the XML tokenizer of formats/xml-scan.ts (both pure JavaScript) so the same code runs in the CLI and in
 * the browser's import worker; a spreadsheet of utterances or survey answers needs
 * only cell values, shared strings and which cells are dates.
 */
import type { ScannedTag } from '../formats/xml-scan';
import { ImportError } from './errors';
import { decodeXmlBytes } from './decode';
import { openZip, walkXml } from './zip';

export interface SheetTable {
  sheetName: string;
  rows: string[][];
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function readXlsx(bytes: Uint8Array, fileName: string): SheetTable {
  const parts = openZip(bytes, fileName, 'Excel workbook', (p) => p.startsWith('xl/'));
  const workbook = parts['xl/workbook.xml'];
  if (!workbook) throw new ImportError(fileName, 'this zip archive is not an Excel workbook, or it is damaged (it has no xl/workbook.xml)');
  const sheet = firstSheet(parts, fileName);
  const sheetXml = parts[sheet.path];
  if (!sheetXml) throw new ImportError(fileName, `the workbook is damaged: its first sheet (${sheet.path}) is missing`);
  const shared = parts['xl/sharedStrings.xml'] ? sharedStrings(parts['xl/sharedStrings.xml'], fileName) : [];
  const dateStyles = parts['xl/styles.xml'] ? dateStyleIndexes(parts['xl/styles.xml'], fileName) : new Set<number>();
  return { sheetName: sheet.name, rows: sheetRows(sheetXml, shared, dateStyles, fileName) };
}

function firstSheet(parts: Record<string, Uint8Array>, fileName: string): { name: string; path: string } {
  let name = 'Sheet1';
  let relId: string | undefined;
  walkXml(decodeXmlBytes(parts['xl/workbook.xml']!), {
    open: (tag) => {
      if (tag.name === 'sheet' && relId === undefined) {
        name = tag.attribute('name') ?? name;
        relId = tag.attribute('r:id');
      }
    },
  }, fileName, 'xl/workbook.xml');
  let target: string | undefined;
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (rels && relId) {
    walkXml(decodeXmlBytes(rels), {
      open: (tag) => {
        if (tag.name === 'Relationship' && tag.attribute('Id') === relId) target = tag.attribute('Target');
      },
    }, fileName, 'xl/_rels/workbook.xml.rels');
  }
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : 'xl/worksheets/sheet1.xml';
  return { name, path };
}

function sharedStrings(part: Uint8Array, fileName: string): string[] {
  const out: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  walkXml(decodeXmlBytes(part), {
    open: (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && !phonetic) inT = true;
    },
    close: (tag) => {
      if (tag.name === 'si') out.push(current);
      else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 't') inT = false;
    },
    text: (t) => {
      if (inT) current += t;
    },
  }, fileName, 'xl/sharedStrings.xml');
  return out;
}

/** Which cell style indexes format numbers as dates or times (Excel stores both as day counts). */
function dateStyleIndexes(part: Uint8Array, fileName: string): Set<number> {
  const customDate = new Set<number>();
  const out = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  walkXml(decodeXmlBytes(part), {
    open: (tag: ScannedTag) => {
      if (tag.name === 'numFmt') {
        const code = (tag.attribute('formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
        if (/[dmyhs]/i.test(code)) customDate.add(Number(tag.attribute('numFmtId')));
      } else if (tag.name === 'cellXfs') {
        inCellXfs = true;
      } else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(tag.attribute('numFmtId') ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) out.add(index);
        index++;
      }
    },
    close: (tag) => {
      if (tag.name === 'cellXfs') inCellXfs = false;
    },
  }, fileName, 'xl/styles.xml');
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** Excel day serial (1900 system) to ISO date, or to a clock time for a fraction of a day. */
function serialToText(serial: number): string {
  if (serial < 1) {
    const total = Math.round(serial * 86_400);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return [h, m, s].map((v) => String(v).padStart(2, '0')).join(':');
  }
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function sheetRows(part: Uint8Array, shared: string[], dateStyles: Set<number>, fileName: string): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let rowIndex = -1;
  let cell: { col: number; type: string; style: number } | null = null;
  let value = '';
  let inValue = false;
  let nextCol = 0;
  walkXml(decodeXmlBytes(part), {
    open: (tag) => {
      if (tag.name === 'row') {
        const r = Number(tag.attribute('r'));
        rowIndex = Number.isFinite(r) && r > 0 ? r - 1 : rowIndex + 1;
        row = [];
        nextCol = 0;
      } else if (tag.name === 'c' && row) {
        const ref = tag.attribute('r');
        const col = ref ? columnIndex(ref) : nextCol;
        cell = { col, type: tag.attribute('t') ?? 'n', style: Number(tag.attribute('s') ?? -1) };
        nextCol = col + 1;
        value = '';
      } else if ((tag.name === 'v' || tag.name === 't') && cell) {
        inValue = true;
      }
    },
    close: (tag) => {
      if (tag.name === 'v' || tag.name === 't') inValue = false;
      else if (tag.name === 'c' && cell && row) {
        row[cell.col] = cellText(cell.type, cell.style, value, shared, dateStyles);
        cell = null;
      } else if (tag.name === 'row' && row) {
        while (rows.length < rowIndex) rows.push([]);
        rows[rowIndex] = Array.from(row, (v) => v ?? '');
        row = null;
      }
    },
    text: (t) => {
      if (inValue) value += t;
    },
  }, fileName, 'the first worksheet');
  return Array.from(rows, (r) => r ?? []);
}

function cellText(type: string, style: number, raw: string, shared: string[], dateStyles: Set<number>): string {
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'inlineStr':
    case 'str':
    case 'e':
      return raw;
    default: {
      const n = Number(raw);
      if (raw !== '' && Number.isFinite(n) && dateStyles.has(style)) return serialToText(n);
      return raw;
    }
  }
}
