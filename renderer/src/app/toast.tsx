/** Short messages for the user: errors and reports stay until dismissed, notes fade. */
import { createState, useValue } from '../lib/state';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

const toasts = createState<Toast[]>([]);
let nextId = 1;

function push(kind: Toast['kind'], message: string, stay = false): void {
  const t = { id: nextId++, kind, message };
  toasts.set((list) => [...list.slice(-4), t]);
  if (kind === 'info' && !stay) setTimeout(() => dismiss(t.id), 4000);
}

export function dismiss(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id));
}

export const toast = {
  info: (message: string) => push('info', message),
  /** A note the user reads at their pace (e.g. what an import took in and left out). */
  report: (message: string) => push('info', message, true),
  error: (err: unknown) => push('error', err instanceof Error ? err.message : String(err)),
};

/** Run a user action and turn a thrown error into a readable message. */
export function attempt<T>(action: () => T): T | undefined {
  try {
    const result = action();
    if (result instanceof Promise) result.catch((e: unknown) => toast.error(e));
    return result;
  } catch (e) {
    toast.error(e);
    return undefined;
  }
}

export function Toaster() {
  const list = useValue(toasts);
  return (
    <div className="toasts" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-message">{t.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
