/**
 * Analysis on the large study (issue 5): a theme's excerpts with an attribute filter
 * (< 20 ms), the 400 x 400 co-occurrence matrix (< 200 ms), and the code x attribute matrix.
 * The index is built once per project version in the app, so it is timed on its own.
 */
import type { AnalysisIndex } from '../../shared/analysis/index';
import { buildAnalysisIndex, codeAttributeMatrix, coOccurrenceMatrix, retrieveExcerpts } from '../../shared/analysis/index';
import type { BenchContext } from '../measure';
import { NO_TARGET, below, row, timeRuns } from '../measure';

export async function measure(ctx: BenchContext): Promise<void> {
  const project = ctx.study.combined;
  let index: AnalysisIndex = buildAnalysisIndex(project);
  ctx.add(row('analysis index build', await timeRuns(() => (index = buildAnalysisIndex(project)), ctx.runs, ctx.warmup), 'ms', NO_TARGET));

  // Every theme in turn, filtered to participants at two sites: a question a researcher asks all day.
  const filter = { where: [{ attribute: 'participant type', values: ['participant'] }, { attribute: 'site', values: ['Site A', 'Site C'] }] };
  const retrieval: number[] = [];
  let excerpts = 0;
  for (let run = 0; run < ctx.runs + ctx.warmup; run++) {
    for (const theme of project.themes) {
      const start = performance.now();
      const found = retrieveExcerpts(index, { themeId: theme.id, filter });
      const ms = performance.now() - start;
      if (run >= ctx.warmup) {
        retrieval.push(ms);
        excerpts += found.length;
      }
    }
  }
  ctx.log(`retrieval: ${project.themes.length} themes, ${(excerpts / (retrieval.length || 1)).toFixed(0)} excerpts per theme on average after the filter`);
  ctx.add(row('theme excerpts with attribute filter', retrieval, 'ms', below(20, '< 20 ms')));

  let size = 0;
  const cooc = await timeRuns(() => (size = coOccurrenceMatrix(index, { scope: 'overlap' }).rows.length), ctx.runs, ctx.warmup);
  ctx.add(row(`co-occurrence ${size} x ${size}, overlap`, cooc, 'ms', below(200, '< 200 ms')));
  const coocTurn = await timeRuns(() => coOccurrenceMatrix(index, { scope: 'turn' }), ctx.runs, ctx.warmup);
  ctx.add(row(`co-occurrence ${size} x ${size}, same turn`, coocTurn, 'ms', below(200, '< 200 ms')));
  for (const unit of ['excerpts', 'cases'] as const) {
    const m = await timeRuns(() => codeAttributeMatrix(index, { attribute: 'site', unit }), ctx.runs, ctx.warmup);
    ctx.add(row(`code x site matrix (${unit})`, m, 'ms', NO_TARGET));
  }
}
