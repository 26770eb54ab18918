/**
 * An agreement result in words and as a table, for a methods section or a spreadsheet:
 * the figure, how it was computed, and the counts behind it.
 */
import type { CharComparison, Comparison, SegmentComparison, UnitComparison } from './compare';
import { countOf as plural, fixedFigure, percentFigure as pct } from './format';

const two = (x: number) => fixedFigure(x, 2);
const int = (n: number) => n.toLocaleString('en');

function coders(c: Comparison): string {
  const names = c.coders.map((x) => x.name);
  const who = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.length === 2 ? 'Two' : int(names.length)} coders (${who})`;
}

function opening(c: Comparison): string {
  return `${coders(c)} coded the same ${c.sources.length === 1 ? 'source' : plural(c.sources.length, 'source')} independently.`;
}

/** The lowest and highest per-code figure, named, so a reader sees the spread behind an average. */
function range(values: { name: string; value: number }[]): string {
  const finite = values.filter((v) => Number.isFinite(v.value)).sort((a, b) => a.value - b.value);
  if (finite.length < 2) return '';
  const lo = finite[0]!;
  const hi = finite[finite.length - 1]!;
  // Every code at the same figure has no spread to name.
  if (two(lo.value) === two(hi.value)) return '';
  return `, ranging from ${two(lo.value)} (${lo.name}) to ${two(hi.value)} (${hi.name})`;
}

export function describeComparison(c: Comparison): string {
  const names = new Map(c.codes.map((x) => [x.id, x.name]));
  if (c.sources.length === 0) return `${coders(c)} have no source that all of them coded, so agreement could not be measured.`;
  if (c.unit === 'char') {
    const p = c.overall.pooled;
    return (
      `${opening(c)} Agreement was measured per code and source at the character level, as in NVivo's coding comparison ` +
      `(${c.universe === 'all' ? 'counting all text' : 'counting only text that at least one coder coded'}). ` +
      `Across ${plural(c.codes.length, 'code')}, pooled Cohen's kappa was ${two(p.kappa)} (percent agreement ${pct(p.percentAgreement)}; ` +
      `${int(p.both)} characters coded by both, ${int(p.aOnly + p.bOnly)} by one coder only, ${int(p.neither)} by neither). ` +
      `The mean of the per-code kappas was ${two(c.overall.meanKappa)}${range(c.perCode.map((s) => ({ name: names.get(s.id) ?? s.id, value: s.pooled.kappa })))}.`
    );
  }
  if (c.unit === 'segment') {
    const p = c.overall.pooled;
    return (
      `${opening(c)} Agreement was measured per coded segment, as in MAXQDA: a segment agreed when the other coder had applied the same code ` +
      `to a segment overlapping it by at least ${c.overlapPercent}% (shared text over the text either covers). ` +
      `Of ${plural(p.aSegments + p.bSegments, 'coded segment')} across ${plural(c.codes.length, 'code')}, ${int(p.agreements)} agreed (${pct(p.percentAgreement)}).`
    );
  }
  const r = c.overall.result;
  const unit = c.unit === 'turn' ? 'speaker turn' : 'sentence';
  return (
    `${opening(c)} Agreement was measured with Krippendorff's alpha (nominal) over ${unit}s, each coder's value for a ${unit} being whether ` +
    `they applied the code anywhere in it. Pooled over ${plural(c.codes.length, 'code')} and ${plural(r.counts.units, `${unit}-code pair`)}, ` +
    `alpha was ${two(r.alpha)}; the mean of the per-code alphas was ${two(c.overall.meanAlpha)}` +
    `${range(c.perCode.map((s) => ({ name: names.get(s.id) ?? s.id, value: s.result.alpha })))}.`
  );
}

export type TableCell = string | number | null;

/** Per code, then overall, with every count behind each figure; the first row is the header. */
export function comparisonTable(c: Comparison): TableCell[][] {
  const names = new Map(c.codes.map((x) => [x.id, x.name]));
  const n = (x: number): TableCell => (Number.isFinite(x) ? Number(fixedFigure(x, 6)) : null);
  if (c.unit === 'char') {
    const row = (name: string, s: CharComparison['overall']): TableCell[] => [
      name, n(s.pooled.kappa), n(s.pooled.percentAgreement), s.pooled.both, s.pooled.aOnly, s.pooled.bOnly, s.pooled.neither, n(s.meanKappa), s.rowsAveraged,
    ];
    return [
      ['code', 'kappa (pooled)', 'percent agreement', 'both', 'A only', 'B only', 'neither', 'mean kappa over sources', 'sources averaged'],
      ...c.perCode.map((s) => row(names.get(s.id) ?? s.id, s)),
      row('(overall)', c.overall),
    ];
  }
  if (c.unit === 'segment') {
    const row = (name: string, s: SegmentComparison['overall']): TableCell[] => [
      name, n(s.pooled.percentAgreement), s.pooled.agreements, s.pooled.disagreements, s.pooled.aMatched, s.pooled.aSegments, s.pooled.bMatched, s.pooled.bSegments,
    ];
    return [
      ['code', 'percent agreement', 'agreements', 'disagreements', 'A matched', 'A segments', 'B matched', 'B segments'],
      ...c.perCode.map((s) => row(names.get(s.id) ?? s.id, s)),
      row('(overall)', c.overall),
    ];
  }
  const coders = c.coders.length;
  const row = (name: string, s: { histogram: number[]; result: UnitComparison['overall']['result'] }): TableCell[] => [
    name, n(s.result.alpha), s.histogram.reduce((a, b) => a + b, 0), ...s.histogram.map((x) => x),
  ];
  return [
    ['code', 'alpha', 'units', ...Array.from({ length: coders + 1 }, (_, k) => `units coded by ${k}`)],
    ...c.perCode.map((s) => row(names.get(s.id) ?? s.id, s)),
    row('(overall)', c.overall),
  ];
}
