/**
 * What each IPC channel does. Dependencies come in as arguments so the handlers run
 * in tests without Electron: the dialogs, the allow-list of writable paths, the backup folder.
 */
import type { BrowserWindow, Dialog, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../shared/ipc/bridge';
import { MAX_FILE_BYTES, type Channel } from '../shared/ipc/contract';
import { NotFlushed } from '../node/atomic-write';
import { listBackups, readBackup, writeWithBackup } from '../node/backups';
import type { WritablePaths } from './files';
import type { Implementation } from './ipc';
import { deleteProjectBackups, withdrawFromBackups } from './withdraw-backups';

export interface HandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window that asked, so dialogs are modal to it. */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  writable: WritablePaths;
  /** Paths the operating system asked us to open, taken once. */
  takeOpenRequests(): string[];
  backupRoot: string;
  defaultSaveDir: string;
  version: string;
}

type Handlers = { [C in Channel]: Implementation<C> };

function explain(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file or its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

async function readChosenFile(filePath: string): Promise<Uint8Array> {
  const name = path.basename(filePath);
  const fail = (problem: string, cause?: unknown) => new Error(`Cannot open ${name}: ${problem}`, { cause });
  const info = await stat(filePath).catch((error: unknown) => {
    throw fail(explain(error), error);
  });
  if (!info.isFile()) throw fail('it is not a file');
  // Checked before reading, so a huge file is refused without filling memory.
  if (info.size > MAX_FILE_BYTES) {
    throw fail(`it is ${Math.round(info.size / 1024 / 1024)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`);
  }
  // A Buffer is a Uint8Array, and IPC delivers it as one: no copy needed.
  return readFile(filePath).catch((error: unknown) => {
    throw fail(explain(error), error);
  });
}

async function writeChosenFile(filePath: string, bytes: Uint8Array, backupRoot: string): Promise<void> {
  try {
    await writeWithBackup(filePath, bytes, backupRoot);
  } catch (error) {
    if (error instanceof NotFlushed) {
      const problem = explain(error.cause);
      throw new Error(`Saved ${path.basename(filePath)}, but ${problem} while flushing its folder: save again to be sure it is on disk`, { cause: error });
    }
    throw new Error(`Cannot save ${path.basename(filePath)}: ${explain(error)}; the file on disk is unchanged`, { cause: error });
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  /** Read files the user chose (in a dialog or the OS), and remember opened projects as writable. */
  const readAll = async (filePaths: string[]) => {
    const files = [];
    for (const filePath of filePaths) {
      const bytes = await readChosenFile(filePath);
      deps.writable.allowOpened(filePath);
      files.push({ name: path.basename(filePath), path: filePath, bytes });
    }
    return files;
  };

  return {
    'dialog:openFiles': async (request, event) => {
      const options: OpenDialogOptions = {
        title: request.title,
        filters: request.filters,
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const parent = deps.windowOf(event);
      const result = await (parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options));
      return result.canceled ? [] : readAll(result.filePaths);
    },

    'dialog:saveFile': async (request, event) => {
      const options: SaveDialogOptions = {
        title: request.title,
        // Only a name: the renderer suggests what to call the file, never where to put it.
        defaultPath: path.join(deps.defaultSaveDir, path.basename(request.suggestedName)),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = deps.windowOf(event);
      const result = await (parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return null;
      await writeChosenFile(result.filePath, request.bytes, deps.backupRoot);
      deps.writable.allowSaved(result.filePath);
      return result.filePath;
    },

    'file:write': async (request) => {
      if (!deps.writable.has(request.path)) {
        throw new CodedError(`Cannot save ${path.basename(request.path)} in place: choose where to save it with Save As`, 'save-as-required');
      }
      await writeChosenFile(request.path, request.bytes, deps.backupRoot);
      return null;
    },

    // Any project path may be asked about: the answer comes only from the app's own backup
    // folder, and holds only what the renderer itself saved there.
    'backups:list': async (request) =>
      (await listBackups(deps.backupRoot, request.path)).map((b) => ({ name: b.name, savedAt: b.savedAt.toISOString(), size: b.size })),

    'backups:read': async (request) => {
      const bytes = await readBackup(deps.backupRoot, request.path, request.name).catch((error: unknown) => {
        throw new Error(`Cannot open the backup of ${path.basename(request.path)} from ${request.name}: ${explain(error)}`, { cause: error });
      });
      return { name: path.basename(request.path), bytes };
    },

    'app:getVersion': async () => deps.version,

    'app:takeOpenRequests': async () => readAll(deps.takeOpenRequests()),

    'backups:withdraw': async ({ dryRun, ...withdrawal }) => withdrawFromBackups(deps.backupRoot, withdrawal, dryRun),

    'backups:deleteProject': async ({ projectId, dryRun }) => deleteProjectBackups(deps.backupRoot, projectId, dryRun),
  };
}
