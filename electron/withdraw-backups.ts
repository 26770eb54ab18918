/**
 * Backups on this machine for a participant's withdrawal and for "delete project from this
 * computer": each backup .qdpx in the backup folder holding the withdrawn sources (by id, or
 * by identical text under another id) is rewritten without them, atomically; a project's
 * backups (those carrying its id) are deleted. A backup that cannot be read is reported by
 * name, never silently skipped: the user must know it may still hold the text.
 */
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { readQdpx, writeQdpx } from '../shared/formats/refi';
import type { Project } from '../shared/model';
import { withdrawFromProject, type Withdrawal } from '../shared/ops/withdraw';
import { contentHash } from '../shared/text/hash';
import { writeFileAtomic } from '../node/atomic-write';

export interface BackupOutcome {
  /** Backups changed (or, in a dry run, that would be), relative to the backup folder. */
  files: string[];
  /** Backups that could not be read or changed, with the reason: they may still hold it. */
  unreadable: { file: string; problem: string }[];
}

/** Every .qdpx backup under the root (one folder per project file), relative paths, sorted. */
export async function listBackupFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 2) await walk(full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.qdpx')) out.push(path.relative(root, full));
    }
  };
  await walk(root, 0);
  return out.sort();
}

async function eachBackup(root: string, visit: (file: string, project: Project) => Promise<boolean>): Promise<BackupOutcome> {
  const outcome: BackupOutcome = { files: [], unreadable: [] };
  for (const file of await listBackupFiles(root)) {
    let project: Project;
    try {
      project = readQdpx(await readFile(path.join(root, file)), path.basename(file)).project;
    } catch (error) {
      outcome.unreadable.push({ file, problem: error instanceof Error ? error.message : String(error) });
      continue;
    }
    try {
      if (await visit(file, project)) outcome.files.push(file);
    } catch (error) {
      // One backup that cannot be changed (e.g. read-only) must not leave the others untouched.
      outcome.unreadable.push({ file, problem: `could not be changed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return outcome;
}

export interface BackupWithdrawal extends Withdrawal {
  /** contentHash of each withdrawn source's text, to find a copy kept under another id. */
  textHashes: string[];
}

/** Rewrite each backup that holds the withdrawal without it (or, with dryRun, only name them). */
export function withdrawFromBackups(root: string, withdrawal: BackupWithdrawal, dryRun: boolean): Promise<BackupOutcome> {
  const hashes = new Set(withdrawal.textHashes);
  return eachBackup(root, async (file, project) => {
    const sameText = project.sources.filter((s) => hashes.has(contentHash(s.text))).map((s) => s.id);
    const next = withdrawFromProject(project, { caseIds: withdrawal.caseIds, sourceIds: [...withdrawal.sourceIds, ...sameText] });
    if (next === project) return false;
    if (!dryRun) await writeFileAtomic(path.join(root, file), writeQdpx(next));
    return true;
  });
}

/** Delete the backups of one project (those carrying its id), and folders left empty. */
export function deleteProjectBackups(root: string, projectId: string, dryRun: boolean): Promise<BackupOutcome> {
  return eachBackup(root, async (file, project) => {
    if (project.meta.id !== projectId) return false;
    if (!dryRun) {
      await rm(path.join(root, file), { force: true });
      // The project's folder goes once empty (rmdir refuses a folder that is not).
      if (path.dirname(file) !== '.') await rmdir(path.join(root, path.dirname(file))).catch(() => undefined);
    }
    return true;
  });
}
