/**
 * CSV for spreadsheets. Written here rather than with papaparse because its typings pull
 * Node's into shared/, which would let Node globals type-check in the pure core; quoting
 * per RFC 4180 is a few lines.
 *
 * Excel runs a cell starting with = + - @ (or tab / carriage return) as a formula, so a
 * participant's words like "-no services-" or "=cmd|..." could execute; such cells get
 * a leading apostrophe, which Excel shows as text and hides.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows to CSV text with CRLF line ends. Numbers stay numbers (a negative count cannot
 * occur, and a number is not a formula), strings are neutralised. `bom` prefixes the
 * UTF-8 byte order mark that Excel needs to read accents correctly.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { bom?: boolean } = {}): string {
  const body = rows
    .map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : quote(neutraliseCell(cell ?? '')))).join(','))
    .join('\r\n');
  return (options.bom ? '\uFEFF' : '') + body + '\r\n';
}
