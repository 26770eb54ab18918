/**
 * The chart in each theme's chapter: for every code of the theme (and the theme as a
 * whole), how many of each group's cases carry it, drawn by the shared chart module so
 * the report's chart is the one the app shows.
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
