/** Codings, re-pointed; exact duplicates are recognised, impossible ones listed. */
import type { Coding, Guid } from '../../model/schema';
import type { MergeState } from './state';

export function mergeCodings(m: MergeState): void {
  const { base, incoming, sourceLength } = m;
  const { coders, sources, codes, codings } = m.mapping;
  const codableIds = new Set(m.codes.filter((c) => c.codable).map((c) => c.id));
  const incomingById = new Map(incoming.sources.map((s) => [s.id, s]));
  const baseCodings = new Map(base.codings.map((c) => [c.id, c]));
  const existing = new Map<string, Guid>(base.codings.map((c) => [codingKey(c.sourceId, c.codeId, c.coderId, c.start, c.end), c.id]));
  for (const coding of incoming.codings) {
    const what = `coding ${coding.start}-${coding.end} in '${incomingById.get(coding.sourceId)?.name ?? coding.sourceId}'`;
    const sourceId = sources[coding.sourceId];
    const codeId = codes[coding.codeId];
    const coderId = coders[coding.coderId];
    const reason = !sourceId
      ? 'its source is not in the incoming project'
      : !codeId
        ? 'its code is not in the incoming project'
        : !coderId
          ? 'its coder is not in the incoming project'
          : coding.end > sourceLength.get(sourceId)! || coding.start >= coding.end
            ? `it lies outside the text (0-${sourceLength.get(sourceId)})`
            : !codableIds.has(codeId)
              ? 'its code is a category that only groups codes'
              : null;
    if (reason) {
      m.notPlaced.push({ table: 'codings', id: coding.id, what, reason });
      continue;
    }
    const key = codingKey(sourceId!, codeId!, coderId!, coding.start, coding.end);
    const twin = existing.get(key);
    if (twin) {
      codings[coding.id] = twin;
      m.count(m.present, 'codings');
      continue;
    }
    // The same coding (same GUID) changed on one side since the projects parted, e.g. its
    // boundaries adjusted: keep this project's version rather than stacking a second one.
    const sameId = baseCodings.get(coding.id);
    if (sameId && sameId.sourceId === sourceId && sameId.coderId === coderId) {
      codings[coding.id] = sameId.id;
      m.count(m.present, 'codings');
      const describe = (c: { start: number; end: number; codeId: string }) => `${c.start}-${c.end} (${m.codes.find((x) => x.id === c.codeId)?.name ?? c.codeId})`;
      m.conflicts.push({ table: 'codings', what: `${what} (the same coding, edited since)`, kept: describe(sameId), incoming: describe({ ...coding, codeId: codeId! }) });
      continue;
    }
    const row: Coding = { ...coding, id: m.freshId(coding.id), sourceId: sourceId!, codeId: codeId!, coderId: coderId! };
    existing.set(key, row.id);
    m.add('codings', row);
    codings[coding.id] = row.id;
  }
}

function codingKey(sourceId: string, codeId: string, coderId: string, start: number, end: number): string {
  return `${sourceId}\u0000${codeId}\u0000${coderId}\u0000${start}\u0000${end}`;
}
