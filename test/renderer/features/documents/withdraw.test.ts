/**
 * A participant withdraws, in the app's real storage (fake-indexeddb): after the permanent
 * deletion no table of the project database, the undo history included, holds a sentence of
 * their text, and neither undo nor redo nor reopening brings it back.
 */
import { describe, expect, it, vi } from 'vitest';
import { previewWithdrawal, scrubBackupsAfterSave, withdrawPermanently } from '../../../../renderer/src/features/documents/withdraw';
import type { BackupOutcome } from '../../../../renderer/src/host';
import { openCatalog } from '../../../../renderer/src/store/db';
import { ProjectStore } from '../../../../renderer/src/store/project-store';
import type { Project } from '../../../../shared/model';
import { tableNames } from '../../../../shared/model';
import * as ops from '../../../../shared/ops';
import { leaked, P07_SENTENCES, P08_SENTENCE, withdrawStudy } from '../../../shared/ops/withdraw-fixture';
import { freshEnv } from '../../store/helpers';

/** The study built through the store, one undoable change per operation, the last one undone. */
async function studyInStore() {
  const study = withdrawStudy();
  const env = freshEnv();
  const catalog = openCatalog(env);
  const start = { ...study.project, ...Object.fromEntries(tableNames.map((t) => [t, []])), coders: study.project.coders } as Project;
  const store = await ProjectStore.create(catalog, start, env);
  store.coderId = study.ids.coderId;
  for (const set of study.history) void store.apply(set);
  await store.undo();
  await store.flush();
  return { ...study, env, catalog, store };
}

/** Every row of every table of the project database, history and meta included. */
async function allStored(store: ProjectStore): Promise<unknown[]> {
  const tables = store.db.tables.map((t) => t.name).sort();
  expect(tables).toEqual([...tableNames, 'history', 'local', 'meta'].sort());
  return Promise.all(store.db.tables.map((t) => t.toArray()));
}

describe('permanent deletion in the project database', () => {
  it('previews the counts, then leaves no sentence of the text in any table, history included', async () => {
    const { store, ids, catalog } = await studyInStore();
    expect(leaked(P07_SENTENCES, await allStored(store))).toHaveLength(4);
    const withdrawal = ops.caseWithdrawal(store.getProject(), ids.p07, false);
    const preview = await previewWithdrawal(store, withdrawal, {});
    expect(preview.backups).toBeNull();
    expect(preview.plan.sources).toHaveLength(2);
    expect(preview.plan.codingIds).toHaveLength(3);
    expect(preview.history.dropped.length + preview.history.rewritten.length).toBeGreaterThan(5);

    const done = await withdrawPermanently(store, withdrawal, {}, catalog);
    expect(done.historyEntries).toBe(preview.history.dropped.length + preview.history.rewritten.length);
    expect(leaked(P07_SENTENCES, await allStored(store))).toEqual([]);
    expect(leaked([P08_SENTENCE], await allStored(store))).toHaveLength(1);
    expect(leaked(P07_SENTENCES, store.getProject())).toEqual([]);
    expect(store.getStatus().dirty).toBe(true);
    // Permanent deletion is not on the undo stack.
    expect(store.getStatus().undoLabel ?? '').not.toMatch(/permanently/);
    store.close();
  });

  it('undo and redo, all the way, and reopening cannot bring it back', async () => {
    const { store, ids, env, catalog, project } = await studyInStore();
    await withdrawPermanently(store, ops.caseWithdrawal(store.getProject(), ids.p07, false), {}, catalog);
    let steps = 0;
    while (store.getStatus().undoLabel) {
      await store.undo();
      steps++;
      expect(leaked(P07_SENTENCES, store.getProject())).toEqual([]);
    }
    expect(steps).toBeGreaterThan(3);
    while (store.getStatus().redoLabel) await store.redo();
    await store.flush();
    expect(leaked(P07_SENTENCES, store.getProject(), await allStored(store))).toEqual([]);
    expect(store.getProject().sources.map((s) => s.name).sort()).toEqual(['Focus group', 'P08 interview']);
    store.close();
    const reopened = await ProjectStore.open(catalog, project.meta.id, env);
    expect(leaked(P07_SENTENCES, reopened.getProject(), await allStored(reopened))).toEqual([]);
    reopened.close();
  });

  it('asks the desktop host to scrub backups only after the database, with the texts’ hashes', async () => {
    const { store, ids, catalog } = await studyInStore();
    const outcome: BackupOutcome = { files: ['study-1/a.qdpx'], unreadable: [] };
    const withdraw = vi.fn(async () => outcome);
    const host = { backups: { withdraw, deleteProject: vi.fn() } };
    const withdrawal = ops.sourceWithdrawal(store.getProject(), ids.interview);
    expect((await previewWithdrawal(store, withdrawal, host)).backups).toEqual(outcome);
    expect(withdraw).toHaveBeenLastCalledWith(expect.objectContaining({ sourceIds: [ids.interview], dryRun: true, textHashes: [expect.any(String)] }));
    const done = await withdrawPermanently(store, withdrawal, host, catalog);
    expect(withdraw).toHaveBeenLastCalledWith(expect.objectContaining({ dryRun: false }));
    expect(done.backups).toEqual(outcome);
    // Saving over the project file later backs up the old version: the next save scrubs again, once.
    withdraw.mockClear();
    expect(await scrubBackupsAfterSave(catalog, store.id, host)).toEqual(outcome);
    expect(withdraw).toHaveBeenCalledTimes(1);
    expect(withdraw).toHaveBeenLastCalledWith({ sourceIds: [ids.interview], caseIds: [], textHashes: [expect.any(String)], dryRun: false });
    expect(await scrubBackupsAfterSave(catalog, store.id, host)).toBeNull();
    expect(withdraw).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('still deletes from the project when the shell cannot reach the backups, and says so', async () => {
    const { store, ids, catalog } = await studyInStore();
    const withdraw = vi.fn(async (request: { dryRun: boolean }) => {
      if (!request.dryRun) throw new Error('backups:withdraw: permission denied');
      return { files: ['a.qdpx'], unreadable: [] };
    });
    const done = await withdrawPermanently(store, ops.caseWithdrawal(store.getProject(), ids.p07, false), { backups: { withdraw, deleteProject: vi.fn() } }, catalog);
    expect(done.backups).toBeNull();
    expect(done.backupError).toMatch(/permission denied/);
    expect(leaked(P07_SENTENCES, await allStored(store))).toEqual([]);
    store.close();
  });

  it('changes nothing when the database write fails', async () => {
    const { store, ids, catalog } = await studyInStore();
    const before = await allStored(store);
    const spy = vi.spyOn(store.db.history, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(withdrawPermanently(store, ops.caseWithdrawal(store.getProject(), ids.p07, false), {}, catalog)).rejects.toThrow(/disk full/);
    spy.mockRestore();
    expect(await allStored(store)).toEqual(before);
    expect(leaked(P07_SENTENCES, store.getProject())).toHaveLength(4);
    store.close();
  });
});
