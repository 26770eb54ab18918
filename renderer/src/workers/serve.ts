/// <reference lib="webworker" />
/**
 * The worker's side of the protocol (shared/worker/protocol.ts): a worker module is one
 * line, `serveJobs([jobA, jobB])`.
 */
import type { AnyWorkerJob, JobReply } from '../../../shared/worker/protocol';
import { serveRequest } from '../../../shared/worker/protocol';

export function serveJobs(jobs: readonly AnyWorkerJob[]): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (reply: JobReply) => scope.postMessage(reply);
  scope.onmessage = (event: MessageEvent) => void serveRequest(event.data, jobs, post);
}
