/**
 * Where the user is in the app (which view, which source, which coding is selected,
 * whose codings are shown). Kept apart from the project so navigation never touches
 * the database; any view may read or set it.
 */
import type { State } from '../lib/state';
import { createState, patch } from '../lib/state';
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

export interface Ui {
  get(): UiState;
  set(changes: Partial<UiState>): void;
  subscribe(listener: () => void): () => void;
  /** Back to the start of a project, in the same view. */
  reset(): void;
  navigate(view: ViewId): void;
  /** Show a source in the coding view, optionally revealing a span. */
  openSource(sourceId: Guid, reveal?: { start: number; end: number }): void;
  /** For useValue: the state itself. */
  readonly state: State<UiState>;
}

/** The app's navigation state: made once, by createAppServices, and reached through useServices(). */
export function createUi(): Ui {
  const state = createState<UiState>(initial);
  const set = (changes: Partial<UiState>) => patch(state, changes);
  return {
    get: state.get,
    set,
    subscribe: state.subscribe,
    reset: () => set({ ...initial, view: state.get().view }),
    navigate: (view) => set({ view }),
    openSource: (sourceId, reveal) => set({ view: 'coding', sourceId, reveal: reveal ?? null }),
    state,
  };
}
