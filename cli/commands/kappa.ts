/** `qda kappa <pairs.csv>`: Cohen's kappa and percent agreement for two coders' labels. */
import { parseArgs } from 'node:util';
import type { KappaResult } from '../../shared/agreement';
import { cohenKappaFromLabels } from '../../shared/agreement';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { finite, formatNumber, readCsvRows } from './alpha';

/** A first row is a header when neither of its cells occurs again in its column. */
function hasHeader(rows: string[][]): boolean {
  if (rows.length < 3) return false;
  const [a, b] = rows[0]!;
  return !!a && !!b && rows.slice(1).every((r) => r[0] !== a && r[1] !== b);
}

export function kappaText(result: KappaResult, names: [string, string]): string {
  const width = Math.max(8, ...result.categories.map((c) => c.length)) + 2;
  const lines = [
    `Cohen's kappa: ${formatNumber(result.kappa)}  (percent agreement ${formatNumber(result.percentAgreement * 100, 1)}%, chance agreement ${formatNumber(result.expectedAgreement * 100, 1)}%)`,
    `  ${result.n} units compared${result.skipped ? `, ${result.skipped} skipped (a label missing)` : ''}`,
    '',
    `  rows: ${names[0]}, columns: ${names[1]}`,
    `  ${''.padEnd(width)}${result.categories.map((c) => c.padStart(width)).join('')}`,
    ...result.table.map((row, i) => `  ${result.categories[i]!.padEnd(width)}${row.map((x) => String(x).padStart(width)).join('')}`),
  ];
  if (result.reason) lines.push('', `  note: ${result.reason}`);
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  summary: "Cohen's kappa for two coders from a CSV of label pairs (column 1: coder A, column 2: coder B)",
  usage: 'qda kappa <pairs.csv> [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one CSV file, e.g. qda kappa pairs.csv');
    const rows = await readCsvRows(file);
    // A third column is as wrong as a missing one: silently ignoring it would hide a misread file.
    const bad = rows.findIndex((r) => r.length !== 2);
    if (bad >= 0)
      throw new CliError(`${file}, row ${bad + 1}: expected two columns (coder A's label, coder B's label), found ${rows[bad]!.length}`);
    const header = hasHeader(rows);
    const names: [string, string] = header ? [rows[0]![0]!, rows[0]![1]!] : ['coder A', 'coder B'];
    const data = header ? rows.slice(1) : rows;
    const result = cohenKappaFromLabels(data.map((r) => r[0]!), data.map((r) => r[1]!));
    if (result.n === 0) throw new CliError(`${file} has no row with both labels`);
    io.out(
      values.json
        ? `${JSON.stringify({ coders: names, ...result, kappa: finite(result.kappa) }, null, 2)}\n`
        : kappaText(result, names),
    );
    return EXIT.ok;
  },
};
