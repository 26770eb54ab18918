import { describe, expect, it } from 'vitest';
import type { CountUnit, ExcerptFilter } from '../../../shared/analysis';
import { buildAnalysisIndex, countByGroup, MISSING_GROUP } from '../../../shared/analysis';
import type { Guid, Project } from '../../../shared/model';
import { buildFixture } from './fixture';

const fx = buildFixture();
const index = buildAnalysisIndex(fx.project);
const { ids } = fx;

/**
 * A second, deliberately naive path to the same numbers: straight over the project's
 * rows with no index, resolving turns and cases by linear search.
 */
function naiveCounts(project: Project, codeIds: Guid[], attrName: string, unit: CountUnit, filter: { participantsOnly?: boolean } = {}) {
  const attr = project.attributes.find((a) => a.name === attrName)!;
  const perCode = new Map<Guid, Map<string, Set<string>>>();
  for (const c of project.codings) {
    if (!codeIds.includes(c.codeId)) continue;
    const source = project.sources.find((s) => s.id === c.sourceId)!;
    const turns = source.turns.filter((t) => t.start < Math.max(c.end, c.start + 1) && t.end > c.start);
    const roleOf = (speaker: string) => source.speakers.find((s) => s.name === speaker)?.role ?? 'respondent';
    if (turns.length && turns.every((t) => roleOf(t.speaker) === 'interviewer')) continue;
    const turn = turns.find((t) => roleOf(t.speaker) !== 'interviewer');
    const caseId = (turn && source.speakers.find((s) => s.name === turn.speaker)?.caseId) ?? source.caseId ?? null;
    const kase = project.cases.find((k) => k.id === caseId);
    const value = kase?.values[attr.id] || MISSING_GROUP;
    if (filter.participantsOnly && kase?.values[project.attributes.find((a) => a.name === 'participant type')!.id] !== 'participant') continue;
    const key = unit === 'excerpts' ? c.id : unit === 'sources' ? c.sourceId : caseId;
    if (key === null) continue;
    const groups = perCode.get(c.codeId) ?? new Map<string, Set<string>>();
    perCode.set(c.codeId, groups);
    const set = groups.get(value) ?? new Set<string>();
    groups.set(value, set);
    set.add(key);
  }
  return perCode;
}

describe('countByGroup', () => {
  const codeIds = ['Services', 'Housing', 'Clinic', 'Waitlists', 'Workarounds', 'no bus fare', 'Empty'].map((k) => ids[k]!);

  for (const unit of ['excerpts', 'sources', 'cases'] as const) {
    for (const attr of ['participant type', 'site']) {
      for (const participantsOnly of [false, true]) {
        it(`agrees with a naive count: ${unit} by ${attr}${participantsOnly ? ', participants only' : ''}`, () => {
          const filter: ExcerptFilter = participantsOnly ? { where: [{ attribute: 'participant type', values: ['participant'] }] } : {};
          const counts = countByGroup(index, { codeIds, groupBy: attr, unit, filter });
          const naive = naiveCounts(fx.project, codeIds, attr, unit, { participantsOnly });
          for (const row of counts.rows) {
            for (const g of counts.groups) expect(row.byGroup[g], `${row.codeName} / ${g}`).toBe(naive.get(row.codeId)?.get(g)?.size ?? 0);
          }
        });
      }
    }
  }

  it('gives known numbers on the fixture', () => {
    const c = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'participant type', unit: 'excerpts' });
    expect(c.groups).toEqual(['partner', 'participant', MISSING_GROUP]);
    expect(c.rows[0]!.byGroup).toEqual({ partner: 0, participant: 3, [MISSING_GROUP]: 1 });
    expect(c.rows[0]!.total).toBe(4);
    const s = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'participant type', unit: 'sources' });
    expect(s.rows[0]!.byGroup).toEqual({ partner: 0, participant: 2, [MISSING_GROUP]: 1 });
    const k = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'participant type', unit: 'cases' });
    expect(k.rows[0]!.byGroup).toEqual({ partner: 0, participant: 2, [MISSING_GROUP]: 0 });
  });

  it('counts a theme as distinct units across its codes, not the sum of its rows', () => {
    const c = countByGroup(index, { themeId: ids['Services unavailable']!, groupBy: 'participant type', unit: 'sources' });
    expect(c.rows.map((r) => r.codeName)).toEqual(['Housing', 'Waitlists', 'no bus fare']);
    const sum = c.rows.reduce((n, r) => n + r.total, 0);
    expect(c.total).toBe(4); // int-P1, int-P2, focus group, field notes
    expect(sum).toBeGreaterThan(c.total);
    expect(c.byGroup.participant).toBe(3);
  });

  it('reports group sizes for denominators, and a single group without an attribute', () => {
    const c = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'participant type', unit: 'cases' });
    expect(c.groupSizes.participant).toEqual({ sources: 3, cases: 3 });
    expect(c.groupSizes.partner).toEqual({ sources: 2, cases: 2 });
    const flat = countByGroup(index, { codeIds: [ids.Housing!], unit: 'excerpts' });
    expect(flat.groups).toEqual(['All']);
    expect(flat.rows[0]!.byGroup).toEqual({ All: 4 });
  });

  it('gives the filtered population as group sizes: participants by site are P1 at A, P2 and Rae at B (QA F13)', () => {
    const all = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'site', unit: 'cases' });
    expect(all.groupSizes.A).toEqual({ sources: 2, cases: 2 });
    expect(all.groupSizes.B).toEqual({ sources: 2, cases: 2 });
    const filter: ExcerptFilter = { where: [{ attribute: 'participant type', values: ['participant'] }] };
    const some = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'site', unit: 'cases', filter });
    expect(some.groupSizes.A).toEqual({ sources: 1, cases: 1 });
    expect(some.groupSizes.B).toEqual({ sources: 2, cases: 2 });
    // Sam (a partner without a site) and the caseless field notes are outside the filter: no "(no value)" group.
    expect(some.groups).toEqual(['A', 'B']);
    expect(some.groupSizes[MISSING_GROUP]).toBeUndefined();
  });

  it('shows "(no value)" only when a case in scope lacks the value or a counted coding falls there (QA F13)', () => {
    // Every case has a participant type; the field notes have no case. An empty code gets no row of zeros for them...
    const empty = countByGroup(index, { codeIds: [ids.Empty!], groupBy: 'participant type', unit: 'excerpts' });
    expect(empty.groups).toEqual(['partner', 'participant']);
    // ...while Housing, coded in the field notes, keeps the group so its counts add up.
    const housing = countByGroup(index, { codeIds: [ids.Housing!], groupBy: 'participant type', unit: 'excerpts' });
    expect(housing.groups).toEqual(['partner', 'participant', MISSING_GROUP]);
    // Sam has no site, so by site the group is there with its one case even for an empty code.
    const bySite = countByGroup(index, { codeIds: [ids.Empty!], groupBy: 'site', unit: 'excerpts' });
    expect(bySite.groups).toEqual(['A', 'B', MISSING_GROUP]);
    expect(bySite.groupSizes[MISSING_GROUP]!.cases).toBe(1);
  });

  it('lists the coding ids behind each cell on request, and counts an empty code as zero in every group', () => {
    const c = countByGroup(index, { codeIds: [ids.Housing!, ids.Empty!], groupBy: 'site', unit: 'cases', withIds: true });
    expect(c.rows[0]!.idsByGroup!.A!.sort()).toEqual([ids['c-p1-housing']!, ids['c-p1-housing-bo']!].sort());
    expect(c.rows[1]!.total).toBe(0);
    expect(Object.values(c.rows[1]!.byGroup).every((n) => n === 0)).toBe(true);
  });
});
