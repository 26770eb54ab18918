/**
 * Saved queries: a SavedQuery row's `query` holds one of these bodies. The schema is the
 * check at the boundary, since a saved query may come from a file another version wrote.
 */
import { z } from 'zod';
import type { ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, SavedQuery } from '../model/schema';
import { excerptFilterSchema } from './filter';
import { codeQuerySchema } from './query';
import { textSearchSchema } from './text-search';

export const savedQueryBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('codes'), query: codeQuerySchema, filter: excerptFilterSchema.optional() }),
  z.object({ kind: z.literal('text'), search: textSearchSchema }),
]);
export type SavedQueryBody = z.infer<typeof savedQueryBodySchema>;

/** The body of a saved query, or a message saying what is wrong with it. */
export function readSavedQuery(row: SavedQuery): { ok: true; body: SavedQueryBody } | { ok: false; error: string } {
  const parsed = savedQueryBodySchema.safeParse(row.query);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `Saved query '${row.name}' cannot be read: ${issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'unknown shape'}` };
}

/** Save a new query, or overwrite the one with the given id. */
export function saveQuery(project: Project, ctx: OpContext, args: { name: string; body: SavedQueryBody; id?: Guid }): ChangeSet & { id: Guid } {
  const name = args.name.trim();
  if (!name) throw new Error('A saved query needs a name.');
  const body = savedQueryBodySchema.parse(args.body);
  const before = args.id ? (project.savedQueries.find((q) => q.id === args.id) ?? null) : null;
  const row: SavedQuery = { id: before?.id ?? ctx.newId(), name, query: body };
  return { label: `Save query '${name}'`, changes: [put('savedQueries', before, row)], id: row.id };
}

export function deleteSavedQuery(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const row = project.savedQueries.find((q) => q.id === id);
  return { label: `Delete query '${row?.name ?? ''}'`, changes: row ? [remove('savedQueries', row)] : [] };
}
