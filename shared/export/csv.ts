/**
 * CSV files as bytes: UTF-8 with a byte order mark (without it Excel reads accents and
 * curly quotes as mojibake), formula-like cells neutralised by the analysis module's
 * writer, so every CSV the app writes follows the same rules.
 */
import { matrixToCsv, toCsv } from '../analysis';
import type { Matrix } from '../analysis';
import type { ExcerptTable } from './excerpt-table';

export function excerptsCsv(table: ExcerptTable): Uint8Array {
  return new TextEncoder().encode(toCsv([table.header, ...table.rows], { bom: true }));
}

export function matrixCsv(matrix: Matrix): Uint8Array {
  return new TextEncoder().encode(matrixToCsv(matrix));
}
