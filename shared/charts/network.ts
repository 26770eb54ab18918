/**
 * Co-occurrence network: codes as circles sized by their own count, joined by lines as
 * thick as their co-occurrence. d3-force runs a fixed number of ticks with its seeded
 * random source, so the same matrix always gives the same picture (and the same file).
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { Matrix } from '../analysis/matrices';
import { leafNames, topCodes } from './heatmap';
import type { Chart } from './svg';
import { el, esc, formatNumber, label, MUTED_COLOR, SERIES_COLORS, slug, svgDocument, text } from './svg';

interface Node extends SimulationNodeDatum {
  i: number;
  name: string;
  size: number;
  r: number;
}
interface Link extends SimulationLinkDatum<Node> {
  value: number;
}

export const NETWORK_TICKS = 300;

export function cooccurrenceNetwork(
  matrix: Matrix,
  options: { title?: string; width?: number; height?: number; maxCodes?: number; minLink?: number; maxLinks?: number; id?: string } = {},
): Chart {
  const title = options.title ?? `${matrix.title}: network`;
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const keep = topCodes(matrix, options.maxCodes ?? 24);
  const minLink = options.minLink ?? 1;
  const sizes = keep.map((i) => matrix.cells[i]![i] ?? 0);
  const radius = scaleSqrt().domain([0, Math.max(1, ...sizes)]).range([4, 18]);
  const nodes: Node[] = keep.map((i, k) => ({ i, name: matrix.rows[i]!.label, size: sizes[k]!, r: radius(sizes[k]!) }));
  let links: Link[] = [];
  for (let a = 0; a < keep.length; a++) {
    for (let b = a + 1; b < keep.length; b++) {
      const value = matrix.cells[keep[a]!]![keep[b]!] ?? 0;
      if (value >= minLink) links.push({ source: nodes[a]!, target: nodes[b]!, value });
    }
  }
  // Every code co-occurs a little with every other in a big study; only the strongest links say something.
  const maxLinks = options.maxLinks ?? nodes.length * 2;
  const allLinks = links.length;
  links = links.sort((x, y) => y.value - x.value || 0).slice(0, maxLinks);
  const maxLink = Math.max(1, ...links.map((l) => l.value));
  const top = 44;
  const bottom = height - 30;
  const sim = forceSimulation(nodes)
    .force('link', forceLink<Node, Link>(links).distance(80).strength((l) => 0.2 + (0.6 * l.value) / maxLink))
    .force('charge', forceManyBody().strength(-260))
    .force('center', forceCenter(width / 2, (top + bottom) / 2))
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY((top + bottom) / 2).strength(0.1))
    .force('collide', forceCollide<Node>((d) => d.r + 14))
    .stop();
  for (let t = 0; t < NETWORK_TICKS; t++) sim.tick();

  // Fit the layout into the frame, leaving room for labels on the right of each node.
  const xs = nodes.map((d) => d.x ?? 0);
  const ys = nodes.map((d) => d.y ?? 0);
  const fx = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([40, width - 160]);
  const fy = scaleLinear().domain([Math.min(...ys), Math.max(...ys)]).range([top + 24, bottom - 24]);
  if (nodes.length <= 1) {
    fx.range([width / 2, width / 2]);
    fy.range([(top + bottom) / 2, (top + bottom) / 2]);
  }
  const width_ = scaleLinear().domain([1, maxLink]).range([1, 7]);
  const parts: string[] = [];
  const labels: string[] = [];
  const names = leafNames(nodes.map((d) => d.name));
  for (const l of links) {
    const s = l.source as Node;
    const t = l.target as Node;
    parts.push(
      el(
        'line',
        { x1: fx(s.x ?? 0), y1: fy(s.y ?? 0), x2: fx(t.x ?? 0), y2: fy(t.y ?? 0), stroke: '#9aa7b4', 'stroke-opacity': 0.7, 'stroke-width': width_(l.value) },
        el('title', {}, esc(`${s.name} with ${t.name}: ${formatNumber(l.value)} ${matrix.unit}`)),
      ),
    );
  }
  for (const d of nodes) {
    const cx = fx(d.x ?? 0);
    const cy = fy(d.y ?? 0);
    parts.push(el('circle', { cx, cy, r: d.r, fill: SERIES_COLORS[0]!, stroke: '#ffffff', 'stroke-width': 1.5 }, el('title', {}, esc(`${d.name}: ${formatNumber(d.size)}`))));
    labels.push(label(cx + d.r + 4, cy + 4, names[nodes.indexOf(d)]!, 140, 11));
  }
  // Labels go last, over a white halo drawn as its own text (not every renderer knows paint-order).
  for (const l of labels) parts.push(l.replace('<text ', '<text stroke="#ffffff" stroke-width="3" stroke-linejoin="round" aria-hidden="true" '), l);
  parts.push(text(16, height - 10, `Circle size: the code's own ${matrix.unit === 'turns' ? 'turns' : 'excerpts'}. Line width: ${matrix.unit}.`, { 'font-size': 11, fill: MUTED_COLOR }));
  const id = options.id ?? slug(title);
  const shown = keep.length < matrix.rows.length ? ` Showing ${keep.length} of ${matrix.rows.length} codes.` : '';
  return {
    title,
    width,
    height,
    svg: svgDocument({
      id,
      width,
      height,
      title,
      desc: `Network of ${nodes.length} codes joined by their ${links.length} strongest co-occurrence links${links.length < allLinks ? ` (of ${allLinks})` : ''}.${shown}`,
      body: parts.join(''),
    }),
    table: {
      caption: `${title}: links (${matrix.unit})`,
      columns: ['Code', 'Code', matrix.unit],
      rows: links.sort((a, b) => b.value - a.value).map((l) => [(l.source as Node).name, (l.target as Node).name, l.value]),
    },
  };
}
