/** The span selected in the transcript, in source offsets; shared by the view, palette and details panel. */
import { useSyncExternalStore } from 'react';

export interface TextSelection {
  sourceId: string;
  start: number;
  end: number;
}

let current: TextSelection | null = null;
const listeners = new Set<() => void>();

export const selection = {
  get: () => current,
  set(next: TextSelection | null) {
    if (next?.sourceId === current?.sourceId && next?.start === current?.start && next?.end === current?.end) return;
    current = next;
    for (const l of listeners) l();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useTextSelection(): TextSelection | null {
  return useSyncExternalStore(selection.subscribe, selection.get);
}
