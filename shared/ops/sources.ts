/** Adding and removing sources (imported transcripts). */
import type { ChangeSet, Change } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, Source, SourceFormat } from '../model/schema';
import type { TranscriptStructure } from '../text/compose';
import { find, requireName } from './common';

export interface AddSourceArgs {
  name: string;
  structure: TranscriptStructure;
  format: SourceFormat;
  caseId?: Guid;
  description?: string;
}

export function addSource(project: Project, ctx: OpContext, args: AddSourceArgs): ChangeSet & { id: Guid } {
  const id = ctx.newId();
  const { text, paragraphs, turns, speakers } = args.structure;
  const source: Source = {
    id,
    name: requireName(args.name, 'source'),
    text,
    paragraphs,
    turns,
    speakers,
    format: args.format,
    importedAt: ctx.now(),
    importedBy: ctx.coderId,
    ...(args.caseId ? { caseId: args.caseId } : {}),
    ...(args.description ? { description: args.description } : {}),
  };
  return { label: `Import '${source.name}'`, changes: [put('sources', null, source)], id };
}

/** Removes the source with everything that only makes sense with it: its codings and memos on them or on it. */
export function deleteSource(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const source = find(project, 'sources', id);
  const codings = project.codings.filter((c) => c.sourceId === id);
  const codingIds = new Set(codings.map((c) => c.id));
  const memos = project.memos.filter(
    (m) => (m.target.kind === 'source' && m.target.id === id) || (m.target.kind === 'coding' && codingIds.has(m.target.id)),
  );
  const changes: Change[] = [
    ...codings.map((c) => remove('codings', c)),
    ...memos.map((m) => remove('memos', m)),
    ...project.documentSets
      .filter((s) => s.sourceIds.includes(id))
      .map((s) => put('documentSets', s, { ...s, sourceIds: s.sourceIds.filter((x) => x !== id) })),
    remove('sources', source),
  ];
  return { label: `Delete '${source.name}'`, changes };
}
