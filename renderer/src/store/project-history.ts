/**
 * The undo history of a ProjectStore: the undo and redo stacks in memory, and how one
 * history step (a recorded change, or an undo/redo marking an entry) is stored alongside
 * its change in the project's database.
 */
import type { HistoryEntry, ProjectDb } from './db';

/** Undo reaches this far back; older entries are dropped from the database. */
export const HISTORY_LIMIT = 300;

/** What a change does to the stored history: record a new entry, mark one undone/redone, or nothing. */
export type HistoryOp = { kind: 'record'; entry: HistoryEntry } | { kind: 'mark'; entry: HistoryEntry; undone: 0 | 1 } | { kind: 'none' };

export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  /** A new change: it can be undone, and whatever was undone before can no longer be redone. */
  record(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The entry to undo, moved to the redo stack; undefined when there is none. */
  takeUndo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    return entry;
  }

  /** The entry to redo, moved back to the undo stack; undefined when there is none. */
  takeRedo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    return entry;
  }

  /** Replace both stacks with the stored history (in seq order). */
  replace(entries: HistoryEntry[]): void {
    this.undoStack = entries.filter((e) => e.undone === 0);
    this.redoStack = entries.filter((e) => e.undone === 1).reverse();
  }

  /** The labels of the next undo and redo, for the status. */
  labels(): { undoLabel?: string; redoLabel?: string } {
    const undo = this.undoStack[this.undoStack.length - 1];
    const redo = this.redoStack[this.redoStack.length - 1];
    return { ...(undo ? { undoLabel: undo.label } : {}), ...(redo ? { redoLabel: redo.label } : {}) };
  }
}

/** Store one history step. Call inside the transaction that stores its change, so both or neither are kept. */
export async function storeHistoryOp(db: ProjectDb, history: HistoryOp): Promise<void> {
  if (history.kind === 'record') {
    await db.history.where('undone').equals(1).delete();
    const { seq: _unsaved, ...row } = history.entry;
    history.entry.seq = (await db.history.add(row as HistoryEntry)) as number;
    const count = await db.history.count();
    if (count > HISTORY_LIMIT) {
      const oldest = await db.history.orderBy('seq').limit(count - HISTORY_LIMIT).primaryKeys();
      await db.history.bulkDelete(oldest);
    }
  } else if (history.kind === 'mark' && history.entry.seq !== undefined) {
    await db.history.update(history.entry.seq, { undone: history.undone });
  }
}
