/** QDPX write and read of the large study (target < 3 s each) and the peak memory of each. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { readQdpx, writeQdpx } from '../../shared/formats/refi/index';
import type { PeakMemory } from '../child/peak-memory';
import { BENCH_DIR, FRESH_LARGE_FILE, PROJECT_FILES } from '../generate';
import type { BenchContext } from '../measure';
import { NO_TARGET, below, row, timeRuns } from '../measure';

const run = promisify(execFile);

async function peakMemory(ctx: BenchContext, op: 'qdpx-write' | 'qdpx-read'): Promise<PeakMemory[]> {
  const out: PeakMemory[] = [];
  const script = path.join(BENCH_DIR, 'child', 'peak-memory.ts');
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--expose-gc', script, op, ctx.dataDir, ctx.quick ? 'quick' : 'full'], {
      maxBuffer: 1024 * 1024,
    });
    out.push(JSON.parse(stdout.trim().split('\n').pop()!) as PeakMemory);
  }
  return out;
}

export async function measure(ctx: BenchContext): Promise<void> {
  const project = ctx.study.combined;
  let bytes: Uint8Array = new Uint8Array();
  const write = await timeRuns(() => (bytes = writeQdpx(project)), ctx.runs, ctx.warmup);
  ctx.log(`large.qdpx: ${(bytes.byteLength / 1e6).toFixed(1)} MB, ${project.sources.length} sources, ${project.codings.length} codings`);
  ctx.add(row('QDPX write, large study', write, 'ms', below(3000, '< 3 s')));
  // Read what this version of the writer wrote (the generator's file may come from an older one), from disk as a user would.
  const fresh = path.join(ctx.dataDir, FRESH_LARGE_FILE);
  await writeFile(fresh, bytes);
  const onDisk = new Uint8Array(await readFile(fresh));
  const read = await timeRuns(() => readQdpx(onDisk, PROJECT_FILES.large), ctx.runs, ctx.warmup);
  ctx.add(row('QDPX read, large study', read, 'ms', below(3000, '< 3 s')));
  for (const [op, label] of [['qdpx-write', 'write'], ['qdpx-read', 'read']] as const) {
    const peaks = await peakMemory(ctx, op);
    const first = peaks[0]!;
    ctx.log(
      `QDPX ${label}: baseline ${first.baselineMB.toFixed(0)} MB RSS with inputs loaded, peak ${first.peakMB.toFixed(0)} MB` +
        (first.resetWorked ? '' : ' (lifetime maxRSS: high-water reset unavailable)'),
    );
    ctx.add(row(`QDPX ${label}: peak RSS of the process`, peaks.map((p) => p.peakMB), 'MB', NO_TARGET));
    ctx.add(row(`QDPX ${label}: peak RSS above inputs`, peaks.map((p) => p.peakMB - p.baselineMB), 'MB', NO_TARGET));
  }
}
