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

/** What similarity looks at in a name, computed once per name when many pairs are compared. */
export interface NameFeatures {
  tokens: Set<string>;
  grams: Map<string, number>;
  gramCount: number;
}

export function nameFeatures(name: string): NameFeatures {
  const t = ` ${normalizeName(name)} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i++) grams.set(t.slice(i, i + 3), (grams.get(t.slice(i, i + 3)) ?? 0) + 1);
  return { tokens: new Set(stemmedTokens(name)), grams, gramCount: Math.max(0, t.length - 2) };
}

/** Jaccard similarity of stemmed word sets, 0..1. */
export function featureTokenSimilarity(x: NameFeatures, y: NameFeatures): number {
  if (x.tokens.size === 0 && y.tokens.size === 0) return 0;
  let shared = 0;
  for (const t of x.tokens) if (y.tokens.has(t)) shared++;
  return shared / (x.tokens.size + y.tokens.size - shared);
}

/** Dice similarity of character trigrams of the normalised names, 0..1 (catches typos). */
export function featureTrigramSimilarity(x: NameFeatures, y: NameFeatures): number {
  const total = x.gramCount + y.gramCount;
  if (total === 0) return 0;
  let shared = 0;
  for (const [g, n] of x.grams) shared += Math.min(n, y.grams.get(g) ?? 0);
  return (2 * shared) / total;
}

export function tokenSimilarity(a: string, b: string): number {
  return featureTokenSimilarity(nameFeatures(a), nameFeatures(b));
}

export function trigramSimilarity(a: string, b: string): number {
  return featureTrigramSimilarity(nameFeatures(a), nameFeatures(b));
}
