/** Recording readQdpx's progress calls and checking they only move forward. */
import { expect } from 'vitest';
import type { ReadProgress } from '../../../../shared/formats/refi';
import { READ_STEPS, readQdpx } from '../../../../shared/formats/refi';

export function record(bytes: Uint8Array, name: string): { calls: ReadProgress[]; result: ReturnType<typeof readQdpx> } {
  const calls: ReadProgress[] = [];
  const result = readQdpx(bytes, name, { onProgress: (p) => calls.push({ ...p }) });
  return { calls, result };
}

/** Steps only move forward; within a step the total stays put and done rises from 0 to at most the total. */
export function expectMonotonic(calls: ReadProgress[]): void {
  expect(calls.length).toBeGreaterThan(0);
  let stepIndex = -1;
  let last: ReadProgress | null = null;
  for (const call of calls) {
    const index = READ_STEPS.indexOf(call.step);
    expect(index, call.step).toBeGreaterThanOrEqual(0);
    expect(index, `${call.step} after ${last?.step}`).toBeGreaterThanOrEqual(stepIndex);
    expect(call.done).toBeGreaterThanOrEqual(0);
    expect(call.done).toBeLessThanOrEqual(call.total);
    if (index > stepIndex) {
      expect(call.done, `${call.step} starts at 0`).toBe(0);
    } else {
      expect(call.total, `${call.step} keeps its total`).toBe(last!.total);
      expect(call.done, `${call.step} never goes back`).toBeGreaterThanOrEqual(last!.done);
    }
    stepIndex = index;
    last = call;
  }
}

export const stepsOf = (calls: ReadProgress[]) => [...new Set(calls.map((c) => c.step))];
