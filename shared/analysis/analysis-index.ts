/**
 * The lookup structure every analysis reads. Built once per project version in one pass
 * over the codings, it answers "which codings of this code", "which turn, speaker and case
 * does this coding sit in" and "which attribute values apply" without scanning the project
 * again, which is what keeps retrieval and matrices fast on 50k codings.
 */
import type { Attribute, Case, Code, Coder, Coding, Guid, Project, Source, SpeakerRole, Theme } from '../model/schema';
import { codePath, codeTree } from '../model/project';

export interface SourceEntry {
  source: Source;
  /** Position in import order (importedAt, then the project's own order). */
  order: number;
  /** Turns sorted by start; ends ascend too because turns never overlap. */
  turns: Source['turns'];
  turnRoles: SpeakerRole[];
  /** The case each turn's words belong to: the speaker's own case, else the source's. */
  turnCaseIds: (Guid | null)[];
  caseId: Guid | null;
}

/** A coding with everything a filter or a count asks about it, resolved once. */
export interface IndexedCoding {
  coding: Coding;
  entry: SourceEntry;
  /** The turn the excerpt sits in (its first respondent turn, else its first turn), or -1. */
  turnIndex: number;
  /** The first and last turn the span overlaps (-1 when it overlaps none). */
  firstTurn: number;
  lastTurn: number;
  speaker: string | null;
  role: SpeakerRole | null;
  caseId: Guid | null;
  /** True when the span overlaps turns and every one of them is an interviewer's. */
  interviewerOnly: boolean;
}

export interface AnalysisIndex {
  project: Project;
  sources: Map<Guid, SourceEntry>;
  /** Sources in import order. */
  sourceOrder: SourceEntry[];
  codes: Map<Guid, Code>;
  /** Codes in tree order with their full path, e.g. ["Services", "Housing"]. */
  codePaths: Map<Guid, string[]>;
  codeChildren: Map<Guid, Guid[]>;
  /** Position of each code in codebook tree order, for sorting. */
  codeRank: Map<Guid, number>;
  coders: Map<Guid, Coder>;
  cases: Map<Guid, Case>;
  /** Case id -> attribute name -> value (empty values left out). */
  caseAttributes: Map<Guid, Record<string, string>>;
  attributes: Attribute[];
  themes: Map<Guid, Theme>;
  themeChildren: Map<Guid, Guid[]>;
  /** Every coding, keyed by id. */
  codings: Map<Guid, IndexedCoding>;
  /** Per code: its codings sorted by source order, start, end. */
  byCode: Map<Guid, IndexedCoding[]>;
  /** Per source: its codings sorted by start, end. */
  bySource: Map<Guid, IndexedCoding[]>;
}

export function buildAnalysisIndex(project: Project): AnalysisIndex {
  const cases = new Map(project.cases.map((c) => [c.id, c]));
  const caseAttributes = new Map<Guid, Record<string, string>>();
  for (const kase of project.cases) {
    const values: Record<string, string> = {};
    for (const attr of project.attributes) {
      const v = kase.values[attr.id];
      if (v !== undefined && v !== '') values[attr.name] = v;
    }
    caseAttributes.set(kase.id, values);
  }

  const sorted = project.sources
    .map((source, i) => ({ source, i }))
    .sort((a, b) => (a.source.importedAt < b.source.importedAt ? -1 : a.source.importedAt > b.source.importedAt ? 1 : a.i - b.i));
  const sources = new Map<Guid, SourceEntry>();
  const sourceOrder: SourceEntry[] = [];
  sorted.forEach(({ source }, order) => {
    const caseId = source.caseId && cases.has(source.caseId) ? source.caseId : null;
    const speakers = new Map(source.speakers.map((s) => [s.name, s]));
    const turns = source.turns.slice().sort((a, b) => a.start - b.start);
    const entry: SourceEntry = {
      source,
      order,
      turns,
      turnRoles: turns.map((t) => speakers.get(t.speaker)?.role ?? 'respondent'),
      turnCaseIds: turns.map((t) => {
        const own = speakers.get(t.speaker)?.caseId;
        return own && cases.has(own) ? own : caseId;
      }),
      caseId,
    };
    sources.set(source.id, entry);
    sourceOrder.push(entry);
  });

  const codes = new Map(project.codes.map((c) => [c.id, c]));
  const codePaths = new Map<Guid, string[]>();
  const codeChildren = new Map<Guid, Guid[]>();
  for (const code of project.codes) {
    codePaths.set(code.id, codePath(code, codes));
    if (code.parentId && codes.has(code.parentId)) {
      const list = codeChildren.get(code.parentId) ?? [];
      list.push(code.id);
      codeChildren.set(code.parentId, list);
    }
  }
  const codeRank = new Map(codeTree(project.codes).map(({ code }, i) => [code.id, i]));
  const themes = new Map(project.themes.map((t) => [t.id, t]));
  const themeChildren = new Map<Guid, Guid[]>();
  for (const theme of [...project.themes].sort((a, b) => a.order - b.order)) {
    if (theme.parentId && themes.has(theme.parentId)) {
      const list = themeChildren.get(theme.parentId) ?? [];
      list.push(theme.id);
      themeChildren.set(theme.parentId, list);
    }
  }

  const codings = new Map<Guid, IndexedCoding>();
  const byCode = new Map<Guid, IndexedCoding[]>();
  const bySource = new Map<Guid, IndexedCoding[]>();
  for (const coding of project.codings) {
    const entry = sources.get(coding.sourceId);
    // A coding whose source or code is gone (a partial import) cannot be shown or counted.
    if (!entry || !codes.has(coding.codeId)) continue;
    const item = indexCoding(coding, entry);
    codings.set(coding.id, item);
    push(byCode, coding.codeId, item);
    push(bySource, coding.sourceId, item);
  }
  for (const list of bySource.values()) list.sort(byPosition);
  for (const list of byCode.values()) list.sort((a, b) => a.entry.order - b.entry.order || byPosition(a, b));

  return {
    project,
    sources,
    sourceOrder,
    codes,
    codePaths,
    codeChildren,
    codeRank,
    coders: new Map(project.coders.map((c) => [c.id, c])),
    cases,
    caseAttributes,
    attributes: project.attributes,
    themes,
    themeChildren,
    codings,
    byCode,
    bySource,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byPosition(a: IndexedCoding, b: IndexedCoding): number {
  return a.coding.start - b.coding.start || a.coding.end - b.coding.end || (a.coding.id < b.coding.id ? -1 : 1);
}

/** Index of the first turn whose end lies after the offset (binary search over ascending ends). */
export function firstTurnEndingAfter(turns: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The turn containing a text offset, or -1 (e.g. inside a speaker label). */
export function turnAt(entry: SourceEntry, offset: number): number {
  const i = firstTurnEndingAfter(entry.turns, offset);
  const turn = entry.turns[i];
  return turn && turn.start <= offset ? i : -1;
}

/** The turns a span overlaps, as [first, last] inclusive, or null. A collapsed span counts as its position. */
export function turnsOverlapping(entry: SourceEntry, start: number, end: number): [number, number] | null {
  const first = firstTurnEndingAfter(entry.turns, start);
  const stop = Math.max(end, start + 1);
  let last = first - 1;
  for (let i = first; i < entry.turns.length && entry.turns[i]!.start < stop; i++) last = i;
  return last >= first ? [first, last] : null;
}

export type SpanLocation = Omit<IndexedCoding, 'coding' | 'entry'>;

/** Where a span of a source sits: its turns, speaker, role and case. */
export function locateSpan(entry: SourceEntry, start: number, end: number): SpanLocation {
  const range = turnsOverlapping(entry, start, end);
  if (!range) return { turnIndex: -1, firstTurn: -1, lastTurn: -1, speaker: null, role: null, caseId: entry.caseId, interviewerOnly: false };
  const [first, last] = range;
  let turnIndex = -1;
  for (let i = first; i <= last; i++) {
    if (entry.turnRoles[i] !== 'interviewer') {
      turnIndex = i;
      break;
    }
  }
  const interviewerOnly = turnIndex === -1;
  if (interviewerOnly) turnIndex = first;
  return {
    turnIndex,
    firstTurn: first,
    lastTurn: last,
    speaker: entry.turns[turnIndex]!.speaker,
    role: entry.turnRoles[turnIndex]!,
    caseId: entry.turnCaseIds[turnIndex] ?? null,
    interviewerOnly,
  };
}

function indexCoding(coding: Coding, entry: SourceEntry): IndexedCoding {
  return { coding, entry, ...locateSpan(entry, coding.start, coding.end) };
}

/** The attribute a user named (by id, exact name, or name ignoring case). */
export function findAttribute(index: AnalysisIndex, nameOrId: string): Attribute | undefined {
  return (
    index.attributes.find((a) => a.id === nameOrId) ??
    index.attributes.find((a) => a.name === nameOrId) ??
    index.attributes.find((a) => a.name.toLowerCase() === nameOrId.toLowerCase())
  );
}

/** The code a user named: id, full path "A/B", exact name, or name ignoring case. */
export function findCode(index: AnalysisIndex, nameOrId: string): Code | undefined {
  if (index.codes.has(nameOrId)) return index.codes.get(nameOrId);
  const all = [...index.codes.values()];
  return (
    all.find((c) => index.codePaths.get(c.id)!.join('/') === nameOrId) ??
    all.find((c) => c.name === nameOrId) ??
    all.find((c) => c.name.toLowerCase() === nameOrId.toLowerCase())
  );
}

export function findTheme(index: AnalysisIndex, nameOrId: string): Theme | undefined {
  if (index.themes.has(nameOrId)) return index.themes.get(nameOrId);
  const all = [...index.themes.values()];
  return all.find((t) => t.name === nameOrId) ?? all.find((t) => t.name.toLowerCase() === nameOrId.toLowerCase());
}

/** The code and its descendants (cycle-safe). */
export function withDescendants(index: AnalysisIndex, codeId: Guid): Guid[] {
  const out: Guid[] = [];
  const seen = new Set<Guid>();
  const walk = (id: Guid) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const child of index.codeChildren.get(id) ?? []) walk(child);
  };
  walk(codeId);
  return out;
}

/**
 * The codes a theme rolls up: its own and its sub-themes' (always), and with
 * includeDescendantCodes the codes below each of those in the codebook.
 */
export function themeCodeIds(index: AnalysisIndex, themeId: Guid, includeDescendantCodes = false): Guid[] {
  const out = new Set<Guid>();
  const seenThemes = new Set<Guid>();
  const walk = (id: Guid) => {
    if (seenThemes.has(id)) return;
    seenThemes.add(id);
    const theme = index.themes.get(id);
    if (!theme) return;
    for (const codeId of theme.codeIds) {
      if (!index.codes.has(codeId)) continue;
      if (includeDescendantCodes) for (const d of withDescendants(index, codeId)) out.add(d);
      else out.add(codeId);
    }
    for (const child of index.themeChildren.get(id) ?? []) walk(child);
  };
  walk(themeId);
  return [...out];
}
