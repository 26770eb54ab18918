/**
 * Team merge on the large study (issue 8): two coders' 400-code codebooks, and coder B's
 * whole project (own source ids, renamed and moved codes, 22k codings) into coder A's.
 */
import { mergeCodebooks, mergeProject } from '../../shared/merge/index';
import type { ProjectMergeReport } from '../../shared/merge/index';
import { applyChanges, seededGuids } from '../../shared/model';
import type { BenchContext } from '../measure';
import { NO_TARGET, row, timeRuns } from '../measure';

export async function measure(ctx: BenchContext): Promise<void> {
  const { coderA, coderB } = ctx.study;
  const inputs = [
    { label: coderA.meta.name, codes: coderA.codes },
    { label: coderB.meta.name, codes: coderB.codes },
  ];
  let entries = 0;
  const codebook = await timeRuns(() => {
    entries = mergeCodebooks(inputs, {}, { newId: seededGuids(5) }).entries.length;
  }, ctx.runs, ctx.warmup);
  ctx.log(`codebook merge: ${coderA.codes.length} + ${coderB.codes.length} codes, ${entries} merge entries`);
  ctx.add(row(`codebook merge, ${coderA.codes.length} + ${coderB.codes.length} codes`, codebook, 'ms', NO_TARGET));

  let report: ProjectMergeReport | null = null;
  const opContext = () => {
    const newId = seededGuids(6);
    return { newId, now: () => '2026-01-05T09:00:00Z', coderId: coderA.coders[0]!.id };
  };
  const merge = await timeRuns(() => {
    const result = mergeProject(coderA, coderB, opContext(), { incomingLabel: 'coder B' });
    report = result.report;
  }, ctx.runs, ctx.warmup);
  const withApply = await timeRuns(() => applyChanges(coderA, mergeProject(coderA, coderB, opContext()).set), ctx.runs, ctx.warmup);
  const r = report as ProjectMergeReport | null;
  if (r) {
    ctx.log(
      `project merge: added ${JSON.stringify(r.added)}, already present ${JSON.stringify(r.alreadyPresent)}, ` +
        `${r.notPlaced.length} not placed, ${r.conflicts.length} conflicts`,
    );
  }
  ctx.add(row(`project merge, ${coderB.codings.length} codings into ${coderA.codings.length}`, merge, 'ms', NO_TARGET));
  ctx.add(row('project merge, applied to the project', withApply, 'ms', NO_TARGET));
}
