/** The codebook: creating, editing, moving, merging, splitting and deleting codes. */
import type { Change, ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Code, CodeOrigin, Guid, Project } from '../model/schema';
import { codeSchema } from '../model/schema';
import { descendantIds, nextColor } from '../model/project';
import { retargetPreserved } from '../model/preserved';
import { find, nextOrder, OpError, reorder, requireName } from './common';
import { joinCodings } from './spans';

export interface CreateCodeArgs {
  name: string;
  parentId?: Guid | null;
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  origin?: CodeOrigin;
  firstSourceId?: Guid;
  codable?: boolean;
}

function siblingsOf(project: Project, parentId: Guid | null): Code[] {
  return project.codes.filter((c) => c.parentId === parentId);
}

function assertFreeName(project: Project, name: string, parentId: Guid | null, exceptId?: Guid): void {
  const clash = siblingsOf(project, parentId).find((c) => c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new OpError(`A code named '${clash.name}' exists already at that level`);
}

export function createCode(project: Project, ctx: OpContext, args: CreateCodeArgs): ChangeSet & { id: Guid } {
  const name = requireName(args.name, 'code');
  const parentId = args.parentId ?? null;
  if (parentId) find(project, 'codes', parentId);
  assertFreeName(project, name, parentId);
  const id = ctx.newId();
  const code: Code = codeSchema.parse({
    id,
    name,
    parentId,
    order: nextOrder(siblingsOf(project, parentId)),
    color: (args.color ?? nextColor(project.codes.length)).toLowerCase(),
    definition: args.definition ?? '',
    inclusion: args.inclusion ?? '',
    exclusion: args.exclusion ?? '',
    example: args.example ?? '',
    origin: args.origin ?? 'inductive',
    codable: args.codable ?? true,
    createdBy: ctx.coderId,
    createdAt: ctx.now(),
    ...(args.firstSourceId ? { firstSourceId: args.firstSourceId } : {}),
  });
  return { label: `Create code '${name}'`, changes: [put('codes', null, code)], id };
}

export type CodePatch = Partial<
  Pick<Code, 'name' | 'color' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'origin' | 'codable'>
> & { shortcut?: string | null };

export function updateCode(project: Project, _ctx: OpContext, id: Guid, patch: CodePatch): ChangeSet {
  const before = find(project, 'codes', id);
  const { shortcut, ...fields } = patch;
  const next: Code = { ...before, ...fields };
  if (fields.name !== undefined) {
    next.name = requireName(fields.name, 'code');
    assertFreeName(project, next.name, before.parentId, id);
  }
  if (fields.color) next.color = fields.color.toLowerCase();
  const changes: Change[] = [];
  if (shortcut === null || shortcut === '') delete next.shortcut;
  else if (shortcut !== undefined) {
    next.shortcut = shortcut;
    // A key applies one code only: the code that had it gives it up.
    for (const other of project.codes)
      if (other.id !== id && other.shortcut === shortcut) {
        const { shortcut: _taken, ...rest } = other;
        changes.push(put('codes', other, rest));
      }
  }
  if (!next.codable && project.codings.some((c) => c.codeId === id))
    throw new OpError(`'${before.name}' has codings, so it cannot become a category`);
  changes.push(put('codes', before, codeSchema.parse(next)));
  const label = fields.name && fields.name !== before.name ? `Rename '${before.name}' to '${next.name}'` : `Edit code '${before.name}'`;
  return { label, changes };
}

export function moveCode(project: Project, _ctx: OpContext, id: Guid, to: { parentId: Guid | null; index: number }): ChangeSet {
  const before = find(project, 'codes', id);
  if (to.parentId) {
    find(project, 'codes', to.parentId);
    if (descendantIds(id, project.codes).has(to.parentId)) throw new OpError(`'${before.name}' cannot move inside itself`);
  }
  if (to.parentId !== before.parentId) assertFreeName(project, before.name, to.parentId, id);
  const moved = { ...before, parentId: to.parentId };
  const changes = reorder(siblingsOf(project, to.parentId), id, moved, to.index).flatMap((row) => {
    const old = project.codes.find((c) => c.id === row.id)!;
    return old === row ? [] : [put('codes', old, row)];
  });
  return { label: `Move '${before.name}'`, changes };
}

/**
 * Merge one code into another: its codings join the target's (overlapping spans of the
 * same coder become one), its children, theme memberships and memos move over.
 */
export function mergeCodes(project: Project, _ctx: OpContext, fromId: Guid, intoId: Guid): ChangeSet {
  if (fromId === intoId) throw new OpError('A code cannot be merged into itself');
  const from = find(project, 'codes', fromId);
  const into = find(project, 'codes', intoId);
  if (descendantIds(fromId, project.codes).has(intoId))
    throw new OpError(`'${from.name}' cannot be merged into '${into.name}', which sits inside it`);
  const changes: Change[] = [];
  const involved = project.codings.filter((c) => c.codeId === fromId || c.codeId === intoId);
  changes.push(...joinCodings(involved, intoId, project.memos, (c) => c.codeId === intoId));
  let order = nextOrder(siblingsOf(project, intoId));
  for (const child of siblingsOf(project, fromId)) changes.push(put('codes', child, { ...child, parentId: intoId, order: order++ }));
  for (const theme of project.themes) {
    if (!theme.codeIds.includes(fromId)) continue;
    const codeIds = [...new Set(theme.codeIds.map((c) => (c === fromId ? intoId : c)))];
    changes.push(put('themes', theme, { ...theme, codeIds }));
  }
  for (const memo of project.memos)
    if (memo.target.kind === 'code' && memo.target.id === fromId) changes.push(put('memos', memo, { ...memo, target: { kind: 'code', id: intoId } }));
  // Another tool's codings we keep but do not show (a PDF's) follow the merge too.
  for (const { before, after } of retargetPreserved(project.preserved, fromId, intoId)) changes.push(put('preserved', before, after));
  // Keep what the merged code knew when the target had nothing to say.
  const fill = (a: string, b: string) => a || b;
  const mergedInto: Code = {
    ...into,
    definition: fill(into.definition, from.definition),
    inclusion: fill(into.inclusion, from.inclusion),
    exclusion: fill(into.exclusion, from.exclusion),
    example: fill(into.example, from.example),
  };
  if (JSON.stringify(mergedInto) !== JSON.stringify(into)) changes.push(put('codes', into, mergedInto));
  changes.push(remove('codes', from));
  return { label: `Merge '${from.name}' into '${into.name}'`, changes };
}

/** Move chosen codings of a code to a new sibling code. */
export function splitCode(
  project: Project,
  ctx: OpContext,
  codeId: Guid,
  codingIds: Guid[],
  newName: string,
): ChangeSet & { id: Guid } {
  const code = find(project, 'codes', codeId);
  const chosen = new Set(codingIds);
  const codings = project.codings.filter((c) => chosen.has(c.id));
  if (codings.length !== chosen.size || codings.some((c) => c.codeId !== codeId))
    throw new OpError(`Only codings of '${code.name}' can be split off it`);
  const created = createCode(project, ctx, {
    name: newName,
    parentId: code.parentId,
    origin: code.origin,
    ...(code.firstSourceId ? { firstSourceId: code.firstSourceId } : {}),
  });
  return {
    label: `Split '${newName}' off '${code.name}'`,
    changes: [...created.changes, ...codings.map((c) => put('codings', c, { ...c, codeId: created.id }))],
    id: created.id,
  };
}

/** What deleting a code would remove, to show before the user confirms. */
export function deletePreview(project: Project, id: Guid): { codeIds: Guid[]; codingIds: Guid[] } {
  const codeIds = descendantIds(id, project.codes);
  return { codeIds: [...codeIds], codingIds: project.codings.filter((c) => codeIds.has(c.codeId)).map((c) => c.id) };
}

export function deleteCode(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const code = find(project, 'codes', id);
  const { codeIds, codingIds } = deletePreview(project, id);
  const gone = new Set(codeIds);
  const goneCodings = new Set(codingIds);
  const changes: Change[] = [];
  for (const memo of project.memos) {
    const t = memo.target;
    if ((t.kind === 'code' && gone.has(t.id)) || (t.kind === 'coding' && goneCodings.has(t.id))) changes.push(remove('memos', memo));
  }
  for (const c of project.codings) if (goneCodings.has(c.id)) changes.push(remove('codings', c));
  for (const theme of project.themes)
    if (theme.codeIds.some((c) => gone.has(c))) changes.push(put('themes', theme, { ...theme, codeIds: theme.codeIds.filter((c) => !gone.has(c)) }));
  for (const c of project.codes) if (gone.has(c.id)) changes.push(remove('codes', c));
  return { label: `Delete code '${code.name}'`, changes };
}
