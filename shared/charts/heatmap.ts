/**
 * Co-occurrence heatmap. With hundreds of codes no heatmap is readable, so it shows the
 * codes with the most co-occurrence (maxCodes) and says so in its description.
 */
import { interpolateBlues } from 'd3-scale-chromatic';
import { scaleSequential } from 'd3-scale';
import type { Matrix } from '../analysis/matrices';
import type { Chart } from './svg';
import { el, esc, formatNumber, label, MUTED_COLOR, slug, svgDocument, text, textWidth } from './svg';

export function cooccurrenceHeatmap(matrix: Matrix, options: { title?: string; width?: number; maxCodes?: number; id?: string } = {}): Chart {
  const title = options.title ?? matrix.title;
  const width = options.width ?? 640;
  const keep = topCodes(matrix, options.maxCodes ?? 24);
  const n = keep.length;
  const paths = keep.map((i) => matrix.rows[i]!.label);
  const names = leafNames(paths);
  const off = (a: number, b: number) => (a === b ? 0 : (matrix.cells[keep[a]!]![keep[b]!] ?? 0));
  const max = Math.max(1, ...keep.flatMap((_, a) => keep.map((__, b) => off(a, b))));
  const color = scaleSequential(interpolateBlues).domain([0, max]);
  const labelWidth = Math.min(170, width * 0.3);
  const left = 16 + labelWidth + 6;
  // Column labels run at -45 degrees, or upright when the columns are too narrow for slanted
  // labels not to touch; the longest label sets the room above the grid (and to its right).
  const columnLabel = Math.min(130, Math.max(0, ...names.map((s) => textWidth(s, 12))));
  const slanted = n > 0 && Math.floor((width - left - 16 - columnLabel * 0.7) / n) >= 20;
  const cell = n ? Math.max(8, Math.min(40, Math.floor((width - left - 16 - (slanted ? columnLabel * 0.7 : 0)) / n))) : 0;
  const top = 44 + columnLabel * (slanted ? 0.72 : 1) + 8;
  const fontSize = Math.max(9, Math.min(12, cell - 2));
  const legendTop = top + n * cell + 18;
  const height = legendTop + 44;
  const parts: string[] = [];
  names.forEach((name, i) => {
    parts.push(label(left - 6, top + i * cell + cell / 2 + fontSize / 3, name, labelWidth, fontSize, { 'text-anchor': 'end' }));
    const cx = left + i * cell + cell / 2;
    parts.push(label(0, 0, name, columnLabel, fontSize, { transform: `translate(${cx + fontSize / 3},${top - 6}) rotate(${slanted ? -45 : -90})` }));
  });
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const diagonal = a === b;
      const v = diagonal ? (matrix.cells[keep[a]!]![keep[a]!] ?? 0) : off(a, b);
      const fill = diagonal ? '#f1f1f1' : color(v);
      parts.push(
        el(
          'rect',
          { x: left + b * cell, y: top + a * cell, width: cell - 1, height: cell - 1, fill },
          el('title', {}, esc(diagonal ? `${names[a]}: ${formatNumber(v)} on its own` : `${names[a]} with ${names[b]}: ${formatNumber(v)} ${matrix.unit}`)),
        ),
      );
      if (cell >= 22 && (v > 0 || diagonal)) {
        const dark = !diagonal && v > max * 0.6;
        parts.push(text(left + b * cell + cell / 2 - 0.5, top + a * cell + cell / 2 + 4, formatNumber(v), { 'font-size': 10, 'text-anchor': 'middle', fill: dark ? '#ffffff' : diagonal ? MUTED_COLOR : '#222222' }));
      }
    }
  }
  // Colour key: a stepped ramp from 0 to the maximum.
  const steps = 8;
  const keyWidth = 160;
  for (let s = 0; s < steps; s++) {
    parts.push(el('rect', { x: left + (s * keyWidth) / steps, y: legendTop, width: keyWidth / steps, height: 10, fill: color((max * (s + 0.5)) / steps) }));
  }
  parts.push(text(left, legendTop + 24, '0', { 'font-size': 11, fill: MUTED_COLOR }));
  parts.push(text(left + keyWidth, legendTop + 24, formatNumber(max), { 'font-size': 11, 'text-anchor': 'end', fill: MUTED_COLOR }));
  parts.push(text(left + keyWidth + 12, legendTop + 9, `${matrix.unit} (diagonal: the code alone)`, { 'font-size': 11, fill: MUTED_COLOR }));
  const shown = n < matrix.rows.length ? ` Showing the ${n} codes with the most co-occurrence of ${matrix.rows.length}.` : '';
  const id = options.id ?? slug(title);
  return {
    title,
    width,
    height,
    svg: svgDocument({ id, width, height, title, desc: `Heatmap of ${matrix.unit} between pairs of codes; darker is more.${shown}`, body: parts.join('') }),
    table: { caption: `${title} (${matrix.unit})`, columns: ['', ...paths], rows: keep.map((i, a) => [paths[a]!, ...keep.map((j) => matrix.cells[i]![j] ?? 0)]) },
  };
}

/** The last part of each code path ("Barriers / Waitlists" -> "Waitlists"), unless that would make two labels alike. */
export function leafNames(paths: string[]): string[] {
  const leaves = paths.map((p) => p.split(' / ').at(-1)!);
  return leaves.map((leaf, i) => (leaves.indexOf(leaf) !== leaves.lastIndexOf(leaf) ? paths[i]! : leaf));
}

/** Indexes of the codes with the largest off-diagonal totals, in their original order. */
export function topCodes(matrix: Matrix, max: number): number[] {
  const totals = matrix.rows.map((_, i) => ({ i, t: matrix.cells[i]!.reduce((s, v, j) => s + (i === j ? 0 : v), 0) }));
  const chosen = totals
    .filter((x) => x.t > 0)
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .slice(0, max)
    .map((x) => x.i);
  return (chosen.length ? chosen : totals.slice(0, max).map((x) => x.i)).sort((a, b) => a - b);
}
