/**
 * `qda matrix <project.qdpx> --by ATTR [--unit excerpts|sources|cases] [--csv]`: codes
 * against attribute values (or sources, or each other), counted exactly as the app and
 * the report count them.
 */
import { parseArgs } from 'node:util';
import type { CountUnit, Matrix } from '../../shared/analysis';
import { buildAnalysisIndex, coOccurrenceMatrix, codeAttributeMatrix, codeSourceMatrix, COUNT_UNITS, matrixToCsv } from '../../shared/analysis';
import type { Command } from '../main';
import { EXIT, usageError } from '../io';
import { readProjectFile } from '../project-file';
import { analysisFilter, resolveCodes, resolveTheme, withAnalysisErrors } from './analysis-args';

/** A plain-text table: first column left-aligned, numbers right-aligned. */
function table(m: Matrix): string {
  const header = [`${m.title} (${m.unit})`, ...m.columns.map((c) => c.label), ...(m.rowTotals ? ['Total'] : [])];
  const rows = m.rows.map((r, i) => [r.label, ...m.cells[i]!.map(String), ...(m.rowTotals ? [String(m.rowTotals[i])] : [])]);
  if (m.columnTotals) rows.push([m.columnTotalsLabel ?? 'Total', ...m.columnTotals.map(String), ...(m.rowTotals ? [String(m.grandTotal ?? '')] : [])]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return `${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}

// Every command has this shape (summary, usage, parseArgs); the options and what run() does are its own.
export const command: Command = {
  summary: 'print a code x attribute (or code x source, or co-occurrence) matrix, as a table or CSV',
  usage:
    'qda matrix <project.qdpx> (--by ATTR | --by source | --cooccurrence overlap|turn) [--unit excerpts|sources|cases] ' +
    '[--code NAME ... | --theme NAME] [--where ATTR=VALUE ...] [--coder NAME ...] [--include-interviewer] [--csv]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        by: { type: 'string' },
        cooccurrence: { type: 'string' },
        unit: { type: 'string' },
        code: { type: 'string', multiple: true },
        theme: { type: 'string' },
        where: { type: 'string', multiple: true },
        coder: { type: 'string', multiple: true },
        'include-interviewer': { type: 'boolean' },
        csv: { type: 'boolean' },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one project file, e.g. qda matrix study.qdpx --by site');
    if (!values.by === !values.cooccurrence) throw usageError('give either --by ATTRIBUTE (or --by source) or --cooccurrence overlap|turn');
    const unit = (values.unit ?? 'excerpts') as CountUnit;
    if (!COUNT_UNITS.includes(unit)) throw usageError(`--unit must be one of ${COUNT_UNITS.join(', ')}`);
    if (values.cooccurrence && values.cooccurrence !== 'overlap' && values.cooccurrence !== 'turn') {
      throw usageError('--cooccurrence must be overlap or turn');
    }
    const project = await readProjectFile(file);
    const index = buildAnalysisIndex(project);
    const codeIds = values.code?.length ? resolveCodes(index, values.code, file) : undefined;
    const themeId = values.theme ? resolveTheme(index, values.theme, file) : undefined;
    const scope = { ...(codeIds ? { codeIds } : {}), ...(themeId ? { themeId } : {}), filter: analysisFilter(index, file, values) };
    const matrix = withAnalysisErrors(file, () => {
      if (values.cooccurrence) return coOccurrenceMatrix(index, { ...scope, scope: values.cooccurrence as 'overlap' | 'turn' });
      if (values.by!.toLowerCase() === 'source') {
        if (unit === 'sources') throw usageError('--by source counts excerpts or cases, not sources');
        return codeSourceMatrix(index, { ...scope, unit });
      }
      return codeAttributeMatrix(index, { ...scope, attribute: values.by!, unit });
    });
    io.out(values.csv ? matrixToCsv(matrix) : table(matrix));
    return EXIT.ok;
  },
};
