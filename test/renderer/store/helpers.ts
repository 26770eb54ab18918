import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { StorageEnv } from '../../../renderer/src/store/db';
import type { Project } from '../../../shared/model';
import { emptyProject, seededGuids } from '../../../shared/model';
import { addCoder, addSource, createCode } from '../../../shared/ops';
import { applyChanges } from '../../../shared/model';
import { composeTranscript } from '../../../shared/text/compose';

/** A fresh, empty IndexedDB for each test. */
export function freshEnv(): StorageEnv {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function ctxFor(seed: number, coderId: string) {
  const newId = seededGuids(seed);
  return { newId, now: () => '2026-11-27T10:00:00Z', coderId };
}

/** A small project: one coder, one transcript, one code. */
export function smallProject(): { project: Project; coderId: string; sourceId: string; codeId: string } {
  const ids = seededGuids(7);
  let project = emptyProject({ id: ids(), name: 'Store test', now: '2026-11-27T10:00:00Z' });
  const ctx0 = { newId: ids, now: () => '2026-11-27T10:00:00Z', coderId: ids() };
  const coder = addCoder(project, ctx0, { name: 'Alex' });
  project = applyChanges(project, coder);
  const ctx = { ...ctx0, coderId: coder.id };
  const structure = composeTranscript([
    { speaker: 'Interviewer', text: 'How did the program help you?' },
    { speaker: 'Participant', text: 'My case manager found me housing within a week.' },
  ]);
  const source = addSource(project, ctx, { name: 'P01', structure, format: 'txt' });
  project = applyChanges(project, source);
  const code = createCode(project, ctx, { name: 'Housing', origin: 'deductive' });
  project = applyChanges(project, code);
  return { project, coderId: coder.id, sourceId: source.id, codeId: code.id };
}
