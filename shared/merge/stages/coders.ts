/** Coders: the same GUID, then the same name, unless the user said otherwise. */
import type { Coder } from '../../model/schema';
import { normalizeName } from '../similarity';
import type { MergeState } from './state';
import type { ProjectMergeReport } from './types';

export function mergeCoders(m: MergeState): void {
  const { base, incoming, options } = m;
  const baseCoders = new Map(base.coders.map((c) => [c.id, c]));
  for (const coder of incoming.coders) {
    const wish = options.coderMap?.[coder.id];
    let target: Coder | undefined;
    let how: ProjectMergeReport['coders'][number]['how'];
    if (wish && wish !== 'new') {
      target = baseCoders.get(wish);
      if (!target) throw new RangeError(`the coder map sends '${coder.name}' to a coder that is not in the project`);
      how = 'user';
    } else if (!wish && baseCoders.has(coder.id)) {
      target = baseCoders.get(coder.id);
      how = 'id';
    } else if (!wish) {
      target = base.coders.find((c) => normalizeName(c.name) === normalizeName(coder.name) && !!c.isConsensus === !!coder.isConsensus);
      how = 'name';
    } else how = 'new';
    if (!target) {
      const row: Coder = { ...coder, id: m.freshId(coder.id) };
      if (base.coders.some((c) => c.name === coder.name)) row.name = `${coder.name} (${m.label})`;
      m.add('coders', row);
      target = row;
      how = 'new';
    }
    m.mapping.coders[coder.id] = target.id;
    m.coderLines.push({ incoming: coder.name, mergedAs: target.name, how });
  }
}
