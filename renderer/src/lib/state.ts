/**
 * The renderer's one state primitive: a value with get/set/subscribe that React reads with
 * useSyncExternalStore (useValue). Session, navigation, toasts, the opening dialog, the
 * transcript selection and the coding index all keep their state in one of these, so
 * there is one way to publish a change and one way to follow it.
 */
import { useSyncExternalStore } from 'react';

export interface State<T> {
  get(): T;
  /** Replace the value (or derive it from the last one); listeners run only if it changed (Object.is). */
  set(next: T | ((previous: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createState<T>(initial: T): State<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Merge a patch into an object state: the common case for state with several fields. */
export function patch<T extends object>(state: State<T>, changes: Partial<T>): void {
  state.set((previous) => ({ ...previous, ...changes }));
}

/**
 * A state's value in a component, or a part of it. The selector must return something
 * stable between changes (a field, a row, a primitive), as useSyncExternalStore requires.
 */
export function useValue<T>(state: State<T>): T;
export function useValue<T, S>(state: State<T>, selector: (value: T) => S): S;
export function useValue<T, S>(state: State<T>, selector?: (value: T) => S): T | S {
  return useSyncExternalStore<T | S>(state.subscribe, selector ? () => selector(state.get()) : state.get);
}
