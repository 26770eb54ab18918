/// <reference lib="webworker" />
/**
 * Reads a .qdpx (or bare .qde) off the UI thread, so opening a large project never
 * freezes the window. One request in: progress messages, then the project or the
 * reason it could not be read. The client (read-project.ts) checks every reply.
 */
import { readQdpx } from '../../../shared/formats/refi';
import type { ReadReply, ReadRequest } from './read-project';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { bytes, name } = event.data;
  let reply: ReadReply;
  try {
    const result = readQdpx(bytes, name, { onProgress: (progress) => scope.postMessage({ kind: 'progress', progress } satisfies ReadReply) });
    reply = { kind: 'done', result };
  } catch (error) {
    reply = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
