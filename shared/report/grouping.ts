/**
 * A warning when the attribute a report is grouped by makes groups too small to compare: a
 * number such as "Months in program" gives one group per value, often of a single case (QA F33).
 * The report is still written as asked; the researcher is told why its table is so wide.
 */
import type { Project } from '../model/schema';

/** More groups than this, averaging fewer than two cases each, is a split nobody would compare. */
const MANY_GROUPS = 5;

export function groupingWarnings(project: Pick<Project, 'attributes' | 'cases'>, groupBy: string | null): string[] {
  if (!groupBy) return [];
  const attribute =
    project.attributes.find((a) => a.id === groupBy || a.name === groupBy) ??
    project.attributes.find((a) => a.name.toLowerCase() === groupBy.toLowerCase());
  if (!attribute) return [];
  const sizes = new Map<string, number>();
  for (const c of project.cases) {
    const value = c.values[attribute.id]?.trim();
    if (value) sizes.set(value, (sizes.get(value) ?? 0) + 1);
  }
  const counted = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (sizes.size <= MANY_GROUPS || counted >= 2 * sizes.size) return [];
  const each =
    Math.max(...sizes.values()) === 1 ? '1 case each' : `${(counted / sizes.size).toFixed(1)} cases on average`;
  const numeric = attribute.type !== 'text' && attribute.type !== 'boolean';
  const advice = numeric
    ? `to compare ranges, add an attribute that bands its values (e.g. 0\u201312, 13\u201324) and group by that`
    : `groups that small say little; group by an attribute that many cases share`;
  return [`'${attribute.name}' splits the cases into ${sizes.size} groups of ${each}; ${advice}`];
}
