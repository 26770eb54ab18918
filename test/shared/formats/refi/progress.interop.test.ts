/** readQdpx's progress on another tool's file: unzip first, and no extras step of ours. */
import { describe, expect, it } from 'vitest';
import { sample } from './helpers';
import { expectMonotonic, record, stepsOf } from './progress-helpers';

describe('readQdpx progress on an NVivo project', () => {
  it('has no extras step for another tool’s file', () => {
    const nvivo = record(sample('nvivo12-win_hu-emoji-crlf.qdpx'), 'nvivo.qdpx');
    expectMonotonic(nvivo.calls);
    expect(stepsOf(nvivo.calls)).toEqual(['unzip', 'parse', 'sources', 'codings', 'notes', 'check']);
    expect(nvivo.calls.find((c) => c.step === 'codings')!.total).toBeGreaterThanOrEqual(nvivo.result.report.counts.codings);
  });
});
