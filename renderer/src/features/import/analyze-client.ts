/**
 * The UI side of the import worker: analyse files one at a time with progress, and
 * cancel by ending the worker (a parse in progress cannot otherwise be interrupted).
 * Where workers are unavailable (unit tests under jsdom) the analysis runs inline.
 */
import type { AnalyzeOptions, ImportPreview } from '../../../../shared/import';
import { analyzeFile, ImportError, MAX_FILE_BYTES } from '../../../../shared/import';

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
  /** Set when workers are unavailable or the worker failed to start: parse on this thread instead. */
  private inlineOnly = typeof Worker === 'undefined';
  private nextId = 1;
  private pending = new Map<number, { request: AnalyzeRequest; resolve: (outcome: AnalyzeOutcome) => void }>();

  private ensureWorker(): Worker | null {
    if (this.worker || this.inlineOnly) return this.worker;
    try {
      const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
        const { id, ...outcome } = event.data;
        this.pending.get(id)?.resolve(outcome);
        this.pending.delete(id);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.fallBackInline();
      };
      this.worker = worker;
    } catch {
      this.inlineOnly = true;
    }
    return this.worker;
  }

  /** A worker that cannot load (e.g. a restrictive host) must not lose the files: finish them here. */
  private fallBackInline(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inlineOnly = true;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve } of waiting) void inline(request.name, request.bytes, request.options).then(resolve);
  }

  analyze(name: string, bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
    // An oversized file is refused on its size alone: no point copying 200 MB to the worker first.
    const worker = bytes.length > MAX_FILE_BYTES ? null : this.ensureWorker();
    if (!worker) return inline(name, bytes, options);
    const request: AnalyzeRequest = { id: this.nextId++, name, bytes, options };
    return new Promise((resolve) => {
      this.pending.set(request.id, { request, resolve });
      // A copy goes to the worker: the dialog keeps the bytes to re-read a file with other columns.
      worker.postMessage(request);
    });
  }

  /** Stops any parse in progress; pending files resolve as cancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { resolve } of this.pending.values()) resolve({ ok: false, problem: 'cancelled' });
    this.pending.clear();
  }

  dispose(): void {
    this.cancel();
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
