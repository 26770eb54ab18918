/** `qda alpha <matrix.csv>`: Krippendorff's alpha for a reliability matrix (coders x units). */
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import type { AlphaLevel, AlphaResult, AlphaValue } from '../../shared/agreement';
import { ALPHA_LEVELS, krippendorffAlpha } from '../../shared/agreement';
import type { Command } from '../main';
import { readInputFile } from '../files';
import { CliError, EXIT, usageError } from '../io';

/** A CSV file as rows of trimmed cells; wrong encodings and empty files are named as such. */
export async function readCsvRows(path: string): Promise<string[][]> {
  const bytes = await readInputFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text; save it as CSV UTF-8 and try again`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new CliError(`${path}, row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const rows = parsed.data.map((row) => row.map((cell) => cell.trim()));
  if (rows.length === 0) throw new CliError(`${path} is empty`);
  return rows;
}

export function isNumber(cell: string): boolean {
  return cell !== '' && Number.isFinite(Number(cell));
}

export function formatNumber(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'undefined';
}

/**
 * Coder names in the first column are recognised when every row starts with a distinct,
 * non-numeric cell that occurs nowhere else in the matrix (so text labels in nominal data
 * are not mistaken for names).
 */
/**
 * A first row of unit names is recognised when it leaves the name cell blank above a column
 * of coder names, or, at the metric levels, when it holds only text where the rest hold numbers.
 */
const HEADER_WORDS = /^(coders?|raters?|annotators?|names?|judges?|units?|id)$/i;

function dropHeader(rows: string[][], level: AlphaLevel): string[][] {
  if (rows.length < 3) return rows;
  const [head, ...rest] = rows as [string[], ...string[][]];
  const namesBelow = rest.every((r) => r[0] !== undefined && r[0] !== '' && !isNumber(r[0]));
  if ((head[0] === '' || HEADER_WORDS.test(head[0] ?? '')) && namesBelow) return rest;
  // Unit ids (u1, u2, ...) are all different and never occur as values, while coders' rows share values.
  const later = new Set(rest.flatMap((r) => r.slice(1)));
  const unitIds = head.slice(1);
  if (namesBelow && unitIds.length > 1 && new Set(unitIds).size === unitIds.length && unitIds.every((c) => c !== '' && !later.has(c))) return rest;
  if (level !== 'nominal') {
    // Every cell must be text: one stray word in a coder's row is an error to report, not a header.
    const allText = head.slice(1).every((c) => c !== '' && !isNumber(c));
    const textIn = (r: string[]) => r.slice(1).some((c) => c !== '' && !isNumber(c));
    if (head.length > 1 && allText && !rest.some(textIn)) return rest;
  }
  return rows;
}

function splitNames(rows: string[][], level: AlphaLevel): { names: string[]; cells: string[][] } {
  const first = rows.map((r) => r[0] ?? '');
  const rest = new Set(rows.flatMap((r) => r.slice(1)));
  const looksLikeNames =
    first.every((c) => c !== '' && !isNumber(c)) &&
    new Set(first).size === first.length &&
    (level !== 'nominal' || first.every((c) => !rest.has(c)));
  if (looksLikeNames) return { names: first, cells: rows.map((r) => r.slice(1)) };
  return { names: rows.map((_, i) => `coder ${i + 1}`), cells: rows };
}

export function alphaText(result: AlphaResult, names: string[]): string {
  const c = result.counts;
  const lines = [
    `Krippendorff's alpha (${result.level}): ${formatNumber(result.alpha)}`,
    `  coders ${names.length} (${names.join(', ')}), units ${c.units}, pairable units ${c.pairableUnits}, pairable values n = ${c.pairableValues}`,
    `  values: ${c.values.map((v, i) => `${v} (${formatNumber(c.valueTotals[i]!, 2).replace(/\.00$/, '')})`).join(', ')}`,
    `  observed disagreement D_o = ${formatNumber(result.observedDisagreement, 6)}, expected D_e = ${formatNumber(result.expectedDisagreement, 6)}`,
  ];
  if (result.reason) lines.push(`  note: ${result.reason}`);
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  summary: "Krippendorff's alpha for a reliability matrix CSV (one row per coder, one column per unit, blank = missing)",
  usage: 'qda alpha <matrix.csv> [--level nominal|ordinal|interval|ratio] [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { level: { type: 'string', default: 'nominal' }, json: { type: 'boolean' } },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one CSV file, e.g. qda alpha ratings.csv --level interval');
    const level = values.level as AlphaLevel;
    if (!ALPHA_LEVELS.includes(level)) throw usageError(`--level must be one of ${ALPHA_LEVELS.join(', ')}; got '${values.level}'`);
    const rows = await readCsvRows(file);
    if (rows.length < 2) throw new CliError(`${file} has ${rows.length} row; alpha needs one row per coder and at least two coders`);
    const { names, cells } = splitNames(dropHeader(rows, level), level);
    const matrix: (AlphaValue | null)[][] = cells.map((row, r) =>
      row.map((cell, u) => {
        if (cell === '') return null;
        if (level === 'nominal') return isNumber(cell) ? Number(cell) : cell;
        if (!isNumber(cell)) throw new CliError(`${file}, row ${r + 1}, unit ${u + 1}: '${cell}' is not a number, which ${level} alpha needs`);
        return Number(cell);
      }),
    );
    const result = krippendorffAlpha(matrix, level);
    io.out(values.json ? `${JSON.stringify({ coders: names, ...result, alpha: finite(result.alpha) }, null, 2)}\n` : alphaText(result, names));
    return EXIT.ok;
  },
};

/** JSON has no NaN: an undefined figure is written as null next to its reason. */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
