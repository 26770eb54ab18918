/**
 * Which paths the renderer may have main write to: only those the user chose in a dialog
 * this session (a compromised renderer cannot write anywhere else). How files are written
 * and backed up is node/atomic-write.ts and node/backups.ts, shared with the CLI.
 */
import path from 'node:path';
import { isProjectFile } from '../node/backups';

/**
 * Paths the user chose in a native dialog during this session. Save-dialog choices are
 * writable; open-dialog choices only when they are projects (Save overwrites the project
 * that was opened, never an imported transcript).
 */
export class WritablePaths {
  readonly #paths = new Set<string>();

  allowSaved(filePath: string): void {
    this.#paths.add(path.resolve(filePath));
  }

  allowOpened(filePath: string): void {
    if (isProjectFile(filePath)) this.#paths.add(path.resolve(filePath));
  }

  has(filePath: string): boolean {
    return path.isAbsolute(filePath) && this.#paths.has(path.resolve(filePath));
  }
}
