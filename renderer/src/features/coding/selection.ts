/** The span selected in the transcript, in source offsets; shared by the view, palette and details panel. */
import { createState, useValue } from '../../lib/state';

export interface TextSelection {
  sourceId: string;
  start: number;
  end: number;
}

const current = createState<TextSelection | null>(null);

export const selection = {
  get: current.get,
  set(next: TextSelection | null) {
    const now = current.get();
    if (next?.sourceId === now?.sourceId && next?.start === now?.start && next?.end === now?.end) return;
    current.set(next);
  },
  subscribe: current.subscribe,
};

export function useTextSelection(): TextSelection | null {
  return useValue(current);
}
