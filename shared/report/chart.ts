/**
 * The chart in each theme's chapter: for every code of the theme (and the theme as a
 * whole), how many of each group's cases carry it, or, with no grouping, its excerpts,
 * sources and cases; drawn by the shared chart module so the report's chart is the one the app shows.
 */
import type { GroupCounts } from '../analysis';
import { groupedBars } from '../charts';
import type { Attribute } from '../model/schema';
import { DOCUMENT_FONT_STACK } from './docx-blocks';
import { groupLabel } from './methods';

export interface ChartImage {
  svg: string;
  /** Size the SVG is drawn at, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  caption: string;
}

/** Without a grouping: each code's excerpts, sources and cases side by side. */
export function codesChart(themeName: string, counts: { excerpts: GroupCounts; sources: GroupCounts; cases: GroupCounts }): ChartImage {
  const units = [counts.excerpts, counts.sources, counts.cases];
  const categories = counts.excerpts.rows.map((row) => row.codeName);
  const values = counts.excerpts.rows.map((_, i) => units.map((u) => u.rows[i]?.total ?? 0));
  if (categories.length > 1) {
    categories.push(`${themeName} (any code)`);
    values.push(units.map((u) => u.total));
  }
  const title = `${themeName}: excerpts, sources and cases per code`;
  const chart = groupedBars({
    title,
    unit: 'excerpts, sources or cases',
    categories,
    groups: ['Excerpts', 'Sources', 'Cases'],
    values,
    width: 640,
    fontFamily: DOCUMENT_FONT_STACK,
  });
  return {
    svg: chart.svg,
    width: chart.width,
    height: chart.height,
    title,
    caption: `Number of excerpts, sources and cases coded with each code of \u201c${themeName}\u201d; counts are not split by group.`,
  };
}

export function themeChart(themeName: string, cases: GroupCounts, groupBy: Attribute): ChartImage {
  const groups = cases.groups.filter((g) => cases.groupSizes[g]!.cases > 0);
  const categories = cases.rows.map((row) => row.codeName);
  const values = cases.rows.map((row) => groups.map((g) => row.byGroup[g] ?? 0));
  if (cases.rows.length > 1) {
    categories.push(`${themeName} (any code)`);
    values.push(groups.map((g) => cases.byGroup[g] ?? 0));
  }
  const title = `${themeName}: cases by ${groupBy.name}`;
  // The group sizes sit in the legend so unequal groups (27 partners, 22 participants) read fairly.
  const chart = groupedBars({
    title,
    unit: 'cases',
    categories,
    groups: groups.map((g) => `${groupLabel(g, groupBy)} (n=${cases.groupSizes[g]!.cases})`),
    values,
    width: 640,
    fontFamily: DOCUMENT_FONT_STACK,
  });
  return {
    svg: chart.svg,
    width: chart.width,
    height: chart.height,
    title,
    caption: `Number of cases in each ${groupBy.name} with at least one excerpt coded with each code of \u201c${themeName}\u201d (group sizes in the legend).`,
  };
}
