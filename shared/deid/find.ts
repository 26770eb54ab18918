/**
 * Find: every identifier candidate in the chosen sources, grouped, with each hit in
 * context. Candidates come from the team's list, the project's own names, the NLP
 * library (when one is given), patterns, titles, and capitalised words for text the
 * library cannot read. Then one search for all their forms (matcher.ts) locates every
 * hit, in the texts and in names, attributes, codes and memos alike.
 */
import type { Project } from '../model/schema';
import type { DeidCategory } from './categories';
import { DEID_CATEGORIES, defaultPseudonym, isNameCategory } from './categories';
import type { DeidDecision } from './decisions';
import { savedDecisions } from './decisions';
import type { EntityFinder } from './entities';
import type { FieldRef } from './fields';
import { fieldTexts } from './fields';
import type { Group } from './group';
import { groupMentions } from './group';
import type { ListEntry, Mention } from './knowledge';
import { listMentions, projectMentions } from './knowledge';
import { buildMatcher } from './matcher';
import type { Found } from './names';
import { NOT_NAMES, capitalisedRuns, isEdgeWord, lowerCaseWords, runCategory, stopForm, titledNames } from './names';
import { findPatterns } from './patterns';

export interface FindOptions {
  /** The sources to scan; all when absent. */
  sourceIds?: readonly string[];
  /** People, places and organisations in English; without it only the other finders run. */
  finder?: EntityFinder;
  list?: readonly ListEntry[];
  /** Earlier decisions; the project's saved ones when absent. */
  saved?: readonly DeidDecision[];
  /** Characters of context each side of a hit. */
  context?: number;
}

export interface Hit {
  /** Stable across runs (the source text never changes): what an exception names. */
  key: string;
  /** Where it is: a source's name, or a field such as "Memo 'First thoughts' title". */
  where: string;
  sourceId?: string;
  ref?: FieldRef;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

export interface Candidate extends DeidDecision {
  hits: Hit[];
  /** Not among the saved decisions: nobody has reviewed it yet. */
  isNew: boolean;
}

export function sourceHitKey(sourceId: string, start: number): string {
  return `${sourceId}:${start}`;
}
export function fieldHitKey(ref: FieldRef, start: number): string {
  return `${ref.table}:${ref.id}:${ref.field}:${start}`;
}

const ENGLISH = /\b(?:the|and|to|of|a|i|is|was|it|that|in|you|my|me|he|she|they|we|not|for|with|but|so)\b/gi;

/** Most English prose has one of these small words in every four or five. */
export function looksEnglish(text: string): boolean {
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 8) return true;
  return (text.match(ENGLISH)?.length ?? 0) / words > 0.12;
}

/**
 * What the library found, without leading words that name nobody ("What services",
 * "ID office"), if a name is left: the library also tags "turkey" and "geez", and a name is
 * written with a capital and has a lowercase letter.
 */
function properName(text: string, f: Found): Found | null {
  let start = f.start;
  const words = [...text.slice(f.start, f.end).matchAll(/\S+\s*/g)];
  for (const m of words) {
    if (!isEdgeWord(m[0].trim(), words.length)) break;
    start = f.start + m.index + m[0].length;
  }
  const s = text.slice(start, f.end);
  if (!/^\p{Lu}/u.test(s) || !/\p{Ll}/u.test(s) || /-$/.test(s) || NOT_NAMES.has(stopForm(s))) return null;
  return { ...f, start };
}

/**
 * The candidates one paragraph of free text yields. Capitalised words run in English text
 * too: the NLP library misses programme and unusual names ("Harbor Light"), and a missed
 * name is worse than one more line in the review.
 */
function textMentions(text: string, finder: EntityFinder | undefined, lowerWords: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  const push = (found: Found[], origin: Mention['origin']) => {
    for (const f of found) out.push({ text: text.slice(f.start, f.end), category: f.category, origin });
  };
  push(findPatterns(text), 'pattern');
  push(titledNames(text), 'capitalised');
  // The library calls "Miami Valley Hospital" a place; its last word says organisation.
  if (finder && looksEnglish(text))
    push(finder.find(text).flatMap((f) => properName(text, f) ?? []).map((f) => (f.category !== 'person' && runCategory(text.slice(f.start, f.end)) === 'organisation' ? { ...f, category: 'organisation' } : f)), 'nlp');
  push(capitalisedRuns(text, lowerWords), 'capitalised');
  return out;
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n+/).filter((p) => p.trim());
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function findCandidates(project: Project, options: FindOptions = {}): Candidate[] {
  const chosen = new Set(options.sourceIds ?? project.sources.map((s) => s.id));
  const sources = project.sources.filter((s) => chosen.has(s.id));
  const saved = options.saved ?? savedDecisions(project);
  const fields = fieldTexts(project);
  const mentions: Mention[] = [...listMentions(options.list ?? []), ...projectMentions(project, chosen)];
  for (const source of sources) {
    const lower = lowerCaseWords(source.text);
    for (const p of paragraphsOf(source.text)) mentions.push(...textMentions(p, options.finder, lower));
  }
  for (const { text, ref } of fields)
    if (ref.table === 'memos' || /description|definition|example/.test(ref.field)) mentions.push(...textMentions(text, options.finder, lowerCaseWords(text)));
  const groups = groupMentions(mentions, saved);
  const savedKeys = new Set(saved.map((d) => d.key));
  const candidates = locate(groups, sources, fields, options.context ?? 40).filter(
    (c) => c.hits.length > 0 || savedKeys.has(c.key) || c.origins.includes('list'),
  );
  for (const c of candidates) c.isNew = !savedKeys.has(c.key);
  // Numbered in order of first appearance: the first participant heard is Participant 1.
  const order = new Map(sources.map((s, i) => [s.id, i]));
  const first = (c: Candidate) => {
    const hit = c.hits.find((h) => h.sourceId !== undefined);
    return hit ? order.get(hit.sourceId!)! * 1e9 + hit.start : Infinity;
  };
  candidates.sort((a, b) => first(a) - first(b));
  assignPseudonyms(candidates);
  return candidates;
}

/** "Officer Brennan" rather than "Brennan": the form with the most words, then the longest. */
function fullestForm(g: Group): string {
  const words = (s: string) => s.split(' ').length;
  return [...g.variants].sort((a, b) => words(b) - words(a) || b.length - a.length)[0] ?? g.label;
}

function locate(groups: Group[], sources: Project['sources'], fields: { text: string; ref: FieldRef }[], context: number): Candidate[] {
  const candidates: Candidate[] = groups.map((g) => ({
    key: g.key, label: isNameCategory(g.category) ? fullestForm(g) : g.label, category: g.category, pseudonym: g.pseudonym ?? '', accepted: g.accepted ?? true,
    variants: [...g.variants].sort((a, b) => b.length - a.length || a.localeCompare(b)), exceptions: [...g.exceptions], origins: [...g.origins],
    hits: [], isNew: true,
  }));
  const terms: string[] = [];
  const owner: number[] = [];
  candidates.forEach((c, i) => c.variants.forEach((v) => (terms.push(v), owner.push(i))));
  const matcher = buildMatcher(terms);
  const record = (text: string, base: Omit<Hit, 'start' | 'end' | 'text' | 'before' | 'after' | 'key'>, key: (start: number) => string) => {
    for (const o of matcher.find(text)) {
      candidates[owner[o.term]!]!.hits.push({
        ...base, key: key(o.start), start: o.start, end: o.end, text: text.slice(o.start, o.end),
        before: oneLine(text.slice(Math.max(0, o.start - context), o.start)), after: oneLine(text.slice(o.end, o.end + context)),
      });
    }
  };
  for (const s of sources) record(s.text, { where: s.name, sourceId: s.id }, (start) => sourceHitKey(s.id, start));
  for (const { text, ref } of fields) record(text, { where: ref.label, ref }, (start) => fieldHitKey(ref, start));
  return candidates;
}

/**
 * Default pseudonyms, numbered per category in order of first appearance, never reusing a
 * number a kept pseudonym already has ("[Participant 3]" stays, the next is 4 or a gap).
 */
export function assignPseudonyms(candidates: Candidate[]): void {
  const taken = new Set(candidates.map((c) => c.pseudonym).filter(Boolean));
  const next = Object.fromEntries(DEID_CATEGORIES.map((c) => [c, 1])) as Record<DeidCategory, number>;
  for (const c of candidates) {
    if (c.pseudonym) continue;
    if (!isNameCategory(c.category)) {
      c.pseudonym = defaultPseudonym(c.category, 1);
      continue;
    }
    while (taken.has(defaultPseudonym(c.category, next[c.category]))) next[c.category]++;
    c.pseudonym = defaultPseudonym(c.category, next[c.category]++);
    taken.add(c.pseudonym);
  }
}
