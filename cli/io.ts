/** What every command shares: output streams, exit codes, and errors that name the file and the problem. */

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT = { ok: 0, usage: 1, badInput: 2 } as const;

/** A failure the user can act on; main() prints its message and exits with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
