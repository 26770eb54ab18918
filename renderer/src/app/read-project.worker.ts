/// <reference lib="webworker" />
/**
 * Reads a .qdpx (or bare .qde) off the UI thread, so opening a large project never
 * freezes the window. One request in: progress messages, then the project or the
 * reason it could not be read. The client (read-project.ts) checks every reply.
 */
import { readQdpx } from '../../../shared/formats/refi';
import type { TableName } from '../../../shared/model';
import { tableNames } from '../../../shared/model';
import type { ReadReply, ReadRequest } from './read-project';
import { partRows } from './read-project';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ReadReply) => scope.postMessage(reply);

scope.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { bytes, name } = event.data;
  try {
    const { project, report } = readQdpx(bytes, name, { onProgress: (progress) => post({ kind: 'progress', progress }) });
    // Big tables go back in parts: the window copies each message in one task, and the
    // whole large study in one message was a 100 ms pause there.
    const rest = { ...project };
    for (const table of tableNames) {
      const rows: readonly unknown[] = project[table];
      const size = partRows(table);
      if (rows.length <= size) continue;
      for (let i = 0; i < rows.length; i += size) post({ kind: 'rows', table, rows: rows.slice(i, i + size) });
      (rest as Record<TableName, unknown[]>)[table] = [];
    }
    post({ kind: 'done', result: { project: rest, report } });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
