/**
 * "Saved" means saved: the project's revision moves in the same transaction as each change,
 * and saving marks only the revision that was written, so a change made while the file is
 * being written stays unsaved (and goes into the next save). Whole-project writes and the
 * saved mark are 'strict' transactions. A database from a newer Lantern is refused by name.
 */
import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCatalog } from '../../../renderer/src/store/db';
import { ProjectStore } from '../../../renderer/src/store/project-store';
import { applyCode, createCode } from '../../../shared/ops';
import { freshEnv, smallProject } from './helpers';

async function setup(file: { fileName?: string } = {}) {
  const env = freshEnv();
  const catalog = openCatalog(env);
  const fixture = smallProject();
  const store = await ProjectStore.create(catalog, fixture.project, env, file);
  store.coderId = fixture.coderId;
  return { env, catalog, store, ...fixture };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saved means saved', () => {
  it('keeps a change made while the file is written unsaved, and puts it in the next save', async () => {
    const { store, sourceId, codeId } = await setup({ fileName: 'study.qdpx' });
    expect(store.getStatus().dirty).toBe(false);
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 0, end: 10 }));
    const first = await store.snapshot();
    expect(first.project.codings).toHaveLength(1);

    // While the file is being written, the user codes another passage.
    store.run((p, ctx) => createCode(p, ctx, { name: 'Made during the save' }));
    await store.flush();
    await store.markSaved({ fileName: 'study.qdpx' }, first.revision);

    expect(store.getStatus().dirty).toBe(true);
    const second = await store.snapshot();
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(second.project.codes.map((c) => c.name)).toContain('Made during the save');
    await store.markSaved({ fileName: 'study.qdpx' }, second.revision);
    expect(store.getStatus().dirty).toBe(false);
  });

  it('keeps the unsaved state in the project database, across closing and reopening', async () => {
    const { env, catalog, store, project, sourceId, codeId, coderId } = await setup({ fileName: 'study.qdpx' });
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 0, end: 10 }));
    await store.close();
    // Even if the catalog's copy of the flag was lost (it is written after the change).
    await catalog.projects.update(project.meta.id, { dirty: 0 });
    expect(await ProjectStore.unsavedChanges(catalog, project.meta.id, env)).toBe(true);
    const reopened = await ProjectStore.open(catalog, project.meta.id, env);
    reopened.coderId = coderId;
    expect(reopened.getStatus().dirty).toBe(true);
    await reopened.markSaved({ fileName: 'study.qdpx' }, (await reopened.snapshot()).revision);
    await reopened.close();
    expect(await ProjectStore.unsavedChanges(catalog, project.meta.id, env)).toBe(false);
    expect((await ProjectStore.open(catalog, project.meta.id, env)).getStatus().dirty).toBe(false);
  });

  it('does not count a change whose write failed', async () => {
    const { store, sourceId, codeId } = await setup({ fileName: 'study.qdpx' });
    const before = (await store.snapshot()).revision;
    store.db.codings.hook('creating', () => {
      throw new Error('disk full');
    });
    await store.apply(applyCode(store.getProject(), store.context(), { sourceId, codeId, start: 0, end: 10 }));
    expect(store.getStatus().persist).toBe('error');
    expect((await store.snapshot()).revision).toBe(before);
    expect(store.getStatus().dirty).toBe(false);
  });

  it('tells another tab with the project open that it was saved', async () => {
    const { env, catalog, store, project, sourceId, codeId } = await setup({ fileName: 'study.qdpx' });
    const other = await ProjectStore.open(catalog, project.meta.id, env);
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 0, end: 10 }));
    await store.flush();
    await vi.waitUntil(() => other.getStatus().dirty && other.getProject().codings.length === 1);
    await store.markSaved({ fileName: 'study.qdpx' }, (await store.snapshot()).revision);
    await vi.waitUntil(() => !other.getStatus().dirty);
    await store.close();
    await other.close();
  });

  it('says whether a stored copy has unsaved changes, and null when there is none', async () => {
    const { env, catalog, store, project } = await setup();
    expect(await ProjectStore.unsavedChanges(catalog, project.meta.id, env)).toBe(true);
    expect(await ProjectStore.unsavedChanges(catalog, 'not-stored', env)).toBeNull();
    await store.close();
  });
});

describe('durability', () => {
  function recordTransactions() {
    const seen: { stores: string[]; durability: string }[] = [];
    const original = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
      if (mode === 'readwrite') seen.push({ stores: [stores].flat() as string[], durability: options?.durability ?? 'default' });
      return original.call(this, stores, mode, options);
    });
    return seen;
  }

  it('writes a whole project and the saved mark with strict durability, ordinary changes without', async () => {
    const seen = recordTransactions();
    const { store, sourceId, codeId } = await setup();
    const whole = seen.find((t) => t.stores.includes('codings') && t.stores.includes('meta'));
    expect(whole?.durability).toBe('strict');

    seen.length = 0;
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 0, end: 10 }));
    await store.flush();
    expect(seen.find((t) => t.stores.includes('codings'))?.durability).toBe('default');

    seen.length = 0;
    await store.markSaved({ fileName: 'study.qdpx' }, (await store.snapshot()).revision);
    expect(seen.filter((t) => t.stores.includes('local')).map((t) => t.durability)).toEqual(['strict']);
    await store.close();
  });
});

describe('a database from a newer Lantern', () => {
  it('is refused with the project named, not opened and written to', async () => {
    const { env, catalog, store, project } = await setup();
    await store.close();
    await new Promise<void>((resolve, reject) => {
      const request = env.indexedDB!.open(`lantern-project-${project.meta.id}`, 990);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await expect(ProjectStore.open(catalog, project.meta.id, env)).rejects.toThrow(/'Store test' was stored by a newer version of Lantern \(storage version 99/);
  });
});
