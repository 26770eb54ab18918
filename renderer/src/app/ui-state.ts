/**
 * Where the user is in the app (which view, which source, which coding is selected,
 * whose codings are shown). Kept apart from the project so navigation never touches
 * the database; any view may read or set it.
 */
import { createState, patch, useValue } from '../lib/state';
import type { Guid } from '../../../shared/model';
import type { ViewId } from './views';

export interface UiState {
  view: ViewId;
  /** The source open in the coding view. */
  sourceId: Guid | null;
  /** A span to scroll to and select when the coding view shows the source. */
  reveal: { start: number; end: number } | null;
  selectedCodingId: Guid | null;
  /** The code selected in the codebook (details panel). */
  selectedCodeId: Guid | null;
  /** null shows every coder's codings. */
  coderFilter: Guid | null;
  /** The memo open in the memo editor. */
  memoId: Guid | null;
}

const initial: UiState = {
  view: 'coding',
  sourceId: null,
  reveal: null,
  selectedCodingId: null,
  selectedCodeId: null,
  coderFilter: null,
  memoId: null,
};

const state = createState<UiState>(initial);

export const ui = {
  get: state.get,
  set(changes: Partial<UiState>): void {
    patch(state, changes);
  },
  subscribe: state.subscribe,
  reset(): void {
    ui.set({ ...initial, view: state.get().view });
  },
};

export function useUi<T>(selector: (s: UiState) => T): T {
  return useValue(state, selector);
}

/** Show a source in the coding view, optionally revealing a span. */
export function openSource(sourceId: Guid, reveal?: { start: number; end: number }): void {
  ui.set({ view: 'coding', sourceId, reveal: reveal ?? null });
}

export function navigate(view: ViewId): void {
  ui.set({ view });
}
