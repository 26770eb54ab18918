/**
 * The session without a browser: a last project that will not open is reported by name (not
 * replaced by the demo) and Try again opens it once it can; the question before a file
 * replaces unsaved work, answered both ways; the editors' pending work is handed over before
 * a switch; the app's questions queue; what can be read of a broken project is exported.
 */
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../shared/formats/refi';
import { createCode } from '../../../shared/ops';
import { createConfirmations } from '../../../renderer/src/app/confirmations';
import { createPendingWork } from '../../../renderer/src/app/pending-work';
import { readWhatCan, rescueFile } from '../../../renderer/src/app/rescue';
import { createSession } from '../../../renderer/src/app/session';
import { createUi } from '../../../renderer/src/app/ui-state';

const ui = createUi();
import { openCatalog, openProjectDb } from '../../../renderer/src/store/db';
import { setPref } from '../../../renderer/src/store/catalog';
import { freshEnv, smallProject } from '../store/helpers';

function setup() {
  const env = freshEnv();
  const catalog = openCatalog(env);
  const confirmations = createConfirmations();
  const pendingWork = createPendingWork();
  const demo = smallProject().project;
  const other = { ...demo, meta: { ...demo.meta, id: '7c1f5a0e-2d3b-4e6f-9a8b-0c1d2e3f4a5b', name: 'Demo' } };
  const session = createSession({ catalog, env, confirmations, pendingWork, ui, buildDemo: async () => other });
  return { env, catalog, confirmations, pendingWork, session, demo };
}

describe('session', () => {
  it('reports a last project that will not open by name, never the demo, and Try again opens it once it can', async () => {
    const { env, catalog, session, demo } = setup();
    const store = await session.openProject(demo);
    await store.close();
    await setPref(catalog, 'coderName', 'Ana');
    await setPref(catalog, 'lastProjectId', demo.meta.id);
    const db = openProjectDb(demo.meta.id, env);
    await db.meta.clear();

    const again = createSession({ catalog, env, confirmations: createConfirmations(), pendingWork: createPendingWork(), ui });
    await again.start();
    const state = again.state.get();
    expect(state.store).toBeNull();
    expect(state.openFailure).toMatchObject({ projectId: demo.meta.id, projectName: 'Store test', retries: 0 });
    expect(state.openFailure?.message).toMatch(/its project row could not be read/);

    await again.retry();
    expect(again.state.get().openFailure?.retries).toBe(1);
    await db.meta.put(demo.meta);
    db.close();
    await again.retry();
    expect(again.state.get().openFailure).toBeNull();
    expect(again.state.get().store?.getProject().meta.name).toBe('Store test');
  });

  it('asks before a file replaces unsaved work, and each answer does what it says', async () => {
    const { session, confirmations, demo } = setup();
    const store = await session.openProject(demo, { fileName: 'study.qdpx' });
    store.coderId = demo.coders[0]!.id;
    store.run((p, ctx) => createCode(p, ctx, { name: 'Only here' }));

    const kept = session.openProject(demo, { fileName: 'study.qdpx' });
    await until(() => confirmations.current.get() !== null);
    expect(confirmations.current.get()!.question.title).toBe("Keep which copy of 'Store test'?");
    confirmations.current.get()!.answer('keep');
    expect((await kept).getProject().codes.map((c) => c.name)).toContain('Only here');

    const replaced = session.openProject(demo, { fileName: 'study.qdpx' });
    await until(() => confirmations.current.get() !== null);
    confirmations.current.get()!.answer('replace');
    const after = await replaced;
    expect(after.getProject().codes.map((c) => c.name)).not.toContain('Only here');
    expect(after.getStatus().dirty).toBe(false);
  });

  it('hands over the editors pending work and stores it before closing the project it belongs to', async () => {
    const { session, pendingWork, demo } = setup();
    const store = await session.openProject(demo);
    store.coderId = demo.coders[0]!.id;
    let held = true;
    pendingWork.register({
      pending: () => held,
      flush: () => {
        held = false;
        store.run((p, ctx) => createCode(p, ctx, { name: 'Typed a moment ago' }));
      },
    });
    await session.openDemo();
    expect(held).toBe(false);
    await session.openStoredProject(demo.meta.id);
    const reopened = session.state.get().store!;
    expect(reopened.getProject().codes.map((c) => c.name)).toContain('Typed a moment ago');
  });
});

describe('confirmations', () => {
  it('asks one question at a time, and an unknown answer counts as dismissing', async () => {
    const c = createConfirmations();
    const first = c.confirm({ title: 'One', message: '', confirmLabel: 'Yes' });
    const second = c.ask({ title: 'Two', message: '', choices: [{ id: 'a', label: 'A' }], dismiss: 'a' });
    expect(c.current.get()!.question.title).toBe('One');
    c.current.get()!.answer('nonsense');
    expect(await first).toBe(false);
    expect(c.current.get()!.question.title).toBe('Two');
    c.current.get()!.answer('a');
    expect(await second).toBe('a');
    expect(c.current.get()).toBeNull();
  });
});

describe('rescue', () => {
  it('exports a readable project as .qdpx, and one without its project row as JSON with every row', async () => {
    const { env, session, demo } = setup();
    await (await session.openProject(demo)).close();
    const whole = await rescueFile('Store test', await readWhatCan(demo.meta.id, env.indexedDB));
    expect(whole.name).toBe('Store test (rescued).qdpx');
    expect(readQdpx(whole.bytes, whole.name).project.sources).toHaveLength(1);

    const db = openProjectDb(demo.meta.id, env);
    await db.meta.clear();
    db.close();
    const partial = await rescueFile('Store test', await readWhatCan(demo.meta.id, env.indexedDB));
    expect(partial.name).toBe('Store test (rescued).json');
    const json = JSON.parse(new TextDecoder().decode(partial.bytes)) as { tables: Record<string, unknown[]> };
    expect(json.tables.sources).toHaveLength(1);
    expect(json.tables.codes).toHaveLength(demo.codes.length);
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!check()) throw new Error('timed out');
}
