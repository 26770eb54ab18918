/**
 * The demo study split back into the two coders' laptops and merged again: Sam's copy has
 * its own source ids and file names, a renamed, a moved and a redefined code and a code of
 * his own. The merge must give back every coding of both, attributed, and the same agreement.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import type { CharComparison } from '../../../shared/agreement';
import { compareCoders } from '../../../shared/agreement';
import { mergeProject } from '../../../shared/merge';
import type { Project } from '../../../shared/model';
import { applyChanges, seededGuids } from '../../../shared/model';

const demo = buildDemoProject();
const [alex, sam] = demo.coders as [Project['coders'][number], Project['coders'][number]];
const leaves = demo.codes.filter((c) => c.codable && c.parentId);
const [renamed, moved, redefined] = leaves as [Project['codes'][number], Project['codes'][number], Project['codes'][number]];

function split(): { mine: Project; theirs: Project; newCodeId: string } {
  const mine: Project = { ...demo, coders: [alex], codings: demo.codings.filter((c) => c.coderId === alex.id) };
  const newId = seededGuids(31337);
  const sourceIds = new Map(demo.sources.map((s) => [s.id, newId()]));
  const newCodeId = newId();
  const theirs: Project = {
    ...demo,
    coders: [sam],
    memos: [],
    sources: demo.sources.map((s, i) => ({ ...s, id: sourceIds.get(s.id)!, name: `Sam ${i + 1}.docx`, caseId: s.caseId })),
    codes: [
      ...demo.codes.map((c) =>
        c.id === renamed.id
          ? { ...c, name: `${c.name} (renamed)` }
          : c.id === moved.id
            ? { ...c, parentId: null }
            : c.id === redefined.id
              ? { ...c, definition: 'Sam’s own wording.' }
              : c,
      ),
      { ...renamed, id: newCodeId, name: 'Peer support', parentId: null, definition: '', origin: 'inductive' as const, firstSourceId: sourceIds.get(demo.sources[0]!.id)! },
    ],
    codings: [
      ...demo.codings.filter((c) => c.coderId === sam.id).map((c) => ({ ...c, sourceId: sourceIds.get(c.sourceId)! })),
      { id: newId(), codeId: newCodeId, sourceId: sourceIds.get(demo.sources[0]!.id)!, coderId: sam.id, start: 0, end: 5, createdAt: demo.meta.createdAt },
    ],
    themes: [],
    documentSets: [],
  };
  return { mine, theirs, newCodeId };
}

describe('merging the demo study back together', () => {
  const { mine, theirs, newCodeId } = split();
  const result = mergeProject(mine, theirs, { newId: seededGuids(7), now: () => demo.meta.createdAt, coderId: alex.id }, { incomingLabel: 'sam.qdpx' });
  const merged = applyChanges(mine, result.set);

  it('classifies the edited codes and matches every transcript by its text', () => {
    const kinds = Object.fromEntries(result.report.codebook.entries.map((e) => [e.codeId, e.kind]));
    expect(kinds[renamed.id]).toBe('renamed');
    expect(kinds[moved.id]).toBe('moved');
    expect(kinds[redefined.id]).toBe('conflicting');
    expect(kinds[newCodeId]).toBe('new');
    expect(result.report.sources.every((s) => s.how === 'same text')).toBe(true);
    expect(merged.sources).toHaveLength(demo.sources.length);
  });

  it('holds every coding of both coders, attributed, on the original transcripts', () => {
    expect(merged.codings).toHaveLength(demo.codings.length + 1);
    for (const coding of demo.codings) {
      expect(merged.codings.some((c) => c.coderId === coding.coderId && c.codeId === coding.codeId && c.sourceId === coding.sourceId && c.start === coding.start && c.end === coding.end)).toBe(true);
    }
    const peer = merged.codes.find((c) => c.name === 'Peer support')!;
    expect(peer).toMatchObject({ origin: 'inductive', firstSourceId: demo.sources[0]!.id });
    expect(merged.codings.filter((c) => c.codeId === peer.id)).toEqual([expect.objectContaining({ coderId: sam.id, sourceId: demo.sources[0]!.id })]);
    expect(result.report.notPlaced).toEqual([]);
  });

  it('gives the same agreement as the demo for the codes they share', () => {
    const codeIds = demo.codes.map((c) => c.id);
    const before = compareCoders(demo, { coderIds: [alex.id, sam.id], codeIds }) as CharComparison;
    const after = compareCoders(merged, { coderIds: [alex.id, sam.id], codeIds }) as CharComparison;
    expect(after.rows).toEqual(before.rows);
    expect(after.overall).toEqual(before.overall);
  });
});
