/** `qda agreement <project.qdpx>`: how far the project's coders agree, per code, per source and overall. */
import { parseArgs } from 'node:util';
import type { AgreementUnit, CharComparison, Comparison, SegmentComparison, UnitComparison } from '../../shared/agreement';
import { AGREEMENT_UNITS, DEFAULT_OVERLAP_PERCENT, compareCoders, comparisonTable, countOf, describeComparison, fixedFigure, percentFigure } from '../../shared/agreement';
import { toCsv } from '../../shared/analysis/csv';
import type { Coder, Project } from '../../shared/model/schema';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { readProjectFile } from '../project-file';
import { finite } from './alpha';

function pickCoders(project: Project, wanted: string | undefined, file: string): Coder[] {
  const people = project.coders.filter((c) => !c.isConsensus);
  if (!wanted) {
    if (people.length < 2) throw new CliError(`${file} has ${people.length} coder${people.length === 1 ? '' : 's'}; agreement needs two`);
    return people;
  }
  return wanted.split(',').map((raw) => {
    const name = raw.trim().toLowerCase();
    const coder = project.coders.find((c) => c.id === name || c.name.toLowerCase() === name);
    if (!coder) throw new CliError(`${file} has no coder '${raw.trim()}'; its coders are ${project.coders.map((c) => c.name).join(', ')}`);
    return coder;
  });
}

const pct = (x: number) => percentFigure(x, 'n/a');
const formatNumber = (x: number) => fixedFigure(x, 3);

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(header), ...rows.map(line)];
}

function scopeLines(c: Comparison): string[] {
  const lines = [`Coders: ${c.coders.map((x) => x.name).join(' vs ')}; ${countOf(c.sources.length, 'source')} compared, ${countOf(c.codes.length, 'code')}.`];
  for (const s of c.skippedSources) lines.push(`  left out: ${s.name} (${s.reason})`);
  return lines;
}

/** The scope, then the per-code, per-source and overall tables: how every unit's text is laid out. */
function sections<P extends { id: string }, O>(
  c: Comparison & { perCode: readonly P[]; perSource: readonly P[]; overall: O },
  header: string[],
  row: (name: string, s: P | O) => string[],
  labels: { perCode: string; perSource: string; overall: string },
): string[] {
  const names = new Map([...c.codes, ...c.sources].map((x) => [x.id, x.name]));
  return [
    ...scopeLines(c),
    '',
    labels.perCode,
    ...table(header, c.perCode.map((s) => row(names.get(s.id) ?? s.id, s))),
    '',
    labels.perSource,
    ...table(header, c.perSource.map((s) => row(names.get(s.id) ?? s.id, s))),
    '',
    ...table(header, [row(labels.overall, c.overall)]),
  ];
}

function charText(c: CharComparison): string {
  const row = (name: string, s: CharComparison['overall']) => [
    name,
    formatNumber(s.pooled.kappa),
    pct(s.pooled.percentAgreement),
    String(s.pooled.both),
    String(s.pooled.aOnly),
    String(s.pooled.bOnly),
    String(s.pooled.neither),
    formatNumber(s.meanKappa),
  ];
  const header = ['', 'kappa', 'agree', 'both', 'A only', 'B only', 'neither', 'mean kappa'];
  return [
    `Character agreement (${c.universe === 'all' ? 'all text' : 'only text at least one coder coded'}), as NVivo's coding comparison.`,
    ...sections(c, header, row, {
      perCode: 'Per code (counts pooled over sources; mean kappa over sources where either coder applied the code):',
      perSource: 'Per source (pooled over codes):',
      overall: 'Overall (pooled; mean of codes)',
    }),
  ].join('\n');
}

function segmentText(c: SegmentComparison): string {
  const row = (name: string, s: SegmentComparison['overall']) => [
    name,
    pct(s.pooled.percentAgreement),
    String(s.pooled.agreements),
    String(s.pooled.disagreements),
    `${s.pooled.aMatched}/${s.pooled.aSegments}`,
    `${s.pooled.bMatched}/${s.pooled.bSegments}`,
  ];
  const header = ['', 'agree', 'agreements', 'disagreements', 'A matched', 'B matched'];
  return [
    `Segment agreement: a segment agrees when the other coder applied the same code to a segment overlapping it by at least ${c.overlapPercent}% (as MAXQDA).`,
    ...sections(c, header, row, { perCode: 'Per code:', perSource: 'Per source:', overall: 'Overall' }),
  ].join('\n');
}

function unitText(c: UnitComparison): string {
  const header = ['', 'alpha', 'units', ...c.coders.map((_, k) => `${k + 1} coded`), 'none coded'];
  const row = (name: string, s: { histogram: number[]; result: UnitComparison['overall']['result'] }) => [
    name,
    formatNumber(s.result.alpha),
    String(s.histogram.reduce((a, b) => a + b, 0)),
    ...s.histogram.slice(1).map(String),
    String(s.histogram[0]),
  ];
  return [
    `Krippendorff's alpha (nominal) over ${c.unit}s: a coder's value for a ${c.unit} is whether they applied the code anywhere in it.`,
    ...sections(c, header, row, { perCode: 'Per code:', perSource: 'Per source (every code x unit pair):', overall: 'Overall (pooled)' }),
    `  mean of per-code alphas: ${formatNumber(c.overall.meanAlpha)} over ${c.overall.codesAveraged} codes`,
  ].join('\n');
}

/** JSON cannot hold NaN; undefined figures become null (their reasons stay alongside). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? finite(v) : v), 2);
}

export const command: Command = {
  summary: "inter-coder agreement: kappa and % agreement on characters (NVivo), segments (MAXQDA), or alpha over turns/sentences",
  usage: 'qda agreement <project.qdpx> [--coders A,B] [--unit char|segment|turn|sentence] [--overlap 90] [--coded-only] [--json | --csv]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        coders: { type: 'string' },
        unit: { type: 'string', default: 'char' },
        overlap: { type: 'string', default: String(DEFAULT_OVERLAP_PERCENT) },
        'coded-only': { type: 'boolean' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one project file, e.g. qda agreement team.qdpx --coders Ana,Ben');
    const unit = values.unit as AgreementUnit;
    if (!AGREEMENT_UNITS.includes(unit)) throw usageError(`--unit must be one of ${AGREEMENT_UNITS.join(', ')}; got '${values.unit}'`);
    const overlap = Number(values.overlap);
    if (!(overlap > 0 && overlap <= 100)) throw usageError(`--overlap must be a percentage above 0 and at most 100; got '${values.overlap}'`);
    const project = await readProjectFile(file);
    const coders = pickCoders(project, values.coders, file);
    if (coders.length < 2) throw usageError('--coders needs at least two coders, e.g. --coders Ana,Ben');
    // Characters and segments compare pairs; with more coders, every pair is reported.
    const groups =
      unit === 'char' || unit === 'segment'
        ? coders.flatMap((a, i) => coders.slice(i + 1).map((b) => [a, b]))
        : [coders];
    const results = groups.map((group) =>
      compareCoders(project, {
        coderIds: group.map((c) => c.id),
        unit,
        overlapPercent: overlap,
        universe: values['coded-only'] ? 'coded' : 'all',
      }),
    );
    if (values.json) {
      io.out(`${toJson(results.length === 1 ? results[0] : results)}\n`);
      return EXIT.ok;
    }
    if (values.csv) {
      // One table per pair, each headed by who is compared, so several pairs stay apart in a spreadsheet.
      io.out(results.map((r) => toCsv([[r.coders.map((c) => c.name).join(' vs ')], ...comparisonTable(r)])).join('\n'));
      return EXIT.ok;
    }
    const texts = results.map((r) => {
      const tables = r.sources.length === 0 ? scopeLines(r).join('\n') : r.unit === 'char' ? charText(r) : r.unit === 'segment' ? segmentText(r) : unitText(r);
      return `${tables}\n\nIn words: ${describeComparison(r)}`;
    });
    io.out(`${texts.join('\n\n')}\n`);
    return EXIT.ok;
  },
};
