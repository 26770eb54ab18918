/** Themes: the findings, each rolling up codes (a code may feed several themes). */
import type { ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, Theme } from '../model/schema';
import { themeSchema } from '../model/schema';
import { find, nextOrder, OpError, reorder, requireName } from './common';

function siblingsOf(project: Project, parentId: Guid | null): Theme[] {
  return project.themes.filter((t) => t.parentId === parentId);
}

function themeDescendants(project: Project, id: Guid): Set<Guid> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of project.themes)
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}

export function createTheme(
  project: Project,
  ctx: OpContext,
  args: { name: string; definition?: string; codeIds?: Guid[]; parentId?: Guid | null; color?: string },
): ChangeSet & { id: Guid } {
  const name = requireName(args.name, 'theme');
  const parentId = args.parentId ?? null;
  if (parentId) find(project, 'themes', parentId);
  for (const codeId of args.codeIds ?? []) find(project, 'codes', codeId);
  const id = ctx.newId();
  const theme: Theme = themeSchema.parse({
    id,
    name,
    definition: args.definition ?? '',
    codeIds: [...new Set(args.codeIds ?? [])],
    parentId,
    order: nextOrder(siblingsOf(project, parentId)),
    ...(args.color ? { color: args.color.toLowerCase() } : {}),
  });
  return { label: `Create theme '${name}'`, changes: [put('themes', null, theme)], id };
}

export function updateTheme(
  project: Project,
  _ctx: OpContext,
  id: Guid,
  patch: Partial<Pick<Theme, 'name' | 'definition' | 'color'>>,
): ChangeSet {
  const before = find(project, 'themes', id);
  const next = themeSchema.parse({ ...before, ...patch, ...(patch.name !== undefined ? { name: requireName(patch.name, 'theme') } : {}) });
  return { label: `Edit theme '${before.name}'`, changes: [put('themes', before, next)] };
}

export function addCodeToTheme(project: Project, _ctx: OpContext, themeId: Guid, codeId: Guid): ChangeSet {
  const theme = find(project, 'themes', themeId);
  const code = find(project, 'codes', codeId);
  const label = `Add '${code.name}' to theme '${theme.name}'`;
  if (theme.codeIds.includes(codeId)) return { label, changes: [] };
  return { label, changes: [put('themes', theme, { ...theme, codeIds: [...theme.codeIds, codeId] })] };
}

export function removeCodeFromTheme(project: Project, _ctx: OpContext, themeId: Guid, codeId: Guid): ChangeSet {
  const theme = find(project, 'themes', themeId);
  const label = `Remove a code from theme '${theme.name}'`;
  if (!theme.codeIds.includes(codeId)) return { label, changes: [] };
  return { label, changes: [put('themes', theme, { ...theme, codeIds: theme.codeIds.filter((c) => c !== codeId) })] };
}

export function moveTheme(project: Project, _ctx: OpContext, id: Guid, to: { parentId: Guid | null; index: number }): ChangeSet {
  const before = find(project, 'themes', id);
  if (to.parentId) {
    find(project, 'themes', to.parentId);
    if (themeDescendants(project, id).has(to.parentId)) throw new OpError(`'${before.name}' cannot move inside itself`);
  }
  const moved = { ...before, parentId: to.parentId };
  const changes = reorder(siblingsOf(project, to.parentId), id, moved, to.index).flatMap((row) => {
    const old = project.themes.find((t) => t.id === row.id)!;
    return old === row ? [] : [put('themes', old, row)];
  });
  return { label: `Move theme '${before.name}'`, changes };
}

/** Delete a theme; its sub-themes move up to its parent, its codes and their codings stay. */
export function deleteTheme(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const theme = find(project, 'themes', id);
  let order = nextOrder(siblingsOf(project, theme.parentId));
  return {
    label: `Delete theme '${theme.name}'`,
    changes: [
      ...siblingsOf(project, id).map((child) => put('themes', child, { ...child, parentId: theme.parentId, order: order++ })),
      ...project.memos.filter((m) => m.target.kind === 'theme' && m.target.id === id).map((m) => remove('memos', m)),
      remove('themes', theme),
    ],
  };
}
