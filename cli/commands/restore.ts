/**
 * `qda restore <project.qdpx> <backup> -o <out.qdpx>`: write one of a project's backups to a
 * file. Nothing is deleted: the backup stays, and if the output already exists its current
 * version is itself backed up before it is replaced.
 */
import { parseArgs } from 'node:util';
import { listBackups, readBackup } from '../../node/backups';
import { defaultBackupRoot } from '../../node/data-dir';
import { readQdpx } from '../../shared/formats/refi';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { writeProjectBytes } from '../files';

export const command: Command = {
  summary: "write one of a project's backups (see qda backups) to a .qdpx file",
  usage: 'qda restore <project.qdpx> <backup-name|latest> -o <out.qdpx>',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' } },
    });
    const [file, wanted] = positionals;
    if (!file || !wanted || positionals.length > 2)
      throw usageError('give the project and a backup name, e.g. qda restore study.qdpx latest -o restored.qdpx');
    const out = values.output;
    if (!out)
      throw usageError('say where to write the restored project with -o <out.qdpx> (it may be the project itself)');
    if (!out.toLowerCase().endsWith('.qdpx')) throw usageError(`${out}: the output must end in .qdpx`);
    const root = defaultBackupRoot();
    const backups = await listBackups(root, file);
    const backup = wanted === 'latest' ? backups[0] : backups.find((b) => b.name === wanted);
    if (!backup) {
      throw new CliError(
        backups.length === 0
          ? `${file}: has no backups`
          : `${file}: no backup named ${wanted}; run qda backups ${file} to list them`,
      );
    }
    const bytes = await readBackup(root, file, backup.name);
    try {
      readQdpx(bytes, backup.path);
    } catch (error) {
      throw new CliError(
        `${backup.path} is not a readable project (${error instanceof Error ? error.message : String(error)}); nothing was written`,
      );
    }
    await writeProjectBytes(out, bytes);
    io.out(`Wrote ${out} from the backup of ${file} made ${backup.savedAt.toISOString()}.\n`);
    return EXIT.ok;
  },
};
