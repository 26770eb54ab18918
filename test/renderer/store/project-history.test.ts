import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../renderer/src/store/db';
import { HISTORY_LIMIT, UndoHistory } from '../../../renderer/src/store/project-history';

const entry = (label: string, undone: 0 | 1 = 0): HistoryEntry => ({ label, set: { label, changes: [] }, at: '2026-01-01T00:00:00Z', undone });

describe('UndoHistory', () => {
  it('undoes the latest change first and forgets redo on a new change', () => {
    const h = new UndoHistory();
    h.record(entry('a'));
    h.record(entry('b'));
    expect(h.takeUndo()?.label).toBe('b');
    expect(h.labels()).toEqual({ undoLabel: 'a', redoLabel: 'b' });
    expect(h.takeRedo()?.label).toBe('b');
    h.takeUndo();
    h.record(entry('c'));
    expect(h.labels()).toEqual({ undoLabel: 'c' });
    expect(h.takeRedo()).toBeUndefined();
  });

  it('keeps at most HISTORY_LIMIT entries to undo', () => {
    const h = new UndoHistory();
    for (let i = 0; i <= HISTORY_LIMIT; i++) h.record(entry(String(i)));
    let n = 0;
    while (h.takeUndo()) n++;
    expect(n).toBe(HISTORY_LIMIT);
  });

  it('reads stored entries: undone ones are redone latest-undone first', () => {
    const h = new UndoHistory();
    h.replace([entry('a'), entry('b', 1), entry('c', 1)]);
    expect(h.labels()).toEqual({ undoLabel: 'a', redoLabel: 'b' });
  });
});
