/** Agreement over a whole project: hand-counted codings of two and three coders. */
import { describe, expect, it } from 'vitest';
import type { CharComparison, SegmentComparison, UnitComparison } from '../../../shared/agreement';
import { compareCoders, sentenceSpans } from '../../../shared/agreement';
import { ProjectBuilder } from './build';

function twoCoderProject() {
  const b = new ProjectBuilder(7);
  const ana = b.coder('Ana');
  const ben = b.coder('Ben');
  const cy = b.coder('Cy');
  const s1 = b.source('one.txt', 'x'.repeat(100));
  const s2 = b.source('two.txt', 'y'.repeat(50));
  const s3 = b.source('only-ana.txt', 'z'.repeat(40));
  const housing = b.code('Housing');
  const police = b.code('Police');
  // s1 Housing: Ana 10-40, Ben 30-60 (both 10, A 20, B 20, neither 50)
  b.coding(ana, housing, s1, 10, 40);
  b.coding(ben, housing, s1, 30, 60);
  // s1 Police: Ana 0-10 and 5-20 (joined to 0-20), Ben 0-20 (identical)
  b.coding(ana, police, s1, 0, 10);
  b.coding(ana, police, s1, 5, 20);
  b.coding(ben, police, s1, 0, 20);
  // s2 Police: Ana 0-10 only; s2 Housing: nobody
  b.coding(ana, police, s2, 0, 10);
  b.coding(ben, housing, s2, 40, 50);
  // s3: only Ana coded it, so it is not compared.
  b.coding(ana, housing, s3, 0, 40);
  // Cy codes nothing we compare here.
  return { project: b.project, ana, ben, cy, s1, s2, s3, housing, police };
}

describe('character agreement over a project', () => {
  it('compares only sources both coders coded and lists the others with the reason', () => {
    const { project, ana, ben, s3 } = twoCoderProject();
    const result = compareCoders(project, { coderIds: [ana.id, ben.id] }) as CharComparison;
    expect(result.sources.map((s) => s.name)).toEqual(['one.txt', 'two.txt']);
    expect(result.skippedSources).toEqual([{ id: s3.id, name: 'only-ana.txt', reason: 'not coded by Ben' }]);
    expect(result.codes.map((c) => c.name)).toEqual(['Housing', 'Police']);
  });

  it('rows, per-code pooling and the overall figure match a hand count', () => {
    const { project, ana, ben, s1, s2, housing, police } = twoCoderProject();
    const result = compareCoders(project, { coderIds: [ana.id, ben.id], unit: 'char' }) as CharComparison;
    const row = (code: string, source: string) => result.rows.find((r) => r.codeId === code && r.sourceId === source);
    expect(row(housing.id, s1.id)).toMatchObject({ both: 10, aOnly: 20, bOnly: 20, neither: 50 });
    expect(row(police.id, s1.id)).toMatchObject({ both: 20, aOnly: 0, bOnly: 0, neither: 80, kappa: 1 });
    expect(row(police.id, s2.id)).toMatchObject({ both: 0, aOnly: 10, bOnly: 0, neither: 40 });
    expect(row(housing.id, s2.id)).toMatchObject({ both: 0, aOnly: 0, bOnly: 10, neither: 40 });
    expect(result.rows).toHaveLength(4);

    const perHousing = result.perCode.find((c) => c.id === housing.id)!;
    expect(perHousing.pooled).toMatchObject({ both: 10, aOnly: 20, bOnly: 30, neither: 90, total: 150 });
    // Overall: every character of both sources, once per code.
    expect(result.overall.pooled).toMatchObject({ both: 30, aOnly: 30, bOnly: 30, neither: 210, total: 300 });
    expect(result.overall.pooled.percentAgreement).toBeCloseTo(240 / 300, 12);
    // Per source s2: Police (0,10,0,40) + Housing (0,0,10,40).
    expect(result.perSource.find((s) => s.id === s2.id)!.pooled).toMatchObject({ both: 0, aOnly: 10, bOnly: 10, neither: 80 });
    // Mean kappa per code over the sources where either coder applied it.
    // s2 Police: A 10 of 50, B nothing: p_o = 0.8, p_e = 0.2*0 + 0.8*1 = 0.8, kappa 0.
    const perPolice = result.perCode.find((c) => c.id === police.id)!;
    expect(perPolice.meanKappa).toBeCloseTo((1 + 0) / 2, 12);
  });

  it('with the coded-text switch, text neither coder coded leaves the count', () => {
    const { project, ana, ben, s1, housing } = twoCoderProject();
    const result = compareCoders(project, { coderIds: [ana.id, ben.id], universe: 'coded' }) as CharComparison;
    // s1 coded text: 0-60 (Police 0-20, Housing 10-60) = 60 characters.
    expect(result.rows.find((r) => r.codeId === housing.id && r.sourceId === s1.id)).toMatchObject({
      both: 10,
      aOnly: 20,
      bOnly: 20,
      neither: 10,
    });
  });

  it('a coder pair is required for characters, and coders must exist', () => {
    const { project, ana, ben, cy } = twoCoderProject();
    expect(() => compareCoders(project, { coderIds: [ana.id, ben.id, cy.id] })).toThrow(/two coders at a time/);
    expect(() => compareCoders(project, { coderIds: [ana.id, ana.id] })).toThrow(/twice/);
    expect(() => compareCoders(project, { coderIds: [ana.id, '00000000-0000-4000-8000-000000000000'] })).toThrow(/no coder/);
  });
});

describe('segment agreement over a project', () => {
  it('counts matched segments per code with the overlap threshold', () => {
    const { project, ana, ben, housing, police } = twoCoderProject();
    const at90 = compareCoders(project, { coderIds: [ana.id, ben.id], unit: 'segment' }) as SegmentComparison;
    expect(at90.overlapPercent).toBe(90);
    // Police: s1 identical (2 agreements), s2 Ana alone (1 disagreement).
    expect(at90.perCode.find((c) => c.id === police.id)!.pooled).toMatchObject({ agreements: 2, disagreements: 1 });
    // Housing: s1 10-40 vs 30-60 overlap 10/50 = 20%; s2 Ben alone: 3 disagreements.
    expect(at90.perCode.find((c) => c.id === housing.id)!.pooled).toMatchObject({ agreements: 0, disagreements: 3 });
    expect(at90.overall.pooled).toMatchObject({ agreements: 2, disagreements: 4 });
    const at20 = compareCoders(project, { coderIds: [ana.id, ben.id], unit: 'segment', overlapPercent: 20 }) as SegmentComparison;
    expect(at20.perCode.find((c) => c.id === housing.id)!.pooled).toMatchObject({ agreements: 2, disagreements: 1 });
  });
});

describe('alpha over turns and sentences', () => {
  it('splits sentences at end punctuation followed by space, within paragraphs', () => {
    const text = 'We waited. Then what? "Nothing." Next line\nNew para… ok';
    const spans = sentenceSpans(text, [{ start: 0, end: 42 }, { start: 43, end: text.length }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['We waited.', 'Then what?', '"Nothing."', 'Next line', 'New para…', 'ok']);
  });

  it('takes each sentence as a unit and pools code x sentence pairs overall', () => {
    const b = new ProjectBuilder(9);
    const [ana, ben] = [b.coder('Ana'), b.coder('Ben')];
    const text = 'One two. Three four. Five six.';
    const src = b.source('s.txt', text);
    const [x, y] = [b.code('X'), b.code('Y')];
    // X: both code sentence 1; Ana also sentence 2. Y: Ben codes sentence 3.
    b.coding(ana, x, src, 0, 12);
    b.coding(ben, x, src, 2, 5);
    b.coding(ben, y, src, text.indexOf('Five'), text.length);
    const result = compareCoders(b.project, { coderIds: [ana.id, ben.id], unit: 'sentence' }) as UnitComparison;
    expect(result.perCode.find((c) => c.id === x.id)!.histogram).toEqual([1, 1, 1]);
    expect(result.perCode.find((c) => c.id === y.id)!.histogram).toEqual([2, 1, 0]);
    // Overall: 6 code x sentence units; 3 with no one, 2 with one coder, 1 with both.
    expect(result.overall.histogram).toEqual([3, 2, 1]);
    // By hand: n = 12 values, four 1s and eight 0s; o_01 = 2 (one per split unit, both ways).
    // alpha = 1 - (n - 1) * o_01 * 2 / (2 * n_0 * n_1) = 1 - 11 * 4 / (2 * 8 * 4)
    expect(result.overall.result.alpha).toBeCloseTo(1 - (11 * 4) / (2 * 8 * 4), 12);
  });

  it('takes each turn as a unit, present when the coder coded any of it', () => {
    const b = new ProjectBuilder(3);
    const [ana, ben, cy] = [b.coder('Ana'), b.coder('Ben'), b.coder('Cy')];
    const src = b.transcript('t.txt', [
      ['Interviewer', 'How was housing?'],
      ['P1', 'Hard to find.'],
      ['Interviewer', 'And the police?'],
      ['P1', 'They helped.'],
    ]);
    const housing = b.code('Housing');
    const turns = src.turns;
    // Turn 1: all three; turn 0: Ana only; turns 2, 3: nobody (Cy codes turn 3 with another code).
    for (const c of [ana, ben, cy]) b.coding(c, housing, src, turns[1]!.start, turns[1]!.start + 4);
    b.coding(ana, housing, src, turns[0]!.start, turns[0]!.end);
    b.coding(cy, b.code('Police'), src, turns[3]!.start, turns[3]!.end);
    const result = compareCoders(b.project, { coderIds: [ana.id, ben.id, cy.id], unit: 'turn' }) as UnitComparison;
    const row = result.rows.find((r) => r.codeId === housing.id)!;
    expect(row.units).toBe(4);
    expect(row.histogram).toEqual([2, 1, 0, 1]);
    // By hand: values 1 x4 (turn1 x3, turn0 x1), 0 x8; o_01 = o_10 = 2/2 = 1, n = 12.
    // D_o = 2/12; D_e = 2*4*8/(12*11); alpha = 1 - (2/12)/(64/132) = 1 - 11/32
    expect(row.alpha).toBeCloseTo(1 - 11 / 32, 12);
    expect(result.perCode.find((c) => c.id === housing.id)!.result.counts).toMatchObject({ coders: 3, units: 4, pairableValues: 12 });
  });
});
