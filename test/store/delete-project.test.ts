/**
 * "Delete project from this computer" through the app's session, in fake-indexeddb: the
 * project's database (history included) and catalog entry go, its backups are deleted
 * through the host, and the app shows the next project, or the start screen after the last.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { deleteProjectFromComputer, previewProjectDeletion } from '../../renderer/src/app/delete-project';
import { chooseCoder, getSession, newProject, openProject } from '../../renderer/src/app/session';
import { getPref, listProjects, PROJECT_DB_PREFIX } from '../../renderer/src/store';
import { createCode } from '../../shared/ops';
import { smallProject } from './helpers';

const databases = async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith(PROJECT_DB_PREFIX));

describe('delete project from this computer', () => {
  it('removes the open project with its history and backups, then shows the next, then the start screen', async () => {
    await chooseCoder('Alex'); // opens the demo on a first start
    await newProject('Kept project');
    const { project } = smallProject();
    const store = await openProject(project);
    store.run((p, ctx) => createCode(p, ctx, { name: 'Stigma' }));
    await store.flush();
    expect(await store.db.history.count()).toBe(1);
    expect(await databases()).toHaveLength(3);

    const outcome = { files: ['Store_test-abc/2026.qdpx'], unreadable: [] };
    const deleteProject = vi.fn(async () => outcome);
    const host = { backups: { withdraw: vi.fn(), deleteProject } };
    const preview = await previewProjectDeletion(project.meta.id, host);
    expect(preview).toMatchObject({ entry: { name: 'Store test' }, sources: 1, historyEntries: 1, backups: outcome });
    expect(deleteProject).toHaveBeenLastCalledWith({ projectId: project.meta.id, dryRun: true });

    const done = await deleteProjectFromComputer(project.meta.id, host);
    expect(deleteProject).toHaveBeenLastCalledWith({ projectId: project.meta.id, dryRun: false });
    expect(done.backups).toEqual(outcome);
    expect(done.next?.name).toBe('Kept project');
    expect(getSession().store?.getProject().meta.name).toBe('Kept project');
    expect(await databases()).toHaveLength(2);
    expect(await databases()).not.toContain(`${PROJECT_DB_PREFIX}${project.meta.id}`);
    expect((await listProjects(getSession().catalog)).map((p) => p.name).sort()).toEqual(['Kept project', 'LEAD evaluation (demo)']);
    expect(await getPref(getSession().catalog, 'lastProjectId')).toBe(getSession().store!.id);

    // Web mode has no backups to touch; after the last one no project is open.
    expect((await deleteProjectFromComputer(getSession().store!.id, {})).next).not.toBeNull();
    const last = getSession().store!.id;
    expect((await previewProjectDeletion(last, {})).backups).toBeNull();
    expect((await deleteProjectFromComputer(last, {})).next).toBeNull();
    expect(getSession().store).toBeNull();
    expect(await databases()).toEqual([]);
    expect(await listProjects(getSession().catalog)).toEqual([]);
    expect(await getPref(getSession().catalog, 'lastProjectId')).toBeNull();
    await expect(previewProjectDeletion(last, {})).rejects.toThrow(/not on this computer/);
  });
});
