/**
 * Apply: a de-identified copy of the project. Every accepted identifier is replaced in
 * every source's text (except the occurrences marked as exceptions) and in names,
 * speakers, attribute values, codes, themes and memos; paragraphs, turns and codings
 * move with the text, so each coding covers the same words, the identifiers in it now
 * pseudonyms. The copy gets a new id and never carries the decisions; the mapping
 * (identifier -> pseudonym) is returned for a separate file. The input is not changed.
 */
import type { Guid, Project } from '../model/schema';
import type { DeidDecision } from './decisions';
import { DEID_SETTING, replacementOf } from './decisions';
import { mapFields } from './fields';
import { fieldHitKey, sourceHitKey } from './find';
import { buildMatcher } from './matcher';
import type { Replacement } from './shift';
import { makeShifter, shiftSpan } from './shift';

export interface ApplyOptions {
  decisions: readonly DeidDecision[];
  newId: Guid;
  now: string;
  /** The copy's name; "<name> (de-identified)" when absent. */
  name?: string;
}

export interface MappingRow {
  identifier: string;
  variants: string[];
  pseudonym: string;
  category: string;
  /** Occurrences replaced in the copy. */
  count: number;
}

export interface ApplyResult {
  project: Project;
  mapping: MappingRow[];
  replaced: number;
}

/** Any JSON value with its strings passed through fn (saved queries, settings). */
function mapJsonStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapJsonStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJsonStrings(v, fn)]));
  return value;
}

export function applyDeidentification(project: Project, options: ApplyOptions): ApplyResult {
  const accepted = options.decisions.filter((d) => d.accepted);
  const terms: string[] = [];
  const owner: number[] = [];
  accepted.forEach((d, i) => d.variants.forEach((v) => (terms.push(v), owner.push(i))));
  const matcher = buildMatcher(terms);
  const exceptions = new Set(accepted.flatMap((d) => d.exceptions));
  const counts = new Array<number>(accepted.length).fill(0);
  const pseudonymOf = (term: number) => replacementOf(accepted[owner[term]!]!);

  /** Replaces every occurrence not excepted; returns the text and what was replaced where. */
  const replaceIn = (text: string, keyOf: (start: number) => string): { text: string; replacements: Replacement[] } => {
    const replacements: Replacement[] = [];
    let out = '';
    let at = 0;
    for (const o of matcher.find(text)) {
      if (exceptions.has(keyOf(o.start))) continue;
      const pseudonym = pseudonymOf(o.term);
      out += text.slice(at, o.start) + pseudonym;
      at = o.end;
      counts[owner[o.term]!]!++;
      replacements.push({ start: o.start, end: o.end, length: pseudonym.length });
    }
    return { text: replacements.length ? out + text.slice(at) : text, replacements };
  };

  const shifters = new Map<string, ReturnType<typeof makeShifter>>();
  const sources = project.sources.map((s) => {
    const { text, replacements } = replaceIn(s.text, (start) => sourceHitKey(s.id, start));
    if (replacements.length === 0) return s;
    const shifter = makeShifter(replacements);
    shifters.set(s.id, shifter);
    return {
      ...s,
      text,
      paragraphs: s.paragraphs.map((p) => shiftSpan(p, shifter)),
      turns: s.turns.map((t) => shiftSpan(t, shifter)),
    };
  });
  const codings = project.codings.map((c) => {
    const shifter = shifters.get(c.sourceId);
    return shifter ? shiftSpan(c, shifter) : c;
  });
  const plain = (s: string) => replaceIn(s, () => '').text;
  const withFields = mapFields({ ...project, sources }, (text, ref) => replaceIn(text, (start) => fieldHitKey(ref, start)).text);
  const copy: Project = {
    ...withFields,
    meta: {
      ...project.meta,
      id: options.newId,
      name: options.name ?? `${plain(project.meta.name)} (de-identified)`,
      description: plain(project.meta.description),
      modifiedAt: options.now,
    },
    codings,
    savedQueries: project.savedQueries.map((q) => ({ ...q, name: plain(q.name), query: mapJsonStrings(q.query, plain) })),
    settings: project.settings.filter((s) => s.id !== DEID_SETTING).map((s) => ({ ...s, value: mapJsonStrings(s.value, plain) })),
  };
  const mapping = accepted.map((d, i) => ({ identifier: d.label, variants: d.variants, pseudonym: replacementOf(d), category: d.category, count: counts[i]! }));
  return { project: copy, mapping, replaced: counts.reduce((a, b) => a + b, 0) };
}
