/**
 * Joining codings of one code that overlap or touch, so a code never covers the same
 * characters twice for one coder. Used when applying a code, adjusting boundaries and
 * merging codes.
 */
import type { Change } from '../model/changes';
import { put, remove } from '../model/changes';
import type { Coding, Guid, Memo } from '../model/schema';

/**
 * Given codings that will all carry `codeId` (grouped here by source and coder), join
 * each cluster of overlapping or adjacent spans into one coding. `preferred` decides
 * which coding of a cluster keeps its id (e.g. the target code's own). Memos on the
 * codings that disappear move to the one that stays.
 */
export function joinCodings(
  codings: readonly Coding[],
  codeId: Guid,
  memos: readonly Memo[],
  preferred: (c: Coding) => boolean = () => false,
): Change[] {
  const groups = new Map<string, Coding[]>();
  for (const c of codings) {
    const key = `${c.sourceId}\u0000${c.coderId}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const changes: Change[] = [];
  const memosByCoding = new Map<string, Memo[]>();
  for (const m of memos) {
    if (m.target.kind !== 'coding') continue;
    const list = memosByCoding.get(m.target.id) ?? [];
    list.push(m);
    memosByCoding.set(m.target.id, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let cluster: Coding[] = [];
    let clusterEnd = -1;
    const flush = () => {
      if (cluster.length === 0) return;
      const keeper = cluster.find(preferred) ?? cluster[0]!;
      const start = Math.min(...cluster.map((c) => c.start));
      const end = Math.max(...cluster.map((c) => c.end));
      const exemplar = cluster.some((c) => c.exemplar);
      const next: Coding = { ...keeper, codeId, start, end, ...(exemplar ? { exemplar: true } : {}) };
      if (next.codeId !== keeper.codeId || next.start !== keeper.start || next.end !== keeper.end || next.exemplar !== keeper.exemplar)
        changes.push(put('codings', keeper, next));
      for (const c of cluster) {
        if (c === keeper) continue;
        changes.push(remove('codings', c));
        for (const m of memosByCoding.get(c.id) ?? []) changes.push(put('memos', m, { ...m, target: { kind: 'coding', id: keeper.id } }));
      }
      cluster = [];
    };
    for (const c of list) {
      if (cluster.length > 0 && c.start > clusterEnd) flush();
      cluster.push(c);
      clusterEnd = Math.max(clusterEnd, c.end);
    }
    flush();
  }
  return changes;
}
