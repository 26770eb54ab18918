/**
 * The SVG building blocks every chart shares: escaping, an element writer, the
 * accessible document frame, label fitting and the legend. Charts are strings so the
 * same chart goes to the screen, an .svg file, a PNG and a Word report unchanged.
 */
import { format } from 'd3-format';

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A finished chart: the SVG and the same numbers as a table (shown beside it for screen readers and print). */
export interface Chart {
  title: string;
  width: number;
  height: number;
  svg: string;
  table: ChartTable;
}

// Names unquoted (valid CSS): resvg, which draws the report's charts, ignores a quoted name after
// the first, and fell back to a serif face where Segoe UI and Arial are missing.
export const FONT_FAMILY = 'Segoe UI, Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, sans-serif';
export const TEXT_COLOR = '#222222';
export const MUTED_COLOR = '#5f6368';
export const GRID_COLOR = '#e3e3e3';
/** Tableau 10: distinct, colour-blind tolerant, prints legibly. */
export const SERIES_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    // Control characters other than tab and newline are not allowed in XML at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

type Attrs = Record<string, string | number | undefined | null | false>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${esc(typeof v === 'number' ? round(v) : v)}"`;
  }
  return out;
}

/** Two decimals are plenty for screen and print and keep the files small. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function el(tag: string, a: Attrs, ...children: string[]): string {
  return children.length ? `<${tag}${attrs(a)}>${children.join('')}</${tag}>` : `<${tag}${attrs(a)}/>`;
}

export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, esc(content));
}

/** Rough text width for a sans-serif face; with no DOM to measure, this is what keeps labels inside the frame. */
export function textWidth(s: string, fontSize: number): number {
  let units = 0;
  for (const ch of s) units += /[ilI.,:;'|!]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : /[A-Z0-9]/.test(ch) ? 0.64 : 0.54;
  return units * fontSize;
}

/** The label shortened with an ellipsis to fit the width. */
export function fit(label: string, maxWidth: number, fontSize: number): string {
  if (textWidth(label, fontSize) <= maxWidth) return label;
  const chars = [...label];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** A label that was shortened keeps its full text as a tooltip. */
export function label(x: number, y: number, full: string, maxWidth: number, fontSize: number, a: Attrs = {}): string {
  const shown = fit(full, maxWidth, fontSize);
  return el('text', { x, y, 'font-size': fontSize, ...a }, esc(shown), shown === full ? '' : el('title', {}, esc(full)));
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'chart';
}

/**
 * The outer frame: role="img" with <title> and <desc> as its accessible name and
 * description, a white background (PNG and dark-mode screens alike), and the title
 * drawn at the top.
 */
export function svgDocument(opts: { id: string; width: number; height: number; title: string; desc: string; body: string; fontFamily?: string }): string {
  const { id, width, height } = opts;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${esc(opts.fontFamily ?? FONT_FAMILY)}" fill="${TEXT_COLOR}">` +
    el('title', { id: `${id}-title` }, esc(opts.title)) +
    el('desc', { id: `${id}-desc` }, esc(opts.desc)) +
    el('rect', { width, height, fill: '#ffffff' }) +
    label(16, 26, opts.title, width - 32, 16, { 'font-weight': 600 }) +
    opts.body +
    '</svg>'
  );
}

/** A horizontal legend of coloured swatches; returns the markup and its height. */
export function legend(items: { label: string; color: string }[], x: number, y: number, maxWidth: number): { svg: string; height: number } {
  const fontSize = 12;
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const item of items) {
    const shown = fit(item.label, 180, fontSize);
    const w = 14 + 6 + textWidth(shown, fontSize) + 16;
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += 18;
    }
    parts.push(el('rect', { x: cx, y: cy - 10, width: 12, height: 12, rx: 2, fill: item.color }));
    parts.push(text(cx + 18, cy, shown, { 'font-size': fontSize }));
    cx += w;
  }
  return { svg: el('g', { class: 'legend' }, ...parts), height: cy - y + 18 };
}

const integer = format(',d');
const decimal = format(',.1f');

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? integer(n) : decimal(n);
}
