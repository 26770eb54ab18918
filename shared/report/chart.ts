/**
 * The chart in each theme's chapter: for every code of the theme (and the theme as a
 * whole), the share of each group's cases whose words carry it. Shares, not counts,
 * because groups differ in size (27 partners, 22 participants).
 */
import type { GroupCounts } from '../analysis';
import type { Attribute } from '../model/schema';
import { groupLabel } from './methods';

export interface ChartImage {
  svg: string;
  /** Size the SVG is drawn at, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  caption: string;
}

export function themeChart(themeName: string, cases: GroupCounts, groupBy: Attribute): ChartImage {
  const groups = cases.groups.filter((g) => cases.groupSizes[g]!.cases > 0);
  const share = (n: number, g: string) => (cases.groupSizes[g]!.cases ? n / cases.groupSizes[g]!.cases : 0);
  const categories = cases.rows.map((row) => ({
    label: row.codeName,
    values: groups.map((g) => share(row.byGroup[g] ?? 0, g)),
  }));
  if (cases.rows.length > 1)
    categories.push({ label: `${themeName} (any code)`, values: groups.map((g) => share(cases.byGroup[g] ?? 0, g)) });
  const series = groups.map((g) => `${groupLabel(g, groupBy)} (n=${cases.groupSizes[g]!.cases})`);
  const title = `${themeName}: share of cases by ${groupBy.name}`;
  const chart = groupedBars({ title, categories, series });
  return {
    ...chart,
    title,
    caption: `Share of cases in each ${groupBy.name} with at least one excerpt coded with each code of \u201c${themeName}\u201d.`,
  };
}

// Provisional until shared/charts lands: a plain grouped bar chart, horizontal so long code names fit.
function groupedBars(spec: { title: string; categories: { label: string; values: number[] }[]; series: string[] }): {
  svg: string;
  width: number;
  height: number;
} {
  const colors = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1'];
  const width = 620;
  const labelW = 200;
  const barH = 14;
  const gap = 10;
  const top = 40;
  const plotW = width - labelW - 50;
  const rowH = spec.series.length * barH + gap;
  const height = top + spec.categories.length * rowH + 40;
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  spec.series.forEach((s, i) => {
    const x = labelW + i * 150;
    parts.push(`<rect x="${x}" y="12" width="12" height="12" fill="${colors[i % colors.length]}"/>`);
    parts.push(`<text x="${x + 16}" y="22" font-size="11">${esc(s)}</text>`);
  });
  spec.categories.forEach((c, ci) => {
    const y0 = top + ci * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y0 + (spec.series.length * barH) / 2 + 4}" font-size="11" text-anchor="end">${esc(c.label.length > 34 ? `${c.label.slice(0, 33)}\u2026` : c.label)}</text>`,
    );
    c.values.forEach((v, si) => {
      const w = Math.max(0, v) * plotW;
      const y = y0 + si * barH;
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${colors[si % colors.length]}"/>`,
      );
      parts.push(`<text x="${labelW + w + 4}" y="${y + barH - 4}" font-size="10">${Math.round(v * 100)}%</text>`);
    });
  });
  parts.push(`<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${height - 36}" stroke="#999"/>`);
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, Arial, Helvetica, sans-serif">${parts.join('')}</svg>`,
    width,
    height,
  };
}
