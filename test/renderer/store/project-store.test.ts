import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../renderer/src/store/db';
import type { CreateProgress } from '../../../renderer/src/store/project-store';
import { inDisplayOrder, ProjectStore, StoreError } from '../../../renderer/src/store/project-store';
import { listProjects, deleteProject } from '../../../renderer/src/store/catalog';
import { applyCode, createCode } from '../../../shared/ops';
import { combine, seededGuids, tableNames } from '../../../shared/model';
import { freshEnv, smallProject } from './helpers';

/** Resolves when the store's project satisfies the check (after a change another tab stored). */
function until(store: ProjectStore, check: (p: ReturnType<ProjectStore['getProject']>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check(store.getProject())) return resolve();
    const stop = store.subscribe(() => {
      if (check(store.getProject())) {
        stop();
        resolve();
      }
    });
  });
}

async function setup() {
  const env = freshEnv();
  const catalog = openCatalog(env);
  const fixture = smallProject();
  const store = await ProjectStore.create(catalog, fixture.project, env);
  store.coderId = fixture.coderId;
  return { env, catalog, store, ...fixture };
}

describe('ProjectStore', () => {
  it('stores a whole project and reads it back the same', async () => {
    const { env, catalog, store, project } = await setup();
    store.close();
    const reopened = await ProjectStore.open(catalog, project.meta.id, env);
    expect(reopened.getProject()).toEqual(inDisplayOrder(project));
    expect(reopened.getProject()).toEqual(store.getProject());
    expect((await listProjects(catalog)).map((p) => p.name)).toEqual(['Store test']);
  });

  it('applies a change to memory at once, before it is stored', async () => {
    const { store, sourceId, codeId } = await setup();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getProject().codings.length));
    const done = store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    expect(store.getProject().codings).toHaveLength(1);
    expect(store.getStatus().persist).toBe('saving');
    expect(seen[0]).toBe(1);
    await store.flush();
    expect(store.getStatus().persist).toBe('idle');
    expect(await store.db.codings.count()).toBe(1);
    expect(await store.db.codings.get(done.id)).toMatchObject({ sourceId, codeId });
  });

  it('undoes and redoes, and both survive closing and reopening', async () => {
    const { env, catalog, store, project, sourceId, codeId, coderId } = await setup();
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    const second = store.run((p, ctx) => createCode(p, ctx, { name: 'Case management' }));
    await store.flush();
    store.close();

    let s = await ProjectStore.open(catalog, project.meta.id, env);
    s.coderId = coderId;
    expect(s.getStatus().undoLabel).toBe("Create code 'Case management'");
    await s.undo();
    expect(s.getProject().codes.find((c) => c.id === second.id)).toBeUndefined();
    expect(s.getStatus().redoLabel).toBe("Create code 'Case management'");
    await s.undo();
    expect(s.getProject().codings).toHaveLength(0);
    s.close();

    s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getProject().codings).toHaveLength(0);
    expect(s.getStatus().undoLabel).toBeUndefined();
    expect(s.getStatus().redoLabel).toBe("Apply 'Housing'");
    await s.redo();
    expect(s.getProject().codings).toHaveLength(1);
    s.close();

    s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getProject().codings).toHaveLength(1);
    expect(s.getStatus().redoLabel).toBe("Create code 'Case management'");
    await s.redo();
    expect(s.getProject().codes.map((c) => c.name).sort()).toEqual(['Case management', 'Housing']);
    s.close();
  });

  it('a new change after undo clears the redo stack, in memory and on disk', async () => {
    const { env, catalog, store, project, sourceId, codeId } = await setup();
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    await store.undo();
    store.run((p, ctx) => createCode(p, ctx, { name: 'Employment' }));
    expect(store.getStatus().redoLabel).toBeUndefined();
    await store.flush();
    store.close();
    const s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getStatus().redoLabel).toBeUndefined();
    expect(s.getStatus().undoLabel).toBe("Create code 'Employment'");
    expect(await s.db.history.count()).toBe(1);
  });

  it('rolls back the whole change when one write in it fails', async () => {
    const { env, catalog, store, project, sourceId, codeId } = await setup();
    // Make IndexedDB refuse the coding row: the code created in the same set must not be stored either.
    store.db.codings.hook('creating', () => {
      throw new Error('disk full');
    });
    const p0 = store.getProject();
    const code = createCode(p0, store.context(), { name: 'Transport' });
    const withCode = { ...p0, codes: [...p0.codes, code.changes[0]!.after as (typeof p0.codes)[number]] };
    const coding = applyCode(withCode, store.context(), { sourceId, codeId: code.id, start: 60, end: 90 });
    const both = combine('Create and apply', [code, coding]);
    await store.apply(both);
    expect(store.getStatus().persist).toBe('error');
    expect(store.getStatus().error).toMatch(/disk full/);
    // Memory was reloaded from the database: neither row is there.
    expect(store.getProject().codes.map((c) => c.name)).toEqual(['Housing']);
    expect(store.getProject().codings).toHaveLength(0);
    expect(store.getStatus().undoLabel).toBeUndefined();
    store.close();
    const s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getProject().codes.map((c) => c.id)).toEqual([codeId]);
    expect(await s.db.history.count()).toBe(0);
  });

  it('refuses invalid rows before changing anything', async () => {
    const { store, sourceId, codeId, coderId } = await setup();
    const bad = {
      label: 'Bad coding',
      changes: [{ table: 'codings' as const, id: 'x', before: null, after: { id: 'x', codeId, sourceId, coderId, start: 5, end: 2, createdAt: 'now' } }],
    };
    expect(() => store.apply(bad)).toThrow(StoreError);
    expect(() => store.apply(bad)).toThrow(/invalid codings row x/);
    expect(store.getProject().codings).toHaveLength(0);
    expect(store.getStatus().persist).toBe('idle');
  });

  it('refuses to store an invalid project and leaves the stored one intact', async () => {
    const { env, catalog, project } = await setup();
    const broken = { ...project, codes: [{ ...project.codes[0]!, color: 'red' }] };
    await expect(ProjectStore.create(catalog, broken, env)).rejects.toThrow(/not valid \(codes\.0\.color/);
    const s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getProject().codes[0]!.color).toBe(project.codes[0]!.color);
  });

  it('stores a whole project in chunks and reports the rows written of the total', async () => {
    const env = freshEnv();
    const catalog = openCatalog(env);
    const { project, coderId, sourceId, codeId } = smallProject();
    const ids = seededGuids(41);
    const codings = Array.from({ length: 4500 }, (_, i) => ({
      id: ids(), codeId, sourceId, coderId, start: i % 50, end: (i % 50) + 10, createdAt: '2026-11-27T10:00:00Z',
    }));
    const big = { ...project, codings };
    const seen: CreateProgress[] = [];
    const store = await ProjectStore.create(catalog, big, env, {}, { chunkRows: 2000, onProgress: (p) => seen.push(p) });
    const total = 1 + tableNames.reduce((n, t) => n + big[t].length, 0);
    expect(seen[0]).toEqual({ done: 0, total });
    expect(seen.at(-1)).toEqual({ done: total, total });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.total).toBe(total);
      expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
    }
    // 4,500 codings in chunks of 2,000: three writes, each reported.
    const dones = seen.map((p) => p.done);
    const beforeCodings = 1 + big.coders.length + big.sources.length + big.attributes.length + big.cases.length + big.codes.length;
    expect(dones).toEqual(expect.arrayContaining([beforeCodings + 2000, beforeCodings + 4000, beforeCodings + 4500]));
    expect(await store.db.codings.count()).toBe(4500);
    store.close();
  });

  it('stores none of a project when a chunk fails late in the write, and keeps the stored one intact', async () => {
    const { env, catalog, store, project, coderId, sourceId, codeId } = await setup();
    store.close();
    const ids = seededGuids(42);
    const codings = Array.from({ length: 5000 }, (_, i) => ({
      id: ids(), codeId, sourceId, coderId, start: i % 50, end: (i % 50) + 10, createdAt: '2026-11-27T10:00:00Z',
    }));
    // Valid to the schema, but IndexedDB cannot store a function: the third chunk of codings fails.
    (codings[4800] as Record<string, unknown>).note = () => 'not cloneable';
    const changed = { ...project, meta: { ...project.meta, name: 'Replaced' }, codes: [], codings };
    const seen: CreateProgress[] = [];
    await expect(ProjectStore.create(catalog, changed, env, {}, { chunkRows: 2000, onProgress: (p) => seen.push(p) })).rejects.toThrow(/could not be cloned|DataClone/i);
    expect(seen.at(-1)!.done).toBeLessThan(seen.at(-1)!.total);
    expect(seen.at(-1)!.done).toBeGreaterThan(4000);
    const s = await ProjectStore.open(catalog, project.meta.id, env);
    expect(s.getProject()).toEqual(inDisplayOrder(project));
    s.close();
  });

  it('keeps bookkeeping changes out of the undo history', async () => {
    const { store } = await setup();
    await store.rename('Renamed study');
    const p = store.getProject();
    const coder = { id: '0b6f8a52-9c1e-4d3a-8f2b-7e5d4c3b2a19', name: 'Sam' };
    await store.apply({ label: "Add coder 'Sam'", changes: [{ table: 'coders', id: coder.id, before: null, after: coder }] }, { record: false });
    expect(store.getProject().coders).toHaveLength(p.coders.length + 1);
    expect(store.getStatus().undoLabel).toBe("Rename project to 'Renamed study'");
    await store.undo();
    expect(store.getProject().meta.name).toBe('Store test');
    expect(store.getProject().coders.map((c) => c.name)).toContain('Sam');
  });

  it('tracks whether the project differs from its file', async () => {
    const { store, sourceId, codeId } = await setup();
    expect(store.getStatus().dirty).toBe(true);
    await store.markSaved({ fileName: 'study.qdpx' }, (await store.snapshot()).revision);
    expect(store.getStatus().dirty).toBe(false);
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    expect(store.getStatus().dirty).toBe(true);
  });

  it('picks up changes another tab stored, so neither works on a stale copy', async () => {
    const { env, catalog, store, project, sourceId, codeId, coderId } = await setup();
    const other = await ProjectStore.open(catalog, project.meta.id, env);
    other.coderId = coderId;
    const seen = new Promise<void>((resolve) => {
      const stop = other.subscribe(() => {
        if (other.getProject().codings.length === 1) {
          stop();
          resolve();
        }
      });
    });
    store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    await store.flush();
    await seen;
    expect(other.getStatus().undoLabel).toBe("Apply 'Housing'");
    store.close();
    other.close();
  });

  it("undo in the other tab takes back this tab's latest change, and this tab sees it go", async () => {
    const { env, catalog, store, project, sourceId, codeId, coderId } = await setup();
    const other = await ProjectStore.open(catalog, project.meta.id, env);
    other.coderId = coderId;
    other.run((p, ctx) => createCode(p, ctx, { name: 'Stigma' }));
    await other.flush();
    await until(store, (p) => p.codes.some((c) => c.name === 'Stigma'));
    const applied = store.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
    await store.flush();
    await until(other, (p) => p.codings.length === 1);
    expect(other.getStatus().undoLabel).toBe("Apply 'Housing'");

    await other.undo();
    await until(store, (p) => p.codings.length === 0);
    expect(await store.db.codings.get(applied.id)).toBeUndefined();
    expect(store.getStatus().undoLabel).toBe("Create code 'Stigma'");
    expect(store.getStatus().redoLabel).toBe("Apply 'Housing'");
    await store.redo();
    await until(other, (p) => p.codings.length === 1);
    expect(other.getProject().codes.map((c) => c.name)).toContain('Stigma');
    store.close();
    other.close();
  });

  it("keeps this tab's change that was still being stored when another tab's change arrived", async () => {
    const { env, catalog, store, project, sourceId, codeId, coderId } = await setup();
    const other = await ProjectStore.open(catalog, project.meta.id, env);
    other.coderId = coderId;
    // Apply a change in the other tab the moment the first tab announces its write, i.e. while
    // the other tab is reloading.
    const listener = new BroadcastChannel(`lantern-project-${project.meta.id}`);
    const applied = new Promise<void>((resolve) => {
      listener.onmessage = () => {
        other.run((p, ctx) => applyCode(p, ctx, { sourceId, codeId, start: 60, end: 90 }));
        resolve();
      };
    });
    store.run((p, ctx) => createCode(p, ctx, { name: 'Stigma' }));
    await store.flush();
    await applied;
    listener.close();
    await other.flush();
    await until(other, (p) => p.codes.some((c) => c.name === 'Stigma'));
    await until(store, (p) => p.codings.length === 1);
    expect(other.getProject().codings).toHaveLength(1);
    expect(await other.db.codings.count()).toBe(1);
    expect(await other.db.codes.count()).toBe(2);
    store.close();
    other.close();
  });

  it('deletes a project with its database', async () => {
    const { env, catalog, store, project } = await setup();
    store.close();
    await deleteProject(catalog, project.meta.id, env);
    expect(await listProjects(catalog)).toEqual([]);
    await expect(ProjectStore.open(catalog, project.meta.id, env)).rejects.toThrow(/not in this browser's storage/);
  });
});
