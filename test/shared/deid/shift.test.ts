/**
 * Offsets through replacements, as a property: random texts of words, random identifiers
 * replaced by random pseudonyms, random codings, paragraphs and turns. Every coding must
 * cover the same words with the identifiers replaced, never half a pseudonym.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeidentification, checkCodings, makeShifter } from '../../../shared/deid';
import type { DeidDecision } from '../../../shared/deid';
import { emptyProject } from '../../../shared/model/project';
import type { Coding, Project } from '../../../shared/model/schema';
import { composeTranscript } from '../../../shared/text/compose';

const NAMES = ['Ana', 'Bo Li', 'Cruz', 'Dee Dee', 'Eli'];
const WORDS = ['and', 'then', 'we', 'went', 'home', 'x', ',', '.', "'s"];

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const scenario = fc.record({
  paragraphs: fc.array(fc.array(fc.constantFrom(...NAMES, ...WORDS), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
  pseudonyms: fc.array(fc.string({ minLength: 0, maxLength: 12 }).map((s) => `[${s.replace(/[\n[\]]/g, '')}]`), { minLength: NAMES.length, maxLength: NAMES.length }),
  accepted: fc.array(fc.boolean(), { minLength: NAMES.length, maxLength: NAMES.length }),
  spans: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
});

describe('offset shifting', () => {
  it('moves positions before, after and inside a replacement', () => {
    // "ab NAME cd": NAME at 3..7 becomes "[P1]" (length 4) -> same; "[Participant]" (13) -> +9.
    const s = makeShifter([{ start: 3, end: 7, length: 13 }]);
    expect([s.start(0), s.start(3), s.start(5), s.end(5), s.end(7), s.start(7), s.end(10)]).toEqual([0, 3, 3, 16, 16, 16, 19]);
    expect(s.end(3)).toBe(3);
  });

  it('keeps every coding on the same words, identifiers replaced (property)', () => {
    fc.assert(
      fc.property(scenario, ({ paragraphs, pseudonyms, accepted, spans }) => {
        const t = composeTranscript(paragraphs.map((p) => ({ speaker: 'Cruz', text: p.join(' ') })));
        const project: Project = emptyProject({ id: G(1), name: 'p', now: '2026-12-01T00:00:00Z' });
        project.sources = [
          { id: G(2), name: 's', text: t.text, paragraphs: t.paragraphs, turns: t.turns, speakers: t.speakers, format: 'txt', importedAt: '2026-12-01T00:00:00Z' },
        ];
        const n = t.text.length;
        project.codings = spans.map(([a, b], i): Coding => {
          const [start, end] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y) as [number, number];
          return { id: G(100 + i), codeId: G(3), sourceId: G(2), coderId: G(4), start, end, createdAt: '2026-12-01T00:00:00Z' };
        });
        const decisions: DeidDecision[] = NAMES.map((name, i) => ({
          key: name.toLowerCase(), label: name, category: 'person', pseudonym: pseudonyms[i]!, accepted: accepted[i]!,
          variants: [name], exceptions: [], origins: ['list'],
        }));
        const copy = applyDeidentification(project, { decisions, newId: G(9), now: '2026-12-01T00:00:00Z' }).project;
        expect(checkCodings(project, copy, decisions).problems).toEqual([]);
        const text = copy.sources[0]!.text;
        // Structure still fits: paragraphs in order inside the text, each turn's words unchanged but for names.
        let last = 0;
        for (const p of copy.sources[0]!.paragraphs) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(p.end).toBeLessThanOrEqual(text.length);
          last = p.end;
        }
        copy.sources[0]!.turns.forEach((turn, i) => {
          const original = t.text.slice(t.turns[i]!.start, t.turns[i]!.end);
          const expected = NAMES.reduce(
            (s, name, k) => (accepted[k] ? s.replace(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'gu'), () => `\uE000${k}\uE000`) : s),
            original,
          ).replace(/\uE000(\d)\uE000/g, (_, k: string) => pseudonyms[Number(k)]!);
          expect(text.slice(turn.start, turn.end)).toBe(expected);
        });
        for (let i = 0; i < NAMES.length; i++) if (accepted[i]) expect(text).not.toMatch(new RegExp(`(?<![\\p{L}])${NAMES[i]}(?![\\p{L}])`, 'u'));
      }),
      { numRuns: 300 },
    );
  });
});
