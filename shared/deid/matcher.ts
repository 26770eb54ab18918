/**
 * Finding every occurrence of a set of identifier strings, whole words only, leftmost
 * and longest first, never overlapping: the one search that both the review list counts
 * and the copy replaces, so what is shown is exactly what changes.
 */

export interface Occurrence {
  start: number;
  end: number;
  /** Index into the terms the matcher was built from. */
  term: number;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term's spaces match any run of spaces or tabs (not line breaks: a name never spans paragraphs). */
function termPattern(term: string): string {
  return term.trim().split(/\s+/).map(escape).join('[ \\t\\u00a0]+');
}

export interface Matcher {
  find(text: string): Occurrence[];
  /** The text with every occurrence replaced by replacement(term index). */
  replace(text: string, replacement: (term: number) => string): string;
}

/**
 * Terms match case-sensitively, and also in capitals ("KIM"): names are written
 * capitalised, and matching "grace" or "will" in lower case would replace ordinary words.
 */
export function buildMatcher(terms: readonly string[]): Matcher {
  const forms = new Map<string, number>();
  terms.forEach((t, i) => {
    const clean = t.trim().replace(/\s+/g, ' ');
    if (!clean) return;
    if (!forms.has(clean)) forms.set(clean, i);
    const upper = clean.toUpperCase();
    if (!forms.has(upper)) forms.set(upper, i);
  });
  const ordered = [...forms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (ordered.length === 0) return { find: () => [], replace: (text) => text };
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${ordered.map(termPattern).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  // The form that matched, looked up by its text with spaces normalised.
  const termOf = (matched: string) => forms.get(matched.replace(/[ \t\u00a0]+/g, ' ')) ?? -1;
  const find = (text: string): Occurrence[] => {
    const out: Occurrence[] = [];
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, term: termOf(m[0]) });
    return out;
  };
  const replace = (text: string, replacement: (term: number) => string) => {
    const found = find(text);
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const o of found) {
      out += text.slice(at, o.start) + replacement(o.term);
      at = o.end;
    }
    return out + text.slice(at);
  };
  return { find, replace };
}
