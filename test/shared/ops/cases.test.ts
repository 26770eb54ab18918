/** shared/ops/cases.ts: attributes, typed values, cases and the sources that speak for them. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import type { Guid, Project } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { applyChecked, opsFixture } from './helpers';

let project: Project;
let ctx: OpContext;
let sourceId: Guid;

function run<T extends ChangeSet>(set: T): T {
  project = applyChecked(project, set);
  return set;
}

beforeEach(() => {
  ({ project, ctx, sourceId } = opsFixture());
});

describe('cases', () => {
  it('types attribute values and assigns a case to a source', () => {
    const site = run(ops.createAttribute(project, ctx, { name: 'Site' })).id;
    const months = run(ops.createAttribute(project, ctx, { name: 'Months', type: 'integer' })).id;
    expect(() => ops.createAttribute(project, ctx, { name: 'site' })).toThrow(/exists/);
    const kase = run(ops.createCase(project, ctx, { name: 'R01', values: { [site]: 'Site A' } })).id;
    expect(() => ops.setCaseValue(project, ctx, kase, months, 'twelve')).toThrow(/whole number/);
    run(ops.setCaseValue(project, ctx, kase, months, '12'));
    expect(project.cases[0]!.values).toEqual({ [site]: 'Site A', [months]: '12' });
    run(ops.assignCase(project, ctx, sourceId, kase));
    expect(project.sources[0]!.caseId).toBe(kase);
    run(ops.assignCase(project, ctx, sourceId, null));
    expect(project.sources[0]!.caseId).toBeUndefined();
  });

  it('checks values by type', () => {
    expect(ops.valueProblem('date', '2026-02-30x')).toMatch(/not a date/);
    expect(ops.valueProblem('integer', '12')).toBeNull();
    expect(ops.valueProblem('boolean', 'Yes')).toBeNull();
  });

  it('deletes a case, unlinking its sources and speakers but keeping them', () => {
    const kase = run(ops.createCase(project, ctx, { name: 'R01' })).id;
    run(ops.assignCase(project, ctx, sourceId, kase));
    run(ops.deleteCase(project, ctx, kase));
    expect(project.cases).toEqual([]);
    expect(project.sources).toHaveLength(1);
    expect(project.sources[0]!.caseId).toBeUndefined();
    expect(project.sources[0]!.speakers.every((s) => s.caseId === undefined)).toBe(true);
  });
});
