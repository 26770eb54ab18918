/**
 * Saturation curve: codes found so far after each transcript, stacked by origin, with the
 * new codes per transcript as small bars beneath. A flat top means new transcripts stopped
 * adding codes.
 */
import { area, stack } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { SaturationPoint } from '../analysis/saturation';
import { ORIGINS } from '../analysis/saturation';
import type { CodeOrigin } from '../model/schema';
import type { Chart } from './svg';
import { el, esc, formatNumber, GRID_COLOR, legend, MUTED_COLOR, slug, svgDocument, text } from './svg';

export const ORIGIN_COLORS: Record<CodeOrigin, string> = { deductive: '#4e79a7', inductive: '#f28e2b', 'in-vivo': '#59a14f' };

export function saturationChart(points: SaturationPoint[], options: { title?: string; width?: number; height?: number; id?: string } = {}): Chart {
  const title = options.title ?? 'New codes per transcript (saturation)';
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const key = legend(ORIGINS.map((o) => ({ label: o, color: ORIGIN_COLORS[o] })), 16, 52, width - 32);
  const top = 52 + key.height + 8;
  const left = 52;
  const right = 24;
  const bottom = height - 44;
  const barZone = 50;
  const curveBottom = bottom - barZone - 26;
  const n = points.length;
  // Half a step of room each side, so the first and last bars sit inside the axis.
  const x = scaleLinear().domain([0.5, Math.max(1, n) + 0.5]).range([left, width - right]);
  const y = scaleLinear().domain([0, Math.max(1, ...points.map((p) => p.cumulativeTotal))]).nice().range([curveBottom, top]);
  const yNew = scaleLinear().domain([0, Math.max(1, ...points.map((p) => p.newTotal))]).range([bottom, bottom - barZone]);
  const parts: string[] = [key.svg];
  for (const tick of y.ticks(5)) {
    if (!Number.isInteger(tick)) continue;
    parts.push(el('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: GRID_COLOR }));
    parts.push(text(left - 6, y(tick) + 4, formatNumber(tick), { 'font-size': 11, 'text-anchor': 'end', fill: MUTED_COLOR }));
  }
  const series = stack<SaturationPoint, CodeOrigin>()
    .keys([...ORIGINS])
    .value((p, k) => p.cumulative[k])(points);
  const shape = area<[number, number] & { data: SaturationPoint }>()
    .x((d) => x(d.data.position))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  for (const s of series) {
    parts.push(el('path', { d: shape(s as never) ?? '', fill: ORIGIN_COLORS[s.key], 'fill-opacity': 0.85, stroke: '#ffffff', 'stroke-width': 0.5 }));
  }
  parts.push(text(left, top - 6, 'Codes found so far', { 'font-size': 11, fill: MUTED_COLOR }));
  // New codes per transcript, stacked by origin, below the curve.
  const bw = Math.max(1, Math.min(18, ((width - left - right) / Math.max(1, n)) * 0.7));
  for (const p of points) {
    let base = 0;
    for (const o of ORIGINS) {
      const v = p.newCodes[o];
      if (!v) continue;
      parts.push(
        el(
          'rect',
          { x: x(p.position) - bw / 2, y: yNew(base + v), width: bw, height: yNew(base) - yNew(base + v), fill: ORIGIN_COLORS[o] },
          el('title', {}, esc(`${p.sourceName}: ${v} new ${o} ${v === 1 ? 'code' : 'codes'}`)),
        ),
      );
      base += v;
    }
  }
  parts.push(text(left, bottom - barZone - 6, 'New codes in each transcript', { 'font-size': 11, fill: MUTED_COLOR }));
  parts.push(el('line', { x1: left, x2: width - right, y1: bottom, y2: bottom, stroke: '#888888' }));
  const every = Math.max(1, Math.ceil(n / 12));
  for (const p of points) {
    if ((p.position - 1) % every !== 0 && p.position !== n) continue;
    parts.push(text(x(p.position), bottom + 14, String(p.position), { 'font-size': 11, 'text-anchor': 'middle', fill: MUTED_COLOR }));
  }
  parts.push(text((left + width - right) / 2, bottom + 32, 'Transcripts, in order', { 'font-size': 12, 'text-anchor': 'middle', fill: MUTED_COLOR }));
  const last = points[n - 1];
  const id = options.id ?? slug(title);
  return {
    title,
    width,
    height,
    svg: svgDocument({
      id,
      width,
      height,
      title,
      desc: `Cumulative codes over ${n} transcripts by origin${last ? `, reaching ${last.cumulativeTotal}` : ''}; bars show new codes per transcript.`,
      body: parts.join(''),
    }),
    table: {
      caption: title,
      columns: ['#', 'Source', ...ORIGINS.map((o) => `New ${o}`), 'New total', 'Codes so far'],
      rows: points.map((p) => [p.position, p.sourceName, ...ORIGINS.map((o) => p.newCodes[o]), p.newTotal, p.cumulativeTotal]),
    },
  };
}
