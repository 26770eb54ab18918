/** Find: every identifier seeded in the fixture is found, grouped with its variants, and given a pseudonym of its category. */
import { describe, expect, it } from 'vitest';
import { buildDeidFixture, SEEDED } from '../../../fixtures/deid';
import type { Candidate } from '../../../shared/deid';
import { defaultPseudonym, findCandidates } from '../../../shared/deid';
import { compromiseFinder } from '../../../shared/deid/compromise';
import { findPatterns } from '../../../shared/deid/patterns';
import { capitalisedRuns, isGenericLabel, titledNames } from '../../../shared/deid/names';
import { emptyProject } from '../../../shared/model/project';
import { composeTranscript } from '../../../shared/text/compose';
import type { Project } from '../../../shared/model/schema';

const { project } = buildDeidFixture();
const found = findCandidates(project, { finder: compromiseFinder });

function owner(cands: Candidate[], text: string): Candidate | undefined {
  return cands.find((c) => c.variants.includes(text));
}

function projectOf(...texts: string[]): Project {
  const p = emptyProject({ id: '00000000-0000-4000-8000-000000000001', name: 'p', now: '2026-12-01T00:00:00Z' });
  p.sources = texts.map((text, i) => {
    const t = composeTranscript([{ speaker: null, text }]);
    return { id: `00000000-0000-4000-8000-00000000010${i}`, name: `s${i}`, text: t.text, paragraphs: t.paragraphs, turns: [], speakers: [], format: 'txt' as const, importedAt: '2026-12-01T00:00:00Z' };
  });
  return p;
}

describe('find', () => {
  it.each(SEEDED)('finds "$text" as $category', ({ text, category }) => {
    const c = owner(found, text);
    expect(c, `${text} not found`).toBeDefined();
    expect(c!.category).toBe(category);
    expect(c!.hits.length).toBeGreaterThan(0);
  });

  it('says where each candidate comes from and shows every hit in context', () => {
    const marcus = owner(found, 'Marcus Bell')!;
    expect(marcus.origins).toEqual(expect.arrayContaining(['speaker', 'case']));
    expect(owner(found, 'Eastgate Clinic')!.origins).toContain('attribute');
    expect(owner(found, '(937) 555-0142')!.origins).toContain('pattern');
    const hit = marcus.hits.find((h) => h.text === 'Marcus' && h.sourceId)!;
    expect(`${hit.before}[${hit.text}]${hit.after}`).toContain('coming in today, [Marcus]. Can you');
    // Names in memos, cases and codes are hits too.
    expect(marcus.hits.map((h) => h.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^Memo/), expect.stringMatching(/^Case/)]));
    expect(owner(found, 'Harbor Light')!.hits.some((h) => h.ref?.table === 'codes' && h.ref.field === 'name')).toBe(true);
  });

  it('numbers pseudonyms per category in order of first appearance; sites get letters; patterns one tag', () => {
    expect(owner(found, 'Marcus Bell')!.pseudonym).toBe('[Participant 1]');
    expect(owner(found, 'Yolanda Pierce')!.pseudonym).toBe('[Participant 2]');
    expect(owner(found, 'Rosalind Ortega')!.pseudonym).toBe('[Interviewer 1]');
    expect(owner(found, 'Officer Brennan')!.pseudonym).toBe('[Officer 1]');
    expect(owner(found, 'Detective Lucero')!.pseudonym).toBe('[Officer 2]');
    expect(owner(found, 'Eastgate Clinic')!.pseudonym).toBe('[Site A]');
    expect(owner(found, 'Northfield Center')!.pseudonym).toBe('[Site B]');
    expect(owner(found, 'Harbor Light')!.pseudonym).toMatch(/^\[Agency \d\]$/);
    expect(owner(found, 'March 14, 1986')!.pseudonym).toBe('[Date]');
    expect(defaultPseudonym('site', 27)).toBe('[Site AA]');
  });

  it('keeps saved pseudonyms and decisions, and never hands out a kept number again', () => {
    const saved = found.map((c) => (c.label === 'Yolanda Pierce' ? { ...c, pseudonym: '[Participant 1]', accepted: false } : c));
    const again = findCandidates(project, { finder: compromiseFinder, saved: saved.filter((c) => c.label === 'Yolanda Pierce') });
    expect(owner(again, 'Yolanda Pierce')!.pseudonym).toBe('[Participant 1]');
    expect(owner(again, 'Yolanda Pierce')!.accepted).toBe(false);
    expect(owner(again, 'Yolanda Pierce')!.isNew).toBe(false);
    expect(owner(again, 'Marcus Bell')!.pseudonym).toBe('[Participant 2]');
    expect(owner(again, 'Marcus Bell')!.isNew).toBe(true);
  });

  it('scans only the chosen sources', () => {
    const one = findCandidates(project, { finder: compromiseFinder, sourceIds: [project.sources[1]!.id] });
    expect(owner(one, 'Tasha Greenfield')?.hits.some((h) => h.sourceId)).not.toBe(true);
    expect(owner(one, 'Springfield')).toBeDefined();
  });

  it('takes the team list with its pseudonyms and categories', () => {
    const p = projectOf('We met Shorty and Big Lou outside Kessler Park every night.');
    const c = findCandidates(p, { list: [{ identifier: 'Shorty', pseudonym: '[Friend 1]', category: 'person' }, { identifier: 'Kessler Park', category: 'place' }] });
    expect(owner(c, 'Shorty')).toMatchObject({ pseudonym: '[Friend 1]', origins: expect.arrayContaining(['list']), accepted: true });
    expect(owner(c, 'Kessler Park')).toMatchObject({ category: 'place', pseudonym: '[Place 1]' });
  });
});

describe('what names nobody', () => {
  it('roles, transcript labels and codes are not identifiers; names with a role word are', () => {
    for (const label of ['Case manager', 'Police officer', 'Prosecutor', 'Interviewer', 'P07', 'Speaker 2', 'Site B', 'Therapist', 'Client'])
      expect(isGenericLabel(label), label).toBe(true);
    for (const name of ['Marcus Bell', 'Officer Brennan', 'Yolanda', 'Eastgate Clinic']) expect(isGenericLabel(name), name).toBe(false);
  });

  it('keeps the name and drops the words around it, but not a name that starts with a word', () => {
    const p = projectOf('What services did you use? The ID office was closed. I go to Hope Street Ministries. Grace said no. Medicaid paid.');
    const c = findCandidates(p, { finder: compromiseFinder });
    expect(c.map((x) => x.label)).toEqual(['Hope Street Ministries']);
  });
});

describe('grouping variants', () => {
  it('puts David, David Kim, Mr Kim and Kim\'s together', () => {
    const p = projectOf('Then David Kim came by. I told David no. Mr Kim laughed, and Kim\'s brother left.');
    const c = findCandidates(p, { list: [{ identifier: 'David Kim', category: 'participant' }] });
    const g = owner(c, 'David Kim')!;
    expect(g.variants).toEqual(expect.arrayContaining(['David Kim', 'Mr Kim', 'David', 'Kim']));
    expect(g.hits.map((h) => h.text)).toEqual(['David Kim', 'David', 'Mr Kim', 'Kim']);
    expect(c.filter((x) => x.variants.includes('Kim'))).toHaveLength(1);
  });

  it('leaves a surname shared by two people on its own', () => {
    const p = projectOf('David Kim and Sarah Kim both spoke. Later Kim said nothing.');
    const c = findCandidates(p, { list: [{ identifier: 'David Kim', category: 'person' }, { identifier: 'Sarah Kim', category: 'person' }] });
    expect(owner(c, 'David Kim')!.variants).not.toContain('Kim');
    expect(owner(c, 'Sarah Kim')!.variants).not.toContain('Kim');
  });

  it('matches whole words only, in the written case or in capitals', () => {
    const p = projectOf('Kim went home. Kimberly stayed. KIM shouted. kim is a word here.');
    const c = findCandidates(p, { list: [{ identifier: 'Kim', category: 'person' }] });
    expect(owner(c, 'Kim')!.hits.map((h) => h.text)).toEqual(['Kim', 'KIM']);
  });
});

describe('patterns and heuristics', () => {
  const kinds = (text: string) => findPatterns(text).map((f) => [f.category, text.slice(f.start, f.end)]);
  it('finds e-mail, phone, address, dates, ages over 89, IDs and URLs', () => {
    expect(kinds('Write to ana.b+x@mail.example.org or call 555-201-3344, +44 20 7946 0958 or (312) 555 0199.')).toEqual(
      expect.arrayContaining([['email', 'ana.b+x@mail.example.org'], ['phone', '555-201-3344'], ['phone', '+44 20 7946 0958'], ['phone', '(312) 555 0199']]),
    );
    expect(kinds('She lives at 22 W Maple Street, Apt 4 now.')).toContainEqual(['address', '22 W Maple Street, Apt 4']);
    expect(kinds('Born 3/14/1987, released 2021-06-30, court on 5 June 2022 and on July 4th, 2020.').map((k) => k[1])).toEqual(
      expect.arrayContaining(['3/14/1987', '2021-06-30', '5 June 2022', 'July 4th, 2020']),
    );
    expect(kinds('He is 94 years old; she turned 91. He was 95. It was 92 percent.').filter((k) => k[0] === 'age').map((k) => k[1])).toEqual(['94', '91', '95']);
    expect(kinds('I was 45 years old.').filter((k) => k[0] === 'age')).toEqual([]);
    expect(kinds('My case number is 18-CR-2231, SSN 123-45-6789, inmate #A7731902.').filter((k) => k[0] === 'id').map((k) => k[1])).toEqual(
      expect.arrayContaining(['18-CR-2231', '123-45-6789', 'A7731902']),
    );
    expect(kinds('See https://example.org/a?b=1. Or www.example.com.')).toEqual(expect.arrayContaining([['url', 'https://example.org/a?b=1'], ['url', 'www.example.com']]));
  });

  it('finds capitalised names in text the NLP library does not read, and titled names', () => {
    expect(capitalisedRuns('He kept OD-ing that year.')).toEqual([]);
    expect(capitalisedRuns('So we moved out to Kalamazoo, and I told Kendra.').map((f) => f.category)).toEqual(['place', 'person']);
    const text = 'Ayer fui con Lucía Fernández a la Clínica San Rafael. Después llamé a recovery. Recovery no.';
    expect(capitalisedRuns(text).map((f) => text.slice(f.start, f.end))).toEqual(['Lucía Fernández', 'Clínica San Rafael']);
    const t2 = 'They said Sgt. Morrow and Father Okoye were there.';
    expect(titledNames(t2).map((f) => [f.category, t2.slice(f.start, f.end)])).toEqual([['officer', 'Sgt. Morrow'], ['person', 'Father Okoye']]);
  });

  it('reads non-English text without the NLP library', () => {
    const p = projectOf('Ayer fui con Lucía Fernández a la Clínica San Rafael, y después Lucía me llamó.');
    const c = findCandidates(p, { finder: compromiseFinder });
    expect(owner(c, 'Lucía Fernández')!.hits.map((h) => h.text)).toEqual(['Lucía Fernández', 'Lucía']);
    expect(owner(c, 'Clínica San Rafael')).toBeDefined();
  });
});
