/**
 * Analysing one picked file for the import dialog: the job the import worker runs, and the
 * window runs itself when it has no worker. A file that cannot be read is an outcome, not
 * an error, so the dialog can show its problem (and a table's headers) beside the others.
 */
import type { AnalyzeOptions, ImportPreview } from '../../../../shared/import';
import { analyzeFile, ImportError } from '../../../../shared/import';
import type { WorkerJob } from '../../../../shared/worker/protocol';
import { isObject } from '../../../../shared/worker/protocol';

export interface AnalyzeRequest {
  name: string;
  bytes: Uint8Array;
  options: AnalyzeOptions;
}

export type AnalyzeOutcome = { ok: true; preview: ImportPreview } | { ok: false; problem: string; headers?: string[] };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The preview's top: what the dialog reads before it shows a row. */
function isPreview(v: unknown): v is ImportPreview {
  return (
    isObject(v) &&
    typeof v.fileName === 'string' &&
    typeof v.format === 'string' &&
    typeof v.bytes === 'number' &&
    Array.isArray(v.documents) &&
    Array.isArray(v.speakers) &&
    typeof v.turns === 'number' &&
    typeof v.chars === 'number' &&
    isStrings(v.warnings)
  );
}

export function parseOutcome(v: unknown): AnalyzeOutcome | null {
  if (!isObject(v)) return null;
  if (v.ok === true) return isPreview(v.preview) ? { ok: true, preview: v.preview } : null;
  if (v.ok !== false || typeof v.problem !== 'string') return null;
  if (v.headers === undefined) return { ok: false, problem: v.problem };
  return isStrings(v.headers) ? { ok: false, problem: v.problem, headers: v.headers } : null;
}

export const analyzeJob: WorkerJob<AnalyzeRequest, never, AnalyzeOutcome> = {
  name: 'analyze-import',
  doing: 'reading the file',
  output: 'an import preview',
  async run({ name, bytes, options }) {
    try {
      return { ok: true, preview: await analyzeFile(bytes, name, options) };
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, problem: error.message, ...(error.headers ? { headers: error.headers } : {}) };
      return { ok: false, problem: `${name}: could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  },
  parseInput: (v) => (isObject(v) && typeof v.name === 'string' && v.bytes instanceof Uint8Array && isObject(v.options) ? { name: v.name, bytes: v.bytes, options: v.options as AnalyzeOptions } : null),
  parseProgress: () => null,
  parseOutput: parseOutcome,
};
