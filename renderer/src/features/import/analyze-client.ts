/**
 * The UI side of the import worker: analyse files one at a time with progress, and
 * cancel by ending the worker (a parse in progress cannot otherwise be interrupted).
 * Where workers are unavailable (unit tests under jsdom) the analysis runs inline.
 */
import type { AnalyzeOptions, ImportPreview } from '../../../../shared/import';
import { analyzeFile, ImportError } from '../../../../shared/import';

export interface AnalyzeRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  options: AnalyzeOptions;
}

export type AnalyzeOutcome = { ok: true; preview: ImportPreview } | { ok: false; problem: string; headers?: string[] };
export type AnalyzeResponse = AnalyzeOutcome & { id: number };

export class Analyzer {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, (outcome: AnalyzeOutcome) => void>();

  private ensureWorker(): Worker | null {
    if (this.worker || typeof Worker === 'undefined') return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
      const { id, ...outcome } = event.data;
      this.pending.get(id)?.(outcome);
      this.pending.delete(id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(`the import worker stopped (${event.message || 'unknown error'})`);
    };
    this.worker = worker;
    return worker;
  }

  analyze(name: string, bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
    const worker = this.ensureWorker();
    if (!worker) return inline(name, bytes, options);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      // A copy goes to the worker: the dialog keeps the bytes to re-read a file with other columns.
      worker.postMessage({ id, name, bytes, options } satisfies AnalyzeRequest);
    });
  }

  /** Stops any parse in progress; pending files resolve as cancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('cancelled');
  }

  dispose(): void {
    this.cancel();
  }

  private failAll(problem: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, problem });
    this.pending.clear();
  }
}

async function inline(name: string, bytes: Uint8Array, options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  try {
    return { ok: true, preview: await analyzeFile(bytes, name, options) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, problem: error.message, ...(error.headers ? { headers: error.headers } : {}) };
    return { ok: false, problem: `${name}: ${String(error)}` };
  }
}
