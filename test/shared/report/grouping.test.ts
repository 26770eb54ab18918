import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import { applyChanges, seededGuids } from '../../../shared/model';
import { createAttribute, setCaseValue } from '../../../shared/ops';
import { groupingWarnings } from '../../../shared/report';

describe('groupingWarnings (QA F33: one group per value of a number)', () => {
  const demo = buildDemoProject();

  it('warns when a number gives one group per case, and suggests banding it', () => {
    expect(groupingWarnings(demo, 'months in program')).toEqual([
      "'Months in program' splits the cases into 8 groups of 1 case each; to compare ranges, add an attribute that bands its values (e.g. 0\u201312, 13\u201324) and group by that",
    ]);
  });

  it('says nothing for groups worth comparing, or without a grouping', () => {
    expect(groupingWarnings(demo, 'Site')).toEqual([]);
    expect(groupingWarnings(demo, 'Role')).toEqual([]);
    expect(groupingWarnings(demo, null)).toEqual([]);
    expect(groupingWarnings(demo, 'Nope')).toEqual([]);
  });

  it('warns for text with a value per case too, with advice that fits text', () => {
    let project = demo;
    const ctx = { newId: seededGuids(26), now: () => '2026-11-27T10:00:00Z', coderId: project.coders[0]!.id };
    const made = createAttribute(project, ctx, { name: 'Pseudonym' });
    project = applyChanges(project, made);
    for (const [i, c] of project.cases.entries())
      project = applyChanges(project, setCaseValue(project, ctx, c.id, made.id, `P${i === 7 ? 0 : i}`));
    const [warning] = groupingWarnings(project, made.id);
    expect(warning).toMatch(
      /^'Pseudonym' splits the cases into 7 groups of 1\.1 cases on average; groups that small say little/,
    );
  });
});
