/**
 * Text search across sources, and auto-coding of what it finds. A bad regular
 * expression is reported, not thrown; the number of hits is capped so a pattern
 * like "." cannot flood the screen or the project.
 */
import { z } from 'zod';
import type { Change, ChangeSet } from '../model/changes';
import { applyChanges, combine } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, Span } from '../model/schema';
import { applyCode } from '../ops/codings';
import type { AnalysisIndex } from './analysis-index';
import { locateSpan, turnAt } from './analysis-index';
import { compileFilter, excerptFilterSchema } from './filter';

export const MAX_PATTERN_LENGTH = 1000;
export const DEFAULT_MAX_HITS = 5000;

export const textSearchSchema = z.object({
  pattern: z.string(),
  regex: z.boolean().optional(),
  wholeWord: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  /** Attribute, role, speaker, source and case conditions (coder and exemplar do not apply to plain text). */
  filter: excerptFilterSchema.optional(),
  maxHits: z.number().int().positive().optional(),
});
export type TextSearch = z.infer<typeof textSearchSchema>;

export interface TextHit {
  sourceId: Guid;
  start: number;
  end: number;
}

export interface TextSearchResult {
  hits: TextHit[];
  /** Why nothing was searched (an empty or invalid pattern), in words for the user. */
  error: string | null;
  /** More hits existed than maxHits. */
  truncated: boolean;
}

/** The RegExp a search means, or a message saying why the pattern cannot be used. */
export function compilePattern(search: Pick<TextSearch, 'pattern' | 'regex' | 'wholeWord' | 'caseSensitive'>): RegExp | string {
  // Source text is NFC; a pattern typed or pasted in decomposed form must match it too.
  const pattern = search.pattern.normalize('NFC');
  if (!pattern.trim()) return 'Type something to search for.';
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`;
  if (search.regex) {
    // Check the user's own pattern first, so the message quotes what they typed, not our wrapping.
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
      return `Not a valid regular expression: ${reason}`;
    }
  }
  let body = search.regex ? pattern : pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Letters and digits of any script count as word characters, not just ASCII \w.
  if (search.wholeWord) body = `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`;
  try {
    return new RegExp(body, `gu${search.caseSensitive ? '' : 'i'}`);
  } catch (error) {
    return `Not a valid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`;
  }
}

export function searchText(index: AnalysisIndex, search: TextSearch): TextSearchResult {
  const re = compilePattern(search);
  if (typeof re === 'string') return { hits: [], error: re, truncated: false };
  const { coderIds: _c, exemplarOnly: _e, text: _t, ...filter } = search.filter ?? {};
  // Plain text carries no coder; the filter runs on a stand-in coding at the hit's place.
  const keep = compileFilter(index, filter);
  const max = search.maxHits ?? DEFAULT_MAX_HITS;
  const hits: TextHit[] = [];
  const allowed = filter.sourceIds ? new Set(filter.sourceIds) : null;
  for (const entry of index.sourceOrder) {
    if (allowed && !allowed.has(entry.source.id)) continue;
    const text = entry.source.text;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      // An empty match (e.g. "a*") would loop for ever; step past it and ignore it.
      if (end === start) {
        re.lastIndex = start + 1;
        continue;
      }
      const stand = { coding: { id: '', codeId: '', coderId: '', sourceId: entry.source.id, start, end, createdAt: '' }, entry, ...locateSpan(entry, start, end) };
      if (!keep(stand)) continue;
      if (hits.length >= max) return { hits, error: null, truncated: true };
      hits.push({ sourceId: entry.source.id, start, end });
    }
  }
  return { hits, error: null, truncated: false };
}

export type AutoCodeScope = 'hit' | 'sentence' | 'turn';

/**
 * The spans auto-coding will code: the hit itself, the sentence around it, or its turn
 * (its paragraph where the source has no speakers). Overlapping spans merge so each
 * stretch of text is coded once.
 */
export function autoCodeSpans(index: AnalysisIndex, hits: readonly TextHit[], scope: AutoCodeScope): (TextHit & Span)[] {
  const bySource = new Map<Guid, Span[]>();
  for (const hit of hits) {
    const entry = index.sources.get(hit.sourceId);
    if (!entry) continue;
    let span: Span = { start: hit.start, end: hit.end };
    const block = enclosingBlock(index, hit);
    if (scope === 'turn' && block) span = block;
    if (scope === 'sentence') span = sentenceAround(entry.source.text, hit, block ?? { start: 0, end: entry.source.text.length });
    const list = bySource.get(hit.sourceId) ?? [];
    list.push(span);
    bySource.set(hit.sourceId, list);
  }
  const out: (TextHit & Span)[] = [];
  for (const entry of index.sourceOrder) {
    const spans = (bySource.get(entry.source.id) ?? []).sort((a, b) => a.start - b.start);
    let current: Span | null = null;
    for (const s of spans) {
      if (current && s.start <= current.end) current.end = Math.max(current.end, s.end);
      else {
        if (current) out.push({ sourceId: entry.source.id, ...current });
        current = { ...s };
      }
    }
    if (current) out.push({ sourceId: entry.source.id, ...current });
  }
  return out;
}

/** The turn holding the hit, or the paragraph where there is no turn. */
function enclosingBlock(index: AnalysisIndex, hit: TextHit): Span | null {
  const entry = index.sources.get(hit.sourceId)!;
  const t = turnAt(entry, hit.start);
  if (t >= 0) return { start: entry.turns[t]!.start, end: entry.turns[t]!.end };
  const para = entry.source.paragraphs.find((p) => p.start <= hit.start && hit.start < p.end);
  return para ? { start: para.start, end: para.end } : null;
}

/** From after the previous sentence end (. ! ? or a line break) to the next one, inside the block. */
export function sentenceAround(text: string, hit: Span, block: Span): Span {
  let start = hit.start;
  while (start > block.start) {
    const c = text[start - 1]!;
    if (c === '\n') break;
    if (/\s/.test(c) && /[.!?…]/.test(text[start - 2] ?? '')) break;
    start--;
  }
  let end = hit.end;
  while (end < block.end) {
    const c = text[end]!;
    if (c === '\n') break;
    end++;
    if (/[.!?…]/.test(c) && (end >= block.end || /\s/.test(text[end]!))) break;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}

/**
 * Code each span with one code through applyCode, so auto-coded text joins existing
 * codings the same way hand coding does. One change set, one undo step.
 */
export function autoCode(
  project: Project,
  ctx: OpContext,
  args: { codeId: Guid; spans: readonly (TextHit & Span)[]; coderId?: Guid; label?: string },
): ChangeSet {
  // applyCode only reads codings of the code it applies (to join with them), so working on
  // that slice gives the same change sets without copying every coding for every hit.
  let current: Project = { ...project, codings: project.codings.filter((c) => c.codeId === args.codeId) };
  const sets: ChangeSet[] = [];
  for (const span of args.spans) {
    const set = applyCode(current, ctx, {
      sourceId: span.sourceId,
      codeId: args.codeId,
      start: span.start,
      end: span.end,
      ...(args.coderId ? { coderId: args.coderId } : {}),
    });
    sets.push(set);
    current = applyChanges(current, set);
  }
  const code = project.codes.find((c) => c.id === args.codeId);
  return squash(combine(args.label ?? `Auto-code ${args.spans.length} passages with '${code?.name ?? 'code'}'`, sets));
}

/** One change per row (first before, last after), so a coding created then joined is written once. */
function squash(set: ChangeSet): ChangeSet {
  const byKey = new Map<string, Change>();
  for (const change of set.changes) {
    const key = `${change.table}:${change.id}`;
    const prior = byKey.get(key);
    byKey.set(key, prior ? ({ ...change, before: prior.before } as Change) : change);
  }
  return { label: set.label, changes: [...byKey.values()].filter((c) => c.before !== null || c.after !== null) };
}
