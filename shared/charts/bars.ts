/**
 * Grouped horizontal bars: one band per category (a code or theme), one bar per group
 * (e.g. partner, participant). Horizontal, because code names are long and must stay
 * readable without rotating them.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { GroupCounts } from '../analysis/counts';
import type { Chart } from './svg';
import { el, esc, formatNumber, GRID_COLOR, label, legend, MUTED_COLOR, SERIES_COLORS, slug, svgDocument, text } from './svg';

export interface GroupedBarsInput {
  title: string;
  /** What the numbers count, for the axis and description: "excerpts", "cases". */
  unit: string;
  categories: string[];
  groups: string[];
  /** values[category][group] */
  values: number[][];
  width?: number;
  id?: string;
  /** CSS font-family list; the Word report passes its own font so the chart matches the text. */
  fontFamily?: string;
}

export function groupedBars(input: GroupedBarsInput): Chart {
  const width = input.width ?? 640;
  const { categories, groups, values } = input;
  const fontSize = 12;
  const labelWidth = Math.min(200, width * 0.32);
  const left = 16 + labelWidth + 8;
  const right = 48;
  const legendBlock = groups.length > 1 ? legend(groups.map((g, i) => ({ label: g, color: SERIES_COLORS[i % SERIES_COLORS.length]! })), 16, 52, width - 32) : null;
  const top = 44 + (legendBlock ? legendBlock.height + 8 : 0);
  const barHeight = groups.length > 3 ? 10 : 14;
  const bandHeight = Math.max(22, groups.length * barHeight + 10);
  const plotHeight = Math.max(bandHeight, categories.length * bandHeight);
  const height = top + plotHeight + 44;
  const max = Math.max(1, ...values.flat());
  const x = scaleLinear().domain([0, max]).nice().range([left, width - right]);
  const y = scaleBand().domain(categories.map((_, i) => String(i))).range([top, top + plotHeight]).paddingInner(0.2).paddingOuter(0.1);
  const inner = scaleBand().domain(groups).range([0, y.bandwidth()]).padding(0.08);

  const parts: string[] = [];
  for (const tick of x.ticks(Math.min(6, max))) {
    if (!Number.isInteger(tick)) continue;
    const tx = x(tick);
    parts.push(el('line', { x1: tx, x2: tx, y1: top, y2: top + plotHeight, stroke: GRID_COLOR }));
    parts.push(text(tx, top + plotHeight + 16, formatNumber(tick), { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED_COLOR }));
  }
  parts.push(text((left + width - right) / 2, top + plotHeight + 36, `Number of ${input.unit}`, { 'font-size': 12, 'text-anchor': 'middle', fill: MUTED_COLOR }));
  categories.forEach((cat, c) => {
    const by = y(String(c))!;
    parts.push(label(left - 8, by + y.bandwidth() / 2 + 4, cat, labelWidth, fontSize, { 'text-anchor': 'end' }));
    groups.forEach((g, gi) => {
      const v = values[c]?.[gi] ?? 0;
      const bx = x(0);
      const w = Math.max(0, x(v) - bx);
      const yy = by + inner(g)!;
      parts.push(
        el(
          'rect',
          { x: bx, y: yy, width: w, height: inner.bandwidth(), fill: SERIES_COLORS[gi % SERIES_COLORS.length]! },
          el('title', {}, esc(`${cat}, ${g}: ${formatNumber(v)} ${input.unit}`)),
        ),
      );
      if (inner.bandwidth() >= 9) {
        parts.push(text(bx + w + 4, yy + inner.bandwidth() / 2 + 4, formatNumber(v), { 'font-size': Math.min(11, inner.bandwidth()), fill: MUTED_COLOR }));
      }
    });
  });
  parts.push(el('line', { x1: x(0), x2: x(0), y1: top, y2: top + plotHeight, stroke: '#888888' }));
  const desc = `Grouped bar chart of ${input.unit} for ${categories.length} ${categories.length === 1 ? 'item' : 'items'}${groups.length > 1 ? `, split by ${groups.join(', ')}` : ''}.`;
  const id = input.id ?? slug(input.title);
  return {
    title: input.title,
    width,
    height,
    svg: svgDocument({
      id,
      width,
      height,
      title: input.title,
      desc,
      body: (legendBlock?.svg ?? '') + parts.join(''),
      ...(input.fontFamily ? { fontFamily: input.fontFamily } : {}),
    }),
    table: {
      caption: `${input.title} (${input.unit})`,
      columns: ['', ...groups],
      rows: categories.map((cat, c) => [cat, ...groups.map((_, gi) => values[c]?.[gi] ?? 0)]),
    },
  };
}

/** Frequency by group straight from countByGroup, one band per code. */
export function frequencyChart(counts: GroupCounts, title: string, options: { width?: number; id?: string } = {}): Chart {
  return groupedBars({
    title,
    unit: counts.unit,
    categories: counts.rows.map((r) => r.codeName),
    groups: counts.groups.map((g) => counts.groupLabels[g] ?? g),
    values: counts.rows.map((r) => counts.groups.map((g) => r.byGroup[g] ?? 0)),
    ...options,
  });
}
