import { describe, expect, it } from 'vitest';
import { buildAnalysisIndex, parseWhere, retrieveExcerpts, turnAt, UnknownAttributeError } from '../../../shared/analysis';
import { buildFixture } from './fixture';

const fx = buildFixture();
const index = buildAnalysisIndex(fx.project);
const { ids } = fx;
const codingKeys = (list: { codingId: string }[]) =>
  list.map((e) => Object.keys(ids).find((k) => ids[k] === e.codingId)).sort();

describe('retrieveExcerpts', () => {
  it('leaves out excerpts lying entirely in interviewer turns by default, keeps text outside turns', () => {
    const got = retrieveExcerpts(index, { codeIds: [ids.Housing!] });
    expect(codingKeys(got)).toEqual(['c-fg-housing', 'c-notes-housing', 'c-p1-housing', 'c-p1-housing-bo']);
    const all = retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { roles: ['interviewer', 'respondent'] } });
    expect(codingKeys(all)).toContain('c-int-housing');
    const onlyInterviewer = retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { roles: ['interviewer'] } });
    expect(codingKeys(onlyInterviewer)).toEqual(['c-int-housing', 'c-notes-housing']);
  });

  it('describes each excerpt: text, context, speaker, role, case, attributes, coder, exemplar', () => {
    const [first] = retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { sourceIds: [ids['int-P1']!], coderIds: [ids.ann!] } });
    expect(first).toMatchObject({
      codeName: 'Housing',
      codePath: ['Services', 'Housing'],
      sourceName: 'int-P1',
      text: 'There was no housing at all.',
      speaker: 'P1',
      role: 'respondent',
      caseName: 'P1',
      attributes: { 'participant type': 'participant', site: 'A' },
      coderName: 'Ann',
      exemplar: true,
      before: '',
    });
    expect(first!.after).toBe(' The shelter was full every night.');
    const source = fx.project.sources.find((s) => s.id === first!.sourceId)!;
    expect(source.text.slice(first!.start, first!.end)).toBe(first!.text);
  });

  it('takes the case from the speaker in a focus group, and the respondent turn for a span crossing from the moderator', () => {
    const got = retrieveExcerpts(index, { codeIds: [ids.Services!, ids.Workarounds!], filter: { sourceIds: [ids['focus-group']!] } });
    expect(got.map((e) => [e.speaker, e.caseName, e.attributes.site ?? null])).toEqual([
      ['Rae', 'FG-Rae', 'B'],
      ['Sam', 'FG-Sam', null],
    ]);
  });

  it('retrieves a theme with its sub-themes, and descendant codes only on request', () => {
    const theme = retrieveExcerpts(index, { themeId: ids['Services unavailable']! });
    expect(new Set(theme.map((e) => e.codeName))).toEqual(new Set(['Housing', 'Waitlists', 'no bus fare']));
    const broad = retrieveExcerpts(index, { themeId: ids['Services broadly']! });
    expect(new Set(broad.map((e) => e.codeName))).toEqual(new Set(['Services']));
    const withKids = retrieveExcerpts(index, { themeId: ids['Services broadly']!, includeDescendantCodes: true });
    expect(new Set(withKids.map((e) => e.codeName))).toEqual(new Set(['Services', 'Housing', 'Clinic']));
  });

  it('filters by attribute (values are alternatives, conditions combine), coder, text and speaker', () => {
    const participants = retrieveExcerpts(index, { codeIds: [ids.Housing!, ids.Clinic!], filter: { where: [parseWhere('participant type=participant')!] } });
    expect(codingKeys(participants)).toEqual(['c-fg-housing', 'c-p1-clinic', 'c-p1-housing', 'c-p1-housing-bo', 'c-p2-clinic']);
    const siteB = retrieveExcerpts(index, {
      codeIds: [ids.Housing!, ids.Clinic!],
      filter: { where: [{ attribute: 'participant type', values: ['participant'] }, { attribute: 'SITE', values: ['B'] }] },
    });
    expect(codingKeys(siteB)).toEqual(['c-fg-housing', 'c-p2-clinic']);
    // Missing attribute value never matches, even a site filter listing every value.
    const anySite = retrieveExcerpts(index, { codeIds: [ids.Workarounds!], filter: { where: [{ attribute: 'site', values: ['A', 'B'] }] } });
    expect(codingKeys(anySite)).toEqual(['c-cm1-work', 'c-p1-work']);
    expect(codingKeys(retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { coderIds: [ids.bo!] } }))).toEqual(['c-p1-housing-bo']);
    expect(codingKeys(retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { text: 'SHELTER' } }))).toEqual(['c-p1-housing-bo']);
    expect(codingKeys(retrieveExcerpts(index, { codeIds: [ids.Workarounds!], filter: { speakers: ['Sam'] } }))).toEqual(['c-fg-work']);
    expect(() => retrieveExcerpts(index, { codeIds: [ids.Housing!], filter: { where: [{ attribute: 'sight', values: ['A'] }] } })).toThrow(
      UnknownAttributeError,
    );
  });

  it('returns nothing for an empty code or an unknown id', () => {
    expect(retrieveExcerpts(index, { codeIds: [ids.Empty!] })).toEqual([]);
    expect(retrieveExcerpts(index, { codeIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual([]);
  });

  it('sorts by source order, length, case', () => {
    const bySource = retrieveExcerpts(index, { codeIds: [ids.Clinic!] });
    expect(bySource.map((e) => e.sourceName)).toEqual(['int-P1', 'int-P2', 'field-notes']);
    const byLength = retrieveExcerpts(index, { codeIds: [ids.Clinic!], sort: 'length' });
    const lengths = byLength.map((e) => e.end - e.start);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    const byCase = retrieveExcerpts(index, { codeIds: [ids.Clinic!], sort: 'case' });
    expect(byCase.map((e) => e.caseName)).toEqual(['P1', 'P2', null]);
  });

  it('finds the turn at an offset by binary search, -1 inside a label', () => {
    const entry = index.sources.get(ids['int-P1']!)!;
    const { start } = fx.span('int-P1', 'My case manager');
    expect(entry.turns[turnAt(entry, start)]!.speaker).toBe('P1');
    expect(turnAt(entry, 0)).toBe(-1); // "Interviewer: " label
    expect(turnAt(entry, entry.source.text.length)).toBe(-1);
  });
});
