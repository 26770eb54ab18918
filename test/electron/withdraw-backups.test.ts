/**
 * Backups on disk after a participant withdraws: real .qdpx backups made by the app's own
 * atomic writer, then scrubbed through the IPC handler; none may hold a sentence of the text.
 */
import * as fs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WritablePaths } from '../../electron/files';
import { writeWithBackup } from '../../node/backups';
import { createHandlers } from '../../electron/handlers';
import { deleteProjectBackups, listBackupFiles, withdrawFromBackups } from '../../electron/withdraw-backups';
import { readQdpx, writeQdpx } from '../../shared/formats/refi';
import { readZip } from '../../shared/formats/zip';
import { applyChanges } from '../../shared/model';
import * as ops from '../../shared/ops';
import { contentHash } from '../../shared/text/hash';
import { P07_SENTENCES, P08_SENTENCE, withdrawStudy } from '../shared/ops/withdraw-fixture';

// The real file system, with open wrapped so one call can be made to fail.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, open: vi.fn(actual.open) };
});

let dir: string;
let root: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-withdraw-'));
  root = path.join(dir, 'backups');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every entry of a .qdpx, inflated, as one string: what anyone opening the zip could read. */
async function everything(file: string): Promise<string> {
  const zip = readZip(await readFile(file), path.basename(file));
  return zip.names.map((n) => new TextDecoder().decode(zip.get(n))).join('\n');
}

/** The study saved three times (two backups), plus another project whose copy of the interview has other ids. */
async function saveStudy() {
  const study = withdrawStudy();
  const file = path.join(dir, 'study.qdpx');
  await writeWithBackup(file, writeQdpx(study.project), root);
  await writeWithBackup(file, writeQdpx({ ...study.project, meta: { ...study.project.meta, description: 'v2' } }), root);
  await writeWithBackup(file, writeQdpx({ ...study.project, meta: { ...study.project.meta, description: 'v3' } }), root);
  // Another project holding the same interview under another id, and one with nothing of P07.
  const copy = withdrawStudy(99);
  const other = path.join(dir, 'copy.qdpx');
  await writeWithBackup(other, writeQdpx(copy.project), root);
  await writeWithBackup(other, writeQdpx(copy.project), root);
  const unrelated = applyChanges(copy.project, ops.planWithdrawal(copy.project, ops.caseWithdrawal(copy.project, copy.ids.p07, true)).changes);
  const third = path.join(dir, 'unrelated.qdpx');
  await writeWithBackup(third, writeQdpx(unrelated), root);
  await writeWithBackup(third, writeQdpx(unrelated), root);
  return { study, file };
}

const request = (study: ReturnType<typeof withdrawStudy>) => {
  const w = ops.caseWithdrawal(study.project, study.ids.p07, false);
  const hashes = study.project.sources.filter((s) => w.sourceIds.includes(s.id)).map((s) => contentHash(s.text));
  return { ...w, textHashes: hashes };
};

describe('withdrawing from backups', () => {
  it('rewrites every backup holding the participant, so no backup on disk holds a sentence of it', async () => {
    const { study } = await saveStudy();
    const files = await listBackupFiles(root);
    expect(files).toHaveLength(4);
    const before = await Promise.all(files.map((f) => everything(path.join(root, f))));
    expect(before.filter((text) => P07_SENTENCES.some((s) => text.includes(s)))).toHaveLength(3);
    const unrelatedFile = files.find((_, i) => !P07_SENTENCES.some((s) => before[i]!.includes(s)))!;
    const unrelatedBytes = await readFile(path.join(root, unrelatedFile));

    const dry = await withdrawFromBackups(root, request(study), true);
    expect(dry.files).toHaveLength(3);
    expect(await everything(path.join(root, dry.files[0]!))).toContain(P07_SENTENCES[0]);

    const done = await withdrawFromBackups(root, request(study), false);
    expect(done).toEqual(dry);
    for (const f of await listBackupFiles(root)) {
      const text = await everything(path.join(root, f));
      expect(P07_SENTENCES.filter((s) => text.includes(s)), f).toEqual([]);
      expect(text).toContain(P08_SENTENCE);
      // Still a project the app opens.
      expect(readQdpx(await readFile(path.join(root, f)), f).project.sources.length).toBeGreaterThan(0);
    }
    // A backup with nothing of it is left byte for byte, and no temporary file is left over.
    expect(await readFile(path.join(root, unrelatedFile))).toEqual(unrelatedBytes);
    expect(await listBackupFiles(root)).toEqual(files);
    for (const folder of await readdir(root)) expect((await readdir(path.join(root, folder))).every((n) => n.endsWith('.qdpx'))).toBe(true);
  });

  it('names a backup it cannot read, and still scrubs the others', async () => {
    const { study } = await saveStudy();
    await mkdir(path.join(root, 'broken'), { recursive: true });
    await writeFile(path.join(root, 'broken', 'old.qdpx'), 'not a zip');
    const done = await withdrawFromBackups(root, request(study), false);
    expect(done.files).toHaveLength(3);
    expect(done.unreadable).toEqual([{ file: path.join('broken', 'old.qdpx'), problem: expect.stringContaining('old.qdpx') }]);
  });

  it('goes on past a backup it cannot change, and names it', async () => {
    const { study } = await saveStudy();
    // The first rewrite cannot create its temporary file, as in a folder made read-only
    // (chmod does not stop root, who runs these tests in CI, so the refusal is simulated).
    vi.mocked(fs.open).mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const done = await withdrawFromBackups(root, request(study), false);
    expect(done.unreadable).toEqual([{ file: expect.any(String), problem: 'could not be changed: EACCES: permission denied' }]);
    expect(done.files).toHaveLength(2);
    expect(await everything(path.join(root, done.unreadable[0]!.file))).toContain(P07_SENTENCES[0]);
    for (const f of done.files) expect(await everything(path.join(root, f))).not.toContain(P07_SENTENCES[0]);
  });

  it('is a no-op without a backup folder (no project was ever saved)', async () => {
    expect(await withdrawFromBackups(path.join(dir, 'none'), { sourceIds: [], caseIds: [], textHashes: [] }, false)).toEqual({ files: [], unreadable: [] });
  });

  it('runs through the typed IPC channel, which refuses a malformed request', async () => {
    const { study } = await saveStudy();
    const handlers = createHandlers({
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      windowOf: () => null,
      writable: new WritablePaths(),
      takeOpenRequests: () => [],
      backupRoot: root,
      defaultSaveDir: dir,
      version: '0',
    });
    const out = await handlers['backups:withdraw']({ ...request(study), dryRun: false }, {} as IpcMainInvokeEvent);
    expect(out.files).toHaveLength(3);
    const { ipcContract } = await import('../../shared/ipc/contract');
    expect(ipcContract['backups:withdraw'].request.safeParse({ sourceIds: ['../etc'], caseIds: [], textHashes: [], dryRun: false }).success).toBe(false);
  });
});

describe('deleting a project from this computer', () => {
  it('deletes its backups and their folder, and no other project’s', async () => {
    const { study } = await saveStudy();
    const dry = await deleteProjectBackups(root, study.project.meta.id, true);
    expect(dry.files).toHaveLength(2);
    expect(await listBackupFiles(root)).toHaveLength(4);
    const done = await deleteProjectBackups(root, study.project.meta.id, false);
    expect(done.files).toEqual(dry.files);
    const left = await listBackupFiles(root);
    expect(left).toHaveLength(2);
    for (const f of left) expect(readQdpx(await readFile(path.join(root, f)), f).project.meta.id).not.toBe(study.project.meta.id);
    await expect(stat(path.join(root, path.dirname(dry.files[0]!)))).rejects.toThrow(/ENOENT/);
  });
});
