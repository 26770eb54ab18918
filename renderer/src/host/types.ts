/**
 * What the renderer needs from the machine it runs on. Two adapters implement it:
 * electron.ts (native dialogs and files through the preload bridge) and browser.ts
 * (file inputs and downloads), so the same renderer runs as the desktop app and in
 * a plain browser. Components never call window.lantern or the DOM file APIs directly.
 */
import type { MenuCommand } from '../../../shared/ipc/bridge';
import type { BackupOutcome } from '../../../shared/ipc/contract';

export type { BackupOutcome, MenuCommand };

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** Absolute path when the host knows it (desktop), for Save without a dialog. */
  path?: string;
}

/** An earlier version of a project file the desktop app kept when it was overwritten. */
export interface BackupInfo {
  /** The backup's name, to ask for it with readBackup. */
  name: string;
  /** When it was made (ISO 8601). */
  savedAt: string;
  size: number;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Host {
  kind: 'electron' | 'browser';
  /** Let the user choose files to read; empty when cancelled. */
  openFiles(options: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<PickedFile[]>;
  /**
   * Save bytes where the user chooses (desktop: native dialog, atomic write; browser: a
   * download). Resolves to the saved path or name, or null when cancelled.
   */
  saveFile(options: { title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array }): Promise<string | null>;
  /**
   * Overwrite a file the user opened or saved before (desktop only; the browser falls back to
   * saveFile). Throws SaveAsRequired (./errors) when the path was not chosen since the app
   * started; then ask with saveFile.
   */
  writeFile?(path: string, bytes: Uint8Array): Promise<void>;
  /**
   * Commands chosen in the native application menu (desktop only; in the browser the
   * renderer's own shortcuts and buttons do this). Returns the unsubscribe function.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /**
   * Projects the operating system asked the app to open (a double-clicked .qdpx; desktop
   * only). Delivers those waiting at subscription and each later batch; failures to read
   * one (e.g. it was deleted) go to onError with a message naming the file.
   */
  onOpenFiles?(listener: (files: PickedFile[]) => void, onError: (error: Error) => void): () => void;
  /** Backups kept of a project file, newest first (desktop only: the browser keeps no files). */
  listBackups?(projectPath: string): Promise<BackupInfo[]>;
  /** One backup's bytes, named as listBackups names it; changes nothing on disk (desktop only). */
  readBackup?(projectPath: string, name: string): Promise<PickedFile>;
  /**
   * Backups of project files on this machine (desktop only; web mode keeps none). A
   * participant's withdrawal rewrites those holding it; deleting a project deletes its own.
   * dryRun only names the backups that would change.
   */
  backups?: {
    withdraw(request: { sourceIds: string[]; caseIds: string[]; textHashes: string[]; dryRun: boolean }): Promise<BackupOutcome>;
    deleteProject(request: { projectId: string; dryRun: boolean }): Promise<BackupOutcome>;
  };
  /** The desktop app's version (desktop only), e.g. for an About box. */
  version?(): Promise<string>;
}
