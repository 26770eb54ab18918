/** Timing, summarising and reporting: what every benchmark group shares. */
import type { Manifest } from './generate';
import type { Study } from './study';

export interface ResultRow {
  name: string;
  median: number;
  min: number;
  max: number;
  unit: string;
  target: string;
  meets: boolean;
}

/** A target on the row's headline figure (the median, or the percentile the row names). */
export interface Target {
  text: string;
  meets: (value: number) => boolean;
}

export const below = (limit: number, text: string): Target => ({ text, meets: (v) => v < limit });
export const atMost = (limit: number, text: string): Target => ({ text, meets: (v) => v <= limit });
/** A figure reported for information: the issues set no target for it. */
export const NO_TARGET: Target = { text: '-', meets: () => true };

export interface BenchContext {
  quick: boolean;
  study: Study;
  dataDir: string;
  manifest: Manifest;
  runs: number;
  warmup: number;
  add(row: ResultRow): void;
  unavailable(name: string, why: string): void;
  log(message: string): void;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A row from samples: the headline is the median unless a quantile is given (e.g. 0.95 for a p95 row). */
export function row(name: string, samples: readonly number[], unit: string, target: Target, headline = 0.5): ResultRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const value = quantile(sorted, headline);
  return {
    name,
    median: round(value),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
    unit,
    target: target.text,
    meets: target.meets(value),
  };
}

/** Milliseconds of each run of fn after the warm-up runs (which let the JIT and caches settle). */
export async function timeRuns(fn: () => unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['benchmark', 'median', 'min', 'max', 'unit', 'target', 'meets'];
  const body = rows.map((r) => [r.name, fmt(r.median), fmt(r.min), fmt(r.max), r.unit, r.target, r.meets ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
