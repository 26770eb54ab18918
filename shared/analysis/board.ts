/**
 * Theme board data: per theme, its codes and how much text, how many sources and cases
 * support it, split by a chosen attribute. All numbers come from countByGroup.
 */
import type { Code, Guid, Theme } from '../model/schema';
import type { AnalysisIndex } from './analysis-index';
import { themeCodeIds } from './analysis-index';
import type { CountUnit, GroupCounts } from './counts';
import { COUNT_UNITS, countByGroup, orderGroups } from './counts';
import type { ExcerptFilter } from './filter';

export type UnitCounts = Record<CountUnit, { total: number; byGroup: Record<string, number> }>;

export interface BoardCode {
  code: Code;
  counts: UnitCounts;
}

export interface BoardTheme {
  theme: Theme;
  depth: number;
  /** The theme's own codes, in the order the theme lists them. */
  codes: BoardCode[];
  subThemeIds: Guid[];
  /** The theme as a whole: its codes and its sub-themes' codes, distinct units. */
  counts: UnitCounts;
}

export interface ThemeBoard {
  groups: string[];
  groupSizes: GroupCounts['groupSizes'];
  themes: BoardTheme[];
  /** Codable codes in no theme yet, in codebook order: what is left to place. */
  unplacedCodes: Code[];
}

export function themeBoard(
  index: AnalysisIndex,
  options: { groupBy?: string | null; filter?: ExcerptFilter; includeDescendantCodes?: boolean } = {},
): ThemeBoard {
  const base = { groupBy: options.groupBy ?? null, ...(options.filter ? { filter: options.filter } : {}) };
  // Groups are the union over themes: one theme's excerpts may fall in "(no value)" while another's do not.
  const seenGroups = new Set<string>();
  let attribute: GroupCounts['attribute'] = null;
  let sizes: GroupCounts['groupSizes'] = {};
  const themes: BoardTheme[] = [];
  const ordered = orderedThemes(index);
  const placed = new Set<Guid>();
  for (const { theme, depth } of ordered) {
    const allIds = themeCodeIds(index, theme.id, options.includeDescendantCodes);
    const perUnit = COUNT_UNITS.map((unit) => countByGroup(index, { ...base, codeIds: allIds, unit }));
    for (const g of perUnit[0]!.groups) seenGroups.add(g);
    attribute = perUnit[0]!.attribute;
    sizes = perUnit[0]!.groupSizes;
    const own = theme.codeIds.filter((id) => index.codes.has(id));
    for (const id of own) placed.add(id);
    const ownCounts = COUNT_UNITS.map((unit) => countByGroup(index, { ...base, codeIds: own, unit }));
    const codes = own.map((id, i) => ({
      code: index.codes.get(id)!,
      counts: Object.fromEntries(COUNT_UNITS.map((unit, u) => [unit, pick(ownCounts[u]!.rows[i]!)])) as UnitCounts,
    }));
    themes.push({
      theme,
      depth,
      codes,
      subThemeIds: index.themeChildren.get(theme.id) ?? [],
      counts: Object.fromEntries(COUNT_UNITS.map((unit, u) => [unit, { total: perUnit[u]!.total, byGroup: perUnit[u]!.byGroup }])) as UnitCounts,
    });
  }
  if (!ordered.length) {
    const empty = countByGroup(index, { ...base, codeIds: [], unit: 'excerpts' });
    for (const g of empty.groups) seenGroups.add(g);
    attribute = empty.attribute;
    sizes = empty.groupSizes;
  }
  const groups = orderGroups(attribute, seenGroups);
  for (const t of themes) for (const unit of COUNT_UNITS) for (const g of groups) t.counts[unit].byGroup[g] ??= 0;
  const unplacedCodes = [...index.codes.values()]
    .filter((c) => c.codable && !placed.has(c.id))
    .sort((a, b) => (index.codeRank.get(a.id) ?? 0) - (index.codeRank.get(b.id) ?? 0));
  return { groups, groupSizes: sizes, themes, unplacedCodes };
}

function pick(row: { total: number; byGroup: Record<string, number> }) {
  return { total: row.total, byGroup: row.byGroup };
}

/** Themes in tree order: top-level by order, each followed by its sub-themes. */
export function orderedThemes(index: AnalysisIndex): { theme: Theme; depth: number }[] {
  const out: { theme: Theme; depth: number }[] = [];
  const seen = new Set<Guid>();
  const walk = (theme: Theme, depth: number) => {
    if (seen.has(theme.id)) return;
    seen.add(theme.id);
    out.push({ theme, depth });
    for (const child of index.themeChildren.get(theme.id) ?? []) walk(index.themes.get(child)!, depth + 1);
  };
  const roots = [...index.themes.values()]
    .filter((t) => !t.parentId || !index.themes.has(t.parentId))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  for (const t of roots) walk(t, 0);
  // Themes caught in a parent cycle are still shown, at the top level.
  for (const t of index.themes.values()) walk(t, 0);
  return out;
}
