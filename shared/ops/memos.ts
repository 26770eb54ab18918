/** Memos: the researcher's writing about the project, a source, a code, a theme, a case or one coding. */
import type { ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Memo, MemoTarget, Project, RichBlock, RichInline } from '../model/schema';
import { memoSchema } from '../model/schema';
import { find } from './common';

const TABLE_OF_TARGET = { source: 'sources', code: 'codes', theme: 'themes', coding: 'codings', case: 'cases' } as const;

export function createMemo(
  project: Project,
  ctx: OpContext,
  args: { target: MemoTarget; title?: string; body?: RichBlock[] },
): ChangeSet & { id: Guid } {
  if (args.target.kind !== 'project') find(project, TABLE_OF_TARGET[args.target.kind], args.target.id);
  const id = ctx.newId();
  const now = ctx.now();
  const memo: Memo = memoSchema.parse({
    id,
    title: args.title ?? '',
    target: args.target,
    body: args.body ?? [{ type: 'paragraph', children: [{ text: '' }] }],
    authorId: ctx.coderId,
    createdAt: now,
    modifiedAt: now,
  });
  return { label: 'New memo', changes: [put('memos', null, memo)], id };
}

export function updateMemo(project: Project, ctx: OpContext, id: Guid, patch: { title?: string; body?: RichBlock[] }): ChangeSet {
  const before = find(project, 'memos', id);
  const next = memoSchema.parse({ ...before, ...patch, modifiedAt: ctx.now() });
  return { label: `Edit memo${before.title ? ` '${before.title}'` : ''}`, changes: [put('memos', before, next)] };
}

export function deleteMemo(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const before = find(project, 'memos', id);
  return { label: 'Delete memo', changes: [remove('memos', before)] };
}

/** A memo's text without formatting: for search, REFI notes and reports. */
export function memoPlainText(body: readonly RichBlock[]): string {
  const inlineText = (i: RichInline): string => ('type' in i ? i.children.map((l) => l.text).join('') : i.text);
  const blockText = (b: RichBlock): string => {
    if (b.type === 'bulleted-list' || b.type === 'numbered-list') return b.children.map(blockText).join('\n');
    return (b.children as RichInline[]).map(inlineText).join('');
  };
  return body.map(blockText).join('\n');
}

/** Plain text as memo paragraphs (for memos that come from other tools as plain text). */
export function plainTextToRich(text: string): RichBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => ({ type: 'paragraph', children: [{ text: line }] }));
}
