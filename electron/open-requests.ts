/**
 * Projects the operating system asks the app to open: a double-clicked .qdpx arrives as a
 * command-line argument (Windows, Linux; also in a second instance) or an `open-file` event
 * (macOS, possibly before the window exists). They wait here until the renderer takes them.
 */
import path from 'node:path';
import { isProjectFile } from '../node/backups';

/** The project files named on a command line; switches and the app's own path are skipped. */
export function projectPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isProjectFile(arg))
    .map((arg) => path.resolve(workingDirectory, arg));
}

export class OpenRequests {
  #pending: string[] = [];

  /** Queue paths; true when any were added (so the renderer should be told). */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((p) => !this.#pending.includes(p));
    this.#pending.push(...fresh);
    return fresh.length > 0;
  }

  take(): string[] {
    const taken = this.#pending;
    this.#pending = [];
    return taken;
  }
}
