import { describe, expect, it } from 'vitest';
import { currentVersion, historyEntryV2, migrations, upgradeRow } from '../../../renderer/src/store/migrations';
import { openProjectDb } from '../../../renderer/src/store/db';
import { ProjectStore } from '../../../renderer/src/store/project-store';
import { openCatalog } from '../../../renderer/src/store/db';
import { freshEnv, smallProject } from './helpers';

describe('store migrations', () => {
  it('are numbered upwards from 1 and end at the current version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(currentVersion).toBe(migrations.length);
  });

  it('never index text', () => {
    for (const m of migrations)
      for (const spec of Object.values(m.stores)) expect(spec ?? '').not.toMatch(/\b(text|body|definition|name)\b/);
  });

  it('v2 marks every history entry as not undone unless it was', () => {
    expect(historyEntryV2({ seq: 1, label: 'x' })).toEqual({ seq: 1, label: 'x', undone: 0 });
    expect(historyEntryV2({ seq: 2, undone: true })).toEqual({ seq: 2, undone: 1 });
    expect(historyEntryV2({ seq: 3, undone: 1 })).toEqual({ seq: 3, undone: 1 });
  });

  it('upgradeRow applies only the upgraders after the stored version', () => {
    expect(upgradeRow('history', { seq: 1 }, 1)).toEqual({ seq: 1, undone: 0 });
    expect(upgradeRow('history', { seq: 1 }, 2)).toEqual({ seq: 1 });
    expect(upgradeRow('codings', { id: 'a' }, 0)).toEqual({ id: 'a' });
  });

  it('upgrades a version 1 database in place, keeping its rows', async () => {
    const env = freshEnv();
    const { project, coderId, sourceId, codeId } = smallProject();
    // Write the project as version 1 stored it (history without `undone`).
    const v1 = openProjectDb(project.meta.id, env, { upTo: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('meta').put(project.meta);
    await v1.table('sources').bulkPut(project.sources);
    await v1.table('codes').bulkPut(project.codes);
    await v1.table('coders').bulkPut(project.coders);
    const coding = { id: '5a0c1c4e-4b9a-4c51-8a43-2a0d3c1e9f10', codeId, sourceId, coderId, start: 60, end: 90, createdAt: '2026-11-27T10:00:00Z' };
    await v1.table('history').add({ label: "Apply 'Housing'", set: { label: "Apply 'Housing'", changes: [{ table: 'codings', id: coding.id, before: null, after: coding }] }, at: 'x' });
    await v1.table('codings').put(coding);
    v1.close();

    const catalog = openCatalog(env);
    await catalog.projects.put({ id: project.meta.id, name: project.meta.name, modifiedAt: 'x', dirty: 1 });
    const store = await ProjectStore.open(catalog, project.meta.id, env);
    expect(store.db.verno).toBe(currentVersion);
    expect(await store.db.history.where('undone').equals(0).count()).toBe(1);
    expect(store.getProject().codings).toEqual([coding]);
    // The upgraded history still undoes.
    expect(store.getStatus().undoLabel).toBe("Apply 'Housing'");
    await store.undo();
    expect(store.getProject().codings).toEqual([]);
  });

  it('v4 adds the table of kept content to a version 3 database, which then stores and reloads it', async () => {
    const env = freshEnv();
    const { project } = smallProject();
    const v2 = openProjectDb(project.meta.id, env, { upTo: 3 });
    await v2.open();
    await v2.table('meta').put(project.meta);
    await v2.table('sources').bulkPut(project.sources);
    await v2.table('codes').bulkPut(project.codes);
    await v2.table('coders').bulkPut(project.coders);
    expect(v2.tables.map((t) => t.name)).not.toContain('preserved');
    v2.close();

    const catalog = openCatalog(env);
    await catalog.projects.put({ id: project.meta.id, name: project.meta.name, modifiedAt: 'x', dirty: 0 });
    const store = await ProjectStore.open(catalog, project.meta.id, env);
    expect(store.db.verno).toBe(currentVersion);
    expect(store.getProject().preserved).toEqual([]);
    expect(store.getProject().sources).toEqual(project.sources);
    const kept = { id: 'entry:sources/flyer.pdf', kind: 'entry' as const, path: 'sources/flyer.pdf', bytes: new Uint8Array([37, 80, 68, 70]) };
    await store.apply({ label: 'Keep', changes: [{ table: 'preserved', id: kept.id, before: null, after: kept }] }, { record: false });
    await store.flush();
    store.close();
    const reopened = await ProjectStore.open(catalog, project.meta.id, env);
    expect(reopened.getProject().preserved).toEqual([kept]);
    const [row] = reopened.getProject().preserved;
    expect(row?.kind === 'entry' ? row.bytes : null).toBeInstanceOf(Uint8Array);
    reopened.close();
  });
});
