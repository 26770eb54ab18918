/**
 * The check that the copy kept every coding: each coding's words in the copy must be its
 * words in the original with the accepted identifiers replaced (widened to whole
 * identifiers where it began or ended inside one). Computed from the original text
 * alone, not through the shifter, so it checks apply.ts rather than repeating it.
 */
import type { Project } from '../model/schema';
import type { DeidDecision } from './decisions';
import { replacementOf } from './decisions';
import { sourceHitKey } from './find';
import { buildMatcher } from './matcher';

export interface CodingProblem {
  codingId: string;
  source: string;
  expected: string;
  found: string;
}

export function checkCodings(original: Project, copy: Project, decisions: readonly DeidDecision[]): { checked: number; problems: CodingProblem[] } {
  const accepted = decisions.filter((d) => d.accepted);
  const terms: string[] = [];
  const pseudonym: string[] = [];
  for (const d of accepted)
    for (const v of d.variants) {
      terms.push(v);
      pseudonym.push(replacementOf(d));
    }
  const matcher = buildMatcher(terms);
  const exceptions = new Set(accepted.flatMap((d) => d.exceptions));
  const copies = new Map(copy.sources.map((s) => [s.id, s]));
  const copyCodings = new Map(copy.codings.map((c) => [c.id, c]));
  const problems: CodingProblem[] = [];
  let checked = 0;
  for (const source of original.sources) {
    const found = matcher.find(source.text).filter((o) => !exceptions.has(sourceHitKey(source.id, o.start)));
    for (const coding of original.codings) {
      if (coding.sourceId !== source.id) continue;
      checked++;
      let start = coding.start;
      let end = coding.end;
      for (const o of found) {
        if (o.start < start && start < o.end) start = o.start;
        if (o.start < end && end < o.end) end = o.end;
      }
      let expected = '';
      let at = start;
      for (const o of found) {
        if (o.start < start || o.end > end) continue;
        expected += source.text.slice(at, o.start) + pseudonym[o.term];
        at = o.end;
      }
      expected += source.text.slice(at, end);
      const after = copyCodings.get(coding.id);
      const text = copies.get(source.id)?.text;
      const actual = after && text !== undefined ? text.slice(after.start, after.end) : '(missing)';
      if (actual !== expected) problems.push({ codingId: coding.id, source: source.name, expected, found: actual });
    }
  }
  return { checked, problems };
}
