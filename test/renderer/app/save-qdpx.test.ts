/**
 * Save through the host while the user keeps working: the file holds the project as it was
 * when the save began, a change made while the file is written stays unsaved, and the next
 * save writes it. (Before revisions, the save marked everything saved, the late change included.)
 */
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../shared/formats/refi';
import { createCode } from '../../../shared/ops';
import { createConfirmations } from '../../../renderer/src/app/confirmations';
import { createPendingWork } from '../../../renderer/src/app/pending-work';
import { saveQdpx } from '../../../renderer/src/app/project-files';
import { createSession } from '../../../renderer/src/app/session';
import { createUi } from '../../../renderer/src/app/ui-state';

const ui = createUi();
import type { Host } from '../../../renderer/src/host';
import { openCatalog } from '../../../renderer/src/store/db';
import { freshEnv, smallProject } from '../store/helpers';

/** A desktop-like host; after hold(), the next writeFile waits until finish(). */
function slowHost() {
  const written: Uint8Array[] = [];
  let gate: { started: () => void; released: Promise<void> } | null = null;
  let release = () => {};
  const host: Host = {
    kind: 'electron',
    openFiles: async () => [],
    saveFile: async ({ bytes }) => {
      written.push(bytes);
      return '/home/ana/study.qdpx';
    },
    writeFile: async (_path, bytes) => {
      const held = gate;
      gate = null;
      if (held) {
        held.started();
        await held.released;
      }
      written.push(bytes);
    },
  };
  const hold = () =>
    new Promise<void>((started) => {
      gate = { started, released: new Promise<void>((r) => (release = r)) };
    });
  return { host, written, hold, finish: () => release() };
}

describe('saveQdpx', () => {
  it('leaves a change made while the file is written unsaved, and writes it next time', async () => {
    const env = freshEnv();
    const catalog = openCatalog(env);
    const pendingWork = createPendingWork();
    const confirmations = createConfirmations();
    const session = createSession({ catalog, env, confirmations, pendingWork, ui });
    const { project, coderId } = smallProject();
    const store = await session.openProject(project);
    store.coderId = coderId;
    const { host, written, hold, finish } = slowHost();
    const services = { session, host, pendingWork, confirmations };

    expect(await saveQdpx(services, true)).toBe('/home/ana/study.qdpx');
    expect(store.getStatus().dirty).toBe(false);

    store.run((p, ctx) => createCode(p, ctx, { name: 'Before the save' }));
    const writing = hold();
    const saving = saveQdpx(services);
    await writing;
    store.run((p, ctx) => createCode(p, ctx, { name: 'During the save' }));
    finish();
    await saving;

    const names = (bytes: Uint8Array) => readQdpx(bytes, 'study.qdpx').project.codes.map((c) => c.name);
    expect(names(written[1]!)).toContain('Before the save');
    expect(names(written[1]!)).not.toContain('During the save');
    expect(store.getStatus().dirty).toBe(true);

    await saveQdpx(services);
    expect(names(written[2]!)).toContain('During the save');
    expect(store.getStatus().dirty).toBe(false);
  });
});
