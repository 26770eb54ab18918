/**
 * Charts as SVG strings (pure: d3 scales, shapes, format and force; no DOM). Each returns
 * a Chart { title, width, height, svg, table } where table holds the same numbers for a
 * data table beside the chart. Default width 640 fits a Word page and the screen.
 *
 *   groupedBars({ title, unit, categories, groups, values[c][g], width?, id? })
 *   frequencyChart(counts: GroupCounts, title, { width?, id? })
 *   cooccurrenceHeatmap(matrix, { title?, width?, maxCodes? = 24, id? })
 *   cooccurrenceNetwork(matrix, { title?, width?, height?, maxCodes? = 30, minLink? = 1, id? })
 *   themeMap(board: ThemeBoard, { title?, unit? = 'excerpts', width?, id? })
 *   densityChart(rows: SourceDensity[], { title?, width?, height?, id? })
 *   saturationChart(points: SaturationPoint[], { title?, width?, height?, id? })
 */
export type { Chart, ChartTable } from './svg';
export { esc, FONT_FAMILY, SERIES_COLORS } from './svg';
export type { GroupedBarsInput } from './bars';
export { frequencyChart, groupedBars } from './bars';
export { cooccurrenceHeatmap } from './heatmap';
export { cooccurrenceNetwork, NETWORK_TICKS } from './network';
export { themeMap } from './theme-map';
export { densityChart } from './density';
export { ORIGIN_COLORS, saturationChart } from './saturation';
