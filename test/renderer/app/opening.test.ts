/** The opening dialog's state: words for each step, one bar across reading and saving, Cancel only while reading. */
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../shared/formats/refi';
import { READ_STEPS } from '../../../shared/formats/refi';
import {
  beginOpening, cancelOpening, getOpening, readFraction, readStepWords, saveFraction, saveStepWords, subscribeOpening,
} from '../../../renderer/src/app/opening';

describe('opening progress in words', () => {
  it('says what each step is doing', () => {
    expect(readStepWords({ step: 'unzip', done: 0, total: 1 }, 'large.qdpx')).toBe('Unpacking large.qdpx');
    expect(readStepWords({ step: 'sources', done: 0, total: 200 }, 'x')).toBe('Reading transcript 1 of 200');
    expect(readStepWords({ step: 'sources', done: 200, total: 200 }, 'x')).toBe('Reading transcript 200 of 200');
    expect(readStepWords({ step: 'codings', done: 0, total: 50000 }, 'x')).toBe('Placing 50,000 coded passages');
    expect(saveStepWords({ done: 20000, total: 52000 })).toBe('Saving to this computer: 20,000 of 52,000 rows');
    for (const step of READ_STEPS) expect(readStepWords({ step, done: 0, total: 1 }, 'x').length).toBeGreaterThan(5);
  });

  it('moves one bar forward through every step of reading, then through saving, to 1', () => {
    const calls: ReadProgress[] = [
      { step: 'unzip', done: 0, total: 1 },
      { step: 'parse', done: 0, total: 1 },
      ...Array.from({ length: 201 }, (_, i) => ({ step: 'sources' as const, done: i, total: 200 })),
      { step: 'codings', done: 0, total: 50000 },
      { step: 'codings', done: 50000, total: 50000 },
      { step: 'notes', done: 0, total: 1 },
      { step: 'extras', done: 0, total: 1 },
      { step: 'check', done: 0, total: 1 },
    ];
    const fractions = [...calls.map(readFraction), ...[0, 1, 26000, 52000].map((done) => saveFraction({ done, total: 52000 }))];
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[0]).toBe(0);
    expect(readFraction({ step: 'check', done: 1, total: 1 })).toBeCloseTo(saveFraction({ done: 0, total: 1 }));
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('the opening state', () => {
  it('cancels while reading, not while saving, and allows one open at a time', () => {
    let changes = 0;
    const stop = subscribeOpening(() => changes++);
    const first = beginOpening('a.qdpx')!;
    expect(getOpening()).toMatchObject({ fileName: 'a.qdpx', phase: 'reading', canCancel: true, fraction: 0 });
    expect(beginOpening('b.qdpx')).toBeNull();
    first.reading({ step: 'sources', done: 3, total: 10 });
    expect(getOpening()!.step).toBe('Reading transcript 4 of 10');
    first.saving({ done: 10, total: 100 });
    expect(getOpening()).toMatchObject({ phase: 'saving', canCancel: false, step: 'Saving to this computer: 10 of 100 rows' });
    cancelOpening();
    expect(first.signal.aborted).toBe(false);
    // A late progress message from reading does not take the dialog back.
    first.reading({ step: 'check', done: 0, total: 1 });
    expect(getOpening()!.phase).toBe('saving');
    first.end();
    expect(getOpening()).toBeNull();
    expect(changes).toBeGreaterThanOrEqual(4);
    stop();

    const second = beginOpening('c.qdpx')!;
    cancelOpening();
    expect(second.signal.aborted).toBe(true);
    second.end();
  });
});
