/** Adding, renaming and removing sources (imported transcripts). */
import type { ChangeSet, Change } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, Source, SourceFormat, Speaker } from '../model/schema';
import type { TranscriptStructure } from '../text/compose';
import { find, OpError, requireName } from './common';

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

/** An already imported source with the same text, if any (the file name may differ). */
export function findDuplicateSource(project: Project, text: string): Source | undefined {
  return project.sources.find((s) => s.text === text);
}

export function renameSource(project: Project, _ctx: OpContext, id: Guid, name: string): ChangeSet {
  const before = find(project, 'sources', id);
  return { label: `Rename '${before.name}'`, changes: [put('sources', before, { ...before, name: requireName(name, 'source') })] };
}

export function updateSpeakers(project: Project, _ctx: OpContext, id: Guid, speakers: Speaker[]): ChangeSet {
  const before = find(project, 'sources', id);
  const known = new Set(before.turns.map((t) => t.speaker));
  for (const s of speakers) if (!known.has(s.name)) throw new OpError(`'${s.name}' does not speak in '${before.name}'`);
  return { label: `Edit speakers of '${before.name}'`, changes: [put('sources', before, { ...before, speakers })] };
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
