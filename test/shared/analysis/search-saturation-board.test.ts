import { describe, expect, it } from 'vitest';
import {
  autoCode,
  autoCodeSpans,
  buildAnalysisIndex,
  countByGroup,
  deleteSavedQuery,
  readSavedQuery,
  saturation,
  saveQuery,
  searchText,
  themeBoard,
} from '../../../shared/analysis';
import type { OpContext } from '../../../shared/model';
import { applyChanges, invert, seededGuids } from '../../../shared/model';
import { buildFixture } from './fixture';

const fx = buildFixture();
const index = buildAnalysisIndex(fx.project);
const { ids } = fx;
const ctx: OpContext = { newId: seededGuids(99), now: () => '2026-11-27T11:00:00Z', coderId: ids.ann! };
const matched = (r: ReturnType<typeof searchText>) =>
  r.hits.map((h) => `${index.sources.get(h.sourceId)!.source.name}:${index.sources.get(h.sourceId)!.source.text.slice(h.start, h.end)}`);

describe('text search', () => {
  it('finds substrings case-insensitively by default, across sources, in all turns unless filtered', () => {
    const all = searchText(index, { pattern: 'housing', filter: { roles: ['interviewer', 'respondent'] } });
    expect(matched(all)).toEqual(['int-P1:housing', 'int-P1:housing', 'int-P1:housing', 'focus-group:Housing', 'field-notes:housing']);
    const respondents = searchText(index, { pattern: 'housing' });
    expect(respondents.hits).toHaveLength(3);
    expect(matched(searchText(index, { pattern: 'Housing', caseSensitive: true }))).toEqual(['focus-group:Housing']);
  });

  it('whole word matching', () => {
    expect(searchText(index, { pattern: 'bed', wholeWord: true }).hits).toHaveLength(0);
    expect(searchText(index, { pattern: 'beds', wholeWord: true }).hits).toHaveLength(2);
    expect(searchText(index, { pattern: 'clinic', wholeWord: true, filter: { sourceIds: [ids['int-P2']!] } }).hits).toHaveLength(1);
  });

  it('regular expressions, with a clear message for an invalid one and no hang on empty matches', () => {
    expect(matched(searchText(index, { pattern: 'wait\\w+', regex: true }))).toEqual(['int-P2:waitlist']);
    const bad = searchText(index, { pattern: '(unclosed', regex: true });
    expect(bad.hits).toEqual([]);
    expect(bad.error).toMatch(/Not a valid regular expression/);
    expect(searchText(index, { pattern: 'x*', regex: true }).error).toBeNull();
    expect(searchText(index, { pattern: '   ' }).error).toMatch(/Type something/);
    // Without regex, special characters are literal.
    expect(searchText(index, { pattern: '(unclosed' }).error).toBeNull();
  });

  it('caps the number of hits and says so', () => {
    const r = searchText(index, { pattern: 'e', maxHits: 3 });
    expect(r.hits).toHaveLength(3);
    expect(r.truncated).toBe(true);
  });

  it('filters by attribute', () => {
    const r = searchText(index, { pattern: 'clinic', filter: { where: [{ attribute: 'site', values: ['B'] }] } });
    expect(matched(r)).toEqual(['int-P2:clinic']);
  });
});

describe('auto-code', () => {
  const hits = searchText(index, { pattern: 'clinic' }).hits;

  it('expands hits to the sentence or the turn', () => {
    const text = (spans: ReturnType<typeof autoCodeSpans>) => spans.map((s) => index.sources.get(s.sourceId)!.source.text.slice(s.start, s.end));
    expect(text(autoCodeSpans(index, hits, 'hit'))).toEqual(['clinic', 'clinic', 'clinic']);
    expect(text(autoCodeSpans(index, hits, 'sentence'))).toEqual([
      'My case manager drove me to the clinic herself.',
      'The clinic had a waitlist of three months.',
      'Site visit: the clinic closed early.',
    ]);
    expect(text(autoCodeSpans(index, hits, 'turn'))).toEqual([
      'My case manager drove me to the clinic herself. She found a way.',
      'The clinic had a waitlist of three months. I had no bus fare to get there.',
      'Site visit: the clinic closed early. No housing office on site.',
    ]);
  });

  it('codes the spans through applyCode as one undoable change set', () => {
    const spans = autoCodeSpans(index, hits, 'sentence');
    const set = autoCode(fx.project, ctx, { codeId: ids.Empty!, spans });
    const after = applyChanges(fx.project, set);
    const coded = after.codings.filter((c) => c.codeId === ids.Empty);
    expect(coded).toHaveLength(3);
    expect(coded.every((c) => c.coderId === ids.ann)).toBe(true);
    const again = buildAnalysisIndex(after);
    expect(countByGroup(again, { codeIds: [ids.Empty!], unit: 'sources' }).total).toBe(3);
    expect(applyChanges(after, invert(set)).codings).toHaveLength(fx.project.codings.length);
  });
});

describe('saved queries', () => {
  it('round-trips a body through the schema and reports a broken one', () => {
    const body = { kind: 'codes' as const, query: { op: 'code' as const, codeId: ids.Housing! }, filter: { roles: ['respondent' as const] } };
    const set = saveQuery(fx.project, ctx, { name: ' Housing only ', body });
    const p = applyChanges(fx.project, set);
    expect(p.savedQueries[0]!.name).toBe('Housing only');
    expect(readSavedQuery(p.savedQueries[0]!)).toEqual({ ok: true, body });
    const broken = readSavedQuery({ id: set.id, name: 'Broken', query: { kind: 'codes', query: { op: 'xor' } } });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/Broken/);
    expect(applyChanges(p, deleteSavedQuery(p, ctx, set.id)).savedQueries).toEqual([]);
    expect(() => saveQuery(fx.project, ctx, { name: '  ', body })).toThrow(/name/);
  });
});

describe('saturation', () => {
  it('counts codes first seen in each source, by origin, in import order', () => {
    const points = saturation(index);
    expect(points.map((p) => p.sourceName)).toEqual(['int-P1', 'int-P2', 'int-CM1', 'focus-group', 'field-notes']);
    expect(points.map((p) => p.newCodeNames)).toEqual([['Housing', 'Clinic', 'Workarounds'], ['Waitlists', 'no bus fare'], ['Services'], [], []]);
    expect(points[1]!.newCodes).toEqual({ deductive: 0, inductive: 1, 'in-vivo': 1 });
    expect(points.at(-1)!.cumulative).toEqual({ deductive: 3, inductive: 2, 'in-vivo': 1 });
    expect(points.at(-1)!.cumulativeTotal).toBe(6);
  });

  it('follows a chosen order', () => {
    const points = saturation(index, { order: [ids['focus-group']!] });
    expect(points[0]!.sourceName).toBe('focus-group');
    expect(points[0]!.newCodeNames).toEqual(['Services', 'Housing', 'Waitlists', 'Workarounds']);
  });
});

describe('theme board', () => {
  it('gives each theme its codes and counts by group, agreeing with countByGroup', () => {
    const board = themeBoard(index, { groupBy: 'participant type' });
    expect(board.themes.map((t) => [t.theme.name, t.depth])).toEqual([
      ['Services unavailable', 0],
      ['Access barriers', 1],
      ['Staff workarounds', 0],
      ['Services broadly', 0],
    ]);
    const su = board.themes[0]!;
    expect(su.codes.map((c) => c.code.name)).toEqual(['Housing', 'Waitlists']);
    for (const unit of ['excerpts', 'sources', 'cases'] as const) {
      const c = countByGroup(index, { themeId: su.theme.id, groupBy: 'participant type', unit });
      expect(su.counts[unit]).toEqual({ total: c.total, byGroup: c.byGroup });
    }
    expect(su.counts.cases.byGroup.participant).toBe(3);
    expect(board.unplacedCodes.map((c) => c.name)).toEqual(['Clinic', 'Empty']);
    expect(board.groups).toEqual(['partner', 'participant', '(no value)']);
  });
});

describe('theme board under a filter', () => {
  it('heads its groups with the filtered population and shows a group any theme needs (QA F13)', () => {
    const filter = { where: [{ attribute: 'participant type', values: ['participant'] }] };
    const board = themeBoard(index, { groupBy: 'site', filter });
    expect(board.groups).toEqual(['A', 'B']);
    expect(board.groupSizes.A!.cases).toBe(1);
    expect(board.groupSizes.B!.cases).toBe(2);
    // Unfiltered, one theme's field-note excerpt falls in "(no value)": every card gets the column.
    const open = themeBoard(index, { groupBy: 'participant type' });
    expect(open.groups).toContain('(no value)');
    for (const t of open.themes) expect(t.counts.excerpts.byGroup['(no value)']).toBeTypeOf('number');
  });
});

describe('coding density', () => {
  it('counts codings, distinct codes and covered text once where codings overlap', async () => {
    const { codingDensity } = await import('../../../shared/analysis');
    const rows = codingDensity(index, { filter: { roles: ['interviewer', 'respondent'] } });
    const p1 = rows.find((r) => r.sourceName === 'int-P1')!;
    expect(p1.codings).toBe(5);
    expect(p1.codes).toBe(3);
    const housing = fx.span('int-P1', 'There was no housing at all. The shelter was full');
    const work = fx.span('int-P1', 'My case manager drove me to the clinic herself. She found a way.');
    const interviewer = fx.span('int-P1', 'Was housing hard to find?');
    const covered = housing.end - housing.start + (work.end - work.start) + (interviewer.end - interviewer.start);
    expect(p1.codedCharacters).toBe(covered);
    expect(p1.coverage).toBeCloseTo(covered / index.sources.get(ids['int-P1']!)!.source.text.length);
  });
});

describe('regex errors', () => {
  it('quote the problem, not the whole-word wrapping around the pattern', () => {
    const r = searchText(index, { pattern: '(bus', regex: true, wholeWord: true });
    expect(r.error).toMatch(/^Not a valid regular expression: /);
    expect(r.error).not.toContain('p{L}');
  });
});

describe('whole words beyond ASCII', () => {
  it('treats accented letters as part of a word, and finds text after an emoji at the right offsets', async () => {
    const { composeTranscript } = await import('../../../shared/text/compose');
    const p = structuredClone(fx.project);
    const s = composeTranscript([{ speaker: 'R', text: 'Le café 🙂 est fermé. Caf is not a word; naïve people say café.' }]);
    p.sources = [{ ...p.sources[0]!, text: s.text, turns: s.turns, paragraphs: s.paragraphs, speakers: s.speakers }];
    p.codings = [];
    const idx = buildAnalysisIndex(p);
    const words = (pattern: string) => searchText(idx, { pattern, wholeWord: true }).hits.map((h) => s.text.slice(h.start, h.end));
    expect(words('caf')).toEqual(['Caf']);
    expect(words('café')).toEqual(['café', 'café']);
    expect(words('na')).toEqual([]);
    expect(words('est')).toEqual(['est']);
    expect(words('cafe\u0301')).toEqual(['café', 'café']); // decomposed é, as some keyboards send it
  });
});
