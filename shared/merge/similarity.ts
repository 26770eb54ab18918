/**
 * How alike two code names (or definitions) are, for proposing matches the user
 * confirms: "transport barriers" and "Transportation barrier" share their stemmed
 * words. Deliberately simple and explainable; it proposes, never decides.
 */

/** Lowercase, NFC, punctuation to spaces, single spaces: the form names are compared in. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SUFFIXES = ['ational', 'ations', 'ation', 'ition', 'ings', 'ing', 'ness', 'ment', 'ies', 'ied', 'ers', 'er', 'es', 'ed', 'ly', 's'];

/** A light suffix-stripping stemmer: enough for singular/plural and -ation/-ing variants. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const root = word.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') return `${root}y`;
      return root;
    }
  }
  return word;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'in', 'on', 'for', 'or', 'with', 'by', 'at']);

export function stemmedTokens(text: string): string[] {
  return normalizeName(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stem);
}

/** Jaccard similarity of stemmed word sets, 0..1. */
export function tokenSimilarity(a: string, b: string): number {
  const x = new Set(stemmedTokens(a));
  const y = new Set(stemmedTokens(b));
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Dice similarity of character trigrams of the normalised text, 0..1 (catches typos). */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = ` ${normalizeName(s)} `;
    const out = new Map<string, number>();
    for (let i = 0; i + 3 <= t.length; i++) out.set(t.slice(i, i + 3), (out.get(t.slice(i, i + 3)) ?? 0) + 1);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
