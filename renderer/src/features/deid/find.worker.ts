/// <reference lib="webworker" />
/**
 * Finds identifiers off the UI thread: the NLP library reads every sentence that could
 * name someone, which takes seconds on a large project. One request in, the candidates
 * (or the reason it failed) out; find-client.ts checks the reply.
 */
import { findCandidates } from '../../../../shared/deid';
import { compromiseFinder } from '../../../../shared/deid/compromise';
import type { FindReply, FindRequest } from './find-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<FindRequest>) => {
  const { project, sourceIds, list } = event.data;
  try {
    scope.postMessage({ kind: 'done', candidates: findCandidates(project, { finder: compromiseFinder, sourceIds, list }) } satisfies FindReply);
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FindReply);
  }
};
