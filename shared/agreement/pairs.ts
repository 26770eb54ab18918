/**
 * Which two coders to compare first. Agreement is measured on the sources both coded, so
 * the pair sharing the most coded sources says the most; a pair sharing one source (say,
 * a coder who just joined) would open the view on a figure that means little.
 */
import type { Guid, Project } from '../model/schema';

export function busiestPair(project: Pick<Project, 'coders' | 'codings'>): [Guid, Guid] | null {
  const people = project.coders.filter((c) => !c.isConsensus);
  if (people.length < 2) return null;
  const sourcesOf = new Map<Guid, Set<Guid>>(people.map((c) => [c.id, new Set()]));
  for (const coding of project.codings) sourcesOf.get(coding.coderId)?.add(coding.sourceId);
  let best: [Guid, Guid] = [people[0]!.id, people[1]!.id];
  let most = -1;
  // Ties keep the earlier coders, so the default does not jump about as counts are equal.
  for (let i = 0; i < people.length; i++) {
    const a = sourcesOf.get(people[i]!.id)!;
    for (let j = i + 1; j < people.length; j++) {
      const b = sourcesOf.get(people[j]!.id)!;
      let shared = 0;
      for (const id of a) if (b.has(id)) shared++;
      if (shared > most) {
        most = shared;
        best = [people[i]!.id, people[j]!.id];
      }
    }
  }
  return best;
}
