/** `qda backups <project.qdpx>`: the earlier versions of a project kept when it was overwritten. */
import { parseArgs } from 'node:util';
import { backupFolderFor, listBackups } from '../../node/backups';
import { defaultBackupRoot } from '../../node/data-dir';
import type { Command } from '../main';
import { EXIT, usageError } from '../io';

/** 2026-03-20 14:03:12 in the computer's time zone, as people read a file listing. */
export function localTime(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ` +
    `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`
  );
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const command: Command = {
  summary: 'list the backups kept of a project (restore one with qda restore)',
  usage: 'qda backups <project.qdpx> [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one project file, e.g. qda backups study.qdpx');
    const root = defaultBackupRoot();
    const backups = await listBackups(root, file);
    if (values.json) {
      const rows = backups.map((b) => ({ name: b.name, savedAt: b.savedAt.toISOString(), size: b.size, path: b.path }));
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    if (backups.length === 0) {
      io.out(`${file}: no backups (one is kept each time the project is overwritten by qda or the app)\n`);
      return EXIT.ok;
    }
    const lines = [`${file}: ${backups.length} backups in ${backupFolderFor(root, file)}, newest first`];
    for (const b of backups) lines.push(`  ${b.name}  ${localTime(b.savedAt)}  ${sizeText(b.size).padStart(9)}`);
    lines.push('', `Restore one with: qda restore ${file} <name> -o restored.qdpx`);
    io.out(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
