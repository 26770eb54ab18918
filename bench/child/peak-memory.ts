/**
 * Runs one operation in a fresh process and reports its peak memory, so one benchmark's
 * garbage never inflates another's figure. On Linux the resident high-water mark is reset
 * (/proc/self/clear_refs) after the inputs are loaded, so the peak is that of the operation
 * with its inputs in memory; elsewhere it falls back to the process's lifetime maxRSS.
 *
 *   node --import tsx --expose-gc bench/child/peak-memory.ts <qdpx-write|qdpx-read> <data dir> <quick|full>
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readQdpx, writeQdpx } from '../../shared/formats/refi/index';
import { FRESH_LARGE_FILE, PROJECT_FILES } from '../generate';
import { DEFAULT_SEED, FULL_SIZE, QUICK_SIZE, buildStudy } from '../study';

export interface PeakMemory {
  /** Resident set before the operation, inputs loaded, after a full GC. */
  baselineMB: number;
  peakMB: number;
  heapUsedAfterMB: number;
  resetWorked: boolean;
  ms: number;
}

const MB = 1024 * 1024;

async function highWaterKb(): Promise<number | null> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function resetHighWater(): Promise<boolean> {
  try {
    await writeFile('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const [op, dir, scale] = process.argv.slice(2);
  if (!op || !dir) throw new Error('usage: peak-memory.ts <qdpx-write|qdpx-read> <data dir> <quick|full>');
  let run: () => unknown;
  let keep: unknown;
  if (op === 'qdpx-write') {
    const project = buildStudy(scale === 'quick' ? QUICK_SIZE : FULL_SIZE, DEFAULT_SEED).combined;
    run = () => (keep = writeQdpx(project));
  } else if (op === 'qdpx-read') {
    // The file bench/measures/qdpx.ts has just written with the current writer.
    const bytes = new Uint8Array(await readFile(path.join(dir, FRESH_LARGE_FILE)));
    run = () => (keep = readQdpx(bytes, PROJECT_FILES.large));
  } else {
    throw new Error(`unknown operation ${op}`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baselineMB = process.memoryUsage().rss / MB;
  const resetWorked = await resetHighWater();
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  const hwm = resetWorked ? await highWaterKb() : null;
  const peakMB = hwm !== null ? hwm / 1024 : process.resourceUsage().maxRSS / 1024;
  const result: PeakMemory = { baselineMB, peakMB, heapUsedAfterMB: process.memoryUsage().heapUsed / MB, resetWorked: resetWorked && hwm !== null, ms };
  process.stdout.write(JSON.stringify(result) + '\n');
  void keep;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
