/**
 * The UI side of the import worker: analyse files one at a time, and cancel by ending the
 * worker (a parse in progress cannot otherwise be interrupted). The worker protocol
 * (workers/client.ts) runs the analysis here where workers are unavailable (unit tests
 * under jsdom) or the worker cannot start.
 */
import type { AnalyzeOptions } from '../../../../shared/import';
import { MAX_FILE_BYTES } from '../../../../shared/import';
import { JobCancelled, WorkerClient } from '../../workers/client';
import type { AnalyzeOutcome } from './analyze-job';
import { analyzeJob } from './analyze-job';

export type { AnalyzeOutcome } from './analyze-job';

function startImportWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

export class Analyzer {
  private readonly client = new WorkerClient(startImportWorker);

  async analyze(name: string, bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
    try {
      // An oversized file is refused on its size alone: no point copying 200 MB to the worker first.
      // Otherwise a copy goes to the worker: the dialog keeps the bytes to re-read a file with other columns.
      return await this.client.run(analyzeJob, { name, bytes, options }, { here: bytes.length > MAX_FILE_BYTES });
    } catch (error) {
      if (error instanceof JobCancelled) return { ok: false, problem: 'cancelled' };
      return { ok: false, problem: `${name}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Stops any parse in progress; pending files resolve as cancelled. */
  cancel(): void {
    this.client.cancelAll();
  }

  dispose(): void {
    this.cancel();
  }
}
