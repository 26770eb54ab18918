/** Agreement between the two coders over the whole large study (issue 8): kappa per code per source, < 1 s. */
import { compareCoders } from '../../shared/agreement/index';
import type { BenchContext } from '../measure';
import { NO_TARGET, below, row, timeRuns } from '../measure';

export async function measure(ctx: BenchContext): Promise<void> {
  const project = ctx.study.combined;
  const coderIds = project.coders.map((c) => c.id);
  let rows = 0;
  const char = await timeRuns(() => {
    const result = compareCoders(project, { coderIds, unit: 'char' });
    if (result.unit === 'char') rows = result.rows.length;
  }, ctx.runs, ctx.warmup);
  ctx.log(`character agreement: ${rows} code x source rows`);
  ctx.add(row('agreement: kappa per code per source (characters)', char, 'ms', below(1000, '< 1 s')));
  const coded = await timeRuns(() => compareCoders(project, { coderIds, unit: 'char', universe: 'coded' }), ctx.runs, ctx.warmup);
  ctx.add(row('agreement: characters, coded text only', coded, 'ms', below(1000, '< 1 s')));
  const segment = await timeRuns(() => compareCoders(project, { coderIds, unit: 'segment' }), ctx.runs, ctx.warmup);
  ctx.add(row('agreement: segments (90% overlap)', segment, 'ms', NO_TARGET));
  const turn = await timeRuns(() => compareCoders(project, { coderIds, unit: 'turn' }), ctx.runs, ctx.warmup);
  ctx.add(row('agreement: alpha over turns', turn, 'ms', NO_TARGET));
}
