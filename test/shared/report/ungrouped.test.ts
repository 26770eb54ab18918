/** A report without a grouping attribute still charts each theme: its codes' excerpts, sources and cases. */
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import { buildAnalysisIndex, countByGroup } from '../../../shared/analysis';
import { codesChart } from '../../../shared/report/chart';
import { methodsText } from '../../../shared/report/methods';

describe('report without a grouping', () => {
  const project = buildDemoProject();
  const index = buildAnalysisIndex(project);
  const theme = project.themes.find((t) => t.name === 'Services unavailable')!;
  const count = (unit: 'excerpts' | 'sources' | 'cases') => countByGroup(index, { themeId: theme.id, groupBy: null, unit });

  it('charts excerpts, sources and cases for each code and for the theme as a whole', () => {
    const excerpts = count('excerpts');
    const sources = count('sources');
    const cases = count('cases');
    const chart = codesChart(theme.name, { excerpts, sources, cases });
    expect(chart.title).toBe('Services unavailable: excerpts, sources and cases per code');
    expect(chart.caption).toMatch(/counts are not split by group\.$/);
    // Each bar's value is printed beside it: three per code and three for the theme.
    const labels = [...chart.svg.matchAll(/<text[^>]*fill="#5f6368"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    const expected = [
      ...excerpts.rows.flatMap((row, i) => [row.total, sources.rows[i]!.total, cases.rows[i]!.total]),
      excerpts.total,
      sources.total,
      cases.total,
    ];
    expect(labels.slice(-expected.length)).toEqual(expected);
    for (const name of ['Excerpts', 'Sources', 'Cases']) expect(chart.svg).toContain(`>${name}</text>`);
  });

  it('says in the methods that counts are not split by group, and not when they are', () => {
    expect(methodsText(index, null, 4).join(' ')).toContain('Counts are not split by group');
    expect(methodsText(index, project.attributes[0]!, 4).join(' ')).not.toContain('not split');
  });
});
