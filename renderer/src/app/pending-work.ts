/**
 * Work that editors hold back before it reaches the project (a memo's debounced save, a
 * field that stores on blur). Editors register a flusher; the session flushes them all
 * before switching, creating or opening a project, and the close/reload guard flushes
 * them before it decides whether the page may go. Without this, text typed within the
 * debounce of a switch was written to a store already closed, and lost.
 */
export interface Flusher {
  /** Whether it holds anything not yet handed to the store. */
  pending(): boolean;
  /** Hand it to the store now. Must apply the change synchronously (store.run does). */
  flush(): void;
}

export interface PendingWork {
  /** Returns the function that unregisters it (an editor unmounting). */
  register(flusher: Flusher): () => void;
  /** Whether any editor holds work back. */
  any(): boolean;
  /** Hand every editor's held-back work to its store, now. */
  flushAll(): void;
}

export function createPendingWork(): PendingWork {
  const flushers = new Set<Flusher>();
  return {
    register(flusher) {
      flushers.add(flusher);
      return () => flushers.delete(flusher);
    },
    any: () => [...flushers].some((f) => f.pending()),
    flushAll() {
      for (const f of [...flushers]) if (f.pending()) f.flush();
    },
  };
}

/**
 * Fields that store their value on blur (names, definitions, titles): blurring the focused
 * one stores what was typed. Registered once by the app, so such fields need no code of their own.
 */
export function focusedFieldFlusher(doc: Document = document): Flusher {
  const focusedField = () => {
    const el = doc.activeElement;
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  };
  return {
    pending: () => focusedField() !== null,
    flush: () => focusedField()?.blur(),
  };
}
