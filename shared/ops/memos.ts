/** Memos: the researcher's writing about the project, a source, a code, a theme, a case or one coding. */
import type { ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Memo, MemoTarget, Project, RichBlock } from '../model/schema';
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

export { memoPlainText, plainTextToRich } from '../model/richtext';
