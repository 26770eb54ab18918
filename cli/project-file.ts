/**
 * Opening and saving .qdpx projects from the command line. A save never leaves a
 * half-written project behind (node/atomic-write.ts), and the version it replaces is kept
 * in the project's backup folder (node/backups.ts, `qda backups`).
 */
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readInputFile, writeProjectBytes } from './files';
import { isoNow } from '../shared/model/context';
import { newGuid } from '../shared/model/ids';
import { emptyProject } from '../shared/model/project';
import type { Project } from '../shared/model/schema';
import { lossOf } from '../shared/model/preserved';
import { readQdpx, writeQdpx } from '../shared/formats/refi';
import type { ImportReport } from '../shared/formats/refi';
import { CliError } from './io';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A project and what its import found (skipped items, position mode, warnings). */
export async function readProjectWithReport(path: string): Promise<{ project: Project; report: ImportReport }> {
  const bytes = await readInputFile(path);
  try {
    // The reader names the file in its messages; give it the path the user typed.
    return readQdpx(bytes, path);
  } catch (error) {
    const message = describe(error);
    throw new CliError(message.includes(path) ? message : `${path}: ${message}`);
  }
}

export async function readProjectFile(path: string): Promise<Project> {
  return (await readProjectWithReport(path)).project;
}

/**
 * Saving over the file a project was read from, when that file held something we could
 * not keep (the reader marks the project lossy), would lose it for good: refused unless
 * forced, naming what would be left out. Writing any other file is fine.
 */
export function refuseLossyOverwrite(path: string, project: Project, force = false): void {
  const loss = lossOf(project.preserved);
  if (!loss || force || resolve(path) !== resolve(loss.fileName)) return;
  throw new CliError(
    `${path}: saving over it would leave out what Lantern QDA could not keep from it:\n` +
      loss.items.map((item) => `  - ${item}\n`).join('') +
      'Write the project to another file, or give --force to save over this one anyway.',
  );
}

export async function writeProjectFile(path: string, project: Project, options: { force?: boolean } = {}): Promise<void> {
  refuseLossyOverwrite(path, project, options.force);
  let bytes: Uint8Array;
  try {
    bytes = writeQdpx(project);
  } catch (error) {
    throw new CliError(`${path}: could not build the project file: ${describe(error)}`);
  }
  await writeProjectBytes(path, bytes);
}

/** The project in the file, or a new empty one (with a default coder) when the file does not exist yet. */
export async function projectOrNew(path: string, name?: string): Promise<Project> {
  try {
    await access(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`${path} could not be opened: ${describe(error)}`);
    const now = isoNow();
    const coder = { id: newGuid(), name: process.env.USER || process.env.USERNAME || 'Coder 1' };
    return emptyProject({ id: newGuid(), name: name || basename(path).replace(/\.qdpx$/i, '') || 'Project', now, coder });
  }
  return readProjectFile(path);
}
