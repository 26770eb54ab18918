/** `qda`: the command-line face of the tool, for batch work over .qdpx projects. */
import type { CliIO } from './io';
import { CliError, EXIT } from './io';
import { packageVersion } from './version';

export interface Command {
  summary: string;
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

/** Each command lives in its own file and is loaded only when called, so `qda --help` stays fast. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  // command registry: one line per command, kept alphabetical
  agreement: () => import('./commands/agreement'),
  alpha: () => import('./commands/alpha'),
  backups: () => import('./commands/backups'),
  codebook: () => import('./commands/codebook'),
  deidentify: () => import('./commands/deidentify'),
  demo: () => import('./commands/demo'),
  export: () => import('./commands/export'),
  import: () => import('./commands/import'),
  info: () => import('./commands/info'),
  kappa: () => import('./commands/kappa'),
  matrix: () => import('./commands/matrix'),
  merge: () => import('./commands/merge'),
  query: () => import('./commands/query'),
  report: () => import('./commands/report'),
  restore: () => import('./commands/restore'),
  validate: () => import('./commands/validate'),
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    try {
      io.out(`${packageVersion()}\n`);
      return EXIT.ok;
    } catch (error) {
      io.err(`qda --version: ${(error as Error).message}\n`);
      return EXIT.badInput;
    }
  }
  const load = commands[name];
  if (!load) {
    io.err(`qda: unknown command '${name}'. Run 'qda --help' for the list.\n`);
    return EXIT.usage;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`qda ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // node:util parseArgs reports a mistyped or incomplete option this way: a usage error, not a crash.
    if (isParseArgsError(error)) {
      io.err(`qda ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.err(`qda ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.badInput;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
}

async function helpText(): Promise<string> {
  const lines = ['qda: qualitative data analysis from the command line (projects are REFI-QDA .qdpx files)', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', "Run 'qda COMMAND --help' for a command's options.", 'Exit codes: 0 ok, 1 usage, 2 bad input.', '');
  return lines.join('\n');
}
