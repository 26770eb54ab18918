/**
 * Coding density per source: a column per transcript (codings per 1,000 words), with the
 * share of text coded as a line of dots, so thinly coded transcripts stand out.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { SourceDensity } from '../analysis/density';
import type { Chart } from './svg';
import { el, esc, formatNumber, GRID_COLOR, label, legend, MUTED_COLOR, SERIES_COLORS, slug, svgDocument, text, textWidth } from './svg';

export function densityChart(rows: SourceDensity[], options: { title?: string; width?: number; height?: number; id?: string } = {}): Chart {
  const title = options.title ?? 'Coding density per source';
  const width = options.width ?? 640;
  const showLabels = rows.length <= 40;
  const longest = Math.max(0, ...rows.map((r) => textWidth(r.sourceName, 11)));
  // Labels run at -60 degrees, so a label of width w needs about 0.87 w below the axis.
  const labelWidth = Math.min(170, longest);
  const labelSpace = showLabels ? Math.ceil(labelWidth * 0.87) + 16 : 24;
  const height = options.height ?? 320 + labelSpace;
  const key = legend(
    [
      { label: 'Codings per 1,000 words', color: SERIES_COLORS[0]! },
      { label: '% of text coded', color: SERIES_COLORS[1]! },
    ],
    16,
    52,
    width - 32,
  );
  const top = 52 + key.height + 10;
  const left = 52;
  const right = 52;
  const bottom = height - labelSpace - 10;
  const x = scaleBand().domain(rows.map((r) => r.sourceId)).range([left, width - right]).padding(0.2);
  const y = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.perThousandWords))]).nice().range([bottom, top]);
  const y2 = scaleLinear().domain([0, 100]).range([bottom, top]);
  const parts: string[] = [key.svg];
  for (const tick of y.ticks(5)) {
    parts.push(el('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: GRID_COLOR }));
    parts.push(text(left - 6, y(tick) + 4, formatNumber(tick), { 'font-size': 11, 'text-anchor': 'end', fill: MUTED_COLOR }));
  }
  for (const tick of [0, 25, 50, 75, 100]) {
    parts.push(text(width - right + 6, y2(tick) + 4, `${tick}%`, { 'font-size': 11, fill: SERIES_COLORS[1]! }));
  }
  rows.forEach((r, i) => {
    const bx = x(r.sourceId)!;
    parts.push(
      el(
        'rect',
        { x: bx, y: y(r.perThousandWords), width: x.bandwidth(), height: bottom - y(r.perThousandWords), fill: SERIES_COLORS[0]! },
        el('title', {}, esc(`${r.sourceName}: ${formatNumber(r.codings)} codings, ${formatNumber(r.perThousandWords)} per 1,000 words, ${Math.round(r.coverage * 100)}% coded`)),
      ),
    );
    parts.push(el('circle', { cx: bx + x.bandwidth() / 2, cy: y2(r.coverage * 100), r: Math.min(4, Math.max(2, x.bandwidth() / 3)), fill: SERIES_COLORS[1]!, stroke: '#ffffff' }));
    if (showLabels) {
      const lx = bx + x.bandwidth() / 2 + 4;
      parts.push(label(0, 0, r.sourceName, labelWidth, 11, { transform: `translate(${lx},${bottom + 8}) rotate(-60)`, 'text-anchor': 'end' }));
    } else if (i % Math.ceil(rows.length / 10) === 0) {
      parts.push(text(bx + x.bandwidth() / 2, bottom + 14, String(i + 1), { 'font-size': 10, 'text-anchor': 'middle', fill: MUTED_COLOR }));
    }
  });
  parts.push(el('line', { x1: left, x2: width - right, y1: bottom, y2: bottom, stroke: '#888888' }));
  if (!showLabels) parts.push(text((left + width - right) / 2, height - 10, 'Sources in import order', { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED_COLOR }));
  const id = options.id ?? slug(title);
  return {
    title,
    width,
    height,
    svg: svgDocument({ id, width, height, title, desc: `Codings per 1,000 words and share of text coded for ${rows.length} sources.`, body: parts.join('') }),
    table: {
      caption: title,
      columns: ['Source', 'Codings', 'Codes', 'Per 1,000 words', '% coded'],
      rows: rows.map((r) => [r.sourceName, r.codings, r.codes, Math.round(r.perThousandWords * 10) / 10, Math.round(r.coverage * 1000) / 10]),
    },
  };
}
