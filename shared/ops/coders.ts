/** The people (and the consensus pseudo-coder) whose codings the project records. */
import type { ChangeSet } from '../model/changes';
import { put } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Coder, Guid, Project } from '../model/schema';
import { nextColor } from '../model/project';
import { requireName } from './common';

export function addCoder(project: Project, ctx: OpContext, args: { name: string; isConsensus?: boolean }): ChangeSet & { id: Guid } {
  const id = ctx.newId();
  const coder: Coder = {
    id,
    name: requireName(args.name, 'coder'),
    color: nextColor(project.coders.length + 3),
    ...(args.isConsensus ? { isConsensus: true } : {}),
  };
  return { label: `Add coder '${coder.name}'`, changes: [put('coders', null, coder)], id };
}
