/**
 * "Delete project from this computer" through the app's session, in fake-indexeddb: the
 * project's database (history included) and catalog entry go, its backups are deleted
 * through the host, and the app shows the next project, or the start screen after the last.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../renderer/src/host';
import { deleteProjectFromComputer, previewProjectDeletion } from '../../../renderer/src/app/delete-project';
import { createAppServices } from '../../../renderer/src/app/services';
import { getPref, listProjects, PROJECT_DB_PREFIX } from '../../../renderer/src/store';
import { createCode } from '../../../shared/ops';
import { freshEnv, smallProject } from '../store/helpers';

const env = freshEnv();
const databases = async () => (await env.indexedDB!.databases()).map((d) => d.name).filter((n) => n?.startsWith(PROJECT_DB_PREFIX));
/** The app's services over this test's own database, with the host's backups as given (none in web mode). */
const withBackups = (backups?: Host['backups']) => ({ ...services, host: backups ? { backups } : {} });
const services = createAppServices({ env, host: {} as Host });
const getSession = () => services.session.state.get();

describe('delete project from this computer', () => {
  it('removes the open project with its history and backups, then shows the next, then the start screen', async () => {
    await services.session.chooseCoder('Alex'); // opens the demo on a first start
    await services.session.newProject('Kept project');
    const { project } = smallProject();
    const store = await services.session.openProject(project);
    store.run((p, ctx) => createCode(p, ctx, { name: 'Stigma' }));
    await store.flush();
    expect(await store.db.history.count()).toBe(1);
    expect(await databases()).toHaveLength(3);

    const outcome = { files: ['Store_test-abc/2026.qdpx'], unreadable: [] };
    const deleteProject = vi.fn(async () => outcome);
    const host = withBackups({ withdraw: vi.fn(), deleteProject });
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
    expect((await listProjects(services.catalog)).map((p) => p.name).sort()).toEqual(['Kept project', 'LEAD evaluation (demo)']);
    expect(await getPref(services.catalog, 'lastProjectId')).toBe(getSession().store!.id);

    // Web mode has no backups to touch; after the last one no project is open.
    expect((await deleteProjectFromComputer(getSession().store!.id, withBackups())).next).not.toBeNull();
    const last = getSession().store!.id;
    expect((await previewProjectDeletion(last, withBackups())).backups).toBeNull();
    expect((await deleteProjectFromComputer(last, withBackups())).next).toBeNull();
    expect(getSession().store).toBeNull();
    expect(await databases()).toEqual([]);
    expect(await listProjects(services.catalog)).toEqual([]);
    expect(await getPref(services.catalog, 'lastProjectId')).toBeNull();
    await expect(previewProjectDeletion(last, withBackups())).rejects.toThrow(/not on this computer/);
  });
});
