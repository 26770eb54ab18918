/**
 * Permanent deletion, for a participant who withdraws: what goes, the project without it,
 * and the undo history (or any other project copy, e.g. a backup) scrubbed of it.
 *
 * The rules, decided once here and shown in the confirmation dialog:
 * - A withdrawn source goes with its codings, the memos on it or on its codings, and its
 *   place in document sets. Memos elsewhere that link to it keep their words, unlinked.
 * - A withdrawn case goes with its attribute values and memos, and takes the sources that
 *   belong only to it (the source's case and every speaker's case is this case). A source
 *   that also holds other cases' words (a focus group) is kept, unlinked from the case,
 *   unless the user also asks for those shared sources to go.
 * - In-vivo codes named from a withdrawn source's words go too when nothing else is coded
 *   with them and they have no sub-codes; otherwise they stay (the dialog names them).
 * - History: every change to a withdrawn row is removed from its change set, references
 *   in kept rows are scrubbed the same way as in the project, and a change set left empty
 *   is dropped, so undo can neither bring the text back nor leave a dangling reference.
 *
 * Permanent deletion is not itself a change set in the history: it cannot be undone.
 */
import type { Change, ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { Case, Code, Guid, Project, RichBlock, RichInline, Row, Source, TableName } from '../model/schema';
import { tableNames } from '../model/schema';
import { memoPlainText } from '../model/richtext';
import { OpError } from './common';

/** What the user chose to withdraw. */
export interface Withdrawal {
  sourceIds: Guid[];
  caseIds: Guid[];
}

export interface CaseScope {
  /** Sources whose every word belongs to the case: they go with it. */
  own: Source[];
  /** Sources that also hold other cases' words (focus groups): kept unless the user asks. */
  shared: Source[];
}

/** The sources a case links: its own, and those it shares with other cases. */
export function caseScope(project: Pick<Project, 'sources' | 'cases'>, caseId: Guid): CaseScope {
  if (!project.cases.some((c) => c.id === caseId)) throw new OpError(`No case with id ${caseId}`);
  const own: Source[] = [];
  const shared: Source[] = [];
  for (const source of project.sources) {
    const linked = new Set([source.caseId, ...source.speakers.map((s) => s.caseId)].filter((id): id is Guid => !!id));
    if (!linked.has(caseId)) continue;
    (linked.size === 1 ? own : shared).push(source);
  }
  return { own, shared };
}

/** Withdrawing a case: the case and its own sources, plus the shared ones when asked. */
export function caseWithdrawal(project: Pick<Project, 'sources' | 'cases'>, caseId: Guid, includeShared: boolean): Withdrawal {
  const scope = caseScope(project, caseId);
  return { caseIds: [caseId], sourceIds: [...scope.own, ...(includeShared ? scope.shared : [])].map((s) => s.id) };
}

export function sourceWithdrawal(project: Pick<Project, 'sources'>, sourceId: Guid): Withdrawal {
  if (!project.sources.some((s) => s.id === sourceId)) throw new OpError(`No source with id ${sourceId}`);
  return { sourceIds: [sourceId], caseIds: [] };
}

type AnyRow = { id: string };
/** A row with the withdrawn parts taken out, the same row when nothing changes, or null when the row itself goes. */
export type Scrub = (table: TableName, row: AnyRow) => AnyRow | null;

export interface WithdrawalPlan {
  label: string;
  sources: Source[];
  cases: Case[];
  codingIds: Guid[];
  memoIds: Guid[];
  /** In-vivo codes that go (named from the withdrawn words, used nowhere else). */
  codes: Code[];
  /** In-vivo codes named from the withdrawn words that stay, because other text is coded with them. */
  keptInVivoCodes: Code[];
  /** Kept memos, codes and themes whose own text quotes a sentence of the withdrawn text: the researcher edits those. */
  quotedIn: QuotedIn[];
  /** Words in the withdrawn sources. */
  words: number;
  /** Applying this removes the withdrawal from the project (not for the undo history). */
  changes: ChangeSet;
  scrub: Scrub;
}

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export interface QuotedIn {
  table: 'memos' | 'codes' | 'themes';
  id: Guid;
  name: string;
}

/** Sentences long enough to tell a quote from a common phrase. */
const QUOTE_MIN_CHARS = 20;

/** The sentences of a source's words (its turns' utterances, without speaker labels) long enough to recognise as a quote. */
export function quotableSentences(source: Pick<Source, 'text' | 'turns'>): string[] {
  const out = new Set<string>();
  const parts = source.turns.length ? source.turns.map((t) => source.text.slice(t.start, t.end)) : [source.text];
  for (const part of parts)
    for (const match of part.matchAll(/[^.!?\n]+[.!?]*/g)) {
      const sentence = match[0].trim();
      if (sentence.length >= QUOTE_MIN_CHARS) out.add(sentence);
    }
  return [...out];
}

/** Kept rows whose own writing contains one of the sentences (a researcher's memo quoting the participant). */
function findQuotes(project: Project, sentences: readonly string[], gone: (table: TableName, id: string) => boolean): QuotedIn[] {
  if (sentences.length === 0) return [];
  const quotes = (text: string) => sentences.some((s) => text.includes(s));
  const out: QuotedIn[] = [];
  for (const m of project.memos)
    if (!gone('memos', m.id) && quotes(`${m.title}\n${memoPlainText(m.body)}`)) out.push({ table: 'memos', id: m.id, name: m.title || 'Untitled memo' });
  for (const c of project.codes)
    if (!gone('codes', c.id) && quotes([c.name, c.definition, c.inclusion, c.exclusion, c.example].join('\n'))) out.push({ table: 'codes', id: c.id, name: c.name });
  for (const t of project.themes) if (quotes(`${t.name}\n${t.definition}`)) out.push({ table: 'themes', id: t.id, name: t.name });
  return out;
}

/** Every row ever seen: the project's and those only the history still holds (e.g. deleted earlier). */
function allRows(project: Project, history: readonly ChangeSet[], table: TableName): AnyRow[] {
  const rows: AnyRow[] = [...(project[table] as AnyRow[])];
  for (const set of history)
    for (const c of set.changes) {
      if (c.table !== table) continue;
      if (c.before) rows.push(c.before as AnyRow);
      if (c.after) rows.push(c.after as AnyRow);
    }
  return rows;
}

function unlink(inlines: RichInline[], gone: ReadonlySet<string>): RichInline[] {
  let changed = false;
  const out = inlines.flatMap((inline) => {
    if ('type' in inline && gone.has(inline.target.id)) {
      changed = true;
      return inline.children;
    }
    return [inline];
  });
  return changed ? out : inlines;
}

function unlinkBlocks(blocks: RichBlock[], gone: ReadonlySet<string>): RichBlock[] {
  let changed = false;
  const out = blocks.map((block): RichBlock => {
    const children: unknown[] =
      block.type === 'bulleted-list' || block.type === 'numbered-list' ? unlinkBlocks(block.children, gone) : unlink(block.children as RichInline[], gone);
    if (children === block.children) return block;
    changed = true;
    return { ...block, children } as RichBlock;
  });
  return changed ? out : blocks;
}

/** Free-form JSON (saved queries, settings) without any withdrawn id in it. */
function dropIds(value: unknown, gone: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    const out = value.filter((v) => !(typeof v === 'string' && gone.has(v))).map((v) => dropIds(v, gone));
    return out.length === value.length && out.every((v, i) => v === value[i]) ? value : out;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && gone.has(v)) {
        changed = true;
        continue;
      }
      const next = dropIds(v, gone);
      if (next !== v) changed = true;
      out[k] = next;
    }
    return changed ? out : value;
  }
  return value;
}

function withoutCase<T extends { caseId?: Guid }>(row: T, cases: ReadonlySet<string>): T {
  if (!row.caseId || !cases.has(row.caseId)) return row;
  const { caseId: _gone, ...rest } = row;
  return rest as T;
}

/**
 * Plan a withdrawal against the project and its undo history (oldest first). Rows only
 * the history still holds (a coding deleted earlier, its memo) are found too, so the
 * history can be scrubbed of them.
 */
export function planWithdrawal(project: Project, withdrawal: Withdrawal, history: readonly ChangeSet[] = []): WithdrawalPlan {
  const sourceIds = new Set(withdrawal.sourceIds);
  const caseIds = new Set(withdrawal.caseIds);
  const sources = project.sources.filter((s) => sourceIds.has(s.id));
  const cases = project.cases.filter((c) => caseIds.has(c.id));
  if (sources.length + cases.length === 0) throw new OpError('Nothing to delete: choose a document or a case');

  const codingIds = new Set(
    (allRows(project, history, 'codings') as Row<'codings'>[]).filter((c) => sourceIds.has(c.sourceId)).map((c) => c.id),
  );
  const codedElsewhere = new Set(project.codings.filter((c) => !sourceIds.has(c.sourceId)).map((c) => c.codeId));
  const parents = new Set(project.codes.map((c) => c.parentId));
  const current = new Set(project.codes.map((c) => c.id));
  const inVivo = (allRows(project, history, 'codes') as Code[]).filter(
    (c) => c.origin === 'in-vivo' && c.firstSourceId !== undefined && sourceIds.has(c.firstSourceId),
  );
  // A code only the history holds goes with the words it was named from; a live one only when unused elsewhere.
  const codeIds = new Set(inVivo.filter((c) => !current.has(c.id) || (!codedElsewhere.has(c.id) && !parents.has(c.id))).map((c) => c.id));

  const memoGoes = (m: Row<'memos'>) =>
    (m.target.kind === 'source' && sourceIds.has(m.target.id)) ||
    (m.target.kind === 'case' && caseIds.has(m.target.id)) ||
    (m.target.kind === 'coding' && codingIds.has(m.target.id)) ||
    (m.target.kind === 'code' && codeIds.has(m.target.id));
  const memoIds = new Set((allRows(project, history, 'memos') as Row<'memos'>[]).filter(memoGoes).map((m) => m.id));
  const anyId = new Set<string>([...sourceIds, ...caseIds, ...codingIds, ...codeIds, ...memoIds]);
  const linkTargets = new Set<string>([...sourceIds, ...codeIds]);

  const scrub: Scrub = (table, row) => {
    switch (table) {
      case 'sources': {
        if (sourceIds.has(row.id)) return null;
        const source = row as Source;
        const speakers = source.speakers.map((s) => withoutCase(s, caseIds));
        const next = withoutCase(source, caseIds);
        return speakers.some((s, i) => s !== source.speakers[i]) ? { ...next, speakers } : next;
      }
      case 'cases':
        return caseIds.has(row.id) ? null : row;
      case 'codings': {
        const coding = row as Row<'codings'>;
        return codingIds.has(coding.id) || sourceIds.has(coding.sourceId) || codeIds.has(coding.codeId) ? null : row;
      }
      case 'memos': {
        if (memoIds.has(row.id)) return null;
        const memo = row as Row<'memos'>;
        const body = unlinkBlocks(memo.body, linkTargets);
        return body === memo.body ? row : { ...memo, body };
      }
      case 'codes': {
        if (codeIds.has(row.id)) return null;
        const code = row as Code;
        let next = code;
        if (code.firstSourceId && sourceIds.has(code.firstSourceId)) {
          const { firstSourceId: _gone, ...rest } = code;
          next = rest;
        }
        if (code.parentId && codeIds.has(code.parentId)) next = { ...next, parentId: null };
        return next;
      }
      case 'themes': {
        const theme = row as Row<'themes'>;
        return theme.codeIds.some((id) => codeIds.has(id)) ? { ...theme, codeIds: theme.codeIds.filter((id) => !codeIds.has(id)) } : row;
      }
      case 'documentSets': {
        const set = row as Row<'documentSets'>;
        return set.sourceIds.some((id) => sourceIds.has(id)) ? { ...set, sourceIds: set.sourceIds.filter((id) => !sourceIds.has(id)) } : row;
      }
      case 'savedQueries':
      case 'settings': {
        const held = row as Row<'savedQueries'> | Row<'settings'>;
        const key = table === 'savedQueries' ? 'query' : 'value';
        const value = (held as Record<string, unknown>)[key];
        const next = dropIds(value, anyId);
        return next === value ? row : { ...held, [key]: next };
      }
      default:
        return row;
    }
  };

  const changes: Change[] = [];
  for (const table of tableNames) {
    for (const row of project[table] as AnyRow[]) {
      const next = scrub(table, row);
      if (next === row) continue;
      changes.push(next ? put(table, row as never, next as never) : remove(table, row as never));
    }
  }
  const what = [...cases.map((c) => `case '${c.name}'`), ...sources.map((s) => `'${s.name}'`)].join(', ');
  return {
    label: `Delete ${what} permanently`,
    sources,
    cases,
    codingIds: [...codingIds].filter((id) => project.codings.some((c) => c.id === id)),
    memoIds: [...memoIds].filter((id) => project.memos.some((m) => m.id === id)),
    codes: project.codes.filter((c) => codeIds.has(c.id)),
    keptInVivoCodes: project.codes.filter((c) => inVivo.some((v) => v.id === c.id) && !codeIds.has(c.id)),
    quotedIn: findQuotes(project, sources.flatMap(quotableSentences), (table, id) =>
      table === 'memos' ? memoIds.has(id) : codeIds.has(id),
    ),
    words: sources.reduce((n, s) => n + countWords(s.text), 0),
    changes: { label: `Delete ${what} permanently`, changes },
    scrub,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * One change set without the withdrawal: the same set when untouched, a smaller one, or
 * null when nothing is left of it (the history entry is then dropped).
 */
export function scrubChangeSet(set: ChangeSet, scrub: Scrub): ChangeSet | null {
  let touched = false;
  const changes: Change[] = [];
  for (const change of set.changes) {
    if (change.table === 'meta') {
      changes.push(change);
      continue;
    }
    const before = change.before ? scrub(change.table, change.before) : null;
    const after = change.after ? scrub(change.table, change.after) : null;
    if (before === change.before && after === change.after) {
      changes.push(change);
      continue;
    }
    touched = true;
    // A change whose both sides went, or that no longer changes anything, is left out.
    if ((before === null && after === null) || same(before, after)) continue;
    changes.push({ ...change, before, after } as Change);
  }
  if (!touched) return set;
  return changes.length ? { ...set, changes } : null;
}

export interface HistoryScrub<E> {
  /** Entries rewritten without the withdrawal, with their new change set. */
  rewritten: { entry: E; set: ChangeSet }[];
  /** Entries with nothing left: removed. */
  dropped: E[];
}

/** Which history entries mention the withdrawal, and what each becomes. */
export function scrubHistory<E extends { set: ChangeSet }>(entries: readonly E[], scrub: Scrub): HistoryScrub<E> {
  const out: HistoryScrub<E> = { rewritten: [], dropped: [] };
  for (const entry of entries) {
    const set = scrubChangeSet(entry.set, scrub);
    if (set === entry.set) continue;
    if (set) out.rewritten.push({ entry, set });
    else out.dropped.push(entry);
  }
  return out;
}

/** The project without the withdrawal (e.g. a backup being rewritten), or the same project when it holds none of it. */
export function withdrawFromProject(project: Project, withdrawal: Withdrawal): Project {
  const present: Withdrawal = {
    sourceIds: withdrawal.sourceIds.filter((id) => project.sources.some((s) => s.id === id)),
    caseIds: withdrawal.caseIds.filter((id) => project.cases.some((c) => c.id === id)),
  };
  if (present.sourceIds.length + present.caseIds.length === 0) return project;
  const plan = planWithdrawal(project, present);
  const next: Project = { ...project };
  for (const table of tableNames) {
    (next as Record<TableName, unknown>)[table] = (project[table] as AnyRow[]).flatMap((row) => {
      const kept = plan.scrub(table, row);
      return kept ? [kept] : [];
    });
  }
  return next;
}
