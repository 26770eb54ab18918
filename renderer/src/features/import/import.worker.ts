/// <reference lib="webworker" />
/**
 * Parses picked files off the UI thread, so a 100 MB spreadsheet or a folder of Word
 * files never freezes the app. One request in, one preview (or refusal) out.
 */
import { analyzeFile, ImportError } from '../../../../shared/import';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<AnalyzeRequest>) => {
  const { id, name, bytes, options } = event.data;
  let response: AnalyzeResponse;
  try {
    response = { id, ok: true, preview: await analyzeFile(bytes, name, options) };
  } catch (error) {
    const problem = error instanceof ImportError ? error.message : `${name}: could not be read (${error instanceof Error ? error.message : String(error)})`;
    response = { id, ok: false, problem, ...(error instanceof ImportError && error.headers ? { headers: error.headers } : {}) };
  }
  scope.postMessage(response);
};
