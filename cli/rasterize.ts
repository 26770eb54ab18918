/**
 * SVG to PNG in Node, for the charts in Word reports (the browser draws them on a canvas
 * instead). Drawing and PNG encoding run on worker threads, so a report's charts are made
 * in parallel with each other and with the building of the document on the main thread.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Job {
  id: number;
  svg: string;
  widthPx: number;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

// CommonJS source so it runs from a string with no build step; resvg's path comes in workerData.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, widthPx }) => {
  try {
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    }).render().asPng();
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const RESVG_PATH = createRequire(import.meta.url).resolve('@resvg/resvg-js');
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

class RasterPool {
  private workers: { worker: Worker; busy: Job | null }[] = [];
  private queue: Job[] = [];
  private nextId = 0;

  run(svg: string, widthPx: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, svg, widthPx, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.workers.find((w) => !w.busy);
      if (!slot && this.workers.length < POOL_SIZE) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.busy = job;
      // A working worker keeps the process alive until its chart is back; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, svg: job.svg, widthPx: job.widthPx });
    }
  }

  private spawn() {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: RESVG_PATH } });
    const slot: { worker: Worker; busy: Job | null } = { worker, busy: null };
    worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
      const job = slot.busy;
      slot.busy = null;
      worker.unref();
      if (job && job.id === msg.id) {
        if (msg.png) job.resolve(msg.png);
        else job.reject(new Error(`a chart could not be drawn: ${msg.error}`));
      }
      this.pump();
    });
    worker.on('error', (error) => {
      slot.busy?.reject(error);
      this.workers = this.workers.filter((w) => w !== slot);
      this.pump();
    });
    worker.unref();
    this.workers.push(slot);
    return slot;
  }
}

let pool: RasterPool | undefined;

export function rasterize(svg: string, widthPx: number): Promise<Uint8Array> {
  pool ??= new RasterPool();
  return pool.run(svg, widthPx);
}
