import { describe, expect, it } from 'vitest';
import type { CodeQuery } from '../../../shared/analysis';
import {
  buildAnalysisIndex,
  codeQuerySchema,
  describeQuery,
  evaluateQuery,
  hitRows,
  MAX_QUERY_DEPTH,
  QueryError,
} from '../../../shared/analysis';
import type { Coding, Project } from '../../../shared/model';
import { composeTranscript } from '../../../shared/text/compose';
import { buildFixture } from './fixture';

const fx = buildFixture();
const index = buildAnalysisIndex(fx.project);
const { ids } = fx;
const code = (key: string): CodeQuery => ({ op: 'code', codeId: ids[key]! });
const texts = (q: CodeQuery, filter?: Parameters<typeof evaluateQuery>[2]) =>
  hitRows(index, evaluateQuery(index, q, filter)).map((r) => `${r.sourceName}: ${r.text}`);

/** A one-source project with hand-placed spans, for exact operator semantics. */
function spanProject(spans: [string, number, number][]) {
  const p: Project = structuredClone(fx.project);
  const s = composeTranscript([
    { speaker: 'Interviewer', text: 'Question one here?' },
    { speaker: 'R', text: 'abcdefghijklmnopqrstuvwxyz0123456789' },
    { speaker: 'Interviewer', text: 'Question two here?' },
    { speaker: 'R', text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  ]);
  const src = { ...p.sources[0]!, id: ids['int-P1']!, text: s.text, turns: s.turns, paragraphs: s.paragraphs, speakers: s.speakers };
  p.sources = [src];
  const base = s.turns[1]!.start;
  p.codings = spans.map(([key, start, end], i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    codeId: ids[key]!,
    sourceId: src.id,
    coderId: ids.ann!,
    start: start < 1000 ? base + start : start - 1000 + s.turns[3]!.start,
    end: end < 1000 ? base + end : end - 1000 + s.turns[3]!.start,
    createdAt: '2026-11-27T10:00:00Z',
  })) satisfies Coding[];
  const idx = buildAnalysisIndex(p);
  const rel = (q: CodeQuery) => evaluateQuery(idx, q).map((h) => [h.start - base, h.end - base, h.codingIds.length]);
  return { idx, rel, base, turnStarts: s.turns.map((t) => t.start - base) };
}

describe('boolean code queries', () => {
  it('code leaf: the coded text, respondent only by default', () => {
    expect(texts(code('Clinic'))).toEqual(['int-P1: drove me to the clinic', 'int-P2: The clinic had ', 'field-notes: the clinic closed early.']);
  });

  it('AND on a span: only the text both cover; adjacent spans do not overlap', () => {
    const { rel } = spanProject([
      ['Housing', 0, 10],
      ['Clinic', 5, 15],
      ['Waitlists', 10, 20], // adjacent to Housing
    ]);
    expect(rel({ op: 'and', left: code('Housing'), right: code('Clinic'), scope: 'overlap' })).toEqual([[5, 10, 2]]);
    expect(rel({ op: 'and', left: code('Housing'), right: code('Waitlists'), scope: 'overlap' })).toEqual([]);
    expect(texts({ op: 'and', left: code('Clinic'), right: code('Waitlists'), scope: 'overlap' })).toEqual([]); // int-P2 adjacent
  });

  it('AND in the same turn: the whole turn, when both codes are in it', () => {
    expect(texts({ op: 'and', left: code('Clinic'), right: code('no bus fare'), scope: 'turn' })).toEqual([
      'int-P2: The clinic had a waitlist of three months. I had no bus fare to get there.',
    ]);
    // In a source without turns, the paragraph is the unit.
    expect(texts({ op: 'and', left: code('Clinic'), right: code('Housing'), scope: 'turn' })).toEqual([
      'field-notes: Site visit: the clinic closed early. No housing office on site.',
    ]);
  });

  it('OR merges overlapping text, keeps touching spans apart', () => {
    const { rel } = spanProject([
      ['Housing', 0, 10],
      ['Clinic', 5, 15],
      ['Waitlists', 15, 20],
    ]);
    expect(rel({ op: 'or', left: code('Housing'), right: code('Clinic') })).toEqual([[0, 15, 2]]);
    expect(rel({ op: 'or', left: code('Clinic'), right: code('Waitlists') })).toEqual([
      [5, 15, 1],
      [15, 20, 1],
    ]);
  });

  it('NOT removes hits sharing any text with the other code, keeps adjacent ones', () => {
    const { rel } = spanProject([
      ['Housing', 0, 10],
      ['Housing', 20, 30],
      ['Clinic', 9, 12],
      ['Waitlists', 30, 34],
    ]);
    expect(rel({ op: 'not', left: code('Housing'), right: code('Clinic') })).toEqual([[20, 30, 1]]);
    expect(rel({ op: 'not', left: code('Housing'), right: code('Waitlists') })).toEqual([
      [0, 10, 1],
      [20, 30, 1],
    ]);
    expect(rel({ op: 'not', left: code('Housing'), right: code('Empty') })).toHaveLength(2);
  });

  it('NEAR within N characters counts the gap between hits, and widens to cover the near hit', () => {
    const { rel } = spanProject([
      ['Housing', 0, 5],
      ['Clinic', 10, 12], // gap 5
    ]);
    expect(rel({ op: 'near', left: code('Housing'), right: code('Clinic'), within: 4, unit: 'characters' })).toEqual([]);
    expect(rel({ op: 'near', left: code('Housing'), right: code('Clinic'), within: 5, unit: 'characters' })).toEqual([[0, 12, 2]]);
    expect(rel({ op: 'near', left: code('Clinic'), right: code('Housing'), within: 5, unit: 'characters' })).toEqual([[0, 12, 2]]);
  });

  it('NEAR within N turns counts turn distance (interviewer turns between count too)', () => {
    const { rel } = spanProject([
      ['Housing', 0, 5],
      ['Clinic', 1000, 1003], // two turns later
    ]);
    expect(rel({ op: 'near', left: code('Housing'), right: code('Clinic'), within: 1, unit: 'turns' })).toEqual([]);
    const near = rel({ op: 'near', left: code('Housing'), right: code('Clinic'), within: 2, unit: 'turns' });
    expect(near).toHaveLength(1);
    expect(near[0]![2]).toBe(2);
  });

  it('nests, applies attribute filters at the leaves, and describes itself', () => {
    const q: CodeQuery = {
      op: 'or',
      left: { op: 'and', left: code('Housing'), right: code('Waitlists'), scope: 'overlap' },
      right: { op: 'not', left: code('Workarounds'), right: code('Clinic') },
    };
    expect(texts(q)).toEqual([
      'int-CM1: So we drive people two hours.',
      'focus-group: Housing lists are closed.',
      'focus-group: Officers keep a list of beds on their phones.',
    ]);
    expect(texts(q, { where: [{ attribute: 'participant type', values: ['participant'] }] })).toEqual(['focus-group: Housing lists are closed.']);
    expect(describeQuery(index, q)).toBe('(Housing AND Waitlists) OR (Workarounds NOT Clinic)');
    expect(codeQuerySchema.parse(JSON.parse(JSON.stringify(q)))).toEqual(q);
  });

  it('theme leaves and descendants', () => {
    expect(texts({ op: 'theme', themeId: ids['Staff workarounds']! })).toHaveLength(3);
    expect(texts({ op: 'code', codeId: ids.Services!, includeDescendants: true }).length).toBeGreaterThan(texts(code('Services')).length);
  });

  it('rejects malformed and absurdly deep queries', () => {
    expect(codeQuerySchema.safeParse({ op: 'xor', left: code('Housing'), right: code('Clinic') }).success).toBe(false);
    expect(codeQuerySchema.safeParse({ op: 'near', left: code('Housing'), right: code('Clinic'), within: -1, unit: 'turns' }).success).toBe(false);
    let deep: CodeQuery = code('Housing');
    for (let i = 0; i < MAX_QUERY_DEPTH + 1; i++) deep = { op: 'or', left: deep, right: code('Clinic') };
    expect(() => evaluateQuery(index, deep)).toThrow(QueryError);
  });

  it('an empty code gives no hits in AND, and leaves the other side in OR', () => {
    expect(texts({ op: 'and', left: code('Housing'), right: code('Empty'), scope: 'overlap' })).toEqual([]);
    expect(texts({ op: 'or', left: code('Empty'), right: code('Clinic') })).toEqual(texts(code('Clinic')));
  });
});
