/** A stand-in for a Worker: records what the window posts, and plays the worker's replies and crashes. */
import type { JobWorker } from '../../../renderer/src/workers/client';
import type { JobRequest } from '../../../shared/worker/protocol';

export class StandInWorker implements JobWorker {
  posted: JobRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: JobRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message = ''): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}
