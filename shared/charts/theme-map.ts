/**
 * Theme map: each theme on the left, joined to the codes it rolls up on the right, with a
 * bar per code for its count. Reads top to bottom like the report's chapters.
 */
import { linkHorizontal } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { ThemeBoard } from '../analysis/board';
import type { CountUnit } from '../analysis/counts';
import type { Chart } from './svg';
import { el, esc, formatNumber, label, MUTED_COLOR, SERIES_COLORS, slug, svgDocument, text } from './svg';

export function themeMap(
  board: ThemeBoard,
  options: { title?: string; unit?: CountUnit; width?: number; maxCodesPerTheme?: number; id?: string } = {},
): Chart {
  const maxCodes = options.maxCodesPerTheme ?? 8;
  const title = options.title ?? 'Themes and their codes';
  const unit = options.unit ?? 'excerpts';
  const width = options.width ?? 640;
  const rowHeight = 20;
  const themeGap = 14;
  const top = 56;
  const themeX = 16;
  const themeWidth = 220;
  const codeX = themeX + themeWidth + 48;
  const codeLabelWidth = 160;
  const barX = codeX + codeLabelWidth + 8;
  const barMax = width - barX - 44;
  const max = Math.max(1, ...board.themes.flatMap((t) => t.codes.map((c) => c.counts[unit].total)));

  const bar = scaleLinear().domain([0, max]).range([0, barMax]);
  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const parts: string[] = [];
  let y = top;
  board.themes.forEach((t, ti) => {
    const color = t.theme.color ?? SERIES_COLORS[ti % SERIES_COLORS.length]!;
    // The strongest codes of a big theme; the rest are counted in a "+ N more" line (and listed in the table).
    const shown = [...t.codes].sort((a, b) => b.counts[unit].total - a.counts[unit].total).slice(0, maxCodes);
    const hidden = t.codes.length - shown.length;
    const rows = Math.max(1, shown.length + (hidden > 0 ? 1 : 0));
    const blockHeight = rows * rowHeight;
    const cy = y + blockHeight / 2;
    const indent = t.depth * 12;
    const boxHeight = 38;
    const boxY = Math.max(y, cy - boxHeight / 2);
    parts.push(el('rect', { x: themeX + indent, y: boxY, width: themeWidth - indent, height: boxHeight, rx: 6, fill: color, 'fill-opacity': 0.14, stroke: color }));
    parts.push(label(themeX + indent + 8, boxY + 16, t.theme.name, themeWidth - indent - 16, 12, { 'font-weight': 600 }));
    parts.push(
      text(themeX + indent + 8, boxY + 31, `${formatNumber(t.counts.excerpts.total)} excerpts · ${formatNumber(t.counts.cases.total)} cases`, {
        'font-size': 10.5,
        fill: MUTED_COLOR,
      }),
    );
    if (!t.codes.length) parts.push(text(codeX, cy + 4, 'no codes yet', { 'font-size': 11, fill: MUTED_COLOR, 'font-style': 'italic' }));
    if (hidden > 0) {
      const ry = y + shown.length * rowHeight + rowHeight / 2;
      parts.push(text(codeX, ry + 4, `+ ${hidden} more ${hidden === 1 ? 'code' : 'codes'}`, { 'font-size': 11, fill: MUTED_COLOR, 'font-style': 'italic' }));
    }
    shown.forEach((c, ci) => {
      const ry = y + ci * rowHeight + rowHeight / 2;
      parts.push(el('path', { d: link({ source: [themeX + themeWidth, boxY + boxHeight / 2], target: [codeX - 6, ry] }) ?? '', fill: 'none', stroke: color, 'stroke-opacity': 0.6 }));
      parts.push(label(codeX, ry + 4, c.code.name, codeLabelWidth, 11.5));
      const v = c.counts[unit].total;
      parts.push(el('rect', { x: barX, y: ry - 6, width: bar(v), height: 12, rx: 2, fill: color }, el('title', {}, esc(`${c.code.name}: ${formatNumber(v)} ${unit}`))));
      parts.push(text(barX + bar(v) + 4, ry + 4, formatNumber(v), { 'font-size': 10.5, fill: MUTED_COLOR }));
    });
    y += Math.max(blockHeight, boxHeight) + themeGap;
  });
  if (!board.themes.length) parts.push(text(16, top + 16, 'No themes yet.', { 'font-size': 12, fill: MUTED_COLOR }));
  parts.push(text(barX, 46, `Bars: ${unit} per code`, { 'font-size': 11, fill: MUTED_COLOR }));
  const height = Math.max(y, top + 30) + 10;
  const id = options.id ?? slug(title);
  return {
    title,
    width,
    height,
    svg: svgDocument({ id, width, height, title, desc: `${board.themes.length} themes, each joined to its codes; bars show ${unit} per code.`, body: parts.join('') }),
    table: {
      caption: `${title} (${unit})`,
      columns: ['Theme', 'Code', 'Excerpts', 'Sources', 'Cases'],
      rows: board.themes.flatMap((t) => [
        [t.theme.name, '(whole theme)', t.counts.excerpts.total, t.counts.sources.total, t.counts.cases.total],
        ...t.codes.map((c) => [t.theme.name, c.code.name, c.counts.excerpts.total, c.counts.sources.total, c.counts.cases.total]),
      ]),
    },
  };
}
