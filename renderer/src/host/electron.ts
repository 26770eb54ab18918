/** The Host over the desktop shell's preload bridge (`window.lantern`, see electron/preload.ts). */
import type { IpcResult, LanternBridge } from '../../../shared/ipc/bridge';
import { SaveAsRequired } from './errors';
import type { Host } from './types';

declare global {
  interface Window {
    /** Present only inside the desktop app; set by the preload. */
    lantern?: LanternBridge;
  }
}

/** The bridge's result as a value, or its error as an Error with the shell's message. */
async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await call;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The desktop app did not answer: ${detail}`, { cause: error });
  }
  if (!result.ok) throw result.code === 'save-as-required' ? new SaveAsRequired(result.error) : new Error(result.error);
  return result.value;
}

/**
 * Whether the keyboard focus is in a text field with its own undo history (a memo, a code's
 * definition). The transcript is a Slate editor whose text never changes, so there undo means
 * the project's undo.
 */
function focusIsInTextField(): boolean {
  const element = document.activeElement;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (element instanceof HTMLInputElement) {
    return !element.readOnly && ['text', 'search', 'email', 'url', 'tel', 'password', 'number'].includes(element.type);
  }
  return element instanceof HTMLElement && element.isContentEditable && !element.closest('[data-slate-editor]');
}

export function electronHost(bridge: LanternBridge): Host {
  return {
    kind: 'electron',
    openFiles: (options) => unwrap(bridge.openFiles(options)),
    saveFile: (options) => unwrap(bridge.saveFile(options)),
    writeFile: async (path, bytes) => {
      await unwrap(bridge.writeFile({ path, bytes }));
    },
    onMenuCommand: (listener) =>
      bridge.onMenuCommand(({ command }) => {
        // The menu's accelerators take Ctrl/Cmd+Z from every field, so give text fields theirs back.
        if ((command === 'undo' || command === 'redo') && focusIsInTextField()) {
          document.execCommand(command);
          return;
        }
        listener(command);
      }),
    onOpenFiles(listener, onError) {
      let active = true;
      const take = () => {
        unwrap(bridge.takeOpenRequests()).then(
          (files) => {
            if (active && files.length > 0) listener(files);
          },
          (error: Error) => {
            if (active) onError(error);
          },
        );
      };
      const unsubscribe = bridge.onOpenRequested(take);
      // Files named at launch were queued before this page existed.
      take();
      return () => {
        active = false;
        unsubscribe();
      };
    },
    listBackups: (path) => unwrap(bridge.listBackups({ path })),
    readBackup: (path, name) => unwrap(bridge.readBackup({ path, name })),
    backups: {
      withdraw: (request) => unwrap(bridge.withdrawFromBackups(request)),
      deleteProject: (request) => unwrap(bridge.deleteProjectBackups(request)),
    },
    version: () => unwrap(bridge.getVersion()),
  };
}
