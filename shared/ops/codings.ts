/** Applying codes to spans of text, removing them, and adjusting what a coding covers. */
import type { Change, ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Coding, Guid, Project, Source } from '../model/schema';
import { find, OpError } from './common';
import { joinCodings } from './spans';

export interface SpanArgs {
  sourceId: Guid;
  codeId: Guid;
  start: number;
  end: number;
  /** Defaults to the context's coder. */
  coderId?: Guid;
}

/** Never split a surrogate pair: an emoji is coded whole or not at all. */
function snapSpan(source: Source, start: number, end: number): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > source.text.length || start >= end)
    throw new OpError(`The span ${start}-${end} is not inside '${source.name}' (0-${source.text.length})`);
  const isLow = (i: number) => {
    const c = source.text.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  return { start: isLow(start) ? start - 1 : start, end: end < source.text.length && isLow(end) ? end + 1 : end };
}

/** Trim surrounding white space, as a researcher means the words, not the gaps around them. */
function trimSpan(source: Source, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(source.text[s]!)) s++;
  while (e > s && /\s/.test(source.text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : { start, end };
}

export function applyCode(project: Project, ctx: OpContext, args: SpanArgs): ChangeSet & { id: Guid } {
  const source = find(project, 'sources', args.sourceId);
  const code = find(project, 'codes', args.codeId);
  if (!code.codable) throw new OpError(`'${code.name}' is a category; apply one of its codes instead`);
  const coderId = args.coderId ?? ctx.coderId;
  const snapped = snapSpan(source, args.start, args.end);
  const { start, end } = trimSpan(source, snapped.start, snapped.end);
  const label = `Apply '${code.name}'`;
  const same = project.codings.filter(
    (c) => c.sourceId === source.id && c.codeId === code.id && c.coderId === coderId && c.start <= end && c.end >= start,
  );
  const covering = same.find((c) => c.start <= start && c.end >= end);
  if (covering) return { label, changes: [], id: covering.id };
  const coding: Coding = { id: ctx.newId(), codeId: code.id, sourceId: source.id, coderId, start, end, createdAt: ctx.now() };
  if (same.length === 0) return { label, changes: [put('codings', null, coding)], id: coding.id };
  // Overlapping or adjacent: widen an existing coding rather than stacking a second one.
  // All of `same` touch the new span, so they form one cluster kept under same[0]'s id.
  const keeper = same[0]!;
  const changes = joinCodings([...same, coding], code.id, project.memos, (c) => c.id === keeper.id);
  return { label, changes: changes.filter((c) => c.id !== coding.id), id: keeper.id };
}

/** Remove a code's coverage from a span: codings inside go, codings across its edges are trimmed or split. */
export function removeCode(project: Project, ctx: OpContext, args: SpanArgs): ChangeSet {
  const source = find(project, 'sources', args.sourceId);
  const code = find(project, 'codes', args.codeId);
  const { start, end } = snapSpan(source, args.start, args.end);
  const changes: Change[] = [];
  for (const c of project.codings) {
    if (c.sourceId !== source.id || c.codeId !== code.id || c.end <= start || c.start >= end) continue;
    if (args.coderId && c.coderId !== args.coderId) continue;
    if (c.start >= start && c.end <= end) {
      changes.push(...deleteCoding(project, ctx, c.id).changes);
    } else if (c.start < start && c.end > end) {
      changes.push(put('codings', c, { ...c, end: start }));
      changes.push(put('codings', null, { ...c, id: ctx.newId(), start: end, createdAt: ctx.now() }));
    } else if (c.start < start) {
      changes.push(put('codings', c, { ...c, end: start }));
    } else {
      changes.push(put('codings', c, { ...c, start: end }));
    }
  }
  return { label: `Remove '${code.name}'`, changes };
}

/** Delete one coding and the memo written on it. */
export function deleteCoding(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const coding = find(project, 'codings', id);
  const memos = project.memos.filter((m) => m.target.kind === 'coding' && m.target.id === id);
  return { label: 'Delete coding', changes: [...memos.map((m) => remove('memos', m)), remove('codings', coding)] };
}

export function adjustCoding(project: Project, _ctx: OpContext, id: Guid, span: { start: number; end: number }): ChangeSet {
  const coding = find(project, 'codings', id);
  const source = find(project, 'sources', coding.sourceId);
  const { start, end } = snapSpan(source, span.start, span.end);
  const moved: Coding = { ...coding, start, end };
  const neighbours = project.codings.filter(
    (c) => c.id !== id && c.sourceId === coding.sourceId && c.codeId === coding.codeId && c.coderId === coding.coderId && c.start <= end && c.end >= start,
  );
  const label = 'Adjust coding boundaries';
  if (neighbours.length === 0) return { label, changes: [put('codings', coding, moved)] };
  // The moved coding keeps its id; neighbours it now touches are folded into it.
  const changes = joinCodings([moved, ...neighbours], coding.codeId, project.memos, (c) => c.id === id);
  return {
    label,
    changes: changes.map((c) => (c.table === 'codings' && c.id === id ? { ...c, before: coding } : c)),
  };
}

export function setExemplar(project: Project, _ctx: OpContext, id: Guid, exemplar: boolean): ChangeSet {
  const before = find(project, 'codings', id);
  const { exemplar: _old, ...rest } = before;
  return {
    label: exemplar ? 'Mark as exemplar quote' : 'Unmark exemplar quote',
    changes: [put('codings', before, exemplar ? { ...rest, exemplar: true } : rest)],
  };
}

/** The speaker turn containing an offset, for "code the whole turn". */
export function turnAt(source: Source, offset: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = source.turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = source.turns[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return { start: t.start, end: t.end };
  }
  return undefined;
}
