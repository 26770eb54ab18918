import { describe, expect, it } from 'vitest';
import { applyChanges, combine, invert } from '../../../shared/model/changes';
import { newGuid, normalizeGuid, seededGuids } from '../../../shared/model/ids';
import { codePath, codeTree, descendantIds, emptyProject, speakerNames } from '../../../shared/model/project';
import { codeSchema, guidSchema, projectSchema } from '../../../shared/model/schema';
import { buildDemoProject } from '../../../fixtures/demo';
import { composeTranscript, paragraphSpans } from '../../../shared/text/compose';

describe('GUIDs', () => {
  it('normalises other tools’ GUIDs: braces, upper case', () => {
    expect(normalizeGuid('{ABCDEF01-2345-6789-ABCD-EF0123456789}')).toBe('abcdef01-2345-6789-abcd-ef0123456789');
    expect(normalizeGuid('not-a-guid')).toBeNull();
  });
  it('makes valid GUIDs, and seeded ones repeat exactly', () => {
    expect(guidSchema.safeParse(newGuid()).success).toBe(true);
    const a = seededGuids(7);
    const b = seededGuids(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const g of first) expect(guidSchema.safeParse(g).success).toBe(true);
  });
});

describe('change sets', () => {
  const coder = { id: '00000000-0000-4000-8000-000000000001', name: 'A' };
  const base = emptyProject({ id: '00000000-0000-4000-8000-000000000000', name: 'P', now: '2026-01-01T00:00:00Z', coder });

  it('apply then invert gives back the original project', () => {
    const set = {
      label: 'rename',
      changes: [
        { table: 'coders' as const, id: coder.id, before: coder, after: { ...coder, name: 'B' } },
        { table: 'coders' as const, id: 'x', before: null, after: { id: '00000000-0000-4000-8000-000000000002', name: 'C' } },
      ],
    };
    set.changes[1]!.id = '00000000-0000-4000-8000-000000000002';
    const after = applyChanges(base, set);
    expect(after.coders.map((c) => c.name).sort()).toEqual(['B', 'C']);
    expect(base.coders[0]!.name).toBe('A');
    expect(applyChanges(after, invert(set))).toEqual(base);
  });

  it('combine keeps every change in order under one label', () => {
    const a = { label: 'a', changes: [{ table: 'coders' as const, id: coder.id, before: coder, after: { ...coder, name: 'X' } }] };
    const b = { label: 'b', changes: [{ table: 'coders' as const, id: coder.id, before: { ...coder, name: 'X' }, after: { ...coder, name: 'Y' } }] };
    const both = combine('both', [a, b]);
    expect(both.label).toBe('both');
    expect(applyChanges(base, both).coders[0]!.name).toBe('Y');
    expect(applyChanges(applyChanges(base, both), invert(both))).toEqual(base);
  });
});

describe('project helpers', () => {
  const demo = buildDemoProject();
  it('the demo project is schema-valid and deterministic', () => {
    expect(projectSchema.safeParse(demo).success).toBe(true);
    expect(buildDemoProject()).toEqual(demo);
  });
  it('orders the code tree parents first and gives paths', () => {
    const tree = codeTree(demo.codes);
    expect(tree).toHaveLength(demo.codes.length);
    const byId = new Map(demo.codes.map((c) => [c.id, c]));
    const seen = new Set<string>();
    for (const { code, depth } of tree) {
      if (code.parentId) expect(seen.has(code.parentId)).toBe(true);
      expect(depth).toBe(codePath(code, byId).length - 1);
      seen.add(code.id);
    }
    const waitlists = demo.codes.find((c) => c.name === 'Waitlists')!;
    expect(codePath(waitlists, byId)).toEqual(['Barriers to services', 'Waitlists']);
    const barriers = demo.codes.find((c) => c.name === 'Barriers to services')!;
    expect(descendantIds(barriers.id, demo.codes).size).toBe(7);
  });
  it('lists each source’s speakers once, in order', () => {
    expect(speakerNames(demo.sources[0]!)).toEqual(['Interviewer', 'Officer']);
  });
  it('rejects a code with a malformed colour', () => {
    const code = demo.codes[0]!;
    expect(codeSchema.safeParse({ ...code, color: 'red' }).success).toBe(false);
  });
});

describe('composeTranscript', () => {
  it('keeps labels in the text and turn spans on the utterance only', () => {
    const s = composeTranscript([
      { speaker: 'Interviewer', text: 'How are you?', timeMs: 1000 },
      { speaker: 'Ana', text: 'Bien.\nThanks 😀' },
      { speaker: null, text: 'A note.' },
    ]);
    expect(s.text).toBe('Interviewer: How are you?\n\nAna: Bien.\nThanks 😀\n\nA note.');
    expect(s.turns.map((t) => s.text.slice(t.start, t.end))).toEqual(['How are you?', 'Bien.\nThanks 😀']);
    expect(s.turns[0]!.timeMs).toBe(1000);
    expect(s.paragraphs.map((p) => s.text.slice(p.start, p.end))).toEqual(['Interviewer: How are you?', 'Ana: Bien.', 'Thanks 😀', 'A note.']);
    expect(s.speakers).toEqual([
      { name: 'Interviewer', role: 'interviewer' },
      { name: 'Ana', role: 'respondent' },
    ]);
  });
  it('normalises utterances that are not NFC or have CR line ends, with spans on the normalised text', () => {
    const s = composeTranscript([
      { speaker: 'Rene\u0301e', text: 'cafe\u0301\r\nsecond line' },
      { speaker: 'Ana', text: 'ok' },
    ]);
    expect(s.text).toBe('Renée: café\nsecond line\n\nAna: ok');
    expect(s.turns.map((t) => s.text.slice(t.start, t.end))).toEqual(['café\nsecond line', 'ok']);
    expect(s.paragraphs.map((p) => s.text.slice(p.start, p.end))).toEqual(['Renée: café', 'second line', 'Ana: ok']);
  });
  it('keeps a speaker name on one line, so the label never splits a paragraph', () => {
    const s = composeTranscript([{ speaker: 'John\n Smith', text: 'First line\nsecond line' }]);
    expect(s.text).toBe('John Smith: First line\nsecond line');
    expect(s.paragraphs.map((p) => s.text.slice(p.start, p.end))).toEqual(['John Smith: First line', 'second line']);
    expect(s.speakers.map((x) => x.name)).toEqual(['John Smith']);
  });
  it('finds paragraphs', () => {
    expect(paragraphSpans('a\n\n b\n')).toEqual([{ start: 0, end: 1 }, { start: 3, end: 5 }]);
    expect(paragraphSpans('\u00a0\n\u3000x\n\t\n')).toEqual([{ start: 2, end: 4 }]);
  });
});
