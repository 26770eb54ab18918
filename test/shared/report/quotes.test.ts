import { describe, expect, it } from 'vitest';
import type { QuoteCandidate } from '../../../shared/report';
import { selectQuotes } from '../../../shared/report';

let n = 0;
function quote(over: Partial<QuoteCandidate> & { length: number }): QuoteCandidate {
  n++;
  const start = n * 10_000;
  return {
    codingId: `c${String(n).padStart(4, '0')}`,
    sourceId: `s${n}`,
    start,
    end: start + over.length,
    exemplar: false,
    group: 'partner',
    spread: 'A',
    caseKey: `case${n}`,
    ...over,
  };
}

describe('selectQuotes', () => {
  it('takes turns over group x site so every group and site speaks before any speaks twice', () => {
    const pool = [
      quote({ length: 300, group: 'partner', spread: 'A' }),
      quote({ length: 290, group: 'partner', spread: 'A' }),
      quote({ length: 280, group: 'partner', spread: 'A' }),
      quote({ length: 100, group: 'partner', spread: 'B' }),
      quote({ length: 120, group: 'participant', spread: 'A' }),
      quote({ length: 110, group: 'participant', spread: 'B' }),
    ];
    const picked = selectQuotes(pool, { count: 4, maxChars: 700, groupOrder: ['partner', 'participant'] });
    expect(picked.map((q) => `${q.group}/${q.spread}`)).toEqual([
      'partner/A',
      'partner/B',
      'participant/A',
      'participant/B',
    ]);
    // Within partner/A the longest wins.
    expect(picked[0]!.end - picked[0]!.start).toBe(300);
  });

  it('lets every group speak before a group with more sites speaks twice', () => {
    const pool = [
      quote({ length: 300, group: 'partner', spread: 'A' }),
      quote({ length: 300, group: 'partner', spread: 'B' }),
      quote({ length: 300, group: 'partner', spread: 'C' }),
      quote({ length: 100, group: 'participant', spread: 'A' }),
    ];
    const picked = selectQuotes(pool, { count: 2, maxChars: 700, groupOrder: ['partner', 'participant'] });
    expect(picked.map((q) => `${q.group}/${q.spread}`)).toEqual(['partner/A', 'participant/A']);
    const three = selectQuotes(pool, { count: 3, maxChars: 700, groupOrder: ['partner', 'participant'] });
    expect(three.map((q) => `${q.group}/${q.spread}`)).toEqual(['partner/A', 'partner/B', 'participant/A']);
  });

  it('passes over quotes that are too long or too short while better ones exist', () => {
    const long = quote({ length: 5000 });
    const short = quote({ length: 10 });
    const fine = quote({ length: 200 });
    expect(selectQuotes([long, short, fine], { count: 1, maxChars: 700 })).toEqual([fine]);
    expect(selectQuotes([long, short], { count: 1, maxChars: 700 })).toEqual([short]);
    const slightlyLong = quote({ length: 900 });
    expect(selectQuotes([long, slightlyLong], { count: 2, maxChars: 700 })).toEqual([slightlyLong]);
    // A marked exemplar is the team's choice, however long.
    const longExemplar = { ...long, exemplar: true };
    expect(selectQuotes([longExemplar], { count: 1, maxChars: 700 })).toEqual([longExemplar]);
  });

  it('prefers people not yet quoted', () => {
    const a1 = quote({ length: 400, caseKey: 'alice' });
    const a2 = quote({ length: 390, caseKey: 'alice' });
    const b = quote({ length: 100, caseKey: 'bob' });
    expect(selectQuotes([a1, a2, b], { count: 2, maxChars: 700 })).toEqual([a1, b]);
  });

  it("uses only the team's exemplars when there are any", () => {
    const ex = quote({ length: 50, exemplar: true });
    const other = quote({ length: 300, group: 'participant' });
    expect(selectQuotes([other, ex], { count: 3, maxChars: 700 })).toEqual([ex]);
  });

  it('quotes the same words once even when two codes of the theme cover them', () => {
    const a = quote({ length: 300, sourceId: 'same', start: 0, end: 300, caseKey: 'p' });
    const b = { ...quote({ length: 200, caseKey: 'p' }), sourceId: 'same', start: 50, end: 250 };
    expect(selectQuotes([a, b], { count: 2, maxChars: 700 })).toEqual([a]);
  });

  it('does not let a too-long coding hide the quote inside it', () => {
    const whole = { ...quote({ length: 5000, caseKey: 'p' }), sourceId: 'same', start: 0, end: 5000 };
    const inside = { ...quote({ length: 200, caseKey: 'p' }), sourceId: 'same', start: 100, end: 300 };
    expect(selectQuotes([whole, inside], { count: 1, maxChars: 700 })).toEqual([inside]);
  });

  it('returns nothing when no quotes are wanted', () => {
    expect(selectQuotes([quote({ length: 100 })], { count: 0, maxChars: 700 })).toEqual([]);
  });
});
