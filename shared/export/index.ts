/** Tabular exports: coded excerpts to CSV and XLSX, matrices to CSV. */
export type { ExcerptTable, ExcerptTableQuery } from './excerpt-table';
export { excerptTable } from './excerpt-table';
export { excerptsCsv, matrixCsv } from './csv';
export { excerptsXlsx } from './xlsx';
