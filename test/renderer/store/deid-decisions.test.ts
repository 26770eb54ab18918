/**
 * De-identification decisions live in the existing settings table (one row, its value
 * checked by deidDecisionsSchema when read), so no store migration is needed: this proves
 * they survive closing and reopening the stored project, as a reload would.
 */
import { describe, expect, it } from 'vitest';
import { buildDeidFixture } from '../../../fixtures/deid';
import { findCandidates, saveDecisions, savedDecisions } from '../../../shared/deid';
import { openCatalog } from '../../../renderer/src/store/db';
import { ProjectStore } from '../../../renderer/src/store/project-store';
import { freshEnv } from './helpers';

describe('de-identification decisions in the store', () => {
  it('are kept across a reopen, and undo removes them', async () => {
    const env = freshEnv();
    const catalog = openCatalog(env);
    const { project } = buildDeidFixture();
    const store = await ProjectStore.create(catalog, project, env);
    const decisions = findCandidates(project).map(({ hits: _h, isNew: _n, ...d }) => (d.label === 'Dayton' ? { ...d, accepted: false } : d));
    await store.apply(saveDecisions(store.getProject(), decisions));
    await store.flush();
    store.close();

    const again = await ProjectStore.open(catalog, project.meta.id, env);
    expect(savedDecisions(again.getProject())).toEqual(decisions);
    await again.undo();
    expect(savedDecisions(again.getProject())).toEqual([]);
    again.close();
  });
});
