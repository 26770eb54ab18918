/** A file the import refuses: the message names the file and the problem, and nothing of it reaches the project. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
    /** For a row file refused for want of a text column: its columns, so the user can pick one. */
    readonly headers?: string[],
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'ImportError';
  }
}

/** The user cancelled a bulk import; no change set was produced. */
export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelled';
  }
}

/** The part of AbortSignal we need; declared here because shared/ compiles without the DOM. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Over this the file is refused before parsing: no transcript is this large, and parsing it could exhaust memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
