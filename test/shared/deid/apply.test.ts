/** Apply: the copy holds no accepted identifier anywhere, every coding covers the same words, and the original is untouched. */
import { describe, expect, it } from 'vitest';
import { buildDeidFixture, SEEDED } from '../../../fixtures/deid';
import { DEID_SETTING, applyDeidentification, checkCodings, findCandidates, mappingCsv, parseNamesCsv, saveDecisions, savedDecisions } from '../../../shared/deid';
import { compromiseFinder } from '../../../shared/deid/compromise';
import { applyChanges } from '../../../shared/model/changes';
import type { Project } from '../../../shared/model/schema';
import { readQdpx, writeQdpx } from '../../../shared/formats/refi';

const NEW_ID = '11111111-2222-4333-8444-555555555555';

/** Every string in the project except ids, colours and dates: all the text a reader could see. */
function allText(project: Project): string {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (!/^(id|.*Id|color|createdAt|modifiedAt|importedAt|format|role|origin|type|kind)$/.test(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(project);
  return out.join('\n');
}

function wholeWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

describe('apply', () => {
  const { project, ids } = buildDeidFixture();
  const before = structuredClone(project);
  const decisions = findCandidates(project, { finder: compromiseFinder });
  const { project: copy, mapping, replaced } = applyDeidentification(project, { decisions, newId: NEW_ID, now: '2026-12-07T00:00:00Z' });

  it('leaves no seeded identifier in any text, name, speaker, attribute, code, theme or memo of the copy', () => {
    const text = allText(copy);
    for (const { text: id } of SEEDED) expect(wholeWord(text, id), id).toBe(false);
    for (const first of ['Marcus', 'Yolanda', 'Tasha', 'Brennan', 'Denise', 'Rosalind', 'Pierce']) expect(wholeWord(text, first), first).toBe(false);
    expect(copy.sources[0]!.speakers.map((s) => s.name)).toEqual(['[Interviewer 1]', '[Participant 1]']);
    expect(new Set(copy.sources[0]!.turns.map((t) => t.speaker))).toEqual(new Set(['[Interviewer 1]', '[Participant 1]']));
    expect(copy.cases.map((c) => c.name)).toEqual(['[Participant 1]', '[Participant 2]']);
    expect(copy.attributes[0]!.values).toEqual(['[Site A]', '[Site B]']);
    expect(copy.codes[1]!.name).toMatch(/^\[Agency \d\] treatment$/);
    expect(replaced).toBeGreaterThan(40);
  });

  it('keeps every coding on the same words, checked coding by coding', () => {
    const { checked, problems } = checkCodings(project, copy, decisions);
    expect(checked).toBe(project.codings.length);
    expect(problems).toEqual([]);
    const text = (id: string) => {
      const c = copy.codings.find((x) => x.id === ids[id])!;
      return copy.sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end);
    };
    // Began inside "Brennan": now begins with the whole pseudonym, never half of it.
    expect(text('c2')).toBe('[Officer 1] picked me up');
    expect(text('c3')).toMatch(/^The \[Agency \d\]$/);
    expect(text('c5')).toBe('My grandmother is [90+] and she still calls me at [Phone] every Sunday.');
    expect(copy.codings.find((c) => c.id === ids.c5)!.exemplar).toBe(true);
  });

  it('moves paragraphs and turns with the text', () => {
    for (const s of copy.sources) {
      for (const t of s.turns) expect(s.text.slice(t.start, t.end)).not.toMatch(/^\s|\s$/);
      expect(s.paragraphs.at(-1)!.end).toBeLessThanOrEqual(s.text.length);
      for (let i = 1; i < s.paragraphs.length; i++) expect(s.paragraphs[i]!.start).toBeGreaterThanOrEqual(s.paragraphs[i - 1]!.end);
      expect(s.text.slice(s.turns[1]!.start, s.turns[1]!.end)).toMatch(/^(Yeah|I was born)/);
    }
  });

  it('gives the copy a new id and no decisions, and leaves the original as it was', () => {
    expect(copy.meta.id).toBe(NEW_ID);
    expect(copy.meta.name).toBe('Recovery pathways (de-identified)');
    expect(project).toEqual(before);
    const withSaved = applyChanges(project, saveDecisions(project, decisions));
    const again = applyDeidentification(withSaved, { decisions, newId: NEW_ID, now: '2026-12-07T00:00:00Z' });
    expect(again.project.settings.find((s) => s.id === DEID_SETTING)).toBeUndefined();
    expect(JSON.stringify(again.project)).not.toContain('Marcus');
  });

  it('returns the mapping for a separate file, readable back as a names list', () => {
    const marcus = mapping.find((m) => m.identifier === 'Marcus Bell')!;
    expect(marcus).toMatchObject({ pseudonym: '[Participant 1]', category: 'participant' });
    expect(marcus.count).toBeGreaterThan(5);
    const back = parseNamesCsv(mappingCsv(mapping), 'mapping.csv');
    expect(back.find((e) => e.identifier === '(937) 555-0142')).toEqual({ identifier: '(937) 555-0142', pseudonym: '[Phone]', category: 'phone' });
  });

  it('replaces nothing that was rejected, and keeps single occurrences marked as exceptions', () => {
    const dayton = decisions.find((d) => d.label === 'Dayton')!;
    const denise = decisions.find((d) => d.label === 'Denise Whitlock')!;
    const exception = denise.hits.find((h) => h.text === 'Denise')!;
    const edited = decisions.map((d) =>
      d === dayton ? { ...d, accepted: false } : d === denise ? { ...d, pseudonym: '[Counsellor]', exceptions: [exception.key] } : d,
    );
    const out = applyDeidentification(project, { decisions: edited, newId: NEW_ID, now: '2026-12-07T00:00:00Z' }).project;
    const text = out.sources[0]!.text;
    expect(text).toContain('grew up in Dayton');
    expect(text).toContain('My counselor there, [Counsellor], she was real');
    expect(text).toContain('Denise called me every week');
    expect(checkCodings(project, out, edited).problems).toEqual([]);
  });
});

describe('names that become one pseudonym', () => {
  it('make one speaker and one attribute value', () => {
    const { project } = buildDeidFixture();
    const source = project.sources[1]!;
    project.sources[1] = { ...source, speakers: [...source.speakers, { name: 'Yolanda', role: 'respondent' }] };
    project.attributes[0] = { ...project.attributes[0]!, values: ['Eastgate Clinic', 'Eastgate', 'Northfield Center'] };
    // The reviewer gives the short form the site's pseudonym.
    const found = findCandidates(project);
    const site = found.find((d) => d.label === 'Eastgate Clinic')!.pseudonym;
    const decisions = found.map((d) => (d.label === 'Eastgate' ? { ...d, pseudonym: site } : d));
    const copy = applyDeidentification(project, { decisions, newId: NEW_ID, now: '2026-12-07T00:00:00Z' }).project;
    expect(copy.sources[1]!.speakers.map((s) => s.name)).toEqual(['[Interviewer 1]', '[Participant 2]']);
    expect(copy.attributes[0]!.values).toEqual([site, found.find((d) => d.label === 'Northfield Center')!.pseudonym]);
  });
});

describe('an accepted identifier whose pseudonym was cleared', () => {
  it('is still replaced, never left as it was', () => {
    const { project } = buildDeidFixture();
    const decisions = findCandidates(project).map((d) => (d.label === 'Dayton' ? { ...d, pseudonym: '  ' } : d));
    const { project: copy, mapping } = applyDeidentification(project, { decisions, newId: NEW_ID, now: '2026-12-07T00:00:00Z' });
    expect(copy.sources[0]!.text).toContain('I grew up in [Removed], near');
    expect(mapping.find((m) => m.identifier === 'Dayton')!.pseudonym).toBe('[Removed]');
    expect(checkCodings(project, copy, decisions).problems).toEqual([]);
  });
});

describe('saved decisions', () => {
  it('travel in the .qdpx so a transcript imported later gets the same mapping', () => {
    const { project } = buildDeidFixture();
    const decisions = findCandidates(project, { finder: compromiseFinder }).map((d) => (d.label === 'Dayton' ? { ...d, accepted: false } : d));
    const saved = applyChanges(project, saveDecisions(project, decisions));
    const reread = readQdpx(writeQdpx(saved), 'study.qdpx').project;
    const back = savedDecisions(reread);
    expect(back).toHaveLength(decisions.length);
    expect(back.find((d) => d.label === 'Dayton')!.accepted).toBe(false);
    // A later interview mentioning the same people gets the same pseudonyms.
    const later = structuredClone(reread);
    const src = { ...later.sources[1]!, id: '99999999-0000-4000-8000-000000000001', name: 'Later', text: 'Marcus Bell said Officer Brennan left Harbor Light.', paragraphs: [{ start: 0, end: 51 }], turns: [], speakers: [] };
    later.sources = [src];
    const again = findCandidates(later, { finder: compromiseFinder });
    expect(again.find((d) => d.label === 'Marcus Bell')).toMatchObject({ pseudonym: '[Participant 1]', isNew: false });
    expect(again.find((d) => d.label === 'Officer Brennan')).toMatchObject({ pseudonym: '[Officer 1]', isNew: false });
  });

  it('a damaged decisions row reads as none rather than failing', () => {
    expect(savedDecisions({ settings: [{ id: DEID_SETTING, value: { version: 9 } }] })).toEqual([]);
  });
});
